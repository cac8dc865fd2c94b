"""Two names compared token by token, in any order, into one score with its reasons.

Each query token is paired with at most one list token (or two adjacent tokens written as
one word: "Abdulhai" and "Abdul Hai", "Jinping" and "Jin Ping"), best pairs first. The score
is the weighted share of tokens that found a partner, each pair counted at its similarity:
a query word the list name lacks counts fully against the match (``EXTRA_QUERY``), a list
word the query lacks counts little (``EXTRA_LIST``: lists carry full names, inquiries
shorter ones); a repeated word needs no second partner. A match that rests only on weak
words (common names, "Industrial Group") while another word on either side stays unmatched
is cut by ``ONLY_WEAK``: "Francisco Rodriguez" is not "Carlos Francisco Rodriguez".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .names import IGNORED_WHY, Token
from .similarity import SYLLABIC, VARIANT, text_similarity, token_similarity

EXTRA_QUERY = 1.0
EXTRA_LIST = 0.2
ONLY_WEAK = 0.7
MERGE_MIN = 0.8
_STRONG = ("name", "number")
_NOTABLE = 0.3


class Pair(NamedTuple):
    """Query tokens ``q`` met list tokens ``r`` with this similarity, in this way."""

    similarity: float
    how: str
    q: tuple[int, ...]
    r: tuple[int, ...]


@dataclass(slots=True)
class NameComparison:
    """The outcome of comparing two names: score, pairs and what stayed unmatched."""

    score: float
    pairs: list[Pair] = field(default_factory=list)
    extra_query: list[int] = field(default_factory=list)
    extra_list: list[int] = field(default_factory=list)
    only_weak: bool = False


def _singles(query: tuple[Token, ...], listed: tuple[Token, ...], initials: bool) -> list[Pair]:
    options: list[Pair] = []
    for i, a in enumerate(query):
        for j, b in enumerate(listed):
            score, how = token_similarity(a, b, initials)
            if score:
                options.append(Pair(score, how, (i,), (j,)))
    return options


def _joined(one: Token, left: Token, right: Token) -> tuple[float, str]:
    """One token against two neighbours written as one word."""
    syllables = not SYLLABIC.isdisjoint((one.script, left.script, right.script))
    if one.vowel_poor == left.vowel_poor == right.vowel_poor:
        return text_similarity(one.text, left.text + right.text, False, syllables)
    if one.vowel_poor and not left.vowel_poor and not right.vowel_poor:
        return text_similarity(one.text, left.text + right.text, False, syllables, one.consonants)
    if left.vowel_poor and right.vowel_poor and left.consonants and right.consonants:
        pattern = left.consonants + right.consonants
        return text_similarity(left.text + right.text, one.text, False, syllables, pattern)
    return 0.0, ""


def _merges(query: tuple[Token, ...], listed: tuple[Token, ...], used_q: set[int], used_r: set[int]) -> list[Pair]:
    options: list[Pair] = []
    sides = ((query, listed, used_q, used_r, False), (listed, query, used_r, used_q, True))
    for one, many, used_one, used_many, flip in sides:
        for i, a in enumerate(one):
            if len(a.text) < 4 and not a.vowel_poor:
                continue  # two words written as one make a longer word
            for j in range(len(many) - 1):
                left, right = many[j], many[j + 1]
                if i in used_one and (j in used_many or j + 1 in used_many):
                    continue  # nothing to gain: the word and a neighbour are already paired
                if right.script in SYLLABIC and not right.inner:
                    continue  # Chinese or Korean syllables of two written words are not one word
                if not (a.vowel_poor or left.vowel_poor) and abs(len(left.text) + len(right.text) - len(a.text)) > 2:
                    continue
                score, how = _joined(a, left, right)
                if score >= MERGE_MIN:
                    pair = ((j, j + 1), (i,)) if flip else ((i,), (j, j + 1))
                    options.append(Pair(score, f"{how}, written as one word", *pair))
    if len(used_q) == len(query) or len(used_r) == len(listed):
        return options
    for i in range(len(query) - 1):
        joined = query[i].text + query[i + 1].text
        for j in range(len(listed) - 1):
            if joined == listed[j].text + listed[j + 1].text and query[i].text != listed[j].text:
                options.append(Pair(1.0, "same letters, split elsewhere", (i, i + 1), (j, j + 1)))
    return options


def _greedy(options: list[Pair]) -> tuple[list[Pair], set[int], set[int]]:
    options.sort(key=lambda p: (p.similarity, len(p.q) + len(p.r)), reverse=True)
    used_q: set[int] = set()
    used_r: set[int] = set()
    pairs: list[Pair] = []
    for pair in options:
        if used_q.isdisjoint(pair.q) and used_r.isdisjoint(pair.r):
            pairs.append(pair)
            used_q.update(pair.q)
            used_r.update(pair.r)
    return pairs, used_q, used_r


def _left_over(
    tokens: tuple[Token, ...], used: set[int], exact: set[int], other: list[int], other_tokens: tuple[Token, ...]
) -> list[int]:
    """Unpaired tokens, less repeats of an exactly paired word ("Matuq Mohammed Matuq").

    A repeat still counts when the other name has a word left over too ("Martin Martin"/"Martin Butt").
    """
    left = [k for k in range(len(tokens)) if k not in used]
    if any(other_tokens[k].weight >= _NOTABLE for k in other):
        return left
    paired = {tokens[k].text for k in exact}
    return [k for k in left if tokens[k].text not in paired or tokens[k].script in SYLLABIC]


def compare(
    query: tuple[Token, ...], listed: tuple[Token, ...], initials: bool, extra_list: float = EXTRA_LIST
) -> NameComparison:
    """Align two weighted token sequences and score the alignment (0..1)."""
    if not query or not listed:
        return NameComparison(0.0)
    singles = _singles(query, listed, initials)
    pairs, used_q, used_r = _greedy(singles)
    if len(used_q) < len(query) or len(used_r) < len(listed):
        merges = _merges(query, listed, used_q, used_r)
        if merges:
            pairs, used_q, used_r = _greedy(singles + merges)
    matched = total = 0.0
    strong_matched = False
    for pair in pairs:
        weight = sum(query[i].weight for i in pair.q) + sum(listed[j].weight for j in pair.r)
        matched += pair.similarity * weight
        total += weight
        strong_matched = strong_matched or any(query[i].kind in _STRONG for i in pair.q)
    exact_q = {i for pair in pairs if pair.similarity >= VARIANT for i in pair.q}
    exact_r = {j for pair in pairs if pair.similarity >= VARIANT for j in pair.r}
    left_list = [j for j in range(len(listed)) if j not in used_r]
    extra_query = _left_over(query, used_q, exact_q, left_list, listed)
    left_list = _left_over(listed, used_r, exact_r, extra_query, query)
    extra = extra_list
    total += sum(2 * query[i].weight * EXTRA_QUERY for i in extra_query)
    total += sum(2 * listed[j].weight * extra for j in left_list)
    score = matched / total if total else 0.0
    left = any(query[i].weight >= _NOTABLE for i in extra_query) or any(listed[j].weight >= _NOTABLE for j in left_list)
    only_weak = bool(pairs) and not strong_matched and left
    if only_weak:
        score *= ONLY_WEAK
    return NameComparison(score, pairs, extra_query, left_list, only_weak)


def explain(
    comparison: NameComparison, query: tuple[Token, ...], listed: tuple[Token, ...], ignored: list[dict[str, object]]
) -> dict[str, object]:
    """The comparison as data: which tokens met and how, which were left over or ignored."""
    order = [pair.r[0] for pair in sorted(comparison.pairs, key=lambda p: p.q[0])]
    return {
        "tokens": [
            {
                "query": " ".join(query[i].text for i in pair.q),
                "list": " ".join(listed[j].text for j in pair.r),
                "how": pair.how,
                "similarity": round(pair.similarity, 3),
                "weight": round(sum(query[i].weight for i in pair.q) + sum(listed[j].weight for j in pair.r), 3),
            }
            for pair in comparison.pairs
        ],
        "unmatched": [
            {"side": side, "token": tokens[k].text, "kind": tokens[k].kind, "weight": tokens[k].weight}
            for side, tokens, left in (
                ("query", query, comparison.extra_query),
                ("list", listed, comparison.extra_list),
            )
            for k in left
        ],
        "ignored": ignored,
        "order": "reordered" if order != sorted(order) else "same",
        "only_weak_words": comparison.only_weak,
    }


def ignored_tokens(side: str, tokens: tuple[Token, ...]) -> list[dict[str, object]]:
    """The words left out of a comparison (organisation forms, stop words, titles), and why."""
    return [{"side": side, "token": t.text, "why": IGNORED_WHY.get(t.kind, t.kind)} for t in tokens if t.weight <= 0]
