"""The shipped examples through goods, red flags and the policy: the decisions an official expects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from catchall.model import Inquiry
from catchall.screening.pipeline import NamedEngine, Pipeline
from tests.redflags.helpers import goods, redflags

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
EXPECTED = {
    "01_dubai_7075_tubes_sporting_goods.json": ("STOP_AND_REPORT", "P3", {"RF-ENDUSE-IMPLAUSIBLE", "RF-PAY-CASH"}),
    "02_buyer_spelling_variant_of_listed_entity.json": ("STOP_AND_REPORT", "P2", {"RF-DEST-EMBARGO"}),
    "03_clean_european_customer.json": ("CLEAR", "P12", set()),
    "04_carbon_fibre_malaysia_third_party_payer.json": ("STOP_AND_REPORT", "P3", {"RF-PAY-THIRD-PARTY"}),
    "05_iranian_end_user_behind_uae_intermediary.json": (
        "STOP_AND_REPORT", "P2", {"RF-PARTY-CONCERN", "RF-ROUTE-BEYOND-DEST", "RF-FREE-ZONE", "RF-EVASIVE"},
    ),
    "06_maraging_steel_transshipment.json": (
        "STOP_AND_REPORT", "P3", {"RF-ROUTE-HUB", "RF-CONSIGNEE-FORWARDER", "RF-SERVICE-DECLINED"},
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example(name: str) -> None:
    decision, line, codes = EXPECTED[name]
    inquiry = Inquiry.model_validate(json.loads((EXAMPLES / name).read_text("utf-8")))
    pipeline = Pipeline([NamedEngine("goods", goods()), NamedEngine("redflags", redflags())], "test")
    report = pipeline.screen(inquiry, now=dt.datetime(2026, 11, 2, tzinfo=dt.UTC))
    assert report.decision.value == decision, report.reasons
    assert report.reasons[0].startswith(f"{line} "), report.reasons
    assert codes <= {f.code for f in report.findings}
