"""BIS Denied Persons List, ``dpl.txt``: tab-separated, quoted, one row per address of a denied party.

The file has no ids and no date. Rows that repeat a name are the same denied
party at several addresses (ALNASER AIRLINES has four), so they make one
entity. Its id is derived: the first 16 hex digits of the SHA-256 of the name,
upper-cased with spaces collapsed. It stays stable when an address changes;
two different parties listed under the identical name would share one entity,
which loses no address or order and still matches that name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from followthemoney import EntityProxy

from .common import ListFormatError, ParsedList, content_version, decode_text, finish, read_csv
from .values import clean, joined, listed, new_entity, put

DPL_URL = "https://www.bis.doc.gov/dpl/dpl.txt"
DPL_PROGRAMME = "Denied Persons List (BIS)"
HEADER = (
    "Name",
    "Street_Address",
    "City",
    "State",
    "Country",
    "Postal_Code",
    "Effective_Date",
    "Expiration_Date",
    "Standard_Order",
    "Last_Update",
    "Action",
    "FR_Citation",
)


def dpl_id(name: str) -> str:
    """The derived, stable id of a denied party: a hash of its normalised name."""
    key = " ".join(name.upper().split())
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _add_row(entity: EntityProxy, row: dict[str, str]) -> None:
    city = joined(row["City"], row["State"], row["Postal_Code"], sep=" ")
    put(entity, "address", joined(row["Street_Address"], city, row["Country"]))
    put(entity, "country", row["Country"])
    order = joined(
        f"effective {row['Effective_Date']}" if clean(row["Effective_Date"]) else None,
        f"expires {row['Expiration_Date']}" if clean(row["Expiration_Date"]) else None,
        f"standard order {row['Standard_Order']}" if clean(row["Standard_Order"]) else None,
        f"FR {row['FR_Citation']}" if clean(row["FR_Citation"]) else None,
        f"last update {row['Last_Update']}" if clean(row["Last_Update"]) else None,
        sep="; ",
    )
    put(entity, "notes", f"Denial order: {order}" if order else None)


def parse_bis_dpl(files: Mapping[str, bytes]) -> ParsedList:
    """Parse ``dpl.txt``; rows sharing a name become one entity with every address."""
    if len(files) != 1:
        raise ListFormatError(f"the Denied Persons List is one file, got {len(files)}", file=", ".join(sorted(files)))
    name, data = next(iter(files.items()))
    rows = read_csv(decode_text(data, name, legacy=True), name, delimiter="\t", width=len(HEADER))
    if tuple(cell.strip() for cell in rows[0]) != HEADER:
        raise ListFormatError(
            f"not the Denied Persons List layout: the header should be {', '.join(HEADER)}", file=name
        )
    entities: dict[str, EntityProxy] = {}
    for row in rows[1:]:
        record = dict(zip(HEADER, row, strict=True))
        party = clean(record["Name"])
        if party is None:
            raise ListFormatError("a row has no name: the file is damaged", file=name)
        key = dpl_id(party)
        if key not in entities:
            entity = entities[key] = new_entity("LegalEntity", "us_bis_dpl", key)
            put(entity, "name", party)
            put(entity, "program", DPL_PROGRAMME)
            put(entity, "topics", "debarment")
            put(entity, "sourceUrl", DPL_URL)
        _add_row(entities[key], record)
    items = (listed("us_bis_dpl", key, entity, DPL_PROGRAMME) for key, entity in entities.items())
    return finish("us_bis_dpl", content_version(files), items, name)
