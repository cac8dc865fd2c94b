"""Every packaged control-list file loads and hangs together."""

from __future__ import annotations

import pytest

from catchall.units import parse_number, parse_quantity
from tests.controls.lists import FILES, compares, load_list


def test_all_categories_are_packaged() -> None:
    assert {"eu_annex_i_cat0.yaml", "eu_annex_i_cat1.yaml", "eu_annex_i_cat2.yaml"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_codes_are_unique_and_parents_resolve(name: str) -> None:
    lst = load_list(name)
    assert lst.regime == "EU"
    codes = [entry.code for entry in lst.entries]
    assert len(codes) == len(set(codes))
    for entry in lst.entries:
        assert entry.text.strip() and entry.title.strip(), entry.code
        assert entry.parent is None or entry.parent in codes, f"{entry.code}: parent {entry.parent} not in {name}"
        assert entry.parent is None or entry.code.startswith(entry.parent + "."), entry.code


@pytest.mark.parametrize("name", FILES)
def test_every_threshold_parses(name: str) -> None:
    for entry in load_list(name).entries:
        for compare in compares(entry.criteria):
            if any(ch.isalpha() or ch == "%" for ch in compare.value):
                parse_quantity(compare.value, field=f"{entry.code}.{compare.param}")
            else:
                parse_number(compare.value, field=f"{entry.code}.{compare.param}")
