"""Goods classification for the fronts: one JSON object in, one JSON object out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from catchall.errors import CatchallError, InputError
from catchall.goods.classifier import Classifier, default_classifier
from catchall.goods.facts import GradeLookup
from catchall.goods.grades import default_grade_lookup
from catchall.goods.item import classify_item_specs

_ITEM_KEYS = {"id", "description", "specs", "hs_code", "quantity"}


def classify_item(
    data: Any, *, classifier: Classifier | None = None, grades: GradeLookup | None = None
) -> dict[str, Any]:
    """Classify one ``goods classify`` input object; a bad item gives an ``error`` field, never an exception."""
    item_id = data.get("id") if isinstance(data, dict) else None
    try:
        if not isinstance(data, dict):
            raise InputError(f"each line must be a JSON object, not {type(data).__name__}")
        unknown = sorted(set(data) - _ITEM_KEYS)
        if unknown:
            raise InputError(f"unknown field '{unknown[0]}'", field=unknown[0], allowed=sorted(_ITEM_KEYS))
        specs_raw = data.get("specs") or {}
        description = data.get("description")
        if not isinstance(specs_raw, dict):
            raise InputError("specs must be an object", field="specs")
        if description is not None and not isinstance(description, str):
            raise InputError("description must be text", field="description")
        hs_code = data.get("hs_code")
        if hs_code is not None and not isinstance(hs_code, str):
            raise InputError("hs_code must be text, e.g. \"7608.20\"", field="hs_code")
        if not specs_raw and not (description and description.strip()) and not hs_code:
            raise InputError("an item needs a description or specs")
        verdict = classify_item_specs(
            specs_raw,
            description,
            classifier=classifier or default_classifier(),
            grades=grades or default_grade_lookup(),
            hs_code=hs_code,
        )
    except CatchallError as exc:
        return {"id": item_id, "error": exc.one_line()}
    out: dict[str, Any] = {
        "id": item_id,
        "entries": [r.as_dict() for r in verdict.results],
        "extracted": verdict.facts.extracted(),
    }
    if verdict.quantity:
        out["quantity"] = verdict.quantity
    if verdict.hs:
        out["hs_hint"] = {"hs": verdict.hs.hs, "heading": verdict.hs.text, "may_correlate_with": verdict.hs.codes}
    if verdict.warnings:
        out["warnings"] = verdict.warnings
    return out


def classify_items(items: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Classify many items in order, sharing one classifier."""
    classifier, grades = default_classifier(), default_grade_lookup()
    for item in items:
        yield classify_item(item, classifier=classifier, grades=grades)
