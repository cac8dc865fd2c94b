"""``catchall parties``: screen names against the sanctions and denied-party lists in force."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from catchall.cli.common import core, fail, one_line_errors
from catchall.services.parties import DEFAULT_THRESHOLD, match_one, matcher

app = typer.Typer(help="Screen parties against sanctions and denied-party lists.", no_args_is_help=True)


@app.command()
@one_line_errors
def match(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="JSON Lines file of queries, or - for standard input.")] = "-",
    threshold: Annotated[
        float | None, typer.Option(help=f"Lowest score reported (default {DEFAULT_THRESHOLD}).", min=0, max=1)
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many matches per query.", min=1)] = 10,
) -> None:
    """Match parties (JSON Lines in, JSON Lines out, same order; CONTRACTS.md).

    Each input line is {"id", "name", "schema", "birth_date", "nationality", "country",
    "identifiers"}; each output line lists the matches at or above the threshold, best
    first, each with its explanation. A bad query gets an "error" field; exit status 1
    when any query failed.
    """
    try:
        stream: TextIO = sys.stdin if file == "-" else Path(file).open(encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise fail(f"{file}: cannot read the file: {exc.strerror}") from None
    service = core(ctx)
    index, _ = matcher(service.store, service.settings.cache_dir)
    failed = 0
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data: Any = json.loads(line)
            except json.JSONDecodeError as exc:
                out: dict[str, Any] = {"id": None, "error": f"line {number}: not valid JSON: {exc.msg}"}
            else:
                out = match_one(index, data, threshold, limit)
            failed += "error" in out
            typer.echo(json.dumps(out, ensure_ascii=False))
    except UnicodeDecodeError:
        raise fail(f"{file}: not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        raise typer.Exit(1)
