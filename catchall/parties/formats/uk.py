"""UK sanctions (source ``gb_hmt``): the FCDO UK Sanctions List XML, and dispatch to the CSV forms.

The id is the list's ``UniqueID`` (``AFG0001``): every designation has one,
while ships have no OFSI group id. ``DateGenerated`` (dd/mm/yyyy) is the version.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath
from xml.etree.ElementTree import Element

from followthemoney import EntityProxy

from .common import ListEntity, ListFormatError, ParsedList, content_version, finish, parse_xml
from .uk_csv import DERIVED_FILES, UK_SCHEMAS, UK_URL, parse_conlist, parse_derived, uk_name_prop
from .values import TOPIC_SANCTION, clean, cleaned, joined, listed, new_entity, partial_dates, put, put_dates


def _text(element: Element, path: str) -> str | None:
    return clean(element.findtext(path))


def _all(element: Element, path: str) -> list[str]:
    return cleaned(item.text for item in element.iterfind(path))


def _add_names(entity: EntityProxy, designation: Element) -> None:
    for name in designation.iterfind("Names/Name"):
        parts = [_text(name, f"Name{i}") for i in (1, 2, 3, 4, 5, 6)]
        prop = uk_name_prop(_text(name, "NameType"), _text(name, "AliasStrength"))
        put(entity, prop, joined(*parts, sep=" "))
        if prop == "name" and entity.schema.is_a("Person"):
            put(entity, "firstName", parts[0])
            put(entity, "middleName", *parts[1:5])
            put(entity, "lastName", parts[5])
    put(entity, "alias", *_all(designation, "NonLatinNames/NonLatinName/NameNonLatinScript"))


def _add_individual(entity: EntityProxy, individual: Element) -> None:
    for dob in _all(individual, "DOBs/DOB"):
        put_dates(entity, "birthDate", dob)
    put(entity, "nationality", *_all(individual, "Nationalities/Nationality"))
    put(entity, "gender", *_all(individual, "Genders/Gender"))
    put(entity, "position", *_all(individual, "Positions/Position"))
    for passport in individual.iterfind("PassportDetails/Passport"):
        put(entity, "passportNumber", _text(passport, "PassportNumber"))
        put(entity, "notes", _text(passport, "PassportAdditionalInformation"))
    for national in individual.iterfind("NationalIdentifierDetails/NationalIdentifier"):
        put(entity, "idNumber", _text(national, "NationalIdentifierNumber"))
        put(entity, "notes", _text(national, "NationalIdentifierAdditionalInformation"))
    for place in individual.iterfind("BirthDetails/Location"):
        put(entity, "birthPlace", joined(_text(place, "TownOfBirth"), _text(place, "CountryOfBirth")))
        put(entity, "birthCountry", _text(place, "CountryOfBirth"))


def _add_other(entity: EntityProxy, designation: Element) -> None:
    for address in designation.iterfind("Addresses/Address"):
        lines = [_text(address, f"AddressLine{i}") for i in range(1, 7)]
        country = _text(address, "AddressCountry")
        put(entity, "address", joined(*lines, _text(address, "AddressPostalCode"), country))
        put(entity, "country", country)
    put(entity, "phone", *_all(designation, "PhoneNumbers/PhoneNumber"))
    put(entity, "email", *_all(designation, "EmailAddresses/EmailAddress"))
    put(entity, "website", *_all(designation, "Websites/Website"))
    for individual in designation.iterfind("IndividualDetails/Individual"):
        _add_individual(entity, individual)
    for company in designation.iterfind("EntityDetails/Entity"):
        put(entity, "registrationNumber", *_all(company, "BusinessRegistrationNumbers/BusinessRegistrationNumber"))
        put(entity, "legalForm", *_all(company, "TypeOfEntities/TypeOfEntity"))
        put(entity, "notes", *(f"Parent company: {p}" for p in _all(company, "ParentCompanies/ParentCompany")))
        put(entity, "notes", *(f"Subsidiary: {s}" for s in _all(company, "Subsidiaries/Subsidiary")))
    for ship in designation.iterfind("ShipDetails/Ship"):
        put(entity, "imoNumber", *_all(ship, "IMONumbers/IMONumber"))
        put(entity, "flag", *_all(ship, "CurrentBelievedFlagOfShips/CurrentBelievedFlagOfShip"))
        put(entity, "pastFlags", *_all(ship, "PreviousFlags/PreviousFlag"))
        put(entity, "type", *_all(ship, "TypeOfShipDetails/TypeOfShip"))
        put(entity, "tonnage", *_all(ship, "TonnageOfShipDetails/TonnageOfShip"))
        put(
            entity, "notes", *(f"Owner/operator: {o}" for o in _all(ship, "CurrentOwnerOperators/CurrentOwnerOperator"))
        )


def _designation(designation: Element, file: str) -> ListEntity:
    unique_id = _text(designation, "UniqueID")
    if unique_id is None:
        raise ListFormatError("a Designation has no UniqueID: the file is damaged", file=file)
    kind = (_text(designation, "IndividualEntityShip") or "").lower()
    entity = new_entity(UK_SCHEMAS.get(kind, "LegalEntity"), "gb_hmt", unique_id)
    _add_names(entity, designation)
    put(entity, "title", *_all(designation, "Titles/Title"))
    _add_other(entity, designation)
    for label, tag in (
        ("OFSI group ID", "OFSIGroupID"),
        ("UN reference", "UNReferenceNumber"),
        ("Sanctions imposed", "SanctionsImposed"),
        ("Designated", "DateDesignated"),
    ):
        if (value := _text(designation, tag)) is not None:
            put(entity, "notes", f"{label}: {value}")
    put(entity, "notes", _text(designation, "OtherInformation"), _text(designation, "UKStatementofReasons"))
    regime = _text(designation, "RegimeName")
    put(entity, "program", regime)
    put(entity, "topics", TOPIC_SANCTION)
    put(entity, "sourceUrl", UK_URL)
    return listed("gb_hmt", unique_id, entity, regime)


def parse_fcdo_xml(name: str, data: bytes, files: Mapping[str, bytes]) -> ParsedList:
    """Parse the FCDO UK Sanctions List XML."""
    root = parse_xml(data, name)
    if root.tag != "Designations":
        raise ListFormatError(f"root element is <{root.tag}>, not the UK list's <Designations>", file=name)
    dates = partial_dates(root.get("dateGenerated") or root.findtext("DateGenerated"))
    version = dates[0] if dates else content_version(files)
    return finish("gb_hmt", version, (_designation(d, name) for d in root.iterfind("Designation")), name)


def parse_uk(files: Mapping[str, bytes]) -> ParsedList:
    """Parse any UK form: FCDO XML, OFSI ConList.csv, or the derived CSV set."""
    names = {PurePath(name).name.lower(): name for name in files}
    if set(names) <= DERIVED_FILES:
        return parse_derived(files)
    if len(files) != 1:
        raise ListFormatError(
            "a UK list is one XML or ConList.csv file, or the derived CSV set ("
            + ", ".join(sorted(DERIVED_FILES))
            + ")",
            file=", ".join(sorted(files)),
        )
    name, data = next(iter(files.items()))
    if PurePath(name).suffix.lower() == ".xml" or data.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] == b"<":
        return parse_fcdo_xml(name, data, files)
    return parse_conlist(name, data, files)
