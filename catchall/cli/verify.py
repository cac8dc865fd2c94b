"""``catchall verify``: check a saved report against its content hash."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from catchall.cli.common import fail, one_line_errors
from catchall.reports.verify import verify_bytes


@one_line_errors
def verify(report: Annotated[Path, typer.Argument(help="A saved report: JSON, HTML or PDF.")]) -> None:
    """Recompute the content hash of a saved report; exit 0 when it matches, 1 when it was altered."""
    try:
        data = report.read_bytes()
    except OSError as exc:
        raise fail(f"{report}: cannot read the file: {exc.strerror}") from None
    ok, actual, document = verify_bytes(data, file=str(report))
    if ok:
        typer.echo(f"{report}: verified; reference {document.get('reference')}, decision {document.get('decision')},"
                   f" hash {actual}")
        return
    typer.echo(f"{report}: NOT verified: content hash {document.get('content_hash')} does not match {actual}", err=True)
    raise typer.Exit(1)
