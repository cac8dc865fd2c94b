"""Country lists: sources and dates on every list, unions resolved, errors with their line."""

from __future__ import annotations

import pytest

from catchall.errors import DataFileError
from catchall.redflags.countries import default_countries, load_countries

LISTS = """\
kind: country_lists
version: "t"
lists:
  - id: a
    name: A
    description: List A.
    source: Somewhere
    as_of: 2025-01-01
    countries:
      - {code: IR, measure: Embargo, legal_basis: UNSCR 1737}
  - id: b
    name: B
    description: List B.
    source: Elsewhere
    as_of: 2025-01-01
    countries:
      - {code: KP, measure: Embargo, legal_basis: UNSCR 1718}
  - id: ab
    name: A or B
    description: Both.
    source: Union
    as_of: 2025-01-01
    union: [a, b]
"""


def _error(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        load_countries("countries.yaml", text)
    return info.value.one_line()


def test_union_is_resolved_with_the_measures_behind_it() -> None:
    lists = load_countries("countries.yaml", LISTS)
    assert lists.lists_of("KP") == ["ab", "b"]
    assert [m.list_id for m in lists.why("ab", "IR")] == ["a"]
    assert lists.describe("ab", "IR") == "IR (Iran) is on 'A or B' [ab] (A: Embargo [UNSCR 1737])"
    assert lists.why("ab", "DE") == ()


def test_packaged_lists_have_sources_dates_and_the_expected_members() -> None:
    lists = default_countries()
    for lst in lists.lists.values():
        assert lst.source and lst.as_of
    assert {"IR", "KP"} <= set(lists.members["un_embargo"])
    assert {"CU", "IR", "KP", "SY"} == set(lists.members["us_embargo"])
    assert {"AE", "HK", "MY", "SG", "TR", "AM", "GE", "KG", "KZ", "TH"} <= set(lists.members["diversion_hubs"])
    assert "IR" in lists.members["concern"] and "AE" not in lists.members["concern"]
    iran = lists.why("un_embargo", "IR")[0].entry
    assert "2231" in iran.legal_basis and str(iran.since) == "2025-09-28"
    assert "Jebel Ali" in lists.word_lists["free_trade_zone_words"].words


def test_bad_country_code_names_the_line() -> None:
    message = _error(LISTS.replace("code: KP", "code: XX"))
    assert "countries.yaml:17: lists[1].countries[0].code" in message and "'XX'" in message


def test_dangling_union() -> None:
    message = _error(LISTS.replace("union: [a, b]", "union: [a, c]"))
    assert "countries.yaml:23: lists[2].union[1]: 'c' is not a list in this file" in message


def test_union_that_includes_itself() -> None:
    message = _error(LISTS.replace("union: [a, b]", "union: [a, ab]"))
    assert "lists[2].union: the union of 'ab' includes itself" in message


def test_duplicate_list_id() -> None:
    message = _error(LISTS.replace("id: b\n", "id: a\n"))
    assert "countries.yaml:11: lists[1].id: list id or alias 'a' is used twice" in message


def test_list_needs_countries_or_union() -> None:
    message = _error(LISTS.replace("    union: [a, b]\n", ""))
    assert "lists[2]" in message and "either countries or union" in message
