"""The EU Annex I Category 0 and Category 1 (nuclear-related) list files load and hang together."""

from __future__ import annotations

from tests.controls.lists import compares, load_list

FILES = ("eu_annex_i_cat0.yaml", "eu_annex_i_cat1.yaml")


def test_key_entries_are_present() -> None:
    cat0 = {entry.code for entry in load_list("eu_annex_i_cat0.yaml").entries}
    cat1 = {entry.code for entry in load_list("eu_annex_i_cat1.yaml").entries}
    assert {"0A001", "0B001", "0B001.b.3", "0B001.b.13", "0B001.b.14.b", "0B002", "0B003", "0B004", "0B005", "0B006",
            "0B007", "0C001", "0C002", "0C003", "0C004", "0C005", "0D001", "0E001"} <= cat0  # fmt: skip
    assert {f"0B001.b.{n}" for n in range(1, 15)} <= cat0
    assert {"1A202", "1A225", "1A226", "1A227", "1B001", "1B201", "1B225", "1B226", "1B228", "1B230", "1B231",
            "1B232", "1B233", "1B234", "1B235", "1C002", "1C002.b.3", "1C002.b.4", "1C010", "1C010.b", "1C116",
            "1C202.a", "1C202.b", "1C210.a", "1C210.b", "1C210.c", "1C216", "1C225", "1C226", "1C227", "1C228",
            "1C229", "1C230", "1C231", "1C232", "1C233", "1C234", "1C235", "1C236", "1C237", "1C238", "1C239",
            "1C240", "1C241", "1D201", "1E201", "1E202", "1E203"} <= cat1  # fmt: skip


def test_category_0_has_no_eccn_and_excludes_point_to_listed_entries() -> None:
    cat0 = load_list("eu_annex_i_cat0.yaml")
    assert all(entry.eccn is None for entry in cat0.entries)
    cat1 = load_list("eu_annex_i_cat1.yaml")
    known = {entry.code for entry in cat0.entries} | {entry.code for entry in cat1.entries}
    outside = {"1A002", "1B101", "1C117", "1C012.a"}  # other categories or lists
    for entry in cat1.entries:
        for code in entry.excludes:
            assert code in known or code in outside, f"{entry.code} excludes unknown {code}"


def test_1c202a_thresholds_match_the_legal_text() -> None:
    entry = next(e for e in load_list("eu_annex_i_cat1.yaml").entries if e.code == "1C202.a")
    found = {(c.param, c.op, c.value, c.capable_of) for c in compares(entry.criteria)}
    assert found == {("tensile_strength", ">=", "460 MPa", True), ("outside_diameter", ">", "75 mm", False)}
    assert entry.excludes == ["1C002.b.4"]
