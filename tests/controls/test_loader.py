from __future__ import annotations

import pytest

from catchall.controls.loader import load_registry, load_texts, parse_file
from catchall.errors import DataFileError

HEAD = """kind: control_list
regime: EU
name: test list
source: {title: t, version: v1}
entries:
"""


def test_packaged_lists_load() -> None:
    registry = load_registry()
    assert len(registry.lists) >= 5
    assert registry.watch_lists
    assert "1C202.a" in registry.entries
    assert "Regulation (EU) 2021/821" in registry.version


def test_every_packaged_entry_has_text_and_a_source() -> None:
    registry = load_registry()
    for code, entry in registry.entries.items():
        assert entry.text.strip(), code
        assert entry.title.strip(), code
        assert registry.list_of[code].source.version


def test_schema_error_names_the_line_and_path() -> None:
    text = HEAD + "  - code: X1\n    title: t\n    text: x\n    criteria: {param: width, op: '=>', value: '5 mm'}\n"
    lst, problems = parse_file("bad.yaml", text)
    assert lst is None
    assert any(p.line == 9 and "entries[0].criteria" in p.path for p in problems), problems


def test_unknown_key_is_refused() -> None:
    text = HEAD + "  - code: X1\n    title: t\n    text: x\n    colour: red\n"
    _, problems = parse_file("bad.yaml", text)
    assert any("colour" in p.path and p.line == 9 for p in problems), problems


def test_not_yaml() -> None:
    _, problems = parse_file("bad.yaml", "kind: [unclosed\n")
    assert problems and "not valid YAML" in problems[0].message


def test_duplicates_across_files_and_dangling_references() -> None:
    one = HEAD + "  - {code: X1, title: t, text: x}\n"
    two = HEAD.replace("test list", "other") + (
        "  - {code: X1, title: t, text: x}\n  - {code: X2, title: t, text: x, parent: X9}\n"
    )
    with pytest.raises(DataFileError) as info:
        load_texts({"one.yaml": one, "two.yaml": two})
    message = str(info.value)
    assert "X1 is also in one.yaml" in message
    assert "parent X9 is not a loaded entry" in message


def test_watch_list_reference_must_exist() -> None:
    watch = """kind: watch_list
name: w
owner: o
version: "1"
source: {title: t, version: v}
entries:
  - code: W1
    title: t
    text: x
    references: [NOPE]
    criteria: {param: width, op: ">=", value: "5 mm"}
"""
    with pytest.raises(DataFileError, match="NOPE is not a loaded control entry"):
        load_texts({"w.yaml": watch})


def test_threshold_in_wrong_dimension_is_a_data_error() -> None:
    from catchall.goods.classifier import Classifier

    text = HEAD + "  - code: X1\n    title: t\n    text: x\n"
    text += "    criteria: {param: outside_diameter, op: '>', value: '5 MPa'}\n"
    with pytest.raises(DataFileError, match="does not fit outside_diameter"):
        Classifier(load_texts({"x.yaml": text}))


def test_criterion_on_unknown_parameter_is_a_data_error() -> None:
    from catchall.goods.classifier import Classifier

    text = HEAD + "  - code: X1\n    title: t\n    text: x\n    criteria: {param: colour, in: [red]}\n"
    with pytest.raises(DataFileError, match="unknown parameter 'colour'"):
        Classifier(load_texts({"x.yaml": text}))
