"""The candidate index: which listed names are worth comparing with a query, without a scan.

Every token of every listed name is filed under several keys: its letters, its consonant
skeleton, the spelling-variant groups it belongs to, its folded spelling, its letters in
order of the alphabet (a swap keeps them), its first and last letters with its length (one
typo leaves one end whole) and, joined with its
neighbour, the word two tokens make when written as one ("Abdul Hai", "Abdulhai"). A query looks up
the same keys; each hit counts by how rare the key is (inverse document frequency), so a
shared "Mohammad" barely ranks a name while a shared "Hemmat" does. Keys held by very many
names only rank names found otherwise. A name whose hits cover too little of the query to
reach the threshold, even were every hit perfect and every qualifier in its favour, is not
scored at all (``floor``). Keys are hashed (CRC-32, stable across processes, so a saved
index stays valid) and the postings kept in sorted numpy arrays, so a million names fit in
well under 2 GB.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from zlib import crc32

import numpy as np
from numpy.typing import NDArray

from .consonants import base_consonants, fold, mandatory
from .names import Token
from .similarity import variant_groups

EXACT, VARIANT, CONSONANT, TYPO = 1.0, 0.8, 0.6, 0.4
_SYLLABIC = ("han", "hangul")


def _ends(text: str, length: int) -> tuple[str, str]:
    """Keys for the two ends of a word of ``length`` letters: one typo leaves one end whole."""
    size = 2 if length <= 5 else 3
    return f"f{length}{text[:size]}", f"l{length}{text[-size:]}"


def token_keys(token: Token, query: bool = False) -> list[tuple[str, float]]:
    """The keys a token is filed under (or, for a query, looked up under), with the weight of a hit."""
    text = token.text
    if len(text) < 2:
        return [("t" + text, EXACT)] if text.isdigit() else []
    keys = [("t" + text, EXACT)]
    keys.extend((f"v{group}", VARIANT) for group in variant_groups().get(text, ()))
    spellings = mandatory(token.consonants) if token.vowel_poor else [base_consonants(text)]
    keys.extend(("s" + skel, CONSONANT) for skel in spellings if len(skel) >= 2)
    if token.script not in _SYLLABIC:
        folded = fold(text)
        if folded != text:
            keys.append(("t" + folded, VARIANT))
        if len(text) >= 5:
            keys.append(("o" + "".join(sorted(text)), TYPO))  # the same letters: a swap of two
        lengths = (len(text) - 1, len(text), len(text) + 1) if query else (len(text),)
        keys.extend((key, TYPO) for length in lengths if length >= 4 for key in _ends(text, length))
    return keys


@lru_cache(maxsize=1 << 16)
def _filed(token: Token) -> tuple[int, ...]:
    return tuple(key_hash(key) for key, _ in token_keys(token))


def key_hash(key: str) -> int:
    """A key's number in the table: CRC-32, the same in every process.

    Python's own ``hash`` is salted per process, so a saved index would find nothing.
    A rare collision of two keys only adds a candidate, never hides one.
    """
    return crc32(key.encode())


def query_keys(tokens: Sequence[Token]) -> dict[str, tuple[float, int]]:
    """Keys to look up for a query, each with its weight and the bit set of query tokens it stands for."""
    keys: dict[str, tuple[float, int]] = {}

    def put(key: str, weight: float, bits: int) -> None:
        old = keys.get(key)
        keys[key] = (max(weight, old[0]), bits | old[1]) if old else (weight, bits)

    for i, token in enumerate(tokens):
        bit = 1 << min(i, 62)
        for key, weight in token_keys(token, query=True):
            put(key, weight * token.weight, bit)
    for i, (left, right) in enumerate(itertools.pairwise(tokens)):
        put("t" + left.text + right.text, EXACT * max(left.weight, right.weight), 3 << min(i, 61))
    return keys


class NameIndex:
    """Listed names filed by hashed key, each name numbered and tied to its party."""

    def __init__(self) -> None:
        self._new_keys = array("I")
        self._new_names = array("i")
        self._table: tuple[NDArray[np.uint32], NDArray[np.int64], NDArray[np.int32]] | None = None
        self._identifiers: dict[str, list[int]] = {}
        self.name_party = array("i")
        self.name_size = array("b")
        self.party_first = array("i")
        self.tokens: list[tuple[Token, ...]] = []
        self._shared: dict[tuple[Token, ...], tuple[Token, ...]] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def add(
        self, names: Iterable[tuple[Token, ...]], identifiers: Iterable[str] = (), facts: Sequence[str] = ()
    ) -> int:
        """File one party's names (in order), identifiers and facts (keys such as a birth year); returns its number."""
        fact_keys = [key_hash(fact) for fact in facts]
        party = len(self.party_first)
        self.party_first.append(len(self.tokens))
        for written in names:
            tokens = self._shared.setdefault(written, written)  # one object per distinct name: less memory
            number = len(self.tokens)
            self.tokens.append(tokens)
            self.name_party.append(party)
            self.name_size.append(min(len(tokens), 127))
            keys = {key for token in tokens for key in _filed(token)}
            keys.update(key_hash("t" + a.text + b.text) for a, b in itertools.pairwise(tokens))
            keys.update(fact_keys)
            self._new_keys.extend(keys)
            self._new_names.extend([number] * len(keys))
        for key in identifiers:
            self._identifiers.setdefault(key, []).append(party)
        return party

    def identifier_parties(self, key: str) -> list[int]:
        """The parties that carry a (normalised) identifier."""
        return self._identifiers.get(key, [])

    def sizes(self) -> NDArray[np.int8]:
        """How many weighted tokens each name has, by name number."""
        return np.frombuffer(self.name_size, dtype=np.int8)

    def names_of(self, party: int) -> range:
        """The numbers of a party's names."""
        end = self.party_first[party + 1] if party + 1 < len(self.party_first) else len(self.tokens)
        return range(self.party_first[party], end)

    def table(self) -> tuple[NDArray[np.uint32], NDArray[np.int64], NDArray[np.int32]]:
        """The sorted postings (distinct keys, their bounds, name numbers), built once after additions."""
        if self._table is None or len(self._new_keys):
            keys = np.array(self._new_keys, dtype=np.uint32)
            names = np.array(self._new_names, dtype=np.int32)
            self._new_keys, self._new_names = array("I"), array("i")
            self._shared = {}
            if self._table is not None:
                old_keys, old_bounds, old_names = self._table
                keys = np.concatenate([np.repeat(old_keys, np.diff(old_bounds)), keys])
                names = np.concatenate([old_names, names])
            order = np.argsort(keys, kind="stable")
            keys, names = keys[order], names[order]
            del order
            starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
            self._table = (keys[starts], np.append(starts, len(keys)).astype(np.int64), names)
        return self._table

    def lookup(self, lookups: dict[str, tuple[float, int]]) -> list[tuple[int, float, int, NDArray[np.int32]]]:
        """The postings of each query key found: size, weight, token bits and name numbers."""
        distinct, bounds, names = self.table()
        if not lookups or not len(distinct):
            return []
        hashes = np.fromiter((key_hash(key) for key in lookups), dtype=np.uint32, count=len(lookups))
        where = np.minimum(np.searchsorted(distinct, hashes), len(distinct) - 1)
        found = []
        matched = (distinct[where] == hashes).tolist()
        for (weight, bits), at, ok in zip(lookups.values(), where.tolist(), matched, strict=True):
            if ok:
                start, end = int(bounds[at]), int(bounds[at + 1])
                found.append((end - start, weight, bits, names[start:end]))
        return sorted(found, key=lambda item: item[0])
