"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``, sc-sanctions.xsd).

``REFERENCE_NUMBER`` (``IRe.032``) is the id; ``dateGenerated`` on the root is the
version. Alias quality "Low" becomes ``weakAlias``; "f.k.a." becomes
``previousName``; ``NAME_ORIGINAL_SCRIPT`` is an ``alias``.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, finish, parse_xml
from .values import TOPIC_SANCTION, clean, cleaned, joined, listed, new_entity, put, put_dates

UN_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")


def _text(element: Element, path: str) -> str | None:
    return clean(element.findtext(path))


def _values(element: Element, path: str) -> list[str]:
    return cleaned(value.text for value in element.iterfind(f"{path}/VALUE"))


def _add_aliases(entity: EntityProxy, record: Element, tag: str) -> None:
    for alias in record.iterfind(tag):
        quality = (_text(alias, "QUALITY") or "").lower()
        prop = {"low": "weakAlias", "f.k.a.": "previousName"}.get(quality, "alias")
        # A few entries pack several aliases into one element, separated by ";".
        names = cleaned((alias.findtext("ALIAS_NAME") or "").split(";"))
        put(entity, prop, *names)
        if (note := _text(alias, "NOTE")) and names:
            put(entity, "notes", f"{names[0]}: {note}")
        put_dates(entity, "birthDate", alias.findtext("DATE_OF_BIRTH"))
        put(entity, "birthPlace", joined(_text(alias, "CITY_OF_BIRTH"), _text(alias, "COUNTRY_OF_BIRTH")))
    put(entity, "alias", *(n.text for n in record.iterfind("NAME_ORIGINAL_SCRIPT")))


def _add_addresses(entity: EntityProxy, record: Element, tag: str) -> None:
    for address in record.iterfind(tag):
        parts = [_text(address, key) for key in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
        text = joined(*parts)
        if text and (note := _text(address, "NOTE")):
            text = f"{text} ({note})"
        put(entity, "address", text)
        put(entity, "country", parts[-1])


def _add_person(entity: EntityProxy, record: Element) -> None:
    put(entity, "firstName", _text(record, "FIRST_NAME"))
    put(entity, "secondName", _text(record, "SECOND_NAME"))
    put(entity, "middleName", _text(record, "THIRD_NAME"), _text(record, "FOURTH_NAME"))
    put(entity, "title", *_values(record, "TITLE"))
    put(entity, "position", *_values(record, "DESIGNATION"))
    put(entity, "nationality", *_values(record, "NATIONALITY"))
    put(entity, "gender", _text(record, "GENDER"))
    for birth in record.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        if birth.findtext("FROM_YEAR") or birth.findtext("TO_YEAR"):
            put_dates(entity, "birthDate", f"{birth.findtext('FROM_YEAR') or ''} to {birth.findtext('TO_YEAR') or ''}")
        else:
            put_dates(entity, "birthDate", birth.findtext("DATE") or birth.findtext("YEAR"))
        if (note := _text(birth, "NOTE")) is not None:
            put(entity, "notes", f"Date of birth: {note}")
    for place in record.iterfind("INDIVIDUAL_PLACE_OF_BIRTH"):
        put(entity, "birthPlace", joined(*(_text(place, k) for k in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY"))))
        put(entity, "birthCountry", _text(place, "COUNTRY"))
    for document in record.iterfind("INDIVIDUAL_DOCUMENT"):
        kind = " ".join((document.findtext("TYPE_OF_DOCUMENT") or "").split())
        number = _text(document, "NUMBER")
        prop = "passportNumber" if "pas" in kind.lower() else "idNumber"
        put(entity, prop, number)
        details = joined(
            kind,
            number,
            _text(document, "TYPE_OF_DOCUMENT2"),
            _text(document, "ISSUING_COUNTRY"),
            _text(document, "DATE_OF_ISSUE"),
            _text(document, "NOTE"),
        )
        if details and number:
            put(entity, "notes", f"Document: {details}")


def _record(record: Element, individual: bool, file: str) -> ListEntity:
    ref = _text(record, "REFERENCE_NUMBER")
    if ref is None:
        raise ListFormatError("a record has no REFERENCE_NUMBER: the file is damaged", file=file)
    entity = new_entity("Person" if individual else "Organization", "un_sc", ref)
    put(entity, "name", joined(*(record.findtext(part) for part in _NAME_PARTS), sep=" "))
    if individual:
        _add_person(entity, record)
    _add_aliases(entity, record, "INDIVIDUAL_ALIAS" if individual else "ENTITY_ALIAS")
    _add_addresses(entity, record, "INDIVIDUAL_ADDRESS" if individual else "ENTITY_ADDRESS")
    put(entity, "notes", _text(record, "COMMENTS1"))
    programme = _text(record, "UN_LIST_TYPE")
    put(entity, "program", programme)
    put(entity, "topics", TOPIC_SANCTION)
    put(entity, "sourceUrl", UN_URL)
    return listed("un_sc", ref, entity, programme)


def parse_un_sc(files: Mapping[str, bytes]) -> ParsedList:
    """Parse the UN consolidated list (one XML file)."""
    if len(files) != 1:
        raise ListFormatError(f"the UN list is one XML file, got {len(files)}", file=", ".join(sorted(files)))
    name, data = next(iter(files.items()))
    root = parse_xml(data, name)
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError(f"root element is <{root.tag}>, not the UN's <CONSOLIDATED_LIST>", file=name)
    version = clean(root.get("dateGenerated")) or content_version(files)
    records = [_record(r, True, name) for r in root.iterfind("INDIVIDUALS/INDIVIDUAL")]
    records += [_record(r, False, name) for r in root.iterfind("ENTITIES/ENTITY")]
    return finish("un_sc", version, records, name)
