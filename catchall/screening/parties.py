"""The party engine: every party of an inquiry (and a payer named only in the payment) against the lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from catchall.model import Finding, Inquiry
from catchall.parties.matcher import Match, Matcher, Query
from catchall.screening.pipeline import Engine


def _tokens(feature: dict[str, Any]) -> str:
    met = [f"{t.get('query')}={t.get('list')} ({t.get('how')})" for t in feature.get("tokens") or []]
    text = f"name '{feature.get('query_name')}' against '{feature.get('list_name')}': " + ", ".join(met)
    ignored = [f"{i.get('token')} ({i.get('why')})" for i in feature.get("ignored") or []]
    unmatched = [str(u.get("token", u)) if isinstance(u, dict) else str(u) for u in feature.get("unmatched") or []]
    if ignored:
        text += "; ignored " + ", ".join(ignored)
    if unmatched:
        text += "; unmatched " + ", ".join(unmatched)
    return text


def _explain(match: Match) -> str:
    """The match's explanation data as one sentence per feature."""
    parts = []
    for feature in match.explanation:
        if feature.get("tokens") is not None:
            parts.append(_tokens(feature))
            continue
        detail = feature.get("detail") or feature.get("summary")
        rest = ", ".join(
            f"{k} {v}" for k, v in feature.items() if k not in ("feature", "weight") and v not in (None, "")
        )
        parts.append(f"{feature.get('feature')}: {detail or rest}")
    return "; ".join(parts)


def _finding(role: str, name: str, match: Match) -> Finding:
    return Finding(
        kind="party",
        severity="critical",
        subject=f"{role.replace('_', ' ')}: {name}",
        code=f"{match.source}:{match.source_id}",
        explanation=(
            f"matches {match.caption} ({match.schema}, {match.source} {match.source_id}"
            f"{', ' + match.programme if match.programme else ''}) with score {match.score:.2f}. {_explain(match)}"
        ),
        details={
            "score": round(match.score, 4),
            "source": match.source,
            "source_id": match.source_id,
            "entity_id": match.entity_id,
            "list_name": match.name,
            "caption": match.caption,
            "programme": match.programme,
            "explanation": match.explanation,
        },
    )


def parties_engine(matcher: Matcher, threshold: float | None = None) -> Engine:
    """An engine that screens each party name, and a payer named only in the payment terms."""

    def run(inquiry: Inquiry, _found: Sequence[Finding]) -> list[Finding]:
        findings: list[Finding] = []
        queries: list[tuple[str, Query]] = []
        for party in inquiry.parties:
            queries.append((party.role.value, Query(
                name=party.name,
                schema=party.schema_.value,
                birth_date=party.birth_date,
                nationality=party.nationality,
                country=party.country,
                identifiers=tuple(party.identifiers),
            )))
        payer = inquiry.payment.payer if inquiry.payment else None
        if payer and all(payer.strip().lower() != p.name.strip().lower() for p in inquiry.parties):
            queries.append(("payer", Query(name=payer)))
        seen: set[tuple[str, str]] = set()
        for role, query in queries:
            for match in matcher.match(query, threshold=threshold, limit=3):
                if (query.name, match.entity_id) in seen:
                    continue
                seen.add((query.name, match.entity_id))
                findings.append(_finding(role, query.name, match))
        return findings

    return run
