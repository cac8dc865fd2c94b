"""Party-level predicates, used inside ``any_party`` and ``no_party``.

Each reads one party of the inquiry. ``shares_contact_with_listed`` also reads
the party engine's findings: a firm that gives the address, phone or e-mail of
a listed entity is a known front-company pattern, even under a new name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import Field

from catchall.model import Finding
from catchall.model.inquiry import PartySchema, Role
from catchall.redflags.conditions import Evidence, Hits, Ref
from catchall.redflags.context import RULES, Args, PartyRef, RuleContext, Words, list_ref, word_refs
from catchall.redflags.text import find_words, normalise, same_address, same_phone

PartyField = Literal["name", "address", "email", "phone", "identifiers"]


@RULES.register("role_in", "party", list[Role])
def role_in(_ctx: RuleContext, ref: PartyRef, roles: list[Role]) -> Hits:
    """The party plays one of these roles (buyer, consignee, end_user, intermediary, freight_forwarder, payer)."""
    return [Evidence(ref.subject, f"role {ref.party.role.value}")] if ref.party.role in roles else None


@RULES.register("schema_in", "party", list[PartySchema])
def schema_in(_ctx: RuleContext, ref: PartyRef, schemas: list[PartySchema]) -> Hits:
    """The party is of one of these kinds (Person, Organization, Company, LegalEntity, Vessel)."""
    kind = ref.party.schema_
    return [Evidence(ref.subject, f"a {kind.value}")] if kind in schemas else None


@RULES.register("country_in_list", "party", str, refs=list_ref)
def country_in_list(ctx: RuleContext, ref: PartyRef, list_id: str) -> Hits:
    """The party's country (or, for a person, nationality) is on the country list."""
    hits = []
    for label, code in (("country", ref.party.country), ("nationality", ref.party.nationality)):
        if code and ctx.countries.why(list_id, code):
            text = f"{label} {ctx.countries.describe(list_id, code)}"
            hits.append(Evidence(ref.subject, text, (code,), tuple(ctx.countries.lists_of(code))))
    return hits or None


class PartyText(Words):
    """Party fields to read and words to find in them."""

    fields: list[PartyField]


@RULES.register("text_matches", "party", PartyText, refs=word_refs)
def party_text_matches(ctx: RuleContext, ref: PartyRef, arg: PartyText) -> Hits:
    """The party's name, address, e-mail, phone or identifiers contain one of the words."""
    words = ctx.expand(arg.words, arg.word_lists)
    hits = []
    for name in arg.fields:
        raw = getattr(ref.party, name)
        for value in raw if isinstance(raw, list) else [raw]:
            found = find_words(words, value)
            if found:
                hits.append(Evidence(ref.subject, f"{name} '{value}' contains {', '.join(found)}"))
    return hits or None


class SharedContact(Args):
    """Which free e-mail domains never count as a shared domain."""

    ignore_domains: list[str] = Field(default_factory=list)


def _shared_refs(arg: Any) -> list[Ref]:
    return [Ref("word_list", name, ("ignore_domains", i)) for i, name in enumerate(arg.ignore_domains)]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def listed_contacts(finding: Finding) -> dict[str, list[str]]:
    """Addresses, phones and e-mails of the listed entity behind a party finding (FtM or flat details)."""
    entity = finding.details.get("entity")
    layers: list[Mapping[str, Any]] = [finding.details]
    if isinstance(entity, Mapping):
        layers += [entity, entity.get("properties") or {}]
    out: dict[str, list[str]] = {"address": [], "phone": [], "email": []}
    plural = {"address": "addresses", "phone": "phones", "email": "emails"}
    for layer in layers:
        for kind in out:
            out[kind] += _strings(layer.get(kind)) + _strings(layer.get(plural[kind]))
    return out


def _listed_name(finding: Finding) -> str:
    entity = finding.details.get("entity")
    name = finding.details.get("caption") or finding.details.get("name")
    if not name and isinstance(entity, Mapping):
        name = entity.get("caption")
    where = " ".join(str(finding.details[k]) for k in ("source", "source_id") if finding.details.get(k))
    return f"listed entity {name or finding.code}" + (f" ({where})" if where else "")


def _about(finding: Finding, ref: PartyRef) -> bool:
    """A finding about this very party (its own name match) is not a link to someone else."""
    if finding.details.get("party_index") == ref.index:
        return True
    return normalise(ref.party.name) in normalise(finding.subject)


def _matches(ref: PartyRef, contacts: dict[str, list[str]], ignore: set[str]) -> Iterator[str]:
    party = ref.party
    for theirs in contacts["address"]:
        if party.address and same_address(party.address, theirs):
            yield f"address '{party.address}' is the listed address '{theirs}'"
    for theirs in contacts["phone"]:
        if party.phone and same_phone(party.phone, theirs):
            yield f"phone '{party.phone}' is the listed phone '{theirs}'"
    for theirs in contacts["email"]:
        mine, other = (party.email or "").strip().casefold(), theirs.strip().casefold()
        if mine and mine == other:
            yield f"e-mail '{party.email}' is the listed e-mail"
        elif mine and "@" in mine and mine.split("@")[-1] == other.split("@")[-1] and mine.split("@")[-1] not in ignore:
            yield f"e-mail domain '{mine.split('@')[-1]}' is that of the listed e-mail '{theirs}'"


@RULES.register("shares_contact_with_listed", "party", SharedContact, refs=_shared_refs)
def shares_contact_with_listed(ctx: RuleContext, ref: PartyRef, arg: SharedContact) -> Hits:
    """The party gives the address, phone, e-mail (or e-mail domain) of an entity a party finding matched."""
    ignore = {normalise(d).replace(" ", ".") for d in ctx.expand([], arg.ignore_domains)}
    hits = []
    for finding in ctx.findings:
        if finding.kind != "party" or _about(finding, ref):
            continue
        for text in dict.fromkeys(_matches(ref, listed_contacts(finding), ignore)):
            hits.append(Evidence(ref.subject, f"{text} of {_listed_name(finding)}"))
    return hits or None
