"""The evaluation set of realistic inquiries (tests/data/inquiry_eval.yaml): each gets its decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from catchall.services.core import Catchall
from catchall.services.inquiries import read_inquiry
from catchall.settings import Settings

DATA = Path(__file__).resolve().parent.parent / "data"
CASES: list[dict[str, Any]] = yaml.safe_load((DATA / "inquiry_eval.yaml").read_text("utf-8"))
EXAMPLES = {
    "01_dubai_7075_tubes_sporting_goods": "STOP_AND_REPORT",
    "02_buyer_spelling_variant_of_listed_entity": "STOP_AND_REPORT",
    "03_clean_european_customer": "CLEAR",
    "04_carbon_fibre_malaysia_third_party_payer": "STOP_AND_REPORT",
    "05_iranian_end_user_behind_uae_intermediary": "STOP_AND_REPORT",
    "06_maraging_steel_transshipment": "STOP_AND_REPORT",
}


@pytest.fixture(scope="module")
def core(tmp_path_factory: pytest.TempPathFactory) -> Catchall:
    """One store with the bundled sample list, shared by the cases (screenings are not saved)."""
    return Catchall(Settings(db_url=f"sqlite:///{tmp_path_factory.mktemp('eval') / 'c.db'}"))


def test_the_set_is_large_and_sourced() -> None:
    assert len(CASES) >= 30
    assert all(case["source"].strip() and case["why"].strip() for case in CASES)
    assert {case["expected"] for case in CASES} == {"CLEAR", "REVIEW", "STOP_AND_REPORT"}


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_inquiry_gets_its_decision(core: Catchall, case: dict[str, Any]) -> None:
    report = core.screen(read_inquiry(DATA / case["file"]), save=False).report
    reasons = " ".join(report.reasons)
    assert report.decision.value == case["expected"], (case["why"], report.reasons)
    for wanted in case.get("must_find") or []:
        codes = [f.code for f in report.findings if f.kind == wanted] or [wanted]
        assert any(code in reasons for code in codes), (wanted, report.reasons)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_get_their_decision(core: Catchall, name: str) -> None:
    path = Path(__file__).resolve().parent.parent.parent / "examples" / f"{name}.json"
    report = core.screen(read_inquiry(path), save=False).report
    assert report.decision.value == EXAMPLES[name], report.reasons
    assert all(reason.strip() for reason in report.reasons)
