"""Every threshold of every encoded entry, at, above and below its value.

Items are built from the entry's own criteria (see witness.py): one that meets
everything, then, for each comparison, the same item with that one value moved
to the threshold, a hair past it, and well short of it.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import pytest

from catchall.controls.loader import load_registry
from catchall.controls.schema import AllOf, Compare, Criterion
from catchall.goods.classifier import Classifier
from catchall.goods.facts import build_facts
from catchall.goods.specs import parse_specs
from tests.goods.witness import (
    Constraints,
    first_any_branch,
    leaves,
    negated_groups,
    nudge,
    spec_text,
    threshold_si,
)

REGISTRY = load_registry()
CLASSIFIER = Classifier(REGISTRY, resolve_exclusions=False)  # exclusions are tested apart


def _effective(code: str) -> tuple[Criterion | None, Criterion | None]:
    chain = [*reversed(REGISTRY.ancestors(code)), code]
    scopes = [REGISTRY.entries[c].scope for c in chain if REGISTRY.entries[c].scope]
    crits = [REGISTRY.entries[c].criteria for c in chain if REGISTRY.entries[c].criteria]
    scope = AllOf(all=scopes) if scopes else None
    crit = AllOf(all=crits) if crits else None
    return scope, crit


CHECKED = [c for c in REGISTRY.entries if REGISTRY.is_leaf(c) and _effective(c)[1] is not None]
CASES = [
    (code, i)
    for code in CHECKED
    for i, (leaf, _, negated) in enumerate(leaves(_effective(code)[1]))  # type: ignore[arg-type]
    if not negated and id(leaf) in first_any_branch(_effective(code)[1])  # type: ignore[arg-type]
]


def _candidates(code: str) -> list[dict[str, Any]]:
    """Items built from the criteria, one per way of falsifying the none-of groups (at most 64)."""
    scope, crit = _effective(code)
    groups = [g for part in (scope, crit) if part is not None for g in negated_groups(part)]
    out = []
    for choice in itertools.islice(itertools.product(*(range(len(g.all)) for g in groups)), 64):
        constraints = Constraints(pick={id(g): i for g, i in zip(groups, choice, strict=True)})
        for part in (scope, crit):
            if part is not None:
                constraints.add(part)
        out.append(constraints.specs())
    return out


@functools.cache
def _witness_index(code: str) -> int:
    statuses = [_status(code, specs) for specs in _candidates(code)]
    return statuses.index("controlled") if "controlled" in statuses else 0


def _witness(code: str) -> dict[str, Any]:
    return _candidates(code)[_witness_index(code)]


def _status(code: str, specs: dict[str, Any]) -> str | None:
    results = CLASSIFIER.classify(build_facts(parse_specs(specs), None))
    return next((r.status for r in results if r.code == code), None)


def test_some_entries_are_checked() -> None:
    assert len(CHECKED) >= 30


@pytest.mark.parametrize("code", CHECKED)
def test_witness_is_controlled(code: str) -> None:
    assert _status(code, _witness(code)) == "controlled", _witness(code)


@pytest.mark.parametrize(("code", "index"), CASES, ids=[f"{c}-{i}" for c, i in CASES])
def test_threshold_boundary(code: str, index: int) -> None:
    crit = _effective(code)[1]
    assert crit is not None
    leaf: Compare = leaves(crit)[index][0]
    t = threshold_si(leaf)
    base = _witness(code)
    inclusive = leaf.op in (">=", "<=", "==")
    upward = leaf.op in (">=", ">")

    at = dict(base, **{leaf.param: spec_text(leaf.param, t)})
    assert (_status(code, at) == "controlled") is inclusive, f"{leaf.param} {leaf.op} at {t}"

    if leaf.op != "==":
        past = dict(base, **{leaf.param: spec_text(leaf.param, nudge(t, up=upward))})
        assert _status(code, past) == "controlled", f"{leaf.param} a hair past {t}"
        short = dict(base, **{leaf.param: spec_text(leaf.param, t * (0.5 if upward else 2.0))})
        assert _status(code, short) != "controlled", f"{leaf.param} well short of {t}"
