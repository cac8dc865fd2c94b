"""Malformed rule files fail with errors that name the file, the key path and the line."""

from __future__ import annotations

import pytest

from catchall.errors import DataFileError
from catchall.redflags.countries import default_countries
from catchall.redflags.loader import default_rules, load_rules

RULES = """\
kind: redflag_rules
version: "t"
sources:
  bis_kyc: {title: "BIS red flags"}
word_lists:
  - id: hurry
    name: Hurry
    words: [urgent, asap]
rules:
  - id: RF-A
    name: A
    description: Destination embargoed.
    source: [bis_kyc]
    severity: critical
    weight: 5
    when: {destination_in_list: embargoed}
  - id: RF-B
    name: B
    description: Hurry.
    source: [bis_kyc]
    severity: info
    weight: 1
    when:
      text_matches: {fields: [notes], word_lists: [hurry]}
"""


def _error(text: str) -> str:
    with pytest.raises(DataFileError) as info:
        load_rules("rules.yaml", text, default_countries())
    return info.value.one_line()


def test_valid_file_loads() -> None:
    book = load_rules("rules.yaml", RULES, default_countries())
    assert [c.rule.id for c in book.rules] == ["RF-A", "RF-B"]
    assert book.rules[0].source == "BIS red flags"


def test_packaged_rules_load() -> None:
    assert len(default_rules().rules) >= 20


def test_yaml_syntax_error_names_the_line() -> None:
    message = _error(RULES.replace("weight: 1\n", "weight: [1\n"))
    assert "rules.yaml:" in message and "not valid YAML" in message


def test_unknown_predicate_names_line_and_known_ones() -> None:
    message = _error(RULES.replace("destination_in_list: embargoed", "destination_is: embargoed"))
    assert "rules.yaml:16: rules[0].when.destination_is: unknown predicate 'destination_is'" in message
    assert "destination_in_list" in message


def test_dangling_country_list() -> None:
    message = _error(RULES.replace("destination_in_list: embargoed", "destination_in_list: nowhere"))
    assert "rules.yaml:16: rules[0].when.destination_in_list: no country list named 'nowhere'" in message


def test_dangling_word_list_points_at_the_name() -> None:
    message = _error(RULES.replace("word_lists: [hurry]", "word_lists: [rush]"))
    assert "rules.yaml:24: rules[1].when.text_matches.word_lists[0]: no word list named 'rush'" in message


def test_duplicate_rule_id() -> None:
    message = _error(RULES.replace("id: RF-B", "id: RF-A"))
    assert "rules.yaml:17: rules[1].id: rule id or alias 'RF-A' is used twice" in message


def test_unknown_source() -> None:
    message = _error(RULES.replace("source: [bis_kyc]\n    severity: info", "source: [fatf]\n    severity: info"))
    assert "rules.yaml:20: rules[1].source[0]: no source named 'fatf'" in message


def test_bad_argument_value() -> None:
    text = RULES.replace("{destination_in_list: embargoed}", "{any_party: {role_in: [boss]}}")
    message = _error(text)
    assert "rules.yaml:16: rules[0].when.any_party.role_in[0]" in message and "buyer" in message


def test_unknown_text_field() -> None:
    message = _error(RULES.replace("fields: [notes]", "fields: [remarks]"))
    assert "rules[1].when.text_matches.fields[0]" in message and "rules.yaml:24" in message


def test_spec_range_of_the_wrong_dimension() -> None:
    when = "{any_item: {spec_between: {outside_diameter: {min: 75 kg}}}}"
    message = _error(RULES.replace("{destination_in_list: embargoed}", when))
    assert "rules.yaml:16: rules[0].when.any_item.spec_between" in message and "length" in message


def test_unknown_field_in_a_rule() -> None:
    message = _error(RULES.replace("    weight: 5\n", "    weight: 5\n    wieght: 4\n"))
    assert "rules.yaml:16: rules[0].wieght: Extra inputs are not permitted" in message


def test_empty_any_is_refused() -> None:
    message = _error(RULES.replace("{destination_in_list: embargoed}", "{any: []}"))
    assert "rules[0].when.any: 'any' takes a non-empty list" in message


def test_every_problem_is_reported() -> None:
    text = RULES.replace("embargoed}", "nowhere}").replace("[hurry]", "[rush]")
    message = _error(text)
    assert "'nowhere'" in message and "'rush'" in message
