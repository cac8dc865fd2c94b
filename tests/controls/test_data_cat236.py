"""The EU Annex I Category 2, 3 and 6 nuclear-related ("2xx") list files load and hang together."""

from __future__ import annotations

import pytest

from catchall.controls.schema import Member
from tests.controls.lists import load_list

FILES = ("eu_annex_i_cat2.yaml", "eu_annex_i_cat3.yaml", "eu_annex_i_cat6.yaml")


def test_key_entries_are_present() -> None:
    codes = {entry.code for name in FILES for entry in load_list(name).entries}
    expected = {
        "2A225", "2A226", "2B009", "2B109", "2B201", "2B204", "2B206", "2B207", "2B209", "2B219",
        "2B225", "2B226", "2B227", "2B228", "2B230", "2B231", "2B232", "2B233", "2D201", "2D202", "2E201",
        "3A201", "3A225", "3A226", "3A227", "3A228", "3A229", "3A230", "3A231", "3A232", "3A233", "3A234",
        "3D225", "3E201", "3E225",
        "6A202", "6A203", "6A205", "6A225", "6A226", "6D203", "6E201", "6E203",
    }  # fmt: skip
    assert expected <= codes


def test_balancing_machine_keeps_eu_number_with_us_eccn() -> None:
    entries = {entry.code: entry for entry in load_list("eu_annex_i_cat2.yaml").entries}
    assert entries["2B219"].eccn == "2B229"
    assert entries["2B219.a"].eccn == "2B229.a"
    assert "2B229" not in entries


@pytest.mark.parametrize("name", FILES)
def test_sub_item_scope_stays_inside_its_parents_scope(name: str) -> None:
    # The classifier ANDs a sub-item's scope with its ancestors' scopes, so a product named only
    # in the sub-item would never match.
    entries = {entry.code: entry for entry in load_list(name).entries}
    for entry in entries.values():
        parent = entry.parent
        while parent:
            outer = entries[parent].scope
            if isinstance(entry.scope, Member) and isinstance(outer, Member) and outer.param == entry.scope.param:
                assert set(entry.scope.any_of) <= set(outer.any_of), f"{entry.code} outside {parent}"
            parent = entries[parent].parent
