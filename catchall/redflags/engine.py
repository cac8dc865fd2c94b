"""The red-flag engine: every rule over the inquiry and the findings before it.

Runs after the goods and party engines, so rules can read what they found
(an item's status, a listed entity's address). A rule that holds becomes one
finding: kind ``destination`` for country, route and party-country rules,
``red_flag`` for the rest; its code is the rule id and its explanation names
the rule and everything that matched.
"""

from __future__ import annotations

from collections.abc import Sequence

from catchall.model import Finding, Inquiry
from catchall.redflags.conditions import Evidence, evaluate
from catchall.redflags.context import build_context
from catchall.redflags.countries import CountryLists
from catchall.redflags.loader import CompiledRule, RuleBook
from catchall.screening.pipeline import Engine


def _finding(compiled: CompiledRule, hits: list[Evidence]) -> Finding:
    rule = compiled.rule
    texts = list(dict.fromkeys(hit.text for hit in hits))
    subjects = list(dict.fromkeys(hit.subject for hit in hits)) or ["inquiry"]
    countries = list(dict.fromkeys(code for hit in hits for code in hit.countries))
    lists = sorted({name for hit in hits for name in hit.lists})
    said = ("; ".join(texts) or " ".join(rule.description.split())).rstrip(".")
    return Finding(
        kind=rule.kind,
        severity=rule.severity,
        subject="; ".join(subjects),
        code=rule.id,
        explanation=f"{rule.name} ({rule.id}): {said}.",
        details={
            "rule": rule.id,
            "name": rule.name,
            "weight": rule.weight,
            "source": compiled.source,
            "source_note": rule.source_note,
            "tags": list(rule.tags),
            "countries": countries,
            "lists": lists,
            "matched": texts,
            "description": " ".join(rule.description.split()),
        },
    )


def redflags_engine(rules: RuleBook, countries: CountryLists) -> Engine:
    """An engine that reports each red-flag rule the inquiry meets, with what matched."""

    def run(inquiry: Inquiry, found: Sequence[Finding]) -> list[Finding]:
        ctx = build_context(inquiry, found, countries, rules.words, rules.tables)
        findings = []
        for compiled in rules.rules:
            hits = evaluate(compiled.when, ctx, inquiry)
            if hits is not None:
                findings.append(_finding(compiled, hits))
        return findings

    return run
