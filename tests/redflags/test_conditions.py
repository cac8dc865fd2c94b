"""The condition language: combinators, nesting and the evidence they return."""

from __future__ import annotations

from typing import Any

from catchall.model import Inquiry
from catchall.redflags.conditions import Compiler, Node, evaluate
from catchall.redflags.context import RULES, build_context
from catchall.redflags.countries import default_countries
from catchall.redflags.loader import default_rules
from catchall.redflags.yamldoc import read
from catchall.yamlio import Problem
from tests import factory


def _compile(when: dict[str, Any]) -> Node:
    doc, _ = read("t.yaml", "x: 1")
    assert doc is not None
    rules = default_rules()
    known = {"country_list": default_countries().names(), "word_list": set(rules.words), "table": set(rules.tables)}
    problems: list[Problem] = []
    node = Compiler(RULES, known, doc).compile(when, "inquiry", ("when",), problems)
    assert node is not None, [str(p) for p in problems]
    return node


def _holds(when: dict[str, Any], **changes: Any) -> list[str] | None:
    inquiry = Inquiry.model_validate(factory.inquiry(**changes))
    rules = default_rules()
    ctx = build_context(inquiry, (), default_countries(), rules.words, rules.tables)
    hits = evaluate(_compile(when), ctx, inquiry)
    return None if hits is None else [hit.text for hit in hits]


def test_keys_of_one_mapping_must_all_hold() -> None:
    when = {"destination_in_list": "diversion_hubs", "payment_method_in": {"words": ["cash"]}}
    assert _holds(when, payment={"method": "cash"}) is not None
    assert _holds(when, payment={"method": "bank transfer"}) is None


def test_any_collects_evidence_of_every_branch_that_holds() -> None:
    when = {"any": [{"destination_in_list": "diversion_hubs"}, {"field_missing": ["end_use"]}]}
    texts = _holds(when)
    assert texts is not None and len(texts) == 2


def test_not_holds_without_evidence() -> None:
    assert _holds({"not": {"destination_in_list": "concern"}}) == []
    assert _holds({"not": {"destination_in_list": "diversion_hubs"}}) is None


def test_nested_party_condition_names_the_party_once() -> None:
    when = {"any_party": {"role_in": ["buyer"], "country_in_list": "diversion_hubs"}}
    texts = _holds(when)
    assert texts is not None and len(texts) == 1
    assert texts[0].startswith("party 1 (buyer): Test Buyer LLC: role buyer; country AE")


def test_catalogue_documents_every_predicate() -> None:
    catalogue = RULES.catalogue()
    assert {p.scope for p in catalogue} == {"inquiry", "party", "item"}
    for predicate in catalogue:
        assert predicate.doc, predicate.name
