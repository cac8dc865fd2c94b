"""Builders of test inputs, so each test states only what it is about."""

from __future__ import annotations

import copy
from typing import Any

BASE_INQUIRY: dict[str, Any] = {
    "reference": "T-1",
    "received": "2026-11-02",
    "exporter": {"name": "Test Alloy Co., Ltd.", "country": "CN"},
    "parties": [{"role": "buyer", "name": "Test Buyer LLC", "country": "AE"}],
    "items": [
        {
            "description": "aluminium tube",
            "quantity": "10 pcs",
            "specs": {"material": "aluminium alloy", "form": "tube", "outside_diameter": "120 mm"},
        }
    ],
    "destination_country": "AE",
}


def inquiry(**changes: Any) -> dict[str, Any]:
    """A valid inquiry dict with top-level fields replaced."""
    data = copy.deepcopy(BASE_INQUIRY)
    data.update(changes)
    return data


def item(**changes: Any) -> dict[str, Any]:
    """A valid item dict with fields replaced."""
    data = copy.deepcopy(BASE_INQUIRY["items"][0])
    data.update(changes)
    return data
