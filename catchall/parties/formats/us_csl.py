"""trade.gov Consolidated Screening List: the bulk CSV and the API's JSON results.

The CSL merges a dozen US lists; the same OFAC ``ent_num`` can sit on two of
them (SSI and NS-MBS, say), so the id is the sub-list's abbreviation joined to
the CSL id (``SSI-17014``). Multi-valued CSV fields are ``"; "``-separated.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, decode_text, finish, read_csv
from .ofac_common import add_id
from .values import TOPIC_SANCTION, clean, cleaned, joined, listed, new_entity, put, put_dates, split

_SCHEMAS = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}
_TOPICS = {
    "DPL": "debarment",
    "DTC": "debarment",
    "EL": "export.control",
    "MEU": "export.control",
    "UVL": "export.control",
}
_NOTES = (
    ("federal_register_notice", "Federal Register"),
    ("start_date", "Start date"),
    ("end_date", "End date"),
    ("standard_order", "Standard order"),
    ("license_requirement", "License requirement"),
    ("license_policy", "License policy"),
    ("remarks", None),
    ("vessel_owner", "Vessel owner"),
)
_VESSEL = (
    ("callSign", "call_sign"),
    ("type", "vessel_type"),
    ("tonnage", "gross_tonnage"),
    ("grossRegisteredTonnage", "gross_registered_tonnage"),
    ("flag", "vessel_flag"),
)
_CODE = re.compile(r"^[A-Z]{2}$")


def _many(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for item in value if item not in (None, "")]
    return split(value, "; ") if isinstance(value, str) else []


def sub_list(source_name: str) -> str:
    """The short name of a CSL sub-list: "Entity List (EL) - Bureau…" gives "EL"."""
    match = re.search(r"\(([^)]+)\)", source_name)
    short = match.group(1) if match else source_name
    short = re.sub(r"\s+List$", "", short.strip())
    return re.sub(r"[^A-Za-z0-9]+", "-", short).strip("-") or "CSL"


def _add_address(entity: EntityProxy, item: Any) -> None:
    if isinstance(item, dict):
        put(
            entity,
            "address",
            joined(
                item.get("address"), item.get("city"), item.get("state"), item.get("postal_code"), item.get("country")
            ),
        )
        put(entity, "country", item.get("country"))
    else:
        put(entity, "address", item)
        last = str(item).rsplit(",", 1)[-1].strip()
        if _CODE.match(last):
            put(entity, "country", last)


def _add_identifier(entity: EntityProxy, item: Any) -> None:
    if isinstance(item, dict):
        add_id(entity, item.get("type"), item.get("number"), item.get("country"))
        return
    parts = [part.strip() for part in str(item).split(", ")]
    country = parts.pop() if len(parts) > 2 and _CODE.match(parts[-1]) else None
    add_id(entity, parts[0], ", ".join(parts[1:]), country)


def _record(row: Mapping[str, Any], file: str) -> ListEntity:
    csl_id, source_name = clean(row.get("_id") or row.get("id")), clean(row.get("source"))
    if csl_id is None or source_name is None:
        raise ListFormatError("a CSL record has no id or no source: the file is damaged", file=file)
    short = sub_list(source_name)
    kind = (clean(row.get("type")) or "").lower()
    entity = new_entity(_SCHEMAS.get(kind, "LegalEntity"), "us_csl", f"{short}-{csl_id}")
    put(entity, "name", row.get("name"))
    put(entity, "alias", *_many(row.get("alt_names")))
    put(entity, "position", row.get("title"))
    for item in _many(row.get("addresses")):
        _add_address(entity, item)
    for item in _many(row.get("ids")):
        _add_identifier(entity, item)
    put(entity, "nationality", *_many(row.get("nationalities")))
    put(entity, "citizenship", *_many(row.get("citizenships")))
    for date in _many(row.get("dates_of_birth")):
        put_dates(entity, "birthDate", date)
    put(entity, "birthPlace", *_many(row.get("places_of_birth")))
    if entity.schema.is_a("Vessel"):
        for prop, key in _VESSEL:
            put(entity, prop, row.get(key))
    for key, label in _NOTES:
        if (text := clean(row.get(key))) is not None:
            put(entity, "notes", f"{label}: {text}" if label else text)
    programs = cleaned(_many(row.get("programs")))
    put(entity, "program", *programs, source_name)
    put(entity, "topics", _TOPICS.get(short, TOPIC_SANCTION))
    put(entity, "sourceUrl", row.get("source_information_url"), row.get("source_list_url"))
    return listed("us_csl", f"{short}-{csl_id}", entity, "; ".join(programs) or source_name)


def _csv_records(name: str, data: bytes) -> Iterator[dict[str, str]]:
    rows = read_csv(decode_text(data, name), name)
    header = rows[0]
    if not {"_id", "source", "name"} <= set(header):
        raise ListFormatError("not a Consolidated Screening List CSV: the header lacks _id, source, name", file=name)
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise ListFormatError(
                f"record {number} has {len(row)} fields where the header has {len(header)}: truncated or damaged",
                file=name,
            )
        if row != header:  # the bulk file repeats its header on line 2
            yield dict(zip(header, row, strict=True))


def _json_records(name: str, data: bytes) -> list[dict[str, Any]]:
    try:
        payload = json.loads(decode_text(data, name))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ListFormatError(f"not valid JSON ({exc}): the file is truncated or damaged", file=name) from exc
    results = payload.get("results") if isinstance(payload, dict) else payload
    if not isinstance(results, list) or not all(isinstance(item, dict) for item in results):
        raise ListFormatError('not CSL JSON: expected a list of result objects (or {"results": [...]})', file=name)
    return results


def parse_us_csl(files: Mapping[str, bytes]) -> ParsedList:
    """Parse CSL files (CSV and/or JSON); several files make one list."""
    items: list[ListEntity] = []
    for name, data in sorted(files.items()):
        is_json = PurePath(name).suffix.lower() == ".json" or data.lstrip()[:1] in (b"[", b"{")
        records = _json_records(name, data) if is_json else _csv_records(name, data)
        items.extend(_record(record, name) for record in records)
    return finish("us_csl", content_version(files), items, ", ".join(sorted(files)))
