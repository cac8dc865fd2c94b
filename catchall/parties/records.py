"""The facts a match is decided on: a query party, a listed party, and the result.

A ``Record`` is a listed party reduced to what screening compares (names, birth dates,
nationalities, countries, identifiers), so a million names fit in memory; ``Query`` is the
party of an inquiry; ``Match`` is one hit with its explanation as plain data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from followthemoney import registry

from .formats import ListEntity

NAME_PROPS = ("name", "alias", "previousName", "abbreviation")
WEAK_PROPS = ("weakAlias",)
NATIONALITY_PROPS = ("nationality", "citizenship")
COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "birthCountry", "flag")
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_BRACKET = re.compile(r"\(([^()]*)\)")
_NOTE = re.compile(r"^\s*(?:original script|a\.?k\.?a\.?|f\.?k\.?a\.?)\s*:?\s*", re.IGNORECASE)
_NOT_ID = re.compile(r"[^0-9A-Z]")
_LETTERS = re.compile(r"[\W_]")


@dataclass(frozen=True)
class Query:
    """A party to screen: a name, and whatever else the inquiry says about it."""

    name: str
    schema: str = "LegalEntity"
    birth_date: str | None = None
    nationality: str | None = None
    country: str | None = None
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """One listed party that matched a query, with the reasons as data."""

    source: str
    source_id: str
    entity_id: str
    name: str
    caption: str
    schema: str
    score: float
    explanation: list[dict[str, object]] = field(default_factory=list)
    programme: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """A listed party as screening sees it; names from ``weak_from`` on are weak aliases."""

    source: str
    source_id: str
    entity_id: str
    schema: str
    caption: str
    programme: str | None
    names: tuple[str, ...]
    weak_from: int
    birth_dates: tuple[str, ...] = ()
    nationalities: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()


def identifier_key(value: str) -> str | None:
    """An identifier as compared: letters and digits only, upper case; None when too short to mean anything."""
    key = _NOT_ID.sub("", value.upper())
    key = key.removeprefix("IMO") if key.startswith("IMO") and key[3:].isdigit() else key
    return key if len(key) >= 8 or (len(key) >= 4 and any(ch.isdigit() for ch in key)) else None


def country_code(value: str | None) -> str | None:
    """An ISO alpha-2 code (lower case, as FollowTheMoney keeps them) from a code or a country name."""
    if not value or not value.strip():
        return None
    return registry.country.clean(value.strip()) or None


def date_prefix(value: str | None) -> str | None:
    """The date in a value, as far as it is known and valid: "1957", "1957-03" or "1957-03-02"."""
    found = _DATE.search(value or "")
    if found is None:
        return None
    year, month, day = found.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= _DAYS[int(month) - 1]:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def split_name(name: str) -> list[str]:
    """A name, and if it brackets a part, the name without it and the part alone: "Jin Tiesan (金铁三)"."""
    parts = _BRACKET.findall(name)
    if not parts:
        return [name] if name.strip() else []
    inner = [_NOTE.sub("", part).strip() for part in parts]
    noted = any(part != clean for part, clean in zip(parts, inner, strict=True))
    whole = "" if noted else " ".join(name.replace("(", " ").replace(")", " ").split())
    outer = " ".join(_BRACKET.sub(" ", name).split())
    alone = [part for part in inner if noted or len(_LETTERS.sub("", part)) >= 3]  # not "(HK)" on its own
    return list(dict.fromkeys(part for part in (whole, outer, *alone) if part))


def _names(entity: ListEntity, props: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for prop in props:
        if prop in entity.entity.schema.properties:
            for value in entity.entity.get(prop):
                found.extend(split_name(value))
    return found


def record_from_entity(item: ListEntity) -> Record:
    """The screening facts of one listed entity."""
    entity = item.entity
    strong = list(dict.fromkeys(_names(item, NAME_PROPS)))
    weak = [name for name in dict.fromkeys(_names(item, WEAK_PROPS)) if name not in strong]
    dates = (date_prefix(value) for value in entity.get("birthDate", quiet=True))
    ids = (identifier_key(value) for value in entity.get_type_values(registry.identifier))
    return Record(
        source=item.source,
        source_id=item.source_id,
        entity_id=entity.id or f"{item.source}-{item.source_id}",
        schema=entity.schema.name,
        caption=entity.caption,
        programme=item.programme,
        names=tuple(strong + weak),
        weak_from=len(strong),
        birth_dates=tuple(sorted({date for date in dates if date})),
        nationalities=frozenset(v for p in NATIONALITY_PROPS for v in entity.get(p, quiet=True)),
        countries=frozenset(v for p in COUNTRY_PROPS for v in entity.get(p, quiet=True)),
        identifiers=frozenset(key for key in ids if key),
    )
