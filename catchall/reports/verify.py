"""Reading the sealed JSON back out of a saved report (JSON, HTML or PDF)."""

from __future__ import annotations

import io
import json
import re
from typing import Any

from catchall.errors import InputError
from catchall.screening.seal import verify

_SCRIPT = re.compile(r'<script type="application/json" id="catchall-report">(.*?)</script>', re.DOTALL)


def embedded_document(data: bytes, *, file: str | None = None) -> dict[str, Any]:
    """The sealed report inside a saved JSON, HTML or PDF file."""
    if data.startswith(b"%PDF"):
        text = _from_pdf(data, file)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("not a JSON, HTML or PDF report", file=file) from None
        match = _SCRIPT.search(text)
        if match:
            text = match.group(1)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"the report inside is not valid JSON: {exc.msg}", file=file) from None
    if not isinstance(document, dict):
        raise InputError("not a screening report", file=file)
    return document


def _from_pdf(data: bytes, file: str | None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        attachments = PdfReader(io.BytesIO(data)).attachments
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputError(f"cannot read the PDF: {exc}", file=file) from None
    found = attachments.get("catchall-report.json")
    if not found:
        raise InputError("the PDF carries no sealed report (catchall-report.json)", file=file)
    return found[0].decode("utf-8")


def verify_bytes(data: bytes, *, file: str | None = None) -> tuple[bool, str, dict[str, Any]]:
    """Whether the report in ``data`` matches its seal, the recomputed hash, and the document."""
    document = embedded_document(data, file=file)
    if "content_hash" not in document or "inquiry" not in document:
        raise InputError("the report carries no content hash and inquiry to verify", file=file)
    ok, actual = verify(document)
    return ok, actual, document
