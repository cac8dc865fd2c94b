"""The grade table: the packaged file, the lookup of designations as inquiries write them, the checks."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from catchall.errors import DataFileError
from catchall.goods.grades import (
    GradeTable,
    default_grade_lookup,
    load_grades,
    normalise,
    parse_grades,
)
from catchall.units import to_base


@pytest.fixture(scope="module")
def table() -> GradeTable:
    return load_grades()


def mpa(value: str) -> float:
    return to_base(value)[0] / 1e6


# --------------------------------------------------------------------------- the file


def test_packaged_file_loads_once(table: GradeTable) -> None:
    assert load_grades() is table
    assert len(table.grades) >= 70


REQUIRED = [
    # aluminium
    "2014", "2017", "2024", "2219", "2A12", "2A14", "6061", "6063", "6082", "7A04", "7A09",
    "7050", "7075", "7175", "7475", "7055", "7085", "5083", "1100", "3003",
    # titanium
    "CP Ti Grade 1", "CP Ti Grade 2", "CP Ti Grade 3", "CP Ti Grade 4", "Ti-6Al-4V", "Ti-6Al-4V ELI",
    "TC11", "Ti-3Al-2.5V",
    # maraging, stainless, nickel
    "18Ni(200)", "18Ni(250)", "18Ni(300)", "18Ni(350)", "304", "316L",
    "Monel 400", "Monel K-500", "Inconel 600", "Inconel 625", "Inconel 718", "Hastelloy C-276", "Nickel 200",
    # fibres
    "T300", "T400H", "T700S", "T800H", "T800S", "T1000G", "T1100G", "M40J", "M46J", "M55J", "M60J",
    "AS4", "AS4C", "IM7", "IM8", "IM10", "SYT45", "SYT49", "SYT55", "SYM40", "CCF300", "CCF700", "CCF800",
    "E-glass", "S-glass", "S-2 glass", "ECR-glass", "Kevlar 29", "Kevlar 49", "Twaron", "Technora",
]  # fmt: skip


@pytest.mark.parametrize("designation", REQUIRED)
def test_required_grade_is_present_under_its_designation(table: GradeTable, designation: str) -> None:
    grade = table.get(designation)
    assert grade is not None
    assert grade.designation == designation


def test_every_value_has_a_basis_and_a_citable_source(table: GradeTable) -> None:
    for grade in table.grades:
        for name, prop in grade.properties.items():
            assert prop.source.strip() and prop.condition.strip(), f"{grade.designation}.{name}"
        for temper, entry in grade.tempers.items():
            assert entry.source.strip(), f"{grade.designation}.{temper}"
        assert grade.standard.strip()


def test_every_grade_has_a_tensile_strength_and_fibres_have_modulus_and_density(table: GradeTable) -> None:
    for grade in table.grades:
        assert mpa(grade.capable_tensile_strength.value) > 0
        if grade.material.endswith("fibre"):
            assert {"tensile_strength", "tensile_modulus", "density"} <= set(grade.properties), grade.designation


def test_capable_of_is_at_least_every_temper(table: GradeTable) -> None:
    for grade in table.grades:
        best = mpa(grade.capable_tensile_strength.value)
        for temper, entry in grade.tempers.items():
            assert best >= mpa(entry.value), f"{grade.designation}-{temper}"


@pytest.mark.parametrize(
    ("designation", "capable"),
    [("1100", "H18"), ("3003", "H18"), ("5083", "H116"), ("7075", "T6"), ("2024", "T861"), ("18Ni(350)", "aged")],
)
def test_capable_of_is_the_strongest_state(table: GradeTable, designation: str, capable: str) -> None:
    grade = table.get(designation)
    assert grade is not None and grade.capable_of == capable


@pytest.mark.parametrize(
    ("designation", "name", "value"),
    [
        ("T700S", "tensile_strength", "4900 MPa"),
        ("T700S", "tensile_modulus", "230 GPa"),
        ("T700S", "density", "1.80 g/cm**3"),
        ("T300", "tensile_strength", "3530 MPa"),
        ("T300", "density", "1.76 g/cm**3"),
        ("IM7", "tensile_modulus", "276 GPa"),
        ("E-glass", "tensile_modulus", "72.4 GPa"),
        ("S-glass", "density", "2.49 g/cm**3"),
        ("Monel 400", "nickel_content", "63 %"),
    ],
)
def test_published_values(table: GradeTable, designation: str, name: str, value: str) -> None:
    grade = table.get(designation)
    assert grade is not None
    assert to_base(grade.properties[name].value)[0] == pytest.approx(to_base(value)[0], rel=0.01)


@pytest.mark.parametrize(
    ("designation", "low", "high"),
    [("7075", 560, 580), ("6061", 300, 320), ("7A04", 520, 620), ("2A12", 420, 480), ("18Ni(350)", 2300, 2500)],
)
def test_capable_strengths_are_realistic(table: GradeTable, designation: str, low: float, high: float) -> None:
    grade = table.get(designation)
    assert grade is not None
    assert low <= mpa(grade.capable_tensile_strength.value) <= high


# --------------------------------------------------------------------------- lookup

SPELLINGS = [
    # (as written in an inquiry, grade, temper as tabulated)
    ("7075-T6", "7075", "T6"),
    ("AA7075-T6", "7075", "T6"),
    ("7075 T6", "7075", "T6"),
    ("7075T651", "7075", "T6"),
    ("7075-T7351 plate", "7075", "T73"),
    ("EN AW-7075-T6", "7075", "T6"),
    ("EN AW-7075 [AlZn5,5MgCu]", "7075", None),
    ("Al 7075", "7075", None),
    ("aluminium alloy 7075-O", "7075", "O"),
    ("A7075-T6511", "7075", "T6"),
    ("UNS A92024-T351", "2024", "T351"),
    ("6061-T6", "6061", "T6"),
    ("5083-H116", "5083", "H116"),
    ("7A04", "7A04", None),
    ("LC4", "7A04", None),
    ("LC4CS", "7A04", "T6"),
    ("7A04-T6 铝合金棒", "7A04", "T6"),
    ("LY12CZ", "2A12", "T4"),
    ("2A12-T4", "2A12", "T4"),
    ("LD10", "2A14", None),
    ("LC9", "7A09", None),
    ("７０７５－Ｔ６", "7075", "T6"),
    ("Ti6Al4V", "Ti-6Al-4V", None),
    ("Ti-6Al-4V STA", "Ti-6Al-4V", "STA"),
    ("TC4", "Ti-6Al-4V", None),
    ("TC4 M", "Ti-6Al-4V", "annealed"),
    ("TC4ELI", "Ti-6Al-4V ELI", None),
    ("Titanium Grade 5", "Ti-6Al-4V", None),
    ("CP Ti Gr 2", "CP Ti Grade 2", None),
    ("TA18", "Ti-3Al-2.5V", None),
    ("18Ni(350)", "18Ni(350)", None),
    ("18Ni-350", "18Ni(350)", None),
    ("Maraging 350", "18Ni(350)", None),
    ("VascoMax C-250 aged", "18Ni(250)", "aged"),
    ("SUS304", "304", None),
    ("AISI 304 1/2 hard", "304", "1/2 hard"),
    ("1.4404", "316L", None),
    ("Monel400", "Monel 400", None),
    ("Monel K-500 age hardened", "Monel K-500", "aged"),
    ("GH4169", "Inconel 718", None),
    ("Alloy 625", "Inconel 625", None),
    ("Hastelloy C276", "Hastelloy C-276", None),
    ("T700SC-12K-50C", "T700S", None),
    ("T700SC12K", "T700S", None),
    ("Toray T800HB-12K-40B", "T800H", None),
    ("M40JB-6000-50B", "M40J", None),
    ("HexTow IM7 GP 12K", "IM7", None),
    ("SYT49S-12K", "SYT49", None),
    ("CCF-800", "CCF800", None),
    ("S-2 Glass® roving", "S-2 glass", None),
    ("E-CR glass", "ECR-glass", None),
    ("Kevlar® 49", "Kevlar 49", None),
]


@pytest.mark.parametrize(("text", "designation", "temper"), SPELLINGS)
def test_lookup_resolves_real_world_spellings(
    table: GradeTable, text: str, designation: str, temper: str | None
) -> None:
    match = table.lookup(text)
    assert match is not None, text
    assert match.grade.designation == designation
    assert match.temper == temper


@pytest.mark.parametrize(
    "text",
    ["", "  ", "7076", "unobtainium", "T6", "304L", "T700G", "T300J", "2024A", "70750", "AlSi10Mg", "steel", "12K"],
)
def test_unknown_strings_return_none(table: GradeTable, text: str) -> None:
    assert table.lookup(text) is None


def test_lookup_keeps_the_temper_as_written(table: GradeTable) -> None:
    match = table.lookup("7075-T651")
    assert match is not None
    assert (match.temper, match.temper_text) == ("T6", "T651")


def test_untabulated_temper_is_read_but_has_no_stated_strength(table: GradeTable) -> None:
    match = table.lookup("7075-T76")
    assert match is not None
    assert match.temper == "T76"
    assert match.stated_tensile_strength is None
    assert match.capable_tensile_strength.condition == "T6"


def test_7075_O_is_capable_of_the_T6_strength(table: GradeTable) -> None:
    match = table.lookup("7075-O")
    assert match is not None
    stated, capable = match.stated_tensile_strength, match.capable_tensile_strength
    assert stated is not None and stated.condition == "O" and mpa(stated.value) == pytest.approx(228)
    assert capable.condition == "T6" and mpa(capable.value) == pytest.approx(572)
    assert match.label(capable) == "572 MPa (7075-T6, typical)"


def test_tensile_strength_property_is_stated_else_capable(table: GradeTable) -> None:
    stated = table.lookup("7075-O")
    bare = table.lookup("7075")
    assert stated is not None and bare is not None
    assert stated.property("tensile_strength") == stated.stated_tensile_strength
    assert bare.stated_tensile_strength is None
    assert bare.property("tensile_strength") == bare.capable_tensile_strength


def test_other_properties_and_units(table: GradeTable) -> None:
    match = table.lookup("Inconel 718")
    assert match is not None
    nickel = match.property("nickel_content")
    assert nickel is not None and nickel.magnitude("%") == pytest.approx(50)
    assert match.property("no_such_property") is None
    density = match.property("density")
    assert density is not None and density.magnitude("kg/m**3") == pytest.approx(8190)


def test_fibre_specific_modulus_and_strength(table: GradeTable) -> None:
    match = table.lookup("T700SC-12K")
    assert match is not None
    modulus, strength = match.specific_modulus(), match.specific_tensile_strength()
    assert modulus is not None and strength is not None
    # 230 GPa / (1800 kg/m³ × 9.80665 m/s²) = 1.303e7 m; 4900 MPa / (…) = 2.776e5 m
    assert modulus.magnitude("m") == pytest.approx(1.303e7, rel=1e-3)
    assert strength.magnitude("m") == pytest.approx(2.776e5, rel=1e-3)
    assert modulus.source.startswith("derived:")


def test_get_is_exact_apart_from_case_and_separators(table: GradeTable) -> None:
    assert table.get("en aw 7075") is table.get("7075")
    assert table.get("7075-T6") is None


def test_normalise() -> None:
    assert normalise("EN AW-7075 ") == "enaw7075"
    assert normalise("18Ni(350)") == normalise("18Ni-350") == "18ni350"


def test_classifier_adapter_gives_stated_and_capable_strengths() -> None:
    found = default_grade_lookup().resolve("7075-O")
    assert found is not None
    assert found.name == "7075-O"
    assert found.properties["tensile_strength"] == ("228 MPa", "typical")
    assert found.capable_tensile == ("572 MPa", "7075-T6, typical")
    bare = default_grade_lookup().resolve("7075")
    assert bare is not None and "tensile_strength" not in bare.properties
    fibre = default_grade_lookup().resolve("T700S")
    assert fibre is not None and fibre.capable_tensile is None
    assert fibre.properties["tensile_modulus"] == ("230 GPa", "typical")
    assert default_grade_lookup().resolve("unobtainium") is None


# --------------------------------------------------------------------------- checks of the file

SOURCE = "Test data sheet"
PROPERTY = {"value": "2.81 g/cm**3", "basis": "typical", "condition": "all tempers", "source": SOURCE}


def small_table() -> dict[str, Any]:
    temper = {"value": "572 MPa", "basis": "typical", "source": SOURCE}
    return {
        "kind": "grade_table",
        "families": [
            {
                "name": "Aluminium",
                "material": "aluminium alloy",
                "grades": [
                    {
                        "designation": "7075",
                        "aliases": ["AA7075"],
                        "standard": "AA",
                        "tempers": {"O": {**temper, "value": "228 MPa"}, "T6": temper},
                        "capable_of": "T6",
                    },
                    {
                        "designation": "7A04",
                        "aliases": ["LC4"],
                        "standard": "GB/T 3190",
                        "tempers": {"T6": {**temper, "value": "530 MPa"}},
                        "capable_of": "T6",
                    },
                ],
            }
        ],
    }


def test_small_table_is_valid() -> None:
    table = parse_grades(small_table())
    match = table.lookup("LC4")
    assert match is not None and match.grade.material == "aluminium alloy"


def test_duplicate_alias_across_grades_is_rejected_with_its_key_path() -> None:
    data = small_table()
    data["families"][0]["grades"][1]["aliases"].append("AA-7075")
    with pytest.raises(DataFileError) as caught:
        parse_grades(data, file="grades-test.yaml")
    message = caught.value.one_line()
    assert "grades-test.yaml" in message
    assert "families[0].grades[1].aliases[1]" in message
    assert "'AA-7075' of grade 7A04" in message
    assert "families[0].grades[0].aliases[0] of grade 7075" in message


def test_duplicate_designation_is_rejected() -> None:
    data = small_table()
    data["families"][0]["grades"][1]["designation"] = "7075"
    with pytest.raises(DataFileError, match=r"families\[0\]\.grades\[1\]\.designation"):
        parse_grades(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda g: g.update(capable_of="O"), "weaker than T6"),
        (lambda g: g.update(capable_of="T7"), "capable_of must name one of its tempers"),
        (lambda g: g["tempers"]["T6"].update(value="572 mm"), "tempers.T6"),
        (lambda g: g["tempers"]["T6"].update(source=None), "source"),
        (lambda g: g.update(colour="silver"), "colour"),
        (lambda g: g.update(properties={"hardness": {**PROPERTY, "value": "150 MPa"}}), "unknown property 'hardness'"),
    ],
)
def test_bad_grades_are_rejected_naming_the_problem(change: Any, expected: str) -> None:
    data = copy.deepcopy(small_table())
    change(data["families"][0]["grades"][0])
    with pytest.raises(DataFileError, match=expected):
        parse_grades(data)


def test_temper_alias_must_name_a_real_temper() -> None:
    data = small_table()
    data["temper_aliases"] = {"aluminium alloy": {"CZ": "T4"}}
    with pytest.raises(DataFileError, match=r"temper_aliases\.aluminium alloy\.CZ"):
        parse_grades(data)
