"""``catchall demo``: screen the bundled example inquiries and summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

import catchall
from catchall.cli.common import core, fail, one_line_errors
from catchall.services.inquiries import read_inquiry


def _default_examples() -> Path:
    beside_package = Path(catchall.__file__).resolve().parent.parent / "examples"
    return beside_package if beside_package.is_dir() else Path("examples")


@one_line_errors
def demo(
    ctx: typer.Context,
    folder: Annotated[Path | None, typer.Argument(help="Folder of inquiry JSON files.")] = None,
) -> None:
    """Screen every example inquiry and print a summary table."""
    folder = folder or _default_examples()
    files = sorted(folder.glob("*.json"))
    if not files:
        raise fail(f"{folder}: no inquiry files (*.json) to screen")
    service = core(ctx)
    table = Table(title=f"Catchall demo: {len(files)} inquiries from {folder}", show_lines=True)
    for column in ("Inquiry", "Decision", "Findings", "First reason"):
        table.add_column(column)
    for file in files:
        screened = service.screen(read_inquiry(file))
        report = screened.report
        table.add_row(
            f"{file.name}\n{report.reference or ''}",
            report.decision.value,
            str(len(report.findings)),
            report.reasons[0],
        )
    console = Console(width=160)
    console.print(table)
    console.print(f"Stored in {service.settings.db_url}")
