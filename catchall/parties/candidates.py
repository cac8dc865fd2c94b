"""Choosing which listed parties a query is scored against, from the index hits.

Each key hit adds to a name's rank by how rare the key is; keys shared by more than
``COMMON_SHARE`` of all names (at least ``COMMON_MIN``) only count when nothing rarer was
found, and then the query tokens they stand for are assumed met. A name is dropped when
the query tokens it met (by weight) could not reach ``floor`` even if each met perfectly:
the full score of a name cannot exceed that share. The best ``limit`` parties are kept,
each with its best-ranked names; parties that share an identifier with the query always.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from .index import NameIndex, query_keys
from .names import Token

COMMON_SHARE = 0.02
COMMON_MIN = 1000
FACT = 0.1  # a shared birth year breaks ties between namesakes, no more
NAMES_PER_PARTY = 4
SIZE = 0.05


def candidates(
    index: NameIndex,
    tokens: Sequence[Token],
    identifiers: Iterable[str] = (),
    limit: int = 40,
    floor: float = 0.0,
    facts: Iterable[str] = (),
) -> list[tuple[int, list[int]]]:
    """The best-ranked parties for a query, each with the numbers of its names worth comparing.

    ``facts`` (a birth year) rank parties that share them higher, covering no name token.
    """
    total = max(len(index), 1)
    common = max(COMMON_MIN, int(total * COMMON_SHARE))
    free = sum(1 << min(i, 62) for i, token in enumerate(tokens) if len(token.text) < 2 and not token.text.isdigit())
    kept: list[tuple[float, int, NDArray[np.int32]]] = []
    named = False
    lookups = query_keys(tokens)
    lookups.update((fact, (FACT, 0)) for fact in facts)
    for size, weight, bits, names in index.lookup(lookups):
        if size > common and named and bits:
            free |= bits  # too common to rank by: assume the token could have been met
            continue
        named = named or bool(bits)
        kept.append((weight * math.log(1.0 + total / size), bits, names))
    parties: dict[int, list[int]] = {}
    for key in identifiers:
        for party in index.identifier_parties(key):
            parties.setdefault(party, list(index.names_of(party))[:NAMES_PER_PARTY])
    if not kept:
        return list(parties.items())
    lengths = [len(names) for _, _, names in kept]
    ids = np.concatenate([names for _, _, names in kept])
    gains = np.repeat(np.array([gain for gain, _, _ in kept]), lengths)
    masks = np.repeat(np.array([bit for _, bit, _ in kept], dtype=np.int64), lengths)
    order = np.argsort(ids, kind="stable")
    ids, gains, masks = ids[order], gains[order], masks[order]
    first = np.flatnonzero(np.concatenate([[True], ids[1:] != ids[:-1]]))
    numbers = ids[first]
    scores = np.add.reduceat(gains, first) - SIZE * index.sizes()[numbers]  # fewer words left over first
    masks = np.bitwise_or.reduceat(masks, first)
    named_hit = masks != 0  # a shared birth year alone proposes no one
    scores, numbers, masks = scores[named_hit], numbers[named_hit], masks[named_hit] | free
    if floor > 0 and len(tokens) <= 62:  # (a longer name shares its last bit: no pruning)
        covered = np.zeros(len(masks))
        for i, token in enumerate(tokens):
            covered += ((masks >> i) & 1) * token.weight
        keep = covered >= floor * sum(token.weight for token in tokens) - 1e-9
        scores, numbers = scores[keep], numbers[keep]
    best = limit * 3
    if len(scores) > best:
        chosen = np.argpartition(-scores, best)[:best]
        scores, numbers = scores[chosen], numbers[chosen]
    for number in numbers[np.argsort(-scores, kind="stable")].tolist():
        party = index.name_party[number]
        chosen_names = parties.get(party)
        if chosen_names is None:
            if len(parties) >= limit:
                continue
            chosen_names = parties[party] = []
        if len(chosen_names) < NAMES_PER_PARTY:
            chosen_names.append(number)
    return list(parties.items())
