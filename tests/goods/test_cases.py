"""Behavioural cases from tests/cases/goods/*.yaml through the goods service."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from catchall.services.goods import classify_item

CASES_DIR = Path(__file__).resolve().parent.parent / "cases" / "goods"
CASES = [case for file in sorted(CASES_DIR.glob("*.yaml")) for case in yaml.safe_load(file.read_text("utf-8"))]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    item = {"id": case["id"], **{k: case[k] for k in ("specs", "description") if k in case}}
    out = classify_item(item)
    assert "error" not in out, out.get("error")
    found = {e["code"]: e for e in out["entries"]}
    for code, status in case.get("expect", {}).items():
        assert code in found, f"{code} not reported; got {sorted(found)}"
        assert found[code]["status"] == status, (case["why"], found[code])
    for code in case.get("absent", []):
        assert code not in found, (case["why"], found.get(code))
    if "entries" in case:
        assert len(found) == case["entries"], sorted(found)
    for code, fragments in case.get("explain", {}).items():
        text = str(found[code]["explanation"])
        for fragment in fragments:
            assert fragment in text, (fragment, text)
