"""The goods engine: every item of an inquiry through the classifier, as findings."""

from __future__ import annotations

from collections.abc import Sequence

from catchall.goods.classifier import Classifier, EntryResult
from catchall.goods.facts import GradeLookup
from catchall.goods.item import classify_item_specs
from catchall.model import Finding, Inquiry
from catchall.model.inquiry import Item
from catchall.model.report import Severity
from catchall.screening.pipeline import Engine

# How much each status weighs before the decision policy reads it.
SEVERITY: dict[str, Severity] = {"controlled": "warning", "watch": "warning", "near_miss": "info", "possible": "info"}


def item_subject(index: int, item: Item) -> str:
    """How a report names an item: its number and the start of its description."""
    words = (item.description or ", ".join(f"{k} {v}" for k, v in item.specs.items()))[:80]
    return f"item {index + 1}: {words}"


def _finding(subject: str, result: EntryResult) -> Finding:
    return Finding(
        kind="goods",
        severity=SEVERITY[result.status],
        subject=subject,
        code=result.code,
        explanation=result.summary(),
        details={"status": result.status, **result.as_dict()},
    )


def goods_engine(classifier: Classifier, grades: GradeLookup | None) -> Engine:
    """An engine that classifies each item and reports every entry it falls under."""

    def run(inquiry: Inquiry, _found: Sequence[Finding]) -> list[Finding]:
        findings: list[Finding] = []
        for index, item in enumerate(inquiry.items):
            verdict = classify_item_specs(
                item.specs, item.description, classifier=classifier, grades=grades, hs_code=item.hs_code
            )
            subject = item_subject(index, item)
            findings.extend(_finding(subject, result) for result in verdict.results)
        return findings

    return run
