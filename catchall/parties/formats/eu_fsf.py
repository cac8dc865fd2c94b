"""EU Financial Sanctions Files, XML 1.1 (``export`` root, fsd/export namespace).

The id is the ``sanctionEntity`` ``logicalId``; ``generationDate`` is the version.
The EU marks no primary name: the first strong ``nameAlias`` is the ``name``,
the others are aliases (weak ones ``weakAlias``), whatever their script.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, finish, parse_xml
from .values import TOPIC_SANCTION, clean, cleaned, joined, listed, new_entity, put, put_dates

EU_URL = "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
_SCHEMAS = {"person": "Person", "enterprise": "Organization"}
_ID_PROPS = {
    "passport": "passportNumber",
    "id": "idNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    "tin": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}
_CONTACTS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}


def _country(element: Element) -> str | None:
    code = clean(element.get("countryIso2Code"))
    return code if code not in (None, "00") else clean(element.get("countryDescription"))


def _add_names(entity: EntityProxy, sanction: Element) -> None:
    for alias in sanction.iterfind("nameAlias"):
        strong = alias.get("strong", "true") != "false"
        prop = "alias" if entity.has("name") or not strong else "name"
        put(entity, prop if strong else "weakAlias", alias.get("wholeName"))
        if prop == "name" and entity.schema.is_a("Person"):
            for attr in ("firstName", "middleName", "lastName"):
                put(entity, attr, alias.get(attr))
        if entity.schema.is_a("Person"):
            put(entity, "title", alias.get("title"))
            put(entity, "position", alias.get("function"))
            put(entity, "gender", {"M": "male", "F": "female"}.get(alias.get("gender") or ""))
        put(entity, "notes", *(r.text for r in alias.iterfind("remark")))


def _add_details(entity: EntityProxy, sanction: Element) -> None:
    put(entity, "nationality", *(_country(c) for c in sanction.iterfind("citizenship")))
    for birth in sanction.iterfind("birthdate"):
        date = birth.get("birthdate") or joined(
            birth.get("year"), birth.get("monthOfYear"), birth.get("dayOfMonth"), sep="-"
        )
        put_dates(entity, "birthDate", date)
        place = joined(birth.get("place"), birth.get("city"), birth.get("region"), birth.get("countryDescription"))
        put(entity, "birthPlace", place if place and place.strip("- ") else None)
        put(entity, "birthCountry", _country(birth))
    for doc in sanction.iterfind("identification"):
        kind = (doc.get("identificationTypeCode") or "").lower()
        number = clean(doc.get("number")) or clean(doc.get("latinNumber"))
        put(entity, _ID_PROPS.get(kind, "idNumber"), number)
        details = joined(
            doc.get("identificationTypeDescription"), number, doc.get("countryDescription"), doc.get("remark"), sep=" "
        )
        put(entity, "notes", f"Identification: {details}" if number else None)
    for address in sanction.iterfind("address"):
        parts = (address.get(key) for key in ("street", "poBox", "zipCode", "city", "region", "place"))
        put(entity, "address", joined(*parts, address.get("countryDescription")))
        put(entity, "country", _country(address))
        for contact in address.iterfind("contactInfo"):
            put(entity, _CONTACTS.get(contact.get("key") or "", "notes"), contact.get("value"))


def _sanction(sanction: Element, file: str) -> ListEntity:
    logical_id = clean(sanction.get("logicalId"))
    if logical_id is None:
        raise ListFormatError("a sanctionEntity has no logicalId: the file is damaged", file=file)
    subject = sanction.find("subjectType")
    kind = ((subject.get("code") if subject is not None else None) or "").lower()
    entity = new_entity(_SCHEMAS.get(kind, "LegalEntity"), "eu_fsf", logical_id)
    _add_names(entity, sanction)
    _add_details(entity, sanction)
    for label, attr in (
        ("EU reference", "euReferenceNumber"),
        ("UN reference", "unitedNationId"),
        ("Designated", "designationDate"),
        ("Designation details", "designationDetails"),
    ):
        if (value := clean(sanction.get(attr))) is not None:
            put(entity, "notes", f"{label}: {value}")
    put(entity, "notes", *(r.text for r in sanction.iterfind("remark")))
    programmes = cleaned(r.get("programme") for r in sanction.iterfind("regulation"))
    put(entity, "program", *programmes)
    put(entity, "topics", TOPIC_SANCTION)
    put(entity, "sourceUrl", *(r.findtext("publicationUrl") for r in sanction.iterfind("regulation")), EU_URL)
    return listed("eu_fsf", logical_id, entity, "; ".join(programmes) or None)


def parse_eu_fsf(files: Mapping[str, bytes]) -> ParsedList:
    """Parse the EU FSF XML 1.1 file."""
    if len(files) != 1:
        raise ListFormatError(f"the EU list is one XML file, got {len(files)}", file=", ".join(sorted(files)))
    name, data = next(iter(files.items()))
    root = parse_xml(data, name)
    if root.tag != "export":
        raise ListFormatError(f"root element is <{root.tag}>, not the EU FSF <export>", file=name)
    version = clean(root.get("generationDate")) or content_version(files)
    return finish("eu_fsf", version, (_sanction(s, name) for s in root.iterfind("sanctionEntity")), name)
