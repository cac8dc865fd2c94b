"""``catchall controls``: browse, show, diff and validate control lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from catchall.cli.common import fail, one_line_errors
from catchall.controls.render import criterion_lines
from catchall.services import controls

app = typer.Typer(help="Browse, show, diff and validate control lists.", no_args_is_help=True)
console = Console(width=140, highlight=False)


@app.command("list")
@one_line_errors
def list_(
    prefix: Annotated[str, typer.Argument(help="Only codes starting with this (e.g. 1C2, 0B001).")] = "",
) -> None:
    """List control entries with their NSG and ECCN references and whether criteria are checked."""
    rows = controls.list_entries(prefix)
    if not rows:
        raise fail(f"no control entry starts with '{prefix}'")
    table = Table(show_lines=False)
    for column in ("Code", "NSG", "ECCN", "Checked", "Title"):
        table.add_column(column)
    for row in rows:
        table.add_row(row.code, row.nsg or "", row.eccn or "", "criteria" if row.checked else "text", row.title)
    console.print(table)
    console.print(f"{len(rows)} entries; {controls.registry().version}")


@app.command()
@one_line_errors
def show(code: Annotated[str, typer.Argument(help="Entry code, e.g. 1C202.a.")]) -> None:
    """Show one entry: references, legal text, scope, criteria, exclusions and notes."""
    entry, lst = controls.show_entry(code)
    console.print(f"[bold]{entry.code}[/bold]  {entry.title}")
    console.print(f"List: {lst.name}; {lst.source.title}, {lst.source.version}")
    for label, value in (("NSG", entry.nsg), ("ECCN", entry.eccn), ("Parent", entry.parent)):
        if value:
            console.print(f"{label}: {value}")
    console.print("\n[bold]Text[/bold]")
    console.print(entry.text, markup=False)
    for label, criterion in (("Scope", entry.scope), ("Criteria", entry.criteria)):
        if criterion is not None:
            console.print(f"\n[bold]{label}[/bold]")
            console.print("\n".join(criterion_lines(criterion)), markup=False)
    if entry.excludes:
        console.print(f"\nOther than: {', '.join(entry.excludes)}")
    for note in entry.notes:
        console.print(f"Note: {note}", markup=False)


@app.command()
@one_line_errors
def diff(
    old: Annotated[Path, typer.Argument(help="Older version of the list file.")],
    new: Annotated[Path, typer.Argument(help="Newer version of the list file.")],
) -> None:
    """Show entries added, removed and changed between two versions of a list."""
    changes = controls.diff_files(old, new)
    for change in changes:
        fields = f" ({', '.join(change.fields)})" if change.fields else ""
        typer.echo(f"{change.change:8} {change.code}{fields}")
    typer.echo(f"{len(changes)} change(s)")


@app.command()
@one_line_errors
def validate(file: Annotated[Path, typer.Argument(help="A control or watch list YAML file.")]) -> None:
    """Validate a list file; every problem is printed with its line; exit 1 when any."""
    problems = controls.validate_file(file)
    for problem in problems:
        typer.echo(str(problem), err=True)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"{file}: valid")
