"""The root of the ``catchall`` command and its sub-commands."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from catchall import __version__
from catchall.cli import controls, db, demo, goods, lists, parties, screen, verify
from catchall.model import Inquiry
from catchall.services.core import Catchall
from catchall.settings import Settings

app = typer.Typer(
    name="catchall",
    help="Screen procurement inquiries for controlled goods, listed parties and red flags.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
schema_app = typer.Typer(help="Print JSON Schemas of the input formats.", no_args_is_help=True)
app.add_typer(schema_app, name="schema")
app.add_typer(db.app, name="db")
app.add_typer(controls.app, name="controls")
app.add_typer(goods.app, name="goods")
app.add_typer(lists.app, name="lists")
app.add_typer(parties.app, name="parties")
app.command("screen")(screen.screen)
app.command("demo")(demo.demo)
app.command("verify")(verify.verify)


@app.callback()
def root(
    ctx: typer.Context,
    db_url: Annotated[
        str | None, typer.Option("--db", help="SQLAlchemy URL of the store (overrides CATCHALL_DB).")
    ] = None,
) -> None:
    """Catchall: stop proliferation-sensitive procurement before it ships."""
    ctx.obj = Catchall(Settings.from_env(db_url=db_url))


@app.command()
def version() -> None:
    """Print the Catchall version."""
    typer.echo(__version__)


@schema_app.command("inquiry")
def schema_inquiry() -> None:
    """Print the JSON Schema of an inquiry (the input of `catchall screen`)."""
    typer.echo(json.dumps(Inquiry.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
