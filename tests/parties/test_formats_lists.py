"""The CSL, DPL, UK and EU readers against the real snapshots and format samples in ../shared."""

from __future__ import annotations

import csv
import io

import pytest

from catchall.parties.formats import ListFormatError, ParsedList, detect, parse
from catchall.parties.formats.bis_dpl import dpl_id
from tests.parties.test_formats import by_id, read_dir, schemas

CSL_SUBSET = ("us_csl", "2023-11-30_subset")


def intact_csl_subset() -> dict[str, bytes]:
    data = read_dir(*CSL_SUBSET)["csl.csv"]
    return {"csl.csv": data[: data.rstrip(b"\n").rfind(b"\n") + 1]}  # without the cut-off last row


def test_csl_subset_is_refused_because_its_last_row_is_cut() -> None:
    # The stored file stops inside a quoted field of its last row (an SDN entry): a truncated file.
    files = read_dir(*CSL_SUBSET)
    assert detect(files) == "us_csl"
    with pytest.raises(ListFormatError, match="truncated"):
        parse("us_csl", files)


def test_csl_subset_without_the_cut_row() -> None:
    parsed = parse("us_csl", intact_csl_subset())
    # PROVENANCE: 4,226 data rows; its per-list counts add up to 4,227 because they include the cut-off row.
    assert len(parsed.entities) == 4226
    per_list: dict[str, int] = {}
    for item in parsed.entities:
        short = item.source_id.rsplit("-", 1)[0]
        per_list[short] = per_list.get(short, 0) + 1
    assert per_list == {
        "SDN": 1737,
        "EL": 919,
        "DPL": 577,
        "SSI": 288,
        "UVL": 186,
        "ISN": 144,
        "DTC": 142,
        "PLC": 78,
        "MEU": 71,
        "CMIC": 68,
        "NS-MBS": 14,
        "FSE": 1,
        "CAP": 1,
    }
    # The same OFAC entity on two sub-lists keeps two records, told apart by the sub-list.
    assert {"SSI-17014", "NS-MBS-17014"} <= set(by_id(parsed))


def test_csl_entity_list_row() -> None:
    entities = by_id(parse("us_csl", intact_csl_subset()))
    ghoura = entities["EL-b6e959b59898e975daaae8fae3a8da1ec522f9f888cafc0e6401a16d"].entity
    assert ghoura.get("name") == ["Abdul Satar Ghoura"]
    assert ghoura.get("topics") == ["export.control"]
    assert set(ghoura.get("country")) == {"af", "pk"}
    assert "License policy: Presumption of denial." in ghoura.get("notes")
    assert "Entity List (EL) - Bureau of Industry and Security" in ghoura.get("program")
    vtb = entities["SSI-17013"].entity
    assert "1027739609391" in vtb.get("registrationNumber")
    assert vtb.get("swiftBic") == ["VTBRRUMM"]
    assert "JSC VTB BANK" in vtb.get("alias")


def test_csl_format_sample() -> None:
    files = read_dir("us_csl", "2025-06-25_format_sample")
    assert detect(files) == "us_csl"
    parsed = parse("us_csl", files)
    assert len(parsed.entities) == 13
    rim = by_id(parsed)["SDN-52291"].entity
    assert rim.get("birthDate") == ["1978-12-05"]
    assert rim.get("passportNumber") == ["836238033"]
    assert rim.get("nationality") == ["kp"]
    assert by_id(parsed)["DPL-b601cbf2841d0aaedfe63661581ffbc3d54b6ba39d7e3a9027cff50e"].entity.get("topics") == [
        "debarment"
    ]


def test_csl_json_results() -> None:
    files = read_dir("format_samples", "us_csl_json")
    for name, data in files.items():
        assert detect({name: data}) == "us_csl", name
    parsed = parse("us_csl", files)
    assert len(parsed.entities) == 71  # 16 files; el and meu share ids but not the sub-list
    chao = by_id(parsed)["SDN-521"].entity
    assert chao.get("passportNumber") == ["ABC123"]
    assert chao.get("nationality") == ["de"]
    assert chao.get("citizenship") == ["fr"]
    farid = by_id(parsed)["EL-fabe2145af20dcff1163dbf2a6292f379aa9f27f"].entity
    assert farid.get("alias") == ["Fazel Rahim Farid", "Farid", "Engineer Idris"]


@pytest.fixture(scope="module")
def dpl() -> ParsedList:
    files = read_dir("bis_dpl", "2023-11-30")
    assert detect(files) == "us_bis_dpl"
    return parse("us_bis_dpl", files)


def test_dpl_rows_grouped_by_party(dpl: ParsedList) -> None:
    # PROVENANCE: 665 rows. A row is one address of a denied party; 545 names, so 545 parties.
    assert len(dpl.entities) == 545
    assert all(item.entity.get("topics") == ["debarment"] for item in dpl.entities)
    # Every row's address is kept: 665 rows give 663, as two rows repeat another row verbatim.
    assert sum(len(item.entity.get("address")) for item in dpl.entities) == 663
    alnaser = by_id(dpl)[dpl_id("ALNASER AIRLINES")].entity
    assert alnaser.id == f"us_bis_dpl-{dpl_id('ALNASER AIRLINES')}"
    assert len(alnaser.get("address")) == 4
    assert set(alnaser.get("country")) == {"iq", "ae", "jo"}
    assert dpl_id("AL-NASER  AIRLINES") == dpl_id("al-naser airlines")  # spacing and case do not matter


def test_dpl_loses_no_row(dpl: ParsedList) -> None:
    text = read_dir("bis_dpl", "2023-11-30")["dpl.txt"].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))[1:]
    assert len(rows) == 665
    entities = by_id(dpl)
    for row in rows:
        notes = " ".join(entities[dpl_id(row[0])].entity.get("notes"))
        assert row[6] in notes


@pytest.fixture(scope="module")
def uk_derived() -> ParsedList:
    files = read_dir("uk_sanctions_list_derived", "2026-05-13")
    assert detect(files) == "gb_hmt"
    return parse("gb_hmt", files)


def test_uk_derived_set(uk_derived: ParsedList) -> None:
    assert len(uk_derived.entities) == 6046
    assert schemas(uk_derived) == {"Person": 3883, "Organization": 1531, "Vessel": 632}
    assert all(item.entity.get("name") for item in uk_derived.entities)
    exchange = by_id(uk_derived)["AFG0001"].entity
    assert exchange.get("name") == ["HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"]
    assert "Haji Alim Hawala" in exchange.get("alias")
    assert "UN reference: TAe.010" in exchange.get("notes")
    weak = [item for item in uk_derived.entities if item.entity.get("weakAlias")]
    assert weak  # 605 names are low-quality a.k.a.s


def test_uk_fcdo_xml_sample() -> None:
    files = read_dir("format_samples", "uk_fcdo_xml")
    assert detect(files) == "gb_hmt"
    parsed = parse("gb_hmt", files)
    assert parsed.version == "2026-09-10"
    assert [item.source_id for item in parsed.entities] == ["AFG0001", "AFG0006", "BEL0107", "DPR0075", "AQD0195"]
    entities = by_id(parsed)
    assert "حاجی خيرالله صرافی" in entities["AFG0001"].entity.get("alias")
    akhund = entities["AFG0006"].entity
    assert akhund.get("birthDate") == ["1958-05-12", "1945", "1946"]  # "dd/mm/1945" keeps the year
    assert akhund.get("passportNumber") == ["P04581926"]
    assert entities["BEL0107"].entity.get("weakAlias") == ["BNK"]
    assert entities["BEL0107"].entity.get("alias") == ["BNK UK Limited"]
    ship = entities["DPR0075"].entity
    assert ship.schema.name == "Vessel"
    assert ship.get("imoNumber") == ["IMO9562233"]
    assert ship.get("flag") == ["km"]


def test_uk_ofsi_conlist_sample() -> None:
    files = read_dir("format_samples", "uk_ofsi_conlist_csv")
    assert detect(files) == "gb_hmt"
    parsed = parse("gb_hmt", files)
    assert len(parsed.entities) == 41  # 77 rows (one per name) in 41 Group IDs
    qahtani = by_id(parsed)["13349"].entity
    assert qahtani.get("birthDate") == ["1980", "1981"]  # "00/00/1980" is a year
    assert qahtani.get("nationality") == ["sa", "qa"]  # "1) Saudi Arabia 2) Qatar"
    assert qahtani.get("name") == ["Sheikh Farooq AL-QAHTANI"]  # listed only as AKA: the first one names it


def test_eu_sample() -> None:
    files = read_dir("format_samples", "eu_fsf_xml")
    assert detect(files) == "eu_fsf"
    parsed = parse("eu_fsf", files)
    assert parsed.version == "2026-08-05T16:47:04.449+02:00"
    assert [item.source_id for item in parsed.entities] == ["13", "191", "980", "330", "999999"]
    entities = by_id(parsed)
    trust = entities["330"].entity
    assert trust.get("name") == ["Al-Rasheed Trust"]
    assert "Организация за подпомагане на Ulema, Пакистан" in trust.get("alias")
    assert trust.get("country") == ["pk"]
    saddam = entities["13"].entity
    assert saddam.get("birthDate") == ["1937-04-28"]
    assert saddam.get("nationality") == ["iq"]
    assert saddam.get("alias") == ["Abu Ali", "Abou Ali"]
    assert entities["13"].programme == "IRQ"
    # The synthetic record has no name at all: it is kept (nothing is dropped) but matches no name.
    assert entities["999999"].entity.get("name") == []
    assert "EU reference: EU.0.0" in entities["999999"].entity.get("notes")
