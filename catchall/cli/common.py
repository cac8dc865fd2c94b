"""What every command shares: settings from the context, and one-line errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

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
