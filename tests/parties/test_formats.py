"""The UN and OFAC readers against the real list snapshots in ../shared, and the bundled sample list.

Counts are those PROVENANCE.md states for each file; where the parsed count differs,
the comment beside the assertion says why.
"""

from __future__ import annotations

import csv
import io
import time
from importlib import resources

import pytest
from followthemoney import registry

from catchall.parties.formats import SOURCES, ListEntity, ListFormatError, ParsedList, detect, parse
from tests.conftest import shared_path


def read_dir(*parts: str) -> dict[str, bytes]:
    folder = shared_path("data", "sanctions", *parts)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def by_id(parsed: ParsedList) -> dict[str, ListEntity]:
    return {item.source_id: item for item in parsed.entities}


def schemas(parsed: ParsedList) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in parsed.entities:
        counts[item.entity.schema.name] = counts.get(item.entity.schema.name, 0) + 1
    return counts


@pytest.fixture(scope="module")
def un() -> ParsedList:
    files = read_dir("un_sc_consolidated", "2026-02-27")
    assert detect(files) == "un_sc"
    return parse("un_sc", files)


@pytest.fixture(scope="module")
def sdn_2021() -> ParsedList:
    files = read_dir("ofac_sdn", "2021-07-07")
    assert detect(files) == "us_ofac_sdn"
    return parse("us_ofac_sdn", files)


def test_un_counts_and_version(un: ParsedList) -> None:
    assert un.source == "un_sc"
    assert un.version == "2026-02-27T00:00:09.554Z"
    assert len(un.entities) == 1003
    assert schemas(un) == {"Person": 730, "Organization": 273}
    programmes: dict[str | None, int] = {}
    for item in un.entities:
        programmes[item.programme] = programmes.get(item.programme, 0) + 1
    assert programmes["DPRK"] == 155
    assert programmes["Iran"] == 121


def test_un_kala_electric(un: ParsedList) -> None:
    kala = by_id(un)["IRe.032"]
    assert kala.entity.id == "un_sc-IRe.032"
    assert kala.entity.schema.name == "Organization"
    assert kala.entity.get("name") == ["KALA-ELECTRIC"]
    assert kala.entity.get("alias") == ["Kalaye Electric"]
    assert kala.entity.get("topics") == ["sanction"]
    assert kala.programme == "Iran"
    assert "Provider for PFEP - Natanz. [Old Reference # E.37.A.3]" in kala.entity.get("notes")


def test_un_individual_birth_date_and_nationality(un: ParsedList) -> None:
    yun = by_id(un)["KPi.001"].entity
    assert yun.get("name") == ["YUN HO-JIN"]
    assert yun.get("birthDate") == ["1944-10-13"]
    assert yun.get("nationality") == ["kp"]
    assert yun.get("alias") == ["Yun Ho-chin"]
    assert yun.get("position") == ["Director of Namchongang Trading Corporation"]
    abbasi = by_id(un)["IRi.001"].entity
    assert abbasi.get("birthDate") == ["1958", "1959"]  # year-only dates stay partial
    assert abbasi.get("birthPlace") == ["Abadan, Iran (Islamic Republic of)"]
    assert abbasi.get("birthCountry") == ["ir"]


def test_un_alias_grades_and_scripts(un: ParsedList) -> None:
    soleimani = by_id(un)["IRi.039"].entity
    # "Good" aliases are strong, "Low" weak; several names in one ALIAS_NAME are split on ";".
    assert "Qasem Sulaimani" in soleimani.get("alias")
    assert soleimani.get("weakAlias") == ["Haj Qasem", "Haji Qassem", "Sardar Soleimani"]
    assert soleimani.get("passportNumber") == ["008827"]
    ryonbong = by_id(un)["KPe.002"].entity
    assert ryonbong.get("previousName") == ["LYONGAKSAN GENERAL TRADING CORPORATION"]
    scripts = [item for item in un.entities if any(not name.isascii() for name in item.entity.get("alias"))]
    assert len(scripts) >= 300  # 378 records carry NAME_ORIGINAL_SCRIPT


def test_sdn_2021_set(sdn_2021: ParsedList) -> None:
    assert len(sdn_2021.entities) == 8976
    assert schemas(sdn_2021) == {"Person": 4620, "Organization": 3673, "Vessel": 406, "Airplane": 277}
    assert sdn_2021.version.startswith("sha256:")  # OFAC CSVs carry no date
    bank = by_id(sdn_2021)["306"].entity
    assert bank.get("name") == ["BANCO NACIONAL DE CUBA"]
    assert bank.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert bank.get("weakAlias") == ["BNC"]  # OFAC's weak a.k.a. lives in Remarks
    assert "Zweierstrasse 35, Zurich CH-8022, Switzerland" in bank.get("address")
    assert set(bank.get("country")) == {"ch", "es", "jp", "pa"}
    assert bank.get("program") == ["CUBA"]


def test_sdn_2021_loses_no_alias(sdn_2021: ParsedList) -> None:
    entities = by_id(sdn_2021)
    alt = read_dir("ofac_sdn", "2021-07-07")["alt.csv"].decode("latin-1")
    rows = [row for row in csv.reader(io.StringIO(alt)) if len(row) == 5]
    assert len(rows) == 11910
    missing = []
    for ent_num, _, _, name, _ in rows:
        entity = entities[ent_num].entity
        # As FtM stores names: spaces collapsed, quotes around a whole name dropped.
        if registry.name.clean(" ".join(name.split())) not in entity.get("alias") + entity.get("previousName"):
            missing.append((ent_num, name))
    assert missing == []


def test_sdn_2024_alone() -> None:
    files = read_dir("ofac_sdn", "2024-05-03")
    assert detect(files) == "us_ofac_sdn"
    started = time.perf_counter()
    parsed = parse("us_ofac_sdn", files)
    assert time.perf_counter() - started < 15
    assert len(parsed.entities) == 14965
    assert schemas(parsed) == {"Organization": 6884, "Person": 6854, "Vessel": 851, "Airplane": 376}
    assert max(int(item.source_id) for item in parsed.entities) == 48907
    dawood = by_id(parsed)["9758"].entity
    assert dawood.get("lastName") == ["IBRAHIM"]
    assert "M-110522" in dawood.get("passportNumber")
    assert dawood.get("birthDate") == ["1955-12-26", "1955-12-31"]
    assert set(dawood.get("citizenship")) == {"in", "pk", "ae"}
    vessel = by_id(parsed)["4243"].entity
    assert vessel.schema.name == "Vessel"
    assert vessel.get("imoNumber") == ["IMO7406784"]


def test_sdn_2025_aliases_without_primary_are_refused() -> None:
    files = read_dir("ofac_sdn", "2025-12-24_alt_add_only")
    assert detect(files) == "us_ofac_sdn"
    with pytest.raises(ListFormatError, match="no primary file"):
        parse("us_ofac_sdn", files)


def test_ofac_consolidated_non_sdn() -> None:
    files = read_dir("ofac_consolidated_non_sdn", "2025-12-19")
    assert detect(files) == "us_ofac_cons"
    parsed = parse("us_ofac_cons", files)
    assert len(parsed.entities) == 442
    assert schemas(parsed) == {"Organization": 363, "Person": 79}
    gazprombank = by_id(parsed)["17016"].entity
    assert gazprombank.get("leiCode") == ["253400WSS48YWMBUA688"]
    assert gazprombank.get("taxNumber") == ["7744001497"]
    assert "BANK GPB JSC" in gazprombank.get("alias")
    assert by_id(parsed)["17016"].programme == "UKRAINE-EO13662; RUSSIA-EO14024"


@pytest.mark.parametrize(
    ("folder", "name", "source", "count", "version"),
    [
        # Record_Count says 5, the entries number 5.
        ("ofac_sdn_xml", "us_sample.xml", "us_ofac_sdn", 5, "2026-08-07"),
        # Record_Count says 5704 but the fixture was cut to 4 entries upstream (see README).
        ("ofac_sdn_xml_legacy", "sdn.xml", "us_ofac_sdn", 4, "2014-07-16"),
        # 24 entries, 23 parties: uid 15268 is listed twice, under 561List and 561-Related, and merged.
        ("ofac_sdn_xml_legacy", "consolidated.xml", "us_ofac_cons", 23, "2014-12-17"),
    ],
)
def test_ofac_xml_samples(folder: str, name: str, source: str, count: int, version: str) -> None:
    files = {name: read_dir("format_samples", folder)[name]}
    assert detect(files) == source
    parsed = parse(source, files)
    assert len(parsed.entities) == count
    assert parsed.version == version


def test_ofac_xml_details() -> None:
    parsed = parse("us_ofac_sdn", read_dir("format_samples", "ofac_sdn_xml"))
    dawood = by_id(parsed)["9758"].entity
    assert dawood.get("name") == ["IBRAHIM, Dawood"]
    assert dawood.get("passportNumber") == ["M-110522"]
    assert dawood.get("nationality") == ["in"]
    assert dawood.get("citizenship") == ["in", "pk", "ae"]
    assert dawood.get("birthPlace") == ["Ratnagiri, Maharashtra, India"]
    assert by_id(parsed)["4238"].entity.get("callSign") == ["CL2192"]
    legacy = by_id(parse("us_ofac_sdn", {"sdn.xml": read_dir("format_samples", "ofac_sdn_xml_legacy")["sdn.xml"]}))
    assert legacy["306"].entity.get("weakAlias") == ["BNC"]  # <category>weak</category>
    merged = by_id(
        parse(
            "us_ofac_cons", {"consolidated.xml": read_dir("format_samples", "ofac_sdn_xml_legacy")["consolidated.xml"]}
        )
    )["15268"]
    assert merged.programme == "561List; 561-Related"
    assert merged.entity.get("previousName") == [
        "KARAMAY URBAN CREDIT COOPERATIVES",
        "KARAMAY CITY COMMERCIAL BANK CO LTD.",
    ]


def test_bundled_sample_list() -> None:
    data = resources.files("catchall.data").joinpath("sample_lists/un_sample.xml").read_bytes()
    files = {"un_sample.xml": data}
    assert detect(files) == "un_sc"
    parsed = parse("un_sc", files)
    assert parsed.version == "2026-02-27T00:00:00.000Z"
    assert 30 <= len(parsed.entities) <= 40
    assert all(item.source_id and item.entity.id == f"un_sc-{item.source_id}" for item in parsed.entities)
    assert all(item.entity.get("name") for item in parsed.entities)
    assert all("Source:" in " ".join(item.entity.get("notes")) for item in parsed.entities)
    entities = by_id(parsed)
    for ref in (
        "IRe.032",
        "IRe.041",
        "IRe.061",
        "IRe.046",
        "IRe.054",
        "IRe.006",
        "IRe.019",
        "KPe.001",
        "KPe.004",
        "KPe.007",
        "KPe.002",
        "KPe.017",
    ):
        assert ref in entities
    assert entities["IRe.032"].entity.get("alias") == ["Kalaye Electric"]
    assert entities["KPi.001"].entity.get("birthDate") == ["1944-10-13"]
    assert any(ref.startswith("OFAC.") for ref in entities)


def test_sample_matches_the_real_un_file(un: ParsedList) -> None:
    data = resources.files("catchall.data").joinpath("sample_lists/un_sample.xml").read_bytes()
    real = by_id(un)
    for item in parse("un_sc", {"un_sample.xml": data}).entities:
        if item.source_id.startswith("OFAC."):
            continue
        original = real[item.source_id].entity
        for prop in ("name", "alias", "weakAlias", "previousName", "birthDate", "nationality", "address"):
            assert item.entity.get(prop, quiet=True) == original.get(prop, quiet=True), (item.source_id, prop)


def test_sources_and_unknown_source() -> None:
    assert SOURCES == ("un_sc", "us_ofac_sdn", "us_ofac_cons", "us_csl", "us_bis_dpl", "gb_hmt", "eu_fsf")
    with pytest.raises(ListFormatError, match="unknown list source 'nope'") as caught:
        parse("nope", {"x.xml": b"<a/>"})
    assert caught.value.allowed == list(SOURCES)
    assert caught.value.code == "invalid_list_file"


def test_detect_refuses_mixed_or_unknown_files() -> None:
    un_file = read_dir("un_sc_consolidated", "2026-02-27")
    dpl = read_dir("bis_dpl", "2023-11-30")
    assert detect({**un_file, **dpl}) is None
    assert detect({**un_file, "README.md": b"# notes"}) is None
    assert detect({"notes.txt": b"hello"}) is None
