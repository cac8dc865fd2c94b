"""Hostile and damaged input: each is refused whole with a clear message, never half-loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from catchall.errors import InputError
from catchall.parties.formats import SOURCES, ListFormatError, detect, parse
from tests.parties.test_formats import read_dir

TINY_UN = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">'
    b"<INDIVIDUALS/><ENTITIES>"
    b"<ENTITY><FIRST_NAME>ONE</FIRST_NAME><REFERENCE_NUMBER>IRe.900</REFERENCE_NUMBER></ENTITY>"
    b"<ENTITY><FIRST_NAME>TWO</FIRST_NAME><REFERENCE_NUMBER>IRe.901</REFERENCE_NUMBER></ENTITY>"
    b"</ENTITIES></CONSOLIDATED_LIST>"
)


def un_bytes() -> bytes:
    return read_dir("un_sc_consolidated", "2026-02-27")["consolidated.xml"]


def refused(source: str, files: dict[str, bytes], pattern: str) -> ListFormatError:
    with pytest.raises(ListFormatError, match=pattern) as caught:
        parse(source, files)
    assert isinstance(caught.value, InputError)
    assert caught.value.code == "invalid_list_file"
    assert caught.value.file or not files
    return caught.value


def test_tiny_list_parses() -> None:
    assert [item.source_id for item in parse("un_sc", {"un.xml": TINY_UN}).entities] == ["IRe.900", "IRe.901"]


def test_billion_laughs_is_refused() -> None:
    laughs = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY lol0 "lol">{laughs}]>'
        "<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&lol9;</FIRST_NAME>"
        "<REFERENCE_NUMBER>IRe.900</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    ).encode()
    assert detect({"consolidated.xml": bomb}) == "un_sc"
    error = refused("un_sc", {"consolidated.xml": bomb}, "DOCTYPE")
    assert "billion laughs" in error.message


def test_xxe_to_a_local_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<CONSOLIDATED_LIST><ENTITIES><ENTITY><FIRST_NAME>&xxe;</FIRST_NAME>"
        "<REFERENCE_NUMBER>IRe.900</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>"
    ).encode()
    error = refused("un_sc", {"consolidated.xml": xxe}, "XXE")
    assert "TOP-SECRET" not in error.one_line()


@pytest.mark.parametrize("source", ["un_sc", "us_ofac_sdn", "eu_fsf", "gb_hmt"])
def test_doctype_refused_in_every_xml_reader(source: str) -> None:
    doc = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>'
    refused(source, {"list.xml": doc}, "DOCTYPE")


def test_utf16_without_bom_is_refused() -> None:
    utf16 = un_bytes().decode("utf-8").encode("utf-16-le")
    assert detect({"consolidated.xml": utf16}) == "un_sc"
    refused("un_sc", {"consolidated.xml": utf16}, "UTF-16")


def test_utf16_with_bom_and_matching_declaration_is_read() -> None:
    text = un_bytes().decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    parsed = parse("un_sc", {"consolidated.xml": text.encode("utf-16")})
    assert len(parsed.entities) == 1003


def test_utf16_with_bom_but_declared_utf8_is_refused() -> None:
    refused("un_sc", {"consolidated.xml": un_bytes().decode("utf-8").encode("utf-16")}, "encoding")


def test_latin1_where_utf8_is_expected_is_refused() -> None:
    text = un_bytes().decode("utf-8").replace(' encoding="UTF-8"', "", 1)
    latin1 = text.encode("latin-1", errors="replace")
    error = refused("un_sc", {"consolidated.xml": latin1}, "not valid UTF-8")
    assert "latin-1" in error.message
    dpl = read_dir("bis_dpl", "2023-11-30")["dpl.txt"]
    refused("us_bis_dpl", {"dpl.txt": dpl.decode().encode("utf-16-le")}, "UTF-16")


def test_ofac_csv_in_utf16_with_bom_is_read() -> None:
    sdn = read_dir("ofac_sdn", "2021-07-07")["sdn.csv"]
    assert len(parse("us_ofac_sdn", {"sdn.csv": sdn.decode("latin-1").encode("utf-16")}).entities) == 8976


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.999])
def test_truncated_un_xml_is_refused(fraction: float) -> None:
    data = un_bytes()
    refused("un_sc", {"consolidated.xml": data[: int(len(data) * fraction)]}, "truncated")


def test_truncated_ofac_csv_is_refused() -> None:
    sdn = read_dir("ofac_sdn", "2021-07-07")["sdn.csv"]
    refused("us_ofac_sdn", {"sdn.csv": sdn[: len(sdn) // 2]}, "truncated")
    # Cut exactly at a line end the CSV is still well-formed; OFAC's missing end-of-file byte tells.
    at_line = sdn[: sdn.index(b"\n", len(sdn) // 2) + 1]
    refused("us_ofac_sdn", {"sdn.csv": at_line}, "0x1A")


def test_truncated_dpl_and_json_are_refused() -> None:
    dpl = read_dir("bis_dpl", "2023-11-30")["dpl.txt"]
    refused("us_bis_dpl", {"dpl.txt": dpl[: len(dpl) // 2]}, "truncated")
    el = read_dir("format_samples", "us_csl_json")["el_expected_results.json"]
    refused("us_csl", {"el.json": el[:500]}, "not valid JSON")


def test_duplicated_ids_are_refused() -> None:
    twice = TINY_UN.replace(b"IRe.901", b"IRe.900")
    refused("un_sc", {"un.xml": twice}, "duplicated record id IRe.900")
    sdn = read_dir("ofac_sdn", "2021-07-07")["sdn.csv"]
    refused("us_ofac_sdn", {"sdn.csv": sdn.replace(b'173,"ANGLO', b'36,"ANGLO', 1)}, "duplicated record id 36")
    csl = read_dir("us_csl", "2025-06-25_format_sample")["consolidated.csv"]
    lines = csl.split(b"\n")
    refused("us_csl", {"csl.csv": b"\n".join([*lines, lines[1]])}, "duplicated record id ISN-")
    uk = read_dir("format_samples", "uk_fcdo_xml")["sample_uk_sanctions.xml"]
    refused("gb_hmt", {"uk.xml": uk.replace(b"AFG0006", b"AFG0001")}, "duplicated record id AFG0001")


@pytest.mark.parametrize("source", SOURCES)
def test_empty_file_is_refused(source: str) -> None:
    name = {"us_ofac_sdn": "sdn.csv", "us_ofac_cons": "cons_prim.csv", "us_bis_dpl": "dpl.txt"}.get(source, "list.xml")
    refused(source, {name: b""}, "empty")
    refused(source, {name: b"\n\n"}, "empty")


def test_list_without_records_is_refused() -> None:
    empty = b'<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>'
    refused("un_sc", {"un.xml": empty}, "no un_sc records")
    header = read_dir("bis_dpl", "2023-11-30")["dpl.txt"].split(b"\n")[0] + b"\n"
    refused("us_bis_dpl", {"dpl.txt": header}, "no us_bis_dpl records")


def test_files_from_different_publications_are_refused() -> None:
    files = {
        "sdn.csv": read_dir("ofac_sdn", "2024-05-03")["sdn.csv"],
        "alt.csv": read_dir("ofac_sdn", "2025-12-24_alt_add_only")["alt.csv"],
    }
    refused("us_ofac_sdn", files, "not from the same publication")


def test_wrong_source_names_the_right_one() -> None:
    error = refused("eu_fsf", read_dir("ofac_sdn", "2024-05-03"), "look like a us_ofac_sdn list")
    assert "not eu_fsf" in error.message


def test_no_files() -> None:
    refused("un_sc", {}, "no files")
