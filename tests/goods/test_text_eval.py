"""The labelled evaluation set of inquiry texts (tests/data/goods_text_eval.yaml), case by case."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.goods_text import failures, load_cases
from catchall.services.goods import classify_item

CASES = load_cases()


def test_the_set_is_large_and_half_chinese() -> None:
    assert len(CASES) >= 80
    assert sum(case["lang"] != "en" for case in CASES) * 2 >= len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    out = classify_item({"id": case["id"], "description": case["text"]})
    assert failures(case, out) == [], case["why"]
