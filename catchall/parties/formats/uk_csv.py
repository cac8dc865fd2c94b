"""UK sanctions in CSV: OFSI's ``ConList.csv`` and the derived five-file set.

ConList has one row per name, grouped by Group ID. The derived set is
``subjects.csv`` + names, dobs, identifiers, countries, joined on ``unique_id``.

ConList is Windows-1252; its id is the Group ID and an optional leading
"Last Updated" row is the version. The derived set carries no list date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath

from followthemoney import EntityProxy

from .common import ListFormatError, ParsedList, content_version, decode_text, finish, read_csv
from .values import TOPIC_SANCTION, clean, joined, listed, new_entity, partial_dates, put, put_dates

UK_URL = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
CONLIST_URL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
UK_SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
DERIVED_FILES = {
    "subjects.csv",
    "subject_names.csv",
    "subject_dobs.csv",
    "subject_identifiers.csv",
    "subject_countries.csv",
}
_ID_PROPS = {
    "passport": "passportNumber",
    "national": "idNumber",
    "business_registration_numbers": "registrationNumber",
    "imo": "imoNumber",
}
_NUMBERED = re.compile(r"\s*\(?\d+\)\s*")  # "1) Saudi Arabia 2) Qatar"
_DOC_NUMBER = re.compile(r"\b[A-Z]{0,3}\d[0-9A-Z-]{3,}\b")
_COUNTRY_PROPS = {"nationality": "nationality", "birth": "birthCountry", "address": "country"}


def uk_name_prop(name_type: str | None, strength: str | None) -> str:
    """The FtM name property for a UK name type and alias strength ("Low quality a.k.a" is weak)."""
    kind, quality = (name_type or "").lower(), (strength or "").lower()
    if "variation" in kind:
        return "alias"
    if "prim" in kind:
        return "name"
    if "fka" in kind or "former" in kind:
        return "previousName"
    return "weakAlias" if "low" in quality else "alias"


def _promote_name(entity: EntityProxy) -> None:
    # A group listed only under aliases still needs a name to be screened: the first alias serves.
    if not entity.has("name"):
        first = next(iter(entity.get("alias") + entity.get("weakAlias") + entity.get("previousName")), None)
        put(entity, "name", first)


def _conlist_row(entity: EntityProxy, row: dict[str, str]) -> None:
    given = [row.get(f"Name {i}") for i in range(1, 6)]
    prop = uk_name_prop(row.get("Alias Type"), row.get("Alias Quality"))
    put(entity, prop, joined(*given, row.get("Name 6"), sep=" "))
    if prop == "name" and entity.schema.is_a("Person"):
        put(entity, "firstName", given[0])
        put(entity, "middleName", *given[1:])
        put(entity, "lastName", row.get("Name 6"))
    put(entity, "alias", row.get("Name Non-Latin Script"))
    put(entity, "title", row.get("Title"))
    put_dates(entity, "birthDate", row.get("DOB"))
    put(entity, "birthPlace", joined(row.get("Town of Birth"), row.get("Country of Birth")))
    put(entity, "birthCountry", row.get("Country of Birth"))
    put(entity, "nationality", *_NUMBERED.split(row.get("Nationality") or ""))
    documents: tuple[tuple[str, str, str | None], ...] = (
        ("Passport", "Passport Details", "passportNumber"),
        ("National ID", "NI Number", "idNumber"),
        ("Listed on", "Listed On", None),
    )
    for label, key, target in documents:
        if (value := clean(row.get(key))) is not None:
            put(entity, "notes", f"{label}: {value}")
            if target and (number := _DOC_NUMBER.search(value)):
                put(entity, target, number.group(0))
    put(entity, "position", row.get("Position"))
    country = row.get("Country")
    put(entity, "address", joined(*(row.get(f"Address {i}") for i in range(1, 7)), row.get("Post/Zip Code"), country))
    put(entity, "country", country)
    put(entity, "notes", row.get("Other Information"))
    put(entity, "imoNumber", row.get("IMO number"))
    put(entity, "registrationNumber", row.get("Business Registration Number"))
    put(entity, "program", row.get("Regime"))
    put(entity, "sourceUrl", CONLIST_URL)


def parse_conlist(name: str, data: bytes, files: Mapping[str, bytes]) -> ParsedList:
    """Parse OFSI ConList.csv (legacy or 2022 column set): rows grouped into one entity per Group ID."""
    rows = read_csv(decode_text(data, name, legacy=True), name)
    start = next((i for i, row in enumerate(rows) if "Group ID" in row and "Name 6" in row), None)
    if start is None:
        raise ListFormatError("not an OFSI ConList.csv: no header row with 'Name 6' and 'Group ID'", file=name)
    dates = [d for row in rows[:start] if row and row[0].strip() == "Last Updated" for d in partial_dates(row[1:2])]
    header = [cell.strip() for cell in rows[start]]
    entities: dict[str, EntityProxy] = {}
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if header[0] == "" and len(row) == len(header) - 1:
            row = ["", *row]  # some copies carry an empty first header column that the data rows lack
        if len(row) != len(header):
            raise ListFormatError(
                f"record {number} has {len(row)} fields, the header {len(header)}: truncated?", file=name
            )
        record = dict(zip(header, row, strict=True))
        group = clean(record.get("Group ID"))
        if group is None:
            raise ListFormatError(f"record {number} has no Group ID", file=name)
        if group not in entities:
            schema = UK_SCHEMAS.get((clean(record.get("Group Type")) or "").lower(), "LegalEntity")
            entities[group] = new_entity(schema, "gb_hmt", group)
        _conlist_row(entities[group], record)
    items = []
    for group, entity in entities.items():
        _promote_name(entity)
        put(entity, "topics", TOPIC_SANCTION)
        items.append(listed("gb_hmt", group, entity, "; ".join(entity.get("program")) or None))
    return finish("gb_hmt", dates[0] if dates else content_version(files), items, name)


def _table(files: Mapping[str, bytes], base: str, required: set[str]) -> list[dict[str, str]]:
    name = next((n for n in files if PurePath(n).name.lower() == base), None)
    if name is None:
        return []
    rows = read_csv(decode_text(files[name], name), name)
    if not required <= set(rows[0]):
        raise ListFormatError(f"header lacks {', '.join(sorted(required - set(rows[0])))}", file=name)
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ListFormatError(f"a row does not have the header's {width} fields: truncated or damaged", file=name)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def parse_derived(files: Mapping[str, bytes]) -> ParsedList:
    """Parse the derived UK CSV set; ``subjects.csv`` is required and every other row must join to it."""
    subjects = _table(files, "subjects.csv", {"unique_id", "subject_type"})
    if not subjects:
        raise ListFormatError(
            "the derived UK set needs subjects.csv with at least one subject", file=", ".join(sorted(files))
        )
    entities: dict[str, EntityProxy] = {}
    for row in subjects:
        uid = row["unique_id"].strip()
        if uid in entities:
            raise ListFormatError(f"duplicated record id {uid} within one gb_hmt list", file="subjects.csv")
        entity = entities[uid] = new_entity(UK_SCHEMAS.get(row["subject_type"].lower(), "LegalEntity"), "gb_hmt", uid)
        for label, key in (
            ("UN reference", "un_reference_number"),
            ("OFSI group ID", "ofsi_group_id"),
            ("Designated", "date_designated"),
            ("Last updated", "last_updated"),
        ):
            if (value := clean(row.get(key))) is not None:
                put(entity, "notes", f"{label}: {value}")

    def owner(base: str, row: dict[str, str]) -> EntityProxy:
        if (uid := row["unique_id"].strip()) not in entities:
            raise ListFormatError(f"row for unique_id {uid}, which subjects.csv does not list", file=base)
        return entities[uid]

    for row in _table(files, "subject_names.csv", {"unique_id", "name_type", "full_name"}):
        entity, prop = owner("subject_names.csv", row), uk_name_prop(row["name_type"], row.get("alias_strength"))
        put(entity, prop, row["full_name"])
        if prop == "name" and entity.schema.is_a("Person"):
            put(entity, "firstName", row.get("name_1"))
            put(entity, "lastName", row.get("name_6"))
    for row in _table(files, "subject_dobs.csv", {"unique_id", "year", "month", "day"}):
        put_dates(
            owner("subject_dobs.csv", row),
            "birthDate",
            "-".join(p for p in (row["year"], row["month"], row["day"]) if p.strip()),
        )
    for row in _table(files, "subject_identifiers.csv", {"unique_id", "raw_value", "identifier_type"}):
        entity = owner("subject_identifiers.csv", row)
        put(entity, _ID_PROPS.get(row["identifier_type"], "idNumber"), row["raw_value"])
        put(entity, "notes", row.get("additional_info"))
    for row in _table(files, "subject_countries.csv", {"unique_id", "raw_value", "country_type", "iso"}):
        value = row["iso"] if row.get("iso_available", "True") == "True" and row["iso"] else row["raw_value"]
        put(owner("subject_countries.csv", row), _COUNTRY_PROPS.get(row["country_type"], "country"), value)
    items = []
    for uid, entity in entities.items():
        _promote_name(entity)
        put(entity, "topics", TOPIC_SANCTION)
        put(entity, "sourceUrl", UK_URL)
        items.append(listed("gb_hmt", uid, entity, None))
    return finish("gb_hmt", content_version(files), items, "subjects.csv")
