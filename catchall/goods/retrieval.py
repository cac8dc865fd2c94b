"""Ranking control entries by their text, for descriptions no criterion covers.

"Bellows for rotor assembly" names no parameter the classifier can check, yet
the words of 0B001.b.4 and 2B228 are close to it. BM25 over each entry's title,
text and keywords (Latin words and Chinese character bigrams) returns the
nearest entries as ``possible`` with their score and the shared terms, so an
official sees why they were suggested.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z0-9\-]+|\d+[a-z]+[a-z0-9]*")
_HAN = re.compile(r"[\u3400-\u9fff]+")
_STOP = frozenset(
    (
        "the of and or for with to in on by as at from that which than other any all more less not does "
        "having following specified specially designed equipment components parts item items use used note "
        "notes technical control controls controlled entry entries including include such their this these "
        "those being been are is be an a it its into under per each "
        "mm cm kg pcs pc mpa gpa kpa hz khz kva kw va mbar torr rpm lengths length "
    ).split()
)


def tokens(text: str) -> list[str]:
    """Lower-case words (stop words dropped, simple plural folding) and Chinese bigrams."""
    lower = text.lower()
    out = [w.rstrip("s") if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w
           for w in _WORD.findall(lower) if w not in _STOP]
    for run in _HAN.findall(lower):
        out.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return out


@dataclass(frozen=True)
class Hit:
    """An entry near the query, with its score and the terms they share."""

    code: str
    score: float
    shared: tuple[str, ...]


class BM25:
    """Okapi BM25 (k1 = 1.5, b = 0.75) over short documents."""

    def __init__(self, docs: Iterable[tuple[str, str]], k1: float = 1.5, b: float = 0.75) -> None:
        self.codes: list[str] = []
        self.freqs: list[Counter[str]] = []
        self.lengths: list[int] = []
        self.postings: dict[str, list[int]] = {}
        for code, text in docs:
            terms = Counter(tokens(text))
            index = len(self.codes)
            self.codes.append(code)
            self.freqs.append(terms)
            self.lengths.append(sum(terms.values()))
            for term in terms:
                self.postings.setdefault(term, []).append(index)
        n = max(1, len(self.codes))
        self.avg = sum(self.lengths) / n if self.lengths else 1.0
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.k1, self.b = k1, b

    def search(self, query: str, top: int = 3) -> list[Hit]:
        """The ``top`` entries by score, best first."""
        terms = set(tokens(query))
        scores: dict[int, float] = {}
        shared: dict[int, list[str]] = {}
        for term in terms:
            for index in self.postings.get(term, ()):
                tf = self.freqs[index][term]
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[index] / self.avg)
                scores[index] = scores.get(index, 0.0) + self.idf[term] * tf * (self.k1 + 1) / norm
                shared.setdefault(index, []).append(term)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], self.codes[kv[0]]))[:top]
        return [Hit(self.codes[i], round(s, 2), tuple(sorted(shared[i]))) for i, s in ranked]
