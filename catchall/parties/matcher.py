"""Screening a party against the loaded lists: candidates from the index, then scoring.

``Matcher.from_entities`` files every name of every listed party; ``Matcher.match`` takes a
query party, fetches the best-ranked candidates from the index (never a scan of the lists),
scores each with the weighted features of ``scoring`` and returns those at or above the
threshold, best first, each with its explanation.

``DEFAULT_THRESHOLD`` (0.80) was chosen on measurement (``python -m benchmarks.parties``,
threshold sweep), with no per-list tuning. On 4,000 generated variants of entries of every
list plus invented people and firms and 7,000 of yente's synthetic people: 0.70 and 0.75
find 0.9942 of the positives, 0.80 finds 0.9937 while the false hits fall from 1.55 % (0.70)
and 1.01 % (0.75) to 0.77 %; 0.85 halves the false hits again but loses typo'd and partial
names (recall 0.9891), 0.90 loses more (0.9770). A miss costs more than a false hit, so the
threshold sits at the knee: the last value before recall falls.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from .candidates import candidates
from .features import Candidate, QueryFacts, infer_kind, name_mode, party_kind
from .formats import ListEntity
from .index import NameIndex
from .names import analyse, weighted
from .records import Match, Query, Record, record_from_entity
from .scoring import MAX_RAISE, score

__all__ = ["DEFAULT_THRESHOLD", "Match", "Matcher", "Query", "Record", "score_pair"]

DEFAULT_THRESHOLD = 0.80
CANDIDATES = 80


class Matcher:
    """The listed parties, indexed for screening queries against them."""

    def __init__(self, records: list[Record], kinds: list[str], index: NameIndex) -> None:
        self._records = records
        self._kinds = kinds
        self._index = index

    @classmethod
    def from_entities(cls, entities: Iterable[ListEntity]) -> Matcher:
        """Index the parties of parsed lists (any number of lists, in any order)."""
        return cls.from_records(record_from_entity(item) for item in entities)

    @classmethod
    def from_records(cls, records: Iterable[Record]) -> Matcher:
        """Index parties already reduced to records (what ``from_entities`` does after reading).

        The index is built with the cyclic garbage collector paused and then frozen out of its
        reach (``gc.freeze``): its millions of objects are never garbage, and scanning them
        would only stall later queries.
        """
        index = NameIndex()
        kept: list[Record] = []
        kinds: list[str] = []
        collecting = gc.isenabled()
        gc.disable()  # a million small objects, none of them garbage: cyclic collection only costs time here
        try:
            for record in records:
                mode = name_mode(record.schema)
                names = [analyse(name, mode) for name in record.names]
                index.add((weighted(tokens) for tokens in names), record.identifiers, birth_years(record.birth_dates))
                kept.append(record)
                kinds.append(infer_kind(party_kind(record.schema), names, bool(record.birth_dates)))
            index.table()
        finally:
            if collecting:
                gc.freeze()  # the index lives as long as the process: keep it out of later collections
                gc.enable()
        return cls(kept, kinds, index)

    def __len__(self) -> int:
        return len(self._index)

    @property
    def parties(self) -> int:
        """How many listed parties are indexed."""
        return len(self._records)

    def _proposed(self, facts: QueryFacts, cutoff: float) -> list[tuple[int, Candidate]]:
        found = []
        floor = cutoff - MAX_RAISE if len(facts.alternatives) == 1 else 0.0
        born = birth_years((facts.birth_date,) if facts.birth_date else ())
        found_parties = candidates(self._index, weighted(facts.tokens), facts.identifiers, CANDIDATES, floor, born)
        for party, numbers in found_parties:
            first = self._index.party_first[party]
            names = tuple((number - first, self._index.tokens[number]) for number in numbers)
            found.append((party, Candidate(self._records[party], self._kinds[party], names)))
        return found

    def candidates(self, query: Query, threshold: float | None = None) -> list[Record]:
        """The parties the index proposes for full scoring (before any is scored): for audits and benchmarks."""
        cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
        return [candidate.record for _, candidate in self._proposed(QueryFacts.of(query), cutoff)]

    def match(self, query: Query, threshold: float | None = None, limit: int = 10) -> list[Match]:
        """The listed parties that match the query at or above the threshold, best first."""
        if limit <= 0:
            return []
        cutoff = DEFAULT_THRESHOLD if threshold is None else threshold
        facts = QueryFacts.of(query, explain_from=cutoff - MAX_RAISE)
        found: list[Match] = []
        for _, candidate in self._proposed(facts, cutoff):
            total, explanation = score(facts, candidate)
            if total > 0 and total >= cutoff:
                found.append(_match(candidate.record, total, explanation))
        found.sort(key=lambda m: (-m.score, m.source, m.source_id))
        return found[:limit]


def birth_years(dates: Iterable[str]) -> list[str]:
    """Index keys for birth years, so that among many namesakes the one born that year ranks first."""
    return sorted({f"y{date[:4]}" for date in dates})


def _match(record: Record, total: float, explanation: list[dict[str, object]]) -> Match:
    matched = next((str(e["list_name"]) for e in explanation if e["feature"] == "name_match"), None)
    return Match(
        source=record.source,
        source_id=record.source_id,
        entity_id=record.entity_id,
        name=matched or record.caption,
        caption=record.caption,
        schema=record.schema,
        score=round(total, 4),
        explanation=explanation,
        programme=record.programme,
    )


def score_pair(query: Query, record: Record) -> Match:
    """One query against one listed party, every name compared, no index: to audit or benchmark a pair."""
    facts = QueryFacts.of(query)
    mode = name_mode(record.schema)
    analysed = [analyse(name, mode) for name in record.names]
    kind = infer_kind(party_kind(record.schema), analysed, bool(record.birth_dates))
    names = tuple((number, weighted(tokens)) for number, tokens in enumerate(analysed))
    total, explanation = score(facts, Candidate(record, kind, names))
    return _match(record, total, explanation)
