"""Behavioural cases from tests/cases/redflags/*.yaml: each rule fires and does not; each policy line applies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from catchall.redflags.loader import default_rules
from catchall.screening.policy import decide, default_policy
from tests.redflags.helpers import finding, run_rules

CASES_DIR = Path(__file__).resolve().parent.parent / "cases" / "redflags"
CASES = [case for file in sorted(CASES_DIR.glob("*.yaml")) for case in yaml.safe_load(file.read_text("utf-8"))]
RULE_CASES = [c for c in CASES if "rule" in c]
POLICY_CASES = [c for c in CASES if "rule" not in c]


def _rule_case(case: dict[str, Any]) -> None:
    findings = [finding(spec) for spec in case.get("findings", [])]
    out = run_rules(case["inquiry"], with_goods=case.get("goods", False), findings=findings)
    hit = next((f for f in out if f.code == case["rule"]), None)
    if not case["fires"]:
        assert hit is None, hit.explanation if hit else None
        return
    assert hit is not None, f"{case['rule']} did not fire; fired: {[f.code for f in out]}"
    assert hit.explanation.startswith(hit.details["name"]) and case["rule"] in hit.explanation
    for fragment in case.get("explain", []):
        assert fragment in hit.explanation, (fragment, hit.explanation)
    for name in case.get("lists", []):
        assert name in hit.details["lists"], (name, hit.details["lists"])


def _policy_case(case: dict[str, Any]) -> None:
    decision, reasons = decide([finding(spec) for spec in case["findings"]], default_policy())
    assert decision.value == case["decision"], reasons
    applied = {reason.split(" ", 1)[0] for reason in reasons}
    if "policy_line" in case:
        assert case["policy_line"] in applied, reasons
    for line in case.get("applies_not", []):
        assert line not in applied, reasons
    for fragment in case.get("reasons", []):
        assert any(fragment in reason for reason in reasons), (fragment, reasons)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    if "rule" in case:
        _rule_case(case)
    else:
        _policy_case(case)


def test_every_rule_has_a_case_that_fires_and_one_that_does_not() -> None:
    ids = {compiled.rule.id for compiled in default_rules().rules}
    assert {c["rule"] for c in RULE_CASES if c["fires"]} == ids
    assert {c["rule"] for c in RULE_CASES if not c["fires"]} == ids


def test_every_policy_line_has_a_case() -> None:
    lines = {line.id for line, _ in default_policy().lines}
    assert {c["policy_line"] for c in POLICY_CASES if "policy_line" in c} == lines


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
