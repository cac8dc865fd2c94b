"""OFAC's vocabulary, shared by its CSV and XML files and by the CSL (which reuses OFAC's id types).

OFAC writes identifiers as "type number (country)": "Passport A0181988 (Somalia)",
"Vessel Registration Identification IMO 9187629". The type decides the
FollowTheMoney property; a type not known here stays in ``notes`` only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followthemoney import EntityProxy

from .common import ListFormatError
from .values import clean, put, put_dates

OFAC_SDN_URL = "https://www.treasury.gov/ofac/downloads/sdn.csv"
OFAC_CONS_URL = "https://www.treasury.gov/ofac/downloads/consolidated/cons_prim.csv"

_SCHEMAS = {"individual": "Person", "entity": "Organization", "vessel": "Vessel", "aircraft": "Airplane"}
_ID_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("birthDate", ("dob",)),
    ("passportNumber", ("passport",)),
    ("mmsi", ("mmsi",)),
    ("gender", ("gender",)),
    ("leiCode", ("legal entity number",)),
    ("swiftBic", ("swift",)),
    ("dunsCode", ("d-u-n-s",)),
    ("email", ("email",)),
    ("website", ("website",)),
    ("phone", ("phone", "telephone", "fax")),
    ("incorporationDate", ("organization established date",)),
    ("buildDate", ("manufacture date", "year of build")),
    ("serialNumber", ("serial number", "construction number")),
    ("model", ("aircraft model",)),
    ("registrationNumber", ("tail number",)),
    ("taxNumber", ("tax id", "r.f.c", "rfc", "nit #", "ruc #", "v.a.t", "vat ", "rif #", "fein", "c.u.i.t", " inn ")),
    (
        "registrationNumber",
        (
            "registration",
            "company number",
            "c.r. no",
            "commercial regist",
            "folio mercantil",
            "matricula mercantil",
            "chamber of comm",
            "business number",
            "trade license",
            "certificate of incorporation",
            "enterprise number",
            "government gazette",
            "economic register",
            "social credit",
            "branch unit",
            "le number",
            "romanian c.r",
            "registered charity",
            "license",
            "permit number",
        ),
    ),
    (
        "idNumber",
        (
            "national id",
            "cedula",
            "c.u.r.p",
            "d.n.i",
            "identification number",
            "id no",
            "id card",
            "identity",
            "birth certificate",
            "driver",
            "ssn",
            "residency",
            "citizen's card",
            "electoral",
            "i.f.e",
            "cartilla",
            "tazkira",
            "travel document",
            "refugee",
            "foreign id",
            "numero de identidad",
            "visanumberid",
            "c.u.i",
        ),
    ),
)
_REMARK_ID = re.compile(
    r"^(?:alt\. )?(?P<type>[^0-9]+?)\s+(?P<num>[A-Za-z]{0,4}-?\d[^\s(]*)(?:\s+\((?P<country>[^)]+)\))?(?:[\s,].*)?$"
)
_QUOTED = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'$", re.IGNORECASE)
_ALIAS_PROPS = {"a.k.a.": "weakAlias", "f.k.a.": "previousName", "n.k.a.": "alias"}
_FACTS = (
    ("birthPlace", re.compile(r"^(?:alt\. )?POB (.+)$")),
    ("nationality", re.compile(r"^(?:alt\. )?nationality (.+)$", re.IGNORECASE)),
    ("citizenship", re.compile(r"^(?:alt\. )?citizen (.+)$", re.IGNORECASE)),
    ("website", re.compile(r"^Website (\S+)$")),
    ("email", re.compile(r"^Email Address (\S+)$")),
    ("gender", re.compile(r"^Gender (Male|Female)$")),
    ("swiftBic", re.compile(r"^SWIFT/BIC (\S+)$")),
)


def ofac_schema(kind: str | None) -> str:
    """The FtM schema for an OFAC ``SDN_Type``/``sdnType`` ("-0-" and empty are entities)."""
    return _SCHEMAS.get((clean(kind) or "entity").lower(), "LegalEntity")


def split_programs(value: str | None) -> list[str]:
    """OFAC's program field, "SDGT] [IFSR", as a list."""
    return [p for p in (clean(part.strip("[] ")) for part in (value or "").split("] [")) if p]


def id_property(id_type: str, number: str = "") -> str | None:
    """The FtM property for an OFAC id type, None when it is a note rather than an identifier."""
    if "imo" in f"{id_type} {number}".lower().replace(",", " ").split():
        return "imoNumber"
    return _kind_property(f" {id_type.lower().strip()} ")


@lru_cache(maxsize=4096)
def _kind_property(kind: str) -> str | None:
    return next((prop for prop, keys in _ID_RULES if any(key in kind for key in keys)), None)


def add_id(entity: EntityProxy, id_type: str | None, number: str | None, country: str | None = None) -> None:
    """Put one OFAC-style identifier on the entity: typed where known, always in notes as written."""
    kind, value = clean(id_type), clean(number)
    if kind is None or value is None:
        return
    put(entity, "notes", f"{kind.rstrip(':')}: {value}" + (f" ({country})" if clean(country) else ""))
    prop = id_property(kind, value)
    if prop == "imoNumber":
        digits = re.sub(r"\D", "", value)
        value = f"IMO{digits}" if len(digits) == 7 else value
    if prop in {"birthDate", "incorporationDate", "buildDate"}:
        put_dates(entity, prop, value)
    elif prop is not None:
        put(entity, prop, value)


def merge_repeat(existing: EntityProxy, repeat: EntityProxy, uid: str, file: str) -> None:
    """Fold a repeated entry into the first: the same party under another programme, or a damaged file."""
    if existing.schema != repeat.schema or set(existing.get("name")) != set(repeat.get("name")):
        names = " / ".join([*existing.get("name"), *repeat.get("name")])
        raise ListFormatError(
            f"duplicated record id {uid} with different names or types ({names}): the file is damaged", file=file
        )
    existing.merge(repeat)


def add_remarks(entity: EntityProxy, remarks: str | None) -> None:
    """Read the facts packed into an OFAC CSV ``Remarks`` field; the whole text is kept in notes too."""
    text = clean(remarks)
    if text is None:
        return
    put(entity, "notes", text)
    for part in (clean(p) for p in text.rstrip(".").split("; ")):
        if part is None:
            continue
        if m := _QUOTED.match(part):
            put(entity, _ALIAS_PROPS[m.group(1).lower()], m.group(2))
            continue
        if part.startswith(("DOB ", "alt. DOB ")):
            put_dates(entity, "birthDate", part.split("DOB ", 1)[1])
            continue
        fact = next(((prop, m) for prop, pattern in _FACTS if (m := pattern.match(part))), None)
        if fact is not None:
            put(entity, fact[0], fact[1].group(1))
        elif (m := _REMARK_ID.match(part)) and id_property(m.group("type"), m.group("num")):
            prop = id_property(m.group("type"), m.group("num"))
            number = m.group("num")
            if prop == "imoNumber":
                number = f"IMO{number}" if number.isdigit() and len(number) == 7 else number
            if prop in {"incorporationDate", "buildDate"}:
                put_dates(entity, str(prop), part[len(m.group("type")) :])
            elif prop is not None:
                put(entity, prop, number)
