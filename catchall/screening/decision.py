"""From findings to a decision, through the packaged decision policy.

The policy (``catchall/data/policy.yaml``, read by :mod:`catchall.screening.policy`)
is data an official can read line by line; every reason names the policy line
and the findings behind it. A screening with no engine checked nothing, so it
is never CLEAR.
"""

from __future__ import annotations

from collections.abc import Sequence

from catchall.model import Decision, Finding
from catchall.screening.policy import decide as apply_policy
from catchall.screening.policy import default_policy


def decide(findings: list[Finding], engines: Sequence[str]) -> tuple[Decision, list[str]]:
    """The gravest decision the policy lines call for, with one reason per line that applied."""
    if not engines:
        return Decision.REVIEW, ["No screening engine ran, so nothing was checked: review by hand."]
    decision, reasons = apply_policy(findings, default_policy())
    if decision is Decision.CLEAR:
        reasons = [*reasons, f"Checked: {', '.join(engines)}."]
    return decision, reasons
