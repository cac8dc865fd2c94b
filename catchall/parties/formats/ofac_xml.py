"""OFAC ``sdn.xml`` / ``consolidated.xml``, legacy and current.

The legacy ``sdnList`` schema (tempuri.org namespace) and the Sanctions List
Service export that keeps it under a new namespace.

Namespaces are dropped on parsing, so one reader serves both. The list date is
``publshInformation/Publish_Date`` (MM/DD/YYYY, OFAC's spelling of "publish").
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, finish, parse_xml
from .ofac_common import add_id, merge_repeat, ofac_schema
from .values import TOPIC_SANCTION, clean, joined, listed, new_entity, partial_dates, put, put_dates

OFAC_SDN_XML_URL = "https://www.treasury.gov/ofac/downloads/sdn.xml"
OFAC_CONS_XML_URL = "https://www.treasury.gov/ofac/downloads/consolidated/consolidated.xml"
_AKA_PROPS = {"f.k.a.": "previousName", "n.k.a.": "alias"}


def _text(element: Element, path: str) -> str | None:
    return clean(element.findtext(path))


def _name(element: Element) -> str | None:
    last, first = _text(element, "lastName"), _text(element, "firstName")
    return f"{last}, {first}" if last and first else last or first


def _schema(entry: Element) -> str:
    kind = _text(entry, "sdnType")
    if kind is None:
        # Some non-SDN entries carry only <nspType>; without either, say no more than "legal entity".
        nsp = _text(entry, "nspType")
        return ofac_schema(nsp) if nsp else "LegalEntity"
    return ofac_schema(kind)


def _add_akas(entity: EntityProxy, entry: Element) -> None:
    for aka in entry.iterfind("akaList/aka"):
        kind = (_text(aka, "type") or "a.k.a.").lower()
        weak = (_text(aka, "category") or "").lower() == "weak"
        prop = "weakAlias" if weak and kind == "a.k.a." else _AKA_PROPS.get(kind, "alias")
        put(entity, prop, _name(aka))


def _add_details(entity: EntityProxy, entry: Element) -> None:
    for item in entry.iterfind("idList/id"):
        add_id(entity, _text(item, "idType"), _text(item, "idNumber"), _text(item, "idCountry"))
    for address in entry.iterfind("addressList/address"):
        city = joined(_text(address, "city"), _text(address, "stateOrProvince"), _text(address, "postalCode"), sep=" ")
        put(
            entity,
            "address",
            joined(*(address.findtext(f"address{i}") for i in (1, 2, 3)), city, _text(address, "country")),
        )
        put(entity, "country", _text(address, "country"))
    put(entity, "nationality", *(n.findtext("country") for n in entry.iterfind("nationalityList/nationality")))
    put(entity, "citizenship", *(c.findtext("country") for c in entry.iterfind("citizenshipList/citizenship")))
    for item in entry.iterfind("dateOfBirthList/dateOfBirthItem"):
        put_dates(entity, "birthDate", item.findtext("dateOfBirth"))
    put(
        entity, "birthPlace", *(p.findtext("placeOfBirth") for p in entry.iterfind("placeOfBirthList/placeOfBirthItem"))
    )
    vessel = entry.find("vesselInfo")
    if vessel is not None:
        for prop, tag in (
            ("callSign", "callSign"),
            ("type", "vesselType"),
            ("flag", "vesselFlag"),
            ("tonnage", "tonnage"),
            ("grossRegisteredTonnage", "grossRegisteredTonnage"),
        ):
            put(entity, prop, _text(vessel, tag))
        if owner := _text(vessel, "vesselOwner"):
            put(entity, "notes", f"Vessel owner: {owner}")


def _entry(entry: Element, source: str, file: str) -> tuple[str, EntityProxy, list[str]]:
    uid = _text(entry, "uid")
    if uid is None:
        raise ListFormatError("an sdnEntry has no <uid>: the file is damaged", file=file)
    entity = new_entity(_schema(entry), source, uid)
    put(entity, "name", _name(entry))
    if entity.schema.is_a("Person"):
        put(entity, "firstName", _text(entry, "firstName"))
        put(entity, "lastName", _text(entry, "lastName"))
    put(entity, "position", _text(entry, "title"))
    put(entity, "notes", _text(entry, "remarks"))
    _add_akas(entity, entry)
    _add_details(entity, entry)
    put(entity, "topics", TOPIC_SANCTION)
    put(entity, "sourceUrl", OFAC_SDN_XML_URL if source == "us_ofac_sdn" else OFAC_CONS_XML_URL)
    return uid, entity, [p for p in (clean(p.text) for p in entry.iterfind("programList/program")) if p]


def parse_ofac_xml(source: str, files: Mapping[str, bytes]) -> ParsedList:
    """Parse one OFAC XML file (``sdnList`` root, any namespace); a uid repeated per programme is one entity."""
    if len(files) != 1:
        raise ListFormatError(f"an OFAC XML list is one file, got {len(files)}", file=", ".join(sorted(files)))
    name, data = next(iter(files.items()))
    root = parse_xml(data, name)
    if root.tag != "sdnList":
        raise ListFormatError(f"root element is <{root.tag}>, not OFAC's <sdnList>", file=name)
    dates = partial_dates(root.findtext("publshInformation/Publish_Date"), month_first=True)
    entries: dict[str, tuple[EntityProxy, list[str]]] = {}
    for element in root.iterfind("sdnEntry"):
        uid, entity, programs = _entry(element, source, name)
        if uid in entries:
            merge_repeat(entries[uid][0], entity, uid, name)
            entries[uid][1].extend(p for p in programs if p not in entries[uid][1])
        else:
            entries[uid] = (entity, programs)
    items: list[ListEntity] = []
    for uid, (entity, programs) in entries.items():
        put(entity, "program", *programs)
        items.append(listed(source, uid, entity, "; ".join(programs) or None))
    return finish(source, dates[0] if dates else content_version(files), items, name)
