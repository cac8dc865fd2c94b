"""Builders shared by the red-flag and policy tests: findings in a line, engines ready to run."""

from __future__ import annotations

from functools import cache
from typing import Any

from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.model import Finding, Inquiry
from catchall.redflags.countries import default_countries
from catchall.redflags.engine import redflags_engine
from catchall.redflags.loader import default_rules
from catchall.screening.goods import SEVERITY, goods_engine
from catchall.screening.pipeline import Engine
from tests import factory

_DEFAULT_SEVERITY = {"goods": "warning", "party": "critical", "red_flag": "warning", "destination": "warning"}


def finding(spec: dict[str, Any]) -> Finding:
    """A finding from a short spec: kind and code, plus status, weight, tags, lists or details."""
    spec = dict(spec)
    kind = spec.pop("kind")
    details = dict(spec.pop("details", {}))
    for key in ("status", "weight", "tags", "lists", "title"):
        if key in spec:
            details[key] = spec.pop(key)
    severity = spec.pop("severity", None)
    if severity is None:
        severity = SEVERITY[details["status"]] if kind == "goods" else _DEFAULT_SEVERITY[kind]
    return Finding(
        kind=kind,
        severity=severity,
        subject=spec.pop("subject", f"{kind} subject"),
        code=spec.pop("code", "X"),
        explanation=spec.pop("explanation", "test finding"),
        details=details,
    )


@cache
def goods() -> Engine:
    """The real goods engine, built once."""
    return goods_engine(default_classifier(), default_grade_lookup())


@cache
def redflags() -> Engine:
    """The red-flag engine over the packaged rules and country lists."""
    return redflags_engine(default_rules(), default_countries())


def run_rules(
    changes: dict[str, Any], *, with_goods: bool = False, findings: list[Finding] | None = None
) -> list[Finding]:
    """Red-flag findings for the factory inquiry with ``changes``, after the goods engine if asked."""
    inquiry = Inquiry.model_validate(factory.inquiry(**changes))
    before = list(findings or [])
    if with_goods:
        before += goods()(inquiry, tuple(before))
    return redflags()(inquiry, tuple(before))
