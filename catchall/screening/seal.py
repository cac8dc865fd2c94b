"""Sealing a report: a content hash over the inquiry and the report, so a saved copy can be verified.

The hash is SHA-256 over the canonical JSON (sorted keys, UTF-8) of
``{"inquiry": …, "report": …}`` with the report's own ``content_hash`` left out.
Anyone can recompute it from a saved JSON, HTML or PDF report.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def content_hash(inquiry: dict[str, Any], report: dict[str, Any]) -> str:
    """The seal of an inquiry and its report."""
    body = {key: value for key, value in report.items() if key not in ("content_hash", "inquiry")}
    canonical = json.dumps({"inquiry": inquiry, "report": body}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sealed(inquiry: dict[str, Any], report: dict[str, Any]) -> dict[str, Any]:
    """The report with its inquiry and seal attached (the saved form)."""
    return {**report, "inquiry": inquiry, "content_hash": content_hash(inquiry, report)}


def verify(document: dict[str, Any]) -> tuple[bool, str]:
    """Whether a saved report still matches its seal, and the hash recomputed."""
    inquiry = document.get("inquiry")
    stated = document.get("content_hash")
    if not isinstance(inquiry, dict) or not isinstance(stated, str):
        return False, ""
    actual = content_hash(inquiry, document)
    return actual == stated, actual
