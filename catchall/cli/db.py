"""``catchall db``: manage the store."""

from __future__ import annotations

import typer

from catchall.cli.common import core, one_line_errors

app = typer.Typer(help="Manage the store (SQLite by default, PostgreSQL through --db).", no_args_is_help=True)


@app.command()
@one_line_errors
def upgrade(ctx: typer.Context) -> None:
    """Create the store if needed and migrate it to the newest schema."""
    revision = core(ctx).upgrade_db()
    typer.echo(f"store at revision {revision}")
