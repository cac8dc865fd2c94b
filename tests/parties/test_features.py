"""Token similarity, name alignment, qualifiers and the weighted score, each with its explanation."""

from __future__ import annotations

import pytest

from catchall.parties.align import compare
from catchall.parties.features import QueryFacts, infer_kind, party_kind
from catchall.parties.matcher import Query, Record, score_pair
from catchall.parties.names import analyse, make_token, weighted
from catchall.parties.scoring import FEATURES, MAX_RAISE
from catchall.parties.similarity import CUTOFF, text_similarity, token_similarity


def listed(*names: str, schema: str = "Person", **facts: object) -> Record:
    return Record("test", "1", "test-1", schema, names[0], None, names, len(names), **facts)  # type: ignore[arg-type]


def features(query: Query, record: Record) -> dict[str, dict[str, object]]:
    return {entry["feature"]: entry for entry in score_pair(query, record).explanation}  # type: ignore[misc]


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("mohammad", "magomed", "spelling variant"),
        ("park", "pak", "spelling variant"),
        ("abdelkader", "abdelkadder", "doubled letter"),
        ("yyu", "yu", "doubled letter"),
        ("dzhamal", "jamal", "spelling (transliteration)"),
        ("salek", "salik", "phonetic"),
        ("abdikadir", "abdukadir", "edit distance 1"),
        ("sok", "sko", "letters swapped"),
        ("mosk", "musk", "one vowel differs"),
    ],
)
def test_how_two_words_agree(a: str, b: str, how: str) -> None:
    score, found = text_similarity(a, b, initials=False)
    assert found == how and CUTOFF <= score < 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kim", "kam"),
        ("cook", "cock"),
        ("huang", "huan"),
        ("charles", "choles"),
        ("michelle", "michael"),
        ("abb", "aab"),
    ],
)
def test_near_misses_are_no_match_at_all(a: str, b: str) -> None:
    assert text_similarity(a, b, initials=True) == (0.0, "")


def test_initials_only_for_people() -> None:
    assert text_similarity("j", "john", initials=True) == (0.7, "initial")
    assert text_similarity("j", "john", initials=False) == (0.0, "")


def test_same_letters_across_scripts_is_transliteration() -> None:
    a, b = analyse("Путин", "person")[0], analyse("Putin", "person")[0]
    assert token_similarity(a, b, True) == (1.0, "transliteration")


def test_consonants_of_a_vowelless_script() -> None:
    arabic, latin = analyse("حسين", "person")[0], analyse("Hussein", "person")[0]
    assert token_similarity(arabic, latin, True) == (0.9, "consonants")
    assert token_similarity(analyse("تهرانی", "person")[0], analyse("Tyurin", "person")[0], True)[0] == 0.0


def test_a_patronymic_is_not_a_family_name() -> None:
    a = make_token("ivanovna", "patronymic", 0.3, "latin")
    b = make_token("ivanov", "name", 1.0, "latin")
    assert token_similarity(a, b, True) == (0.0, "")


def name_score(query: str, listed_name: str, mode: str = "person") -> float:
    q, r = weighted(analyse(query, mode)), weighted(analyse(listed_name, mode))  # type: ignore[arg-type]
    return compare(q, r, initials=mode == "person").score


def test_alignment_ignores_order_and_joins_split_words() -> None:
    assert name_score("SALEK, ABDULHAI", "ABDUL HAI SALEK") == 1.0
    assert name_score("AREFULLAHA REF", "AREFULLAH AREF") == 1.0
    assert name_score("Xi Jinping", "习近平") == 1.0


def test_missing_words_count_more_on_the_query_side() -> None:
    assert name_score("Arefullah Aref", "Arefullah Aref Ghazi Mohammad") > 0.85  # the list has more names
    assert name_score("Arefullah Aref Ghazi Mohammad", "Arefullah Aref") < 0.6  # the query has words the list lacks
    assert name_score("Hafiz Saeed", "Hafiz Muhammad Saeed") < 0.6  # only a common name met: cut


def test_a_match_on_weak_words_alone_is_cut() -> None:
    found = compare(
        weighted(analyse("Shahid Hemmat Industrial Group", "organisation")),
        weighted(analyse("Shahid Bagheri Industrial Group", "organisation")),
        initials=False,
    )
    assert found.only_weak and found.score < 0.5


def test_repeats_are_free_only_when_nothing_else_is_left() -> None:
    assert name_score("MATUQ MOHAMMED MATUQ", "MATUQ MOHAMMED") == 1.0
    assert name_score("Martin Martin", "Martin Butt") < 0.6


def test_party_kinds() -> None:
    assert party_kind("Person") == "person" and party_kind("Company") == "organisation"
    assert party_kind("Vessel") == "object" and party_kind("LegalEntity") == "any" and party_kind("Nope") == "any"
    assert infer_kind("any", [analyse("Acme Trading LLC", "any")], False) == "organisation"
    assert infer_kind("any", [analyse("Ivan Petrov", "any")], True) == "person"


def test_birth_year_two_apart_lowers_the_score_and_says_so() -> None:
    record = listed("RI WON HO", birth_dates=("1964-07-17",), nationalities=frozenset({"kp"}))
    same = score_pair(Query("Ri Won Ho", "Person", "1964-07-17", "KP"), record)
    other = score_pair(Query("Ri Won Ho", "Person", "1970", "KP"), record)
    assert same.score == 1.0 and other.score < 0.8
    mismatch = features(Query("Ri Won Ho", "Person", "1970"), record)["birth_year_mismatch"]
    assert mismatch["query"] == "1970" and mismatch["list"] == ["1964-07-17"] and mismatch["effect"] == -0.25


@pytest.mark.parametrize(
    ("date", "feature", "score"),
    [
        ("1964-07-17", "birth_date_match", 1.0),
        ("1964", "birth_date_match", 0.5),
        ("1964-17-07", "birth_date_match", 0.5),  # an impossible month: only the year is read
        ("1964-07-18", "birth_day_mismatch", 1.0),
        ("1965", "birth_year_mismatch", 0.4),
        ("1980", "birth_year_mismatch", 1.0),
    ],
)
def test_birth_date_relations(date: str, feature: str, score: float) -> None:
    found = features(Query("Ri Won Ho", "Person", date), listed("RI WON HO", birth_dates=("1964-07-17",)))
    assert found[feature]["score"] == score


def test_nationality_and_country() -> None:
    record = listed("RI WON HO", nationalities=frozenset({"kp"}), countries=frozenset({"sy"}))
    assert "nationality_match" in features(Query("Ri Won Ho", "Person", nationality="KP"), record)
    assert features(Query("Ri Won Ho", "Person", nationality="fr"), record)["nationality_mismatch"]["effect"] == -0.12
    assert "country_match" in features(Query("Ri Won Ho", "Person", country="Syria"), record)
    assert "country_mismatch" in features(Query("Ri Won Ho", "Person", country="de"), record)


def test_an_identifier_makes_a_match_and_a_person_is_no_firm() -> None:
    ship = listed("OCEAN STAR", schema="Vessel", identifiers=frozenset({"9187629"}))
    found = score_pair(Query("Blue Whale", "Vessel", identifiers=("IMO 9187629",)), ship)
    assert found.score == 0.98 and features(Query("Blue Whale", "Vessel", identifiers=("9187629",)), ship)
    firm = listed("MESBAH ENERGY COMPANY", schema="Organization")
    assert score_pair(Query("Mesbah Energy", "Person"), firm).score <= 0.55
    assert score_pair(Query("Mesbah Energy", "Company"), firm).score == 1.0


def test_weights_are_declared_once() -> None:
    assert len({feature.name for feature in FEATURES}) == len(FEATURES)
    assert pytest.approx(0.10) == MAX_RAISE
    assert QueryFacts.of(Query("Kala (Kalaye Electric)")).alternatives[1][0] == "Kala"
