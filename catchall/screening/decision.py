"""From findings to a decision, with one reason per finding that moved it.

The rule until a policy file replaces it: any critical finding stops the deal
and is reported; any warning needs a review; otherwise the inquiry is clear.
A screening with no engine checked nothing, so it is never CLEAR.
"""

from __future__ import annotations

from collections.abc import Sequence

from catchall.model import Decision, Finding

_BY_SEVERITY = {"critical": Decision.STOP_AND_REPORT, "warning": Decision.REVIEW, "info": Decision.CLEAR}


def decide(findings: list[Finding], engines: Sequence[str]) -> tuple[Decision, list[str]]:
    """The strictest decision any finding calls for, and the reasons behind it."""
    if not engines:
        return Decision.REVIEW, ["No screening engine ran, so nothing was checked: review by hand."]
    decision = Decision.CLEAR
    for finding in findings:
        wanted = _BY_SEVERITY[finding.severity]
        if wanted.rank > decision.rank:
            decision = wanted
    reasons = [
        f"{finding.code} ({finding.severity}): {finding.subject}: {finding.explanation}"
        for finding in findings
        if _BY_SEVERITY[finding.severity] is decision and decision is not Decision.CLEAR
    ]
    if not reasons:
        reasons = [f"Nothing calls for review; checked: {', '.join(engines)}."]
    return decision, reasons
