"""``catchall goods``: classify items against the control and watch lists."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from catchall.cli.common import fail
from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.services.goods import classify_item

app = typer.Typer(help="Classify goods against control lists and watch lists.", no_args_is_help=True)


class _BadLine:
    def __init__(self, message: str) -> None:
        self.message = message


def _lines(stream: TextIO) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, _BadLine(f"line {number}: not valid JSON: {exc.msg}")


@app.command()
def classify(
    file: Annotated[str, typer.Argument(help="JSON Lines file of items, or - for standard input.")] = "-",
) -> None:
    """Classify items (JSON Lines in, JSON Lines out, same order; CONTRACTS.md).

    Each input line is {"id", "description", "specs", "hs_code"}. Each output line
    has the entries with status controlled, possible, near_miss or watch, and one
    explanation line per criterion. A bad item gets an "error" field and the others
    are still classified; the exit status is 1 when any item failed.
    """
    try:
        stream: TextIO = sys.stdin if file == "-" else Path(file).open(encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise fail(f"{file}: cannot read the file: {exc.strerror}") from None
    classifier, grades = default_classifier(), default_grade_lookup()
    failed = 0
    try:
        for _, data in _lines(stream):
            if isinstance(data, _BadLine):
                out: dict[str, Any] = {"id": None, "error": data.message}
            else:
                out = classify_item(data, classifier=classifier, grades=grades)
            failed += "error" in out
            typer.echo(json.dumps(out, ensure_ascii=False))
    except UnicodeDecodeError:
        raise fail(f"{file}: not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        raise typer.Exit(1)
