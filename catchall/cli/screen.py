"""``catchall screen``: screen one inquiry file and print its report."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from catchall.cli.common import core, fail, one_line_errors
from catchall.cli.render import report_text
from catchall.reports.render import render_html, render_pdf
from catchall.services.inquiries import read_inquiry


class Format(StrEnum):
    """Output formats of a report."""

    text = "text"
    json = "json"
    html = "html"
    pdf = "pdf"


@one_line_errors
def screen(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Inquiry JSON file (CONTRACTS.md, Inquiry).")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here.")] = None,
    save: Annotated[bool, typer.Option("--save/--no-save", help="Store the inquiry and its report.")] = True,
) -> None:
    """Screen an inquiry: goods, parties and red flags, then CLEAR, REVIEW or STOP_AND_REPORT.

    Exits 0 whatever the decision; 2 on bad input, with one line naming the field.
    """
    inquiry = read_inquiry(file)
    screened = core(ctx).screen(inquiry, save=save)
    if fmt in (Format.json, Format.html):
        text = screened.report.model_dump_json(indent=2) if fmt is Format.json else render_html(screened.report)
        if output:
            _write(output, text + "\n")
        else:
            typer.echo(text)
        return
    if fmt is Format.pdf:
        pdf = render_pdf(screened.report)
        if output:
            _write_bytes(output, pdf)
        else:
            sys.stdout.buffer.write(pdf)
        return
    console = Console(record=output is not None, width=120)
    console.print(report_text(screened.report))
    if output:
        _write(output, console.export_text())


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise fail(f"{path}: cannot write the report: {exc.strerror}") from None


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{path}: cannot write the report: {exc.strerror}") from None
