"""``catchall parties``: screen names against the sanctions and denied-party lists in force."""

from __future__ import annotations

from typing import Annotated

import typer

from catchall.cli.common import core, json_lines, one_line_errors
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
    service = core(ctx)
    index, _ = matcher(service.store, service.settings.cache_dir)
    json_lines(file, lambda data: match_one(index, data, threshold, limit))
