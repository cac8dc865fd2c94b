"""Reading the real lists and the peer fixtures in ../shared for the party-matching benchmark."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from catchall.parties.formats import ListEntity, detect, parse
from catchall.parties.records import country_code

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SANCTIONS = SHARED / "sanctions"
BENCH = SHARED / "benchmarks"
UN_DIR = "un_sc_consolidated/2026-02-27"
# Every parseable list snapshot: the newest full set of each source, older full sets, samples of other formats.
LIST_DIRS = (
    UN_DIR,
    "ofac_sdn/2024-05-03",
    "ofac_sdn/2021-07-07",
    "ofac_consolidated_non_sdn/2025-12-19",
    "uk_sanctions_list_derived/2026-05-13",
    "bis_dpl/2023-11-30",
    "us_csl/2023-11-30_subset",
    "us_csl/2025-06-25_format_sample",
    "format_samples/eu_fsf_xml",
    "format_samples/ofac_sdn_xml",
    "format_samples/uk_fcdo_xml",
    "format_samples/uk_ofsi_conlist_csv",
    "format_samples/us_csl_json",
)


def read_list(folder: str) -> list[ListEntity]:
    files = {p.name: p.read_bytes() for p in sorted((SANCTIONS / folder).iterdir()) if p.is_file()}
    if folder.endswith("2023-11-30_subset"):
        # The stored CSL subset stops inside its last row; drop that row, as the parser tests do.
        data = files["csl.csv"]
        files["csl.csv"] = data[: data.rstrip(b"\n").rfind(b"\n") + 1]
    source = detect(files)
    if source is None:
        raise SystemExit(f"cannot tell which list {folder} holds")
    return parse(source, files).entities


@cache
def un_entities() -> tuple[ListEntity, ...]:
    return tuple(read_list(UN_DIR))


@cache
def all_entities() -> tuple[ListEntity, ...]:
    found: list[ListEntity] = []
    for folder in LIST_DIRS:
        found.extend(read_list(folder))
    return tuple(found)


def rows(*parts: str) -> list[dict[str, str]]:
    with (BENCH.joinpath(*parts)).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def person_query_fields(row: dict[str, str]) -> dict[str, str | None]:
    """The yente fixture columns as query fields (nationality names become ISO codes)."""
    return {
        "name": row["full_name"],
        "birth_date": row.get("date_of_birth") or None,
        "nationality": country_code(row.get("nationality")),
    }
