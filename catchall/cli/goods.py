"""``catchall goods``: classify items against the control and watch lists."""

from __future__ import annotations

from typing import Annotated

import typer

from catchall.cli.common import json_lines
from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.services.goods import classify_item

app = typer.Typer(help="Classify goods against control lists and watch lists.", no_args_is_help=True)


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
    classifier, grades = default_classifier(), default_grade_lookup()
    json_lines(file, lambda data: classify_item(data, classifier=classifier, grades=grades))
