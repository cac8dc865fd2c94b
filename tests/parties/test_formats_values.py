"""Value cleaning and detection from first bytes, without the shared data."""

from __future__ import annotations

import pytest
from followthemoney import model

from catchall.parties.formats import detect, detect_file
from catchall.parties.formats.ofac_common import add_remarks, id_property
from catchall.parties.formats.values import clean, partial_dates, put


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("1957", False, ["1957"]),
        ("1957-03", False, ["1957-03"]),
        ("1944-10-13", False, ["1944-10-13"]),
        ("10 Dec 1948", False, ["1948-12-10"]),
        ("Dec 1948", False, ["1948-12"]),
        ("circa 1951", False, ["1951"]),
        ("1960 to 1962", False, ["1960", "1961", "1962"]),
        ("12/05/1958", False, ["1958-05-12"]),  # UK and EU write day first
        ("dd/mm/1945", False, ["1945"]),
        ("00/00/1980", False, ["1980"]),
        ("06/19/2003", True, ["2003-06-19"]),  # OFAC and BIS write month first
        ("Spring", False, []),
    ],
)
def test_partial_dates(text: str, month_first: bool, expected: list[str]) -> None:
    assert partial_dates(text, month_first=month_first) == expected


def test_nulls_and_namibia() -> None:
    assert clean("-0- ") is None
    assert clean("na") is None  # the UN's "not available"
    assert clean("NA") == "NA"  # Namibia's code in the CSL


def test_untyped_values_go_to_notes() -> None:
    entity = model.make_entity("Organization")
    entity.id = "x"
    put(entity, "nationality", "Region: Crimea")  # an Organization has no nationality, and this is no country
    put(entity, "country", "Iran (Islamic Republic of)")
    assert entity.get("country") == ["ir"]
    assert entity.get("notes") == ["Country: Region: Crimea"]


def test_ofac_remarks() -> None:
    entity = model.make_entity("Person")
    entity.id = "x"
    add_remarks(
        entity,
        "DOB 26 Dec 1955; alt. DOB circa 1957; POB Ratnagiri, India; nationality India; citizen Pakistan; "
        "Passport M-110522 (India) issued 13 Nov 1978; National ID No. 216040 (Yemen); a.k.a. 'BNC'; "
        "f.k.a. 'OLD NAME'; Gender Male.",
    )
    assert entity.get("birthDate") == ["1955-12-26", "1957"]
    assert entity.get("birthPlace") == ["Ratnagiri, India"]
    assert entity.get("nationality") == ["in"]
    assert entity.get("citizenship") == ["pk"]
    assert entity.get("passportNumber") == ["M-110522"]
    assert entity.get("idNumber") == ["216040"]
    assert entity.get("weakAlias") == ["BNC"]
    assert entity.get("previousName") == ["OLD NAME"]
    assert entity.get("gender") == ["male"]


@pytest.mark.parametrize(
    ("id_type", "number", "prop"),
    [
        ("Vessel Registration Identification", "IMO 9187629", "imoNumber"),
        ("Tax ID No.", "7702070139", "taxNumber"),
        ("Registration ID", "1027739609391", "registrationNumber"),
        ("Legal Entity Number", "253400V1H6ART1UQ0N98", "leiCode"),
        ("Cedula No.", "6068015", "idNumber"),
        ("Secondary sanctions risk:", "section 1(b) of Executive Order 13224", None),
    ],
)
def test_id_types(id_type: str, number: str, prop: str | None) -> None:
    assert id_property(id_type, number) == prop


def test_detect_from_first_bytes() -> None:
    assert detect_file("consolidated.xml", b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="x">') == "un_sc"
    assert detect_file("sdn.xml", b'<?xml version="1.0"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">') == (
        "us_ofac_sdn"
    )
    assert detect_file("consolidated.xml", b"<sdnList>") == "us_ofac_cons"
    assert detect_file("a.xml", b'<export xmlns="http://eu.europa.ec/fpi/fsd/export">') == "eu_fsf"
    assert detect_file("a.xml", b"<export>") is None
    assert detect_file("uk.xml", b"\xef\xbb\xbf<?xml version='1.0'?><Designations>") == "gb_hmt"
    assert detect_file("sdn.csv", b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"') == "us_ofac_sdn"
    assert detect_file("cons_add.csv", b"9639,12812,-0- ,-0- ,-0- ,-0- ") == "us_ofac_cons"
    assert detect_file("other.csv", b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"') is None
    assert detect_file("dpl.txt", b'"Name"\t"Street_Address"\t"City"') == "us_bis_dpl"
    assert detect_file("csl.csv", b"_id,source,entity_number,type") == "us_csl"
    assert detect_file("x.json", b'[{"id": "1", "source": "SDN", "alt_names": []}]') == "us_csl"
    assert detect_file("ConList.csv", b"Last Updated,28/04/2023\nName 6,Name 1,Group ID") == "gb_hmt"
    assert detect_file("subjects.csv", b"unique_id,subject_type,un_reference_number") == "gb_hmt"
    assert detect_file("empty.xml", b"") is None
    assert detect({}) is None
