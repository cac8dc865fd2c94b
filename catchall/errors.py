"""One exception hierarchy, so every front can turn a failure into one clear line.

Errors carry structured fields (where, what, what would be right) and the HTTP
status an API would answer with. Findings are never raised: only failures are.
"""

from __future__ import annotations

from collections.abc import Sequence


class CatchallError(Exception):
    """Root of every error Catchall raises on purpose."""

    code = "error"
    status = 500

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        field: str | None = None,
        value: object = None,
        allowed: Sequence[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.field = field
        self.value = value
        self.allowed = list(allowed) if allowed else None

    def one_line(self) -> str:
        """The error as one line: where, then what."""
        where = ": ".join(part for part in (self.file, self.field) if part)
        text = f"{where}: {self.message}" if where else self.message
        return " ".join(text.split())


class InputError(CatchallError):
    """The user's input is malformed or does not fit the contract."""

    code = "invalid_input"
    status = 422


class UnitError(InputError):
    """A quantity has no unit, an unknown unit, or a unit of the wrong dimension."""

    code = "invalid_unit"


class DataFileError(CatchallError):
    """A packaged or user-supplied data file (control list, rules, policy) is invalid."""

    code = "invalid_data_file"
    status = 500


class StoreError(CatchallError):
    """The store cannot be reached or migrated."""

    code = "store_unavailable"
    status = 503


class NotFound(CatchallError):
    """The thing asked for does not exist, or the caller may not see it."""

    code = "not_found"
    status = 404
