"""Side by side: OpenSanctions' logic-v2 scorer (nomenklatura, a dev dependency) fed our candidates.

For each query our index proposes its candidates with no pruning (the most logic-v2 could be
given); logic-v2 scores each against the listed FollowTheMoney entity, and a candidate at
or above 0.7 (yente's default) is a hit. Timed: candidate generation plus scoring.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from followthemoney import EntityProxy, model
from nomenklatura.matching import LogicV2, ScoringConfig

from benchmarks.parties_eval import Case
from catchall.parties.formats import ListEntity
from catchall.parties.matcher import Matcher, Query

THRESHOLD = 0.7


def _proxy(query: Query, number: int) -> EntityProxy:
    schema = query.schema if model.get(query.schema) else "LegalEntity"
    proxy = model.make_entity(schema)
    proxy.id = f"query-{number}"  # logic-v2 caches by entity id: each query needs its own
    proxy.add("name", query.name)
    if query.birth_date:
        proxy.add("birthDate", query.birth_date, quiet=True)
    if query.nationality:
        proxy.add("nationality", query.nationality, quiet=True)
    if query.country:
        proxy.add("country", query.country, quiet=True)
    for value in query.identifiers:
        proxy.add("idNumber", value, quiet=True)
    return proxy


class LogicV2Pipeline:
    """Our candidates, logic-v2's scores."""

    def __init__(self, matcher: Matcher, entities: Sequence[ListEntity]) -> None:
        self.matcher = matcher
        self.entities = {(e.source, e.source_id): e.entity for e in entities}
        self.config = ScoringConfig.defaults()
        self.count = 0

    def match(self, query: Query) -> list[tuple[tuple[str, str], float]]:
        self.count += 1
        proxy = _proxy(query, self.count)
        found = []
        for record in self.matcher.candidates(query, threshold=0.0):
            entity = self.entities[(record.source, record.source_id)]
            score = LogicV2.compare(proxy, entity, self.config).score
            if score >= THRESHOLD:
                found.append(((record.source, record.source_id), score))
        return sorted(found, key=lambda item: -item[1])


def evaluate(pipeline: LogicV2Pipeline, cases: Sequence[Case]) -> dict[str, float]:
    """Recall on the positives, false-hit rate on the negatives, queries per second."""
    hits = positives = false_hits = negatives = 0
    start = time.process_time()
    for case in cases:
        found = pipeline.match(case.query)
        if case.expected is None:
            negatives += 1
            false_hits += bool(found)
        else:
            positives += 1
            hits += any(key == case.expected for key, _ in found[:10])
    elapsed = time.process_time() - start
    return {
        "recall": hits / positives if positives else float("nan"),
        "false_hits": false_hits / negatives if negatives else float("nan"),
        "qps": len(cases) / elapsed,
    }
