"""The matcher against the real UN list in ../shared, and the behavioural cases of tests/cases/parties."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from catchall.parties.formats import parse
from catchall.parties.matcher import DEFAULT_THRESHOLD, Match, Matcher, Query, score_pair
from catchall.parties.records import Record, record_from_entity
from tests.conftest import shared_path

CASES_DIR = Path(__file__).resolve().parent.parent / "cases" / "parties"
CASES = [case for file in sorted(CASES_DIR.glob("*.yaml")) for case in yaml.safe_load(file.read_text("utf-8"))]


@pytest.fixture(scope="module")
def un() -> Matcher:
    folder = shared_path("data", "sanctions", "un_sc_consolidated", "2026-02-27")
    files = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    return Matcher.from_entities(parse("un_sc", files).entities)


def ids(found: list[Match]) -> list[str]:
    return [match.source_id for match in found]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(un: Matcher, case: dict[str, Any]) -> None:
    found = un.match(Query(**case["query"]))
    for wanted in case.get("expect", []):
        assert wanted in ids(found), (case["why"], [(m.source_id, m.name, m.score) for m in found])
    if case.get("expect"):
        assert found[0].source_id == case["expect"][0], (case["why"], found[0])
    for unwanted in case.get("absent", []):
        assert unwanted not in ids(found), (case["why"], [(m.source_id, m.score) for m in found])
    if "matches" in case:
        assert len(found) == case["matches"], (case["why"], [(m.source_id, m.name, m.score) for m in found])
    for fragment in case.get("explain", []):
        assert fragment in str(found[0].explanation), (fragment, found[0].explanation)


def test_a_match_says_which_list_name_met_and_why(un: Matcher) -> None:
    best = un.match(Query("Kalaye Electric Company", "Organization"))[0]
    assert (best.source, best.source_id, best.entity_id) == ("un_sc", "IRe.032", "un_sc-IRe.032")
    assert (best.name, best.caption, best.schema, best.programme) == (
        "Kalaye Electric",
        "KALA-ELECTRIC",
        "Organization",
        "Iran",
    )
    name = best.explanation[0]
    assert name["feature"] == "name_match" and name["weight"] == 1.0 and name["score"] == 1.0
    assert name["tokens"] == [
        {"query": "kalaye", "list": "kalaye", "how": "exact", "similarity": 1.0, "weight": 2.0},
        {"query": "electric", "list": "electric", "how": "exact", "similarity": 1.0, "weight": 2.0},
    ]
    assert name["ignored"] == [{"side": "query", "token": "company", "why": "organisation form"}]


def test_the_wrong_birth_year_scores_lower_and_the_explanation_says_so(un: Matcher) -> None:
    right = un.match(Query("Ri Won Ho", "Person", birth_date="1964-07-17", nationality="KP"), threshold=0.0)[0]
    wrong = un.match(Query("Ri Won Ho", "Person", birth_date="1971", nationality="KP"), threshold=0.0)[0]
    assert right.source_id == wrong.source_id == "KPi.033"
    assert wrong.score < DEFAULT_THRESHOLD < right.score
    features = {entry["feature"]: entry for entry in wrong.explanation}
    assert features["birth_year_mismatch"]["query"] == "1971"
    assert features["birth_year_mismatch"]["list"] == ["1964-07-17"]
    assert features["birth_year_mismatch"]["effect"] < 0
    assert "birth_date_match" in {entry["feature"] for entry in right.explanation}


def test_threshold_limit_and_order(un: Matcher) -> None:
    loose = un.match(Query("Shahid Industrial Group", "Organization"), threshold=0.2, limit=50)
    assert len(loose) > 3 and all(a.score >= b.score >= 0.2 for a, b in itertools.pairwise(loose))
    assert len(un.match(Query("Shahid Industrial Group", "Organization"), threshold=0.2, limit=2)) == 2
    assert un.match(Query("Kalaye Electric"), limit=0) == []
    assert all(m.score >= DEFAULT_THRESHOLD for m in un.match(Query("Kalaye Electric")))


def test_the_index_proposes_few_candidates(un: Matcher) -> None:
    assert len(un) > un.parties > 1000
    proposed = un.candidates(Query("Kalaye Electric Company", "Organization"))
    assert 1 <= len(proposed) < 50 and proposed[0].source_id == "IRe.032"
    assert un.candidates(Query("Zzyzx Qwrty", "Organization")) == []


def test_organisation_kinds_are_compatible_a_person_is_not() -> None:
    firm = Record("x", "1", "x-1", "Organization", "MESBAH ENERGY COMPANY", None, ("MESBAH ENERGY COMPANY",), 1)
    for schema in ("Organization", "Company", "LegalEntity"):
        assert score_pair(Query("Mesbah Energy Co.", schema), firm).score == 1.0
    assert score_pair(Query("Mesbah Energy Co.", "Person"), firm).score < DEFAULT_THRESHOLD


def test_records_carry_what_qualifiers_need(un: Matcher) -> None:
    folder = shared_path("data", "sanctions", "un_sc_consolidated", "2026-02-27")
    files = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    items = {item.source_id: item for item in parse("un_sc", files).entities}
    ri = record_from_entity(items["KPi.033"])
    assert ri.birth_dates == ("1964-07-17",) and ri.nationalities == {"kp"} and "381310014" in ri.identifiers
    jin = record_from_entity(
        next(i for i in items.values() if "金铁三" in str(i.entity.get("name") + i.entity.get("alias")))
    )
    assert "金铁三" in jin.names and "Jin Tiesan" in jin.names
    assert un.match(Query("金铁三", "Person"))[0].source_id == jin.source_id
