"""Reading inquiries from files and bytes, with errors that name the field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from catchall.errors import InputError
from catchall.model import Inquiry

MAX_INQUIRY_BYTES = 10 * 1024 * 1024


def _location(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def validation_error(exc: ValidationError, *, source: str | None = None) -> InputError:
    """The first problem of a pydantic error as one line naming the field."""
    first = exc.errors()[0]
    loc = tuple(part for part in first["loc"] if not str(part).startswith("function-after"))
    field = _location(loc) or None
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field"
    elif first["type"] == "enum" and "ctx" in first:
        message = f"'{first.get('input')}' is not allowed; expected {first['ctx'].get('expected')}"
    more = len(exc.errors()) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return InputError(message, file=source, field=field)


def parse_inquiry(data: Any, *, source: str | None = None) -> Inquiry:
    """Validate a decoded JSON document as an inquiry."""
    if not isinstance(data, dict):
        raise InputError(f"an inquiry must be a JSON object, not {type(data).__name__}", file=source)
    try:
        return Inquiry.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, source=source) from None


def decode_inquiry(raw: bytes, *, source: str | None = None) -> Inquiry:
    """Decode UTF-8 JSON bytes into an inquiry; every failure is one clear line."""
    if len(raw) > MAX_INQUIRY_BYTES:
        raise InputError(f"inquiry is {len(raw)} bytes; the limit is {MAX_INQUIRY_BYTES}", file=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=source) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", file=source) from None
    return parse_inquiry(data, source=source)


def read_inquiry(path: Path) -> Inquiry:
    """Read and validate an inquiry file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    return decode_inquiry(raw, source=str(path))
