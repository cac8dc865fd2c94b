"""``catchall lists``: load, update, status and diff of sanctions and denied-party lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from catchall.cli.common import core, fail, one_line_errors
from catchall.parties.formats import SOURCES
from catchall.services import lists as service
from catchall.services.update import update as update_lists

app = typer.Typer(help="Load, update and inspect sanctions and denied-party lists.", no_args_is_help=True)
console = Console(width=140, highlight=False)
err = Console(stderr=True, highlight=False)


@app.command()
@one_line_errors
def load(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="List files or folders (format detected).")],
    source: Annotated[str | None, typer.Option("--source", help=f"Force the source: {', '.join(SOURCES)}.")] = None,
) -> None:
    """Load official list files as a new version of their source; the previous version stays until it succeeds."""
    if source is not None and source not in SOURCES:
        raise fail(f"--source: unknown source '{source}'; known: {', '.join(SOURCES)}")
    store = core(ctx).store
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("reading and checking the files", total=None)
        results = service.load_paths(
            store, paths, source, progress=lambda n: bar.update(task, description=f"written {n} entities")
        )
    for result in results:
        info = result.version
        assert info is not None
        word = "unchanged" if result.unchanged else "loaded"
        typer.echo(f"{result.source}: {word} version {info.version}, {info.entity_count} entities")


@app.command()
@one_line_errors
def status(ctx: typer.Context) -> None:
    """Show each source's version in force, its entity count and age."""
    store = core(ctx).store
    rows = service.status(store)
    if not rows:
        typer.echo("no list loaded; `catchall lists load PATH` or `catchall lists update`")
        return
    table = Table()
    for column in ("Source", "Version", "Entities", "Loaded", "Age", "Origin"):
        table.add_column(column)
    for info in rows:
        table.add_row(
            info.source, info.version, str(info.entity_count), f"{info.loaded_at:%Y-%m-%d %H:%M}",
            service.age(info), info.origin,
        )
    console.print(table)


@app.command()
@one_line_errors
def diff(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Source key, e.g. un_sc.")],
    limit: Annotated[int, typer.Option(help="Show at most this many ids per kind of change.")] = 50,
) -> None:
    """Show entities added, removed and changed between the last two versions of a source."""
    result = service.diff(core(ctx).store, source)
    typer.echo(f"{source}: {result.old.version} -> {result.new.version}")
    for word, ids in (("added", result.added), ("removed", result.removed)):
        typer.echo(f"{word}: {len(ids)}")
        for entity_id in ids[:limit]:
            typer.echo(f"  + {entity_id}" if word == "added" else f"  - {entity_id}")
    typer.echo(f"changed: {len(result.changed)}")
    for entity_id, props in result.changed[:limit]:
        typer.echo(f"  ~ {entity_id} ({', '.join(props)})")


@app.command()
@one_line_errors
def update(
    ctx: typer.Context,
    sources: Annotated[list[str] | None, typer.Argument(help="Sources to update (default: all).")] = None,
) -> None:
    """Download every list from its official address, verify it and swap it in; a failed source keeps its version."""
    failed = 0
    for result in update_lists(core(ctx).store, sources or None):
        if result.error:
            failed += 1
            typer.echo(f"{result.source}: FAILED, previous version kept: {result.error}")
        elif result.result and result.result.version:
            word = "unchanged" if result.result.unchanged else "updated to"
            info = result.result.version
            typer.echo(f"{result.source}: {word} version {info.version}, {info.entity_count} entities")
    if failed:
        raise typer.Exit(1)
