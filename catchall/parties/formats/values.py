"""Cleaning the values lists give (names, partial dates, countries) onto FollowTheMoney entities.

Whatever FollowTheMoney cannot hold in a typed property (a birth date written
"Spring 1960", a country "Region: Crimea") goes into ``notes`` as the list wrote
it, so the loaded entity never knows less than the file did.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from followthemoney import EntityProxy, model, registry

from .common import ListEntity

NULLS = {"", "-0-", "-", "--", "n/a", "none", "null", "unknown", "not known", "nan", "00"}
# The UN writes "na" for "not available"; upper-case "NA" is Namibia's ISO code in other lists.
_NULL_EXACT = {"na"}
TOPIC_SANCTION = "sanction"

_SPACES = re.compile(r"\s+")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DMY = re.compile(r"(\d{1,2}|dd|00)[/.](\d{1,2}|mm|00)[/.](\d{4})", re.IGNORECASE)
_TEXT_DATE = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{4})")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RANGE = re.compile(r"\b(\d{4})\s*(?:to|-|–)\s*(\d{4})\b")
_CACHED_TYPES = {"country", "url", "topic", "gender", "date"}
# Schema-specific properties that a broader schema cannot hold, and where the value goes instead.
_FALLBACK = {
    "nationality": "country",
    "citizenship": "country",
    "birthCountry": "country",
    "passportNumber": "idNumber",
    "idNumber": "registrationNumber",
    "imoNumber": "registrationNumber",
}


def clean(value: object) -> str | None:
    """One value with spaces collapsed, or None for the lists' many ways of saying nothing."""
    if value is None:
        return None
    text = _SPACES.sub(" ", str(value)).strip()
    return None if text.lower() in NULLS or text in _NULL_EXACT else text


def cleaned(values: Iterable[object]) -> list[str]:
    """The non-empty cleaned values, in order, without repeats."""
    out: list[str] = []
    for value in values:
        text = clean(value)
        if text is not None and text not in out:
            out.append(text)
    return out


def split(value: object, sep: str = ";") -> list[str]:
    """A multi-valued field split on ``sep``."""
    text = clean(value)
    return cleaned(text.split(sep)) if text else []


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if not 1800 <= year <= 2100:
        return None
    if month is None or not 1 <= month <= 12:
        return f"{year:04d}"
    if day is None or not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _number(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() else None


def partial_dates(value: object, *, month_first: bool = False) -> list[str]:
    """ISO dates kept as precise as given ("1957", "1957-03", "1957-03-11"); ranges give every year."""
    text = clean(value)
    if text is None:
        return []
    if m := _RANGE.search(text):
        first, last = int(m.group(1)), int(m.group(2))
        if 0 <= last - first <= 20:
            return cleaned(_iso(year) for year in range(first, last + 1))
    if m := _DMY.fullmatch(text.strip(" .")):
        day, month = (m.group(2), m.group(1)) if month_first else (m.group(1), m.group(2))
        return cleaned([_iso(int(m.group(3)), _number(month), _number(day))])
    if m := _ISO.match(text):
        return cleaned([_iso(int(m.group(1)), _number(m.group(2)), _number(m.group(3)))])
    if (m := _TEXT_DATE.search(text)) and m.group(2).lower() in _MONTHS:
        return cleaned([_iso(int(m.group(3)), _MONTHS[m.group(2).lower()], _number(m.group(1)))])
    return cleaned(_iso(int(year)) for year in _YEAR.findall(text))


@lru_cache(maxsize=8192)
def _typed(type_name: str, value: str) -> str | None:
    """Cleaning for the repetitive types (countries, URLs): the same few values recur thousands of times."""
    return registry.get(type_name).clean(value)


def new_entity(schema: str, source: str, source_id: str) -> EntityProxy:
    """An empty entity whose id joins the source key and the list's own id."""
    entity = model.make_entity(schema)
    entity.id = f"{source}-{source_id}"
    return entity


def put(entity: EntityProxy, prop: str, *values: object) -> None:
    """Add values to ``prop`` (or the nearest property the schema has); what cannot be typed goes to notes."""
    name = prop
    while name not in entity.schema.properties and name in _FALLBACK:
        name = _FALLBACK[name]
    target = entity.schema.properties.get(name)
    for value in cleaned(values):
        if target is None:
            entity.add("notes", f"{prop}: {value}")
            continue
        if target.type.name in _CACHED_TYPES:
            typed = _typed(target.type.name, value)
        else:
            typed = target.type.clean(value, proxy=entity)
        if typed is None:
            entity.add("notes", f"{target.label}: {value}")
        else:
            entity.add(target, typed, cleaned=True)


def put_dates(entity: EntityProxy, prop: str, value: object, *, month_first: bool = False) -> None:
    """Add the partial dates found in ``value``; an unreadable date is kept in notes as written."""
    dates = partial_dates(value, month_first=month_first)
    if dates:
        put(entity, prop, *dates)
    elif (text := clean(value)) is not None:
        known = entity.schema.properties.get(prop)
        put(entity, "notes", f"{known.label if known else prop}: {text}")


def joined(*parts: object, sep: str = ", ") -> str | None:
    """Non-empty parts joined (an address or a full name), repeats dropped."""
    text = sep.join(cleaned(parts))
    return text or None


def listed(source: str, source_id: str, entity: EntityProxy, programme: str | None) -> ListEntity:
    """The ``ListEntity`` for a finished entity."""
    return ListEntity(source=source, source_id=source_id, entity=entity, programme=programme)
