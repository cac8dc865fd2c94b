"""OFAC's legacy CSV sets, SDN and non-SDN consolidated.

``sdn.csv`` + ``alt.csv`` + ``add.csv`` + ``sdn_comments.csv``, and
``cons_prim/cons_alt/cons_add/cons_comments.csv`` in the same layout.

The files have no header and no date; they are latin-1 and end with a 0x1A byte.
The primary file is required: aliases or addresses whose ``ent_num`` it does not
list mean the files come from different publications, and the set is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, decode_text, finish, read_csv
from .ofac_common import OFAC_CONS_URL, OFAC_SDN_URL, add_remarks, merge_repeat, ofac_schema, split_programs
from .values import TOPIC_SANCTION, clean, joined, listed, new_entity, put

_WIDTHS = {"prim": 12, "alt": 5, "add": 6, "comments": 2}
_ALT_PROPS = {"aka": "alias", "fka": "previousName", "nka": "alias"}


def file_role(name: str) -> str | None:
    """Which part of an OFAC CSV set a file name is: prim, alt, add or comments."""
    base = PurePath(name).name.lower()
    for role, names in (
        ("prim", ("sdn.csv", "cons_prim.csv")),
        ("alt", ("alt.csv", "cons_alt.csv")),
        ("add", ("add.csv", "cons_add.csv")),
        ("comments", ("sdn_comments.csv", "cons_comments.csv")),
    ):
        if base in names:
            return role
    return None


def _rows(name: str, data: bytes, role: str) -> list[list[str]]:
    # OFAC ends each file with a DOS end-of-file byte; a file cut at a line boundary lacks it.
    # (The overflow comments file is exempt: some copies were published without it.)
    if role != "comments" and data.strip() and not data.rstrip(b"\r\n\x00").endswith(b"\x1a"):
        raise ListFormatError(
            "the file does not end with OFAC's end-of-file byte (0x1A): it is truncated, or was re-saved "
            "by another program; use the file as downloaded",
            file=name,
        )
    rows = read_csv(decode_text(data, name, legacy=True), name, width=_WIDTHS[role])
    for row in rows:
        if not row[0].strip().isdigit():
            raise ListFormatError(f"ent_num '{row[0][:20]}' is not a number: not an OFAC CSV file", file=name)
    return rows


def _person_names(entity: EntityProxy, prop: str, name: str) -> None:
    put(entity, prop, name)
    if entity.schema.is_a("Person") and prop == "name" and "," in name:
        last, first = name.split(",", 1)
        put(entity, "lastName", last)
        put(entity, "firstName", first)


def _primary(row: list[str], source: str, comments: str) -> tuple[str, EntityProxy, list[str]]:
    ent_num = row[0].strip()
    entity = new_entity(ofac_schema(row[2]), source, ent_num)
    _person_names(entity, "name", row[1])
    put(entity, "position", row[4])
    if entity.schema.is_a("Vessel"):
        put(entity, "callSign", row[5])
        put(entity, "type", row[6])
        put(entity, "tonnage", row[7])
        put(entity, "grossRegisteredTonnage", row[8])
        put(entity, "flag", row[9])
        if owner := clean(row[10]):
            put(entity, "notes", f"Vessel owner: {owner}")
    remarks = (clean(row[11]) or "") + comments
    add_remarks(entity, remarks)
    put(entity, "topics", TOPIC_SANCTION)
    put(entity, "sourceUrl", OFAC_SDN_URL if source == "us_ofac_sdn" else OFAC_CONS_URL)
    return ent_num, entity, split_programs(row[3])


def parse_ofac_csv(source: str, files: Mapping[str, bytes]) -> ParsedList:
    """Parse one OFAC CSV set; every file must be a known part and refer only to listed entries."""
    parts: dict[str, tuple[str, list[list[str]]]] = {}
    for name, data in files.items():
        role = file_role(name)
        if role is None:
            raise ListFormatError(
                "not part of an OFAC CSV set (expected sdn.csv, alt.csv, add.csv, sdn_comments.csv "
                "or cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv)",
                file=name,
            )
        if role in parts:
            raise ListFormatError(f"two {role} files in one OFAC set ({parts[role][0]} and {name})", file=name)
        parts[role] = (name, _rows(name, data, role))
    if "prim" not in parts:
        given = ", ".join(sorted(files))
        raise ListFormatError(
            "the OFAC set has no primary file (sdn.csv or cons_prim.csv): aliases and addresses alone name no party",
            file=given,
        )
    prim_name, prim_rows = parts["prim"]
    comments: dict[str, str] = {}
    for row in parts.get("comments", ("", []))[1]:
        comments[row[0].strip()] = comments.get(row[0].strip(), "") + row[1].rstrip()
    entities: dict[str, tuple[EntityProxy, list[str]]] = {}
    order: list[str] = []
    for row in prim_rows:
        ent_num, entity, programs = _primary(row, source, comments.pop(row[0].strip(), ""))
        if ent_num in entities:  # the same party repeated under another programme
            merge_repeat(entities[ent_num][0], entity, ent_num, prim_name)
            entities[ent_num][1].extend(p for p in programs if p not in entities[ent_num][1])
            continue
        entities[ent_num] = (entity, programs)
        order.append(ent_num)
    for role in ("alt", "add"):
        name, rows = parts.get(role, ("", []))
        for row in rows:
            ent_num = row[0].strip()
            if ent_num not in entities:
                raise ListFormatError(
                    f"{role} row for ent_num {ent_num}, which {prim_name} does not list: "
                    "the files are not from the same publication",
                    file=name,
                )
            entity = entities[ent_num][0]
            if role == "alt":
                prop = _ALT_PROPS.get((clean(row[2]) or "aka").lower(), "alias")
                _person_names(entity, prop, row[3])
                put(entity, "notes", row[4])
            else:
                put(entity, "address", joined(row[2], row[3], row[4]))
                put(entity, "country", row[4])
                put(entity, "notes", row[5])
    if comments:
        orphan = next(iter(comments))
        raise ListFormatError(f"comment for ent_num {orphan}, which {prim_name} does not list", file=prim_name)
    items: list[ListEntity] = []
    for ent_num in order:
        entity, programs = entities[ent_num]
        put(entity, "program", *programs)
        items.append(listed(source, ent_num, entity, "; ".join(programs) or None))
    return finish(source, content_version(files), items, prim_name)
