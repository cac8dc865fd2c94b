"""The score of a query against a listed party: features composed by declared weights.

The match features (the name, or an identifier the list also gives) each propose a score;
the best of them, times its weight, is the base. Qualifiers then add their weight times
their score: a birth date two or more years apart takes 0.25 off, the same date adds 0.05,
a nationality the list contradicts takes 0.12 off, a person compared with a firm loses
0.45. The score is kept within 0..1. Every feature that moved the score is reported with
its weight, its score and its effect, so a reviewer sees why a party was or was not a hit.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import qualifiers as q
from .features import Candidate, Explanation, FeatureFunc, QueryFacts, identifier_match, name_match, schema_mismatch


@dataclass(frozen=True)
class Feature:
    """A feature function with its weight; qualifiers adjust, the others propose the base."""

    name: str
    func: FeatureFunc
    weight: float
    qualifier: bool = False


FEATURES: tuple[Feature, ...] = (
    Feature("name_match", name_match, 1.0),
    Feature("identifier_match", identifier_match, 0.98),
    Feature("schema_mismatch", schema_mismatch, -0.45, qualifier=True),
    Feature("birth_date_match", q.birth_date_match, 0.05, qualifier=True),
    Feature("birth_year_mismatch", q.birth_year_mismatch, -0.25, qualifier=True),
    Feature("birth_day_mismatch", q.birth_day_mismatch, -0.12, qualifier=True),
    Feature("nationality_match", q.nationality_match, 0.03, qualifier=True),
    Feature("nationality_mismatch", q.nationality_mismatch, -0.12, qualifier=True),
    Feature("country_match", q.country_match, 0.02, qualifier=True),
    Feature("country_mismatch", q.country_mismatch, -0.05, qualifier=True),
)


MAX_RAISE = sum(feature.weight for feature in FEATURES if feature.qualifier and feature.weight > 0)


def _entry(feature: Feature, score: float, detail: Explanation, effect: float) -> Explanation:
    return {
        "feature": feature.name,
        "weight": feature.weight,
        "score": round(score, 4),
        "effect": round(effect, 4),
        **detail,
    }


def score(
    query: QueryFacts, candidate: Candidate, features: tuple[Feature, ...] = FEATURES
) -> tuple[float, list[Explanation]]:
    """The overall score (0..1) of a candidate for a query, and one explanation per feature that counted."""
    proposals = []
    for feature in features:
        if not feature.qualifier:
            found, detail = feature.func(query, candidate)
            if found > 0:
                proposals.append((found * feature.weight, feature, found, detail))
    if not proposals:
        return 0.0, []
    proposals.sort(key=lambda item: item[0], reverse=True)
    total = proposals[0][0]
    explanation = [_entry(f, s, d, w if i == 0 else 0.0) for i, (w, f, s, d) in enumerate(proposals)]
    for feature in features:
        if feature.qualifier:
            found, detail = feature.func(query, candidate)
            if found > 0:
                effect = found * feature.weight
                total += effect
                explanation.append(_entry(feature, found, detail, effect))
    return min(1.0, max(0.0, total)), explanation
