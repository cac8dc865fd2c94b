"""Feature functions: each looks at one aspect of a query and a listed party.

Every function has one signature, ``(QueryFacts, Candidate) -> (score 0..1, explanation)``,
and says in its explanation what it compared on each side. ``scoring`` weighs them: the
name (or an identifier) makes a match, the qualifiers (birth date, nationality, country,
kind of party) raise or lower it. Birth-date and nationality features live in ``qualifiers``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from followthemoney import model

from .align import NameComparison, compare, explain, ignored_tokens
from .names import Mode, Token, analyse, weighted
from .records import Query, Record, country_code, date_prefix, identifier_key, split_name

Explanation = dict[str, object]
FeatureFunc = Callable[["QueryFacts", "Candidate"], tuple[float, Explanation]]
WEAK_ALIAS = 0.8
_MODES: dict[str, Mode] = {"person": "person", "organisation": "organisation", "object": "organisation", "any": "any"}


@lru_cache(maxsize=64)
def party_kind(schema: str) -> str:
    """person, organisation, object (vessel, aircraft) or any (a legal entity of unknown kind)."""
    found = model.get(schema)
    if found is None or found.name == "LegalEntity":
        return "any"
    if found.is_a("Person"):
        return "person"
    return "organisation" if found.is_a("LegalEntity") else "object"


def infer_kind(kind: str, names: Iterable[tuple[Token, ...]], born: bool) -> str:
    """A party of unknown kind whose name has a legal form is a firm; one with a birth date, a person."""
    if kind != "any":
        return kind
    if any(token.kind == "org_form" for tokens in names for token in tokens):
        return "organisation"
    return "person" if born else "any"


@lru_cache(maxsize=64)
def name_mode(schema: str) -> Mode:
    """Which word lists apply to names of this schema (no organisation forms in a person's name)."""
    return _MODES[party_kind(schema)]


@dataclass(frozen=True)
class QueryFacts:
    """A query prepared once for all candidates: kind, tokens, normalised qualifiers."""

    query: Query
    kind: str
    tokens: tuple[Token, ...]
    alternatives: tuple[tuple[str, tuple[Token, ...]], ...]
    birth_date: str | None
    nationality: str | None
    country: str | None
    identifiers: frozenset[str]
    explain_from: float = 0.0
    seen: dict[tuple[int, int], NameComparison] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, query: Query, explain_from: float = 0.0) -> QueryFacts:
        """Normalise a query's name, dates, countries and identifiers.

        ``explain_from``: below this name score a candidate cannot reach the threshold, so its
        name comparison is scored but not spelled out.
        """
        ids = (identifier_key(value) for value in query.identifiers)
        mode = name_mode(query.schema)
        written = split_name(query.name)
        tokens = analyse(written[0], mode) if written else ()
        born = date_prefix(query.birth_date)
        return cls(
            query=query,
            kind=infer_kind(party_kind(query.schema), [tokens], born is not None),
            tokens=tokens,
            alternatives=tuple((name, analyse(name, mode)) for name in written),
            birth_date=born,
            nationality=country_code(query.nationality),
            country=country_code(query.country),
            identifiers=frozenset(key for key in ids if key),
            explain_from=explain_from,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A listed party and the (weighted) tokens of those of its names worth comparing."""

    record: Record
    kind: str
    names: tuple[tuple[int, tuple[Token, ...]], ...]


def name_match(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """How well the query name matches the best of the party's names; weak aliases count less.

    A query name with a bracketed part ("Shanghai Aircraft Co. (SAMC)") is tried whole and in parts.
    """
    initials = {query.kind, candidate.kind} <= {"person", "any"}
    best: tuple[float, int, int, NameComparison] | None = None
    for which, (_, written) in enumerate(query.alternatives):
        mine = weighted(written)
        for number, tokens in candidate.names:
            key = (which * 2 + initials, id(tokens))  # the same listed name on several lists: compared once
            found = query.seen.get(key)
            if found is None:
                found = query.seen[key] = compare(mine, tokens, initials)
            score = found.score * (WEAK_ALIAS if number >= candidate.record.weak_from else 1.0)
            if best is None or score > best[0]:
                best = (score, which, number, found)
    if best is None or best[0] <= 0:
        return 0.0, {}
    if best[0] < query.explain_from:
        return best[0], {"list_name": candidate.record.names[best[2]]}
    score, which, number, found = best
    record = candidate.record
    name, written = query.alternatives[which]
    listed_all = analyse(record.names[number], name_mode(record.schema))
    ignored = ignored_tokens("query", written) + ignored_tokens("list", listed_all)
    detail = explain(found, weighted(written), weighted(listed_all), ignored)
    detail = {"query_name": name, "list_name": record.names[number], **detail}
    if number >= record.weak_from:
        detail["weak_alias"] = f"a weak alias counts {WEAK_ALIAS:.0%}"
    return score, detail


def identifier_match(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """An identifier of the query (passport, registration, IMO number) that the list gives too."""
    shared = sorted(query.identifiers & candidate.record.identifiers)
    return (1.0, {"identifiers": shared}) if shared else (0.0, {})


def schema_mismatch(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """A person is not a firm, nor a firm a vessel: such a pair cannot match strongly."""
    if "any" in (query.kind, candidate.kind) or query.kind == candidate.kind:
        return 0.0, {}
    return 1.0, {"query": query.query.schema, "list": candidate.record.schema}
