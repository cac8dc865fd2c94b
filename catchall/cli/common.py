"""What every command shares: settings from the context, and one-line errors."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TextIO, TypeVar

import typer
from rich.console import Console

from catchall.errors import CatchallError
from catchall.services.core import Catchall
from catchall.settings import Settings

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def core(ctx: typer.Context) -> Catchall:
    """The service object for this invocation, built from ``--db`` and the environment."""
    root = ctx.find_root()
    if not isinstance(root.obj, Catchall):
        root.obj = Catchall(Settings.from_env(db_url=None))
    return root.obj


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one line to stderr and return the exit to raise."""
    err_console.print(f"error: {' '.join(message.split())}", markup=False)
    return typer.Exit(code)


def one_line_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn a CatchallError into one line on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CatchallError as exc:
            raise fail(exc.one_line()) from None

    return wrapper


def json_lines(file: str, handle: Callable[[Any], dict[str, Any]]) -> None:
    """JSON Lines in, JSON Lines out, same order: a bad line gets an "error" field; exit 1 when any failed."""
    try:
        stream: TextIO = sys.stdin if file == "-" else Path(file).open(encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise fail(f"{file}: cannot read the file: {exc.strerror}") from None
    failed = 0
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data: Any = json.loads(line)
            except json.JSONDecodeError as exc:
                out: dict[str, Any] = {"id": None, "error": f"line {number}: not valid JSON: {exc.msg}"}
            else:
                out = handle(data)
            failed += "error" in out
            typer.echo(json.dumps(out, ensure_ascii=False))
    except UnicodeDecodeError:
        raise fail(f"{file}: not UTF-8 text") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        raise typer.Exit(1)
