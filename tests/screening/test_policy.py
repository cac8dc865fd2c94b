"""The decision policy: lines as data, the gravest decision wins, reasons name lines and findings."""

from __future__ import annotations

import pytest

from catchall.errors import DataFileError
from catchall.model import Decision
from catchall.screening import decision
from catchall.screening.policy import decide, default_policy, load_policy
from tests.redflags.helpers import finding

POLICY = """\
kind: decision_policy
version: "t"
name: Test policy
description: Two lines.
lines:
  - id: P1
    name: Cash with controlled goods
    description: Stop.
    when:
      all:
        - finding: {kind_in: [goods], status_in: [controlled]}
        - finding: {tags_any: [payment]}
    decision: STOP_AND_REPORT
  - id: P2
    name: Controlled
    description: Review.
    when: {finding: {kind_in: [goods], status_in: [controlled]}}
    decision: REVIEW
"""
TAGS = {"payment", "concern"}
LISTS = {"un_embargo"}


def _error(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        load_policy("policy.yaml", text, tags=TAGS, lists=LISTS)
    return info.value.one_line()


def test_gravest_line_wins_and_every_line_gives_its_reason() -> None:
    policy = load_policy("policy.yaml", POLICY, tags=TAGS, lists=LISTS)
    findings = [
        finding({"kind": "goods", "code": "1C202.a", "status": "controlled", "subject": "item 1: tube"}),
        finding({"kind": "red_flag", "code": "RF-PAY-CASH", "tags": ["payment"], "subject": "payment"}),
    ]
    verdict, reasons = decide(findings, policy)
    assert verdict is Decision.STOP_AND_REPORT
    assert reasons == [
        "P1 Cash with controlled goods → STOP_AND_REPORT: 1C202.a (goods, controlled): item 1: tube; "
        "RF-PAY-CASH (red_flag, warning): payment",
        "P2 Controlled → REVIEW: 1C202.a (goods, controlled): item 1: tube",
    ]


def test_no_line_applies_is_clear_with_a_reason() -> None:
    policy = load_policy("policy.yaml", POLICY, tags=TAGS, lists=LISTS)
    assert decide([], policy) == (Decision.CLEAR, ["No policy line applies → CLEAR."])


def test_packaged_policy_loads_against_packaged_rules_and_lists() -> None:
    lines = [line.id for line, _ in default_policy().lines]
    assert lines == [f"P{n}" for n in range(1, 13) if n != 7]  # P7 withdrawn; codes are never reused


def test_decision_without_engines_is_review() -> None:
    assert decision.decide([], []) == (
        Decision.REVIEW,
        ["No screening engine ran, so nothing was checked: review by hand."],
    )


def test_clear_decision_says_what_was_checked() -> None:
    verdict, reasons = decision.decide([], ["goods", "redflags"])
    assert verdict is Decision.CLEAR
    assert reasons == ["P12 Nothing calls for review → CLEAR.", "Checked: goods, redflags."]


def test_dangling_tag_names_the_line() -> None:
    message = _error(POLICY.replace("tags_any: [payment]", "tags_any: [payments]"))
    assert "policy.yaml:12: lines[0].when.all[1].finding.tags_any[0]: no tag named 'payments'" in message


def test_dangling_country_list() -> None:
    text = POLICY.replace("{tags_any: [payment]}", "{lists_any: [un_embargoes]}")
    message = _error(text)
    assert "policy.yaml:12: lines[0].when.all[1].finding.lists_any[0]: no country list named 'un_embargoes'" in message


def test_unknown_decision() -> None:
    message = _error(POLICY.replace("decision: REVIEW", "decision: BLOCK"))
    assert "policy.yaml:18: lines[1].decision" in message and "STOP_AND_REPORT" in message


def test_lines_must_be_numbered_in_order() -> None:
    message = _error(POLICY.replace("id: P2", "id: P1"))
    assert "policy.yaml:14: lines[1].id" in message and "used twice" in message and "number lines in order" in message


def test_unknown_predicate_and_bad_status() -> None:
    message = _error(POLICY.replace("when: {finding:", "when: {findings:"))
    assert "policy.yaml:17: lines[1].when.findings: unknown predicate 'findings'" in message
    message = _error(POLICY.replace("[controlled]}}\n    decision: REVIEW", "[listed]}}\n    decision: REVIEW"))
    assert "policy.yaml:17: lines[1].when.finding.status_in[0]" in message
