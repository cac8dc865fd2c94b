"""Which kind of word each token of a name is, from the packaged word lists.

Organisation forms (ignored in firm names), titles and stop words (ignored), particles,
generic firm words, patronymics and common names (weighing less than a distinctive word).
Phrases are matched longest first, on the letters as romanised and, for firm words, on the
folded spelling too ("Kompani" is "Company"); a long legal form one typo off is still one.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import OSA

from .consonants import fold
from .scripts import CJK, Raw, romanised_tokens
from .vocabulary import name_words, org_forms

Mode = Literal["person", "organisation", "any"]
WEIGHTS = {"name": 1.0, "number": 1.0, "initial": 0.3, "org_form": 0.0}


Phrases = dict[tuple[bool, bool, tuple[str, ...]], tuple[str, float]]
FOLDED_KINDS = ("org_form", "generic")  # firm words also met in a folded spelling ("kompani")


@lru_cache(maxsize=4)
def phrase_table(mode: Mode) -> Phrases:
    """Every listed word or phrase, romanised, keyed by (written in CJK, folded, words), with kind and weight."""
    table: Phrases = {}

    def store(key: tuple[bool, bool, tuple[str, ...]], kind: str, weight: float) -> None:
        if key[2] and (key not in table or weight < table[key][1]):
            table[key] = (kind, weight)

    def put(phrase: str, kind: str, weight: float) -> None:
        raw = romanised_tokens(phrase)
        words = tuple(token for token, *_ in raw)
        cjk = bool(raw) and raw[0][1] in CJK
        keys = [words]
        if kind == "org_form" and len(words) >= 3:  # "limited liability" of "limited liability company"
            keys += [words[i:j] for i in range(len(words)) for j in range(i + 2, len(words) + 1)]
        for key in keys:
            store((cjk, False, key), kind, weight)
            if kind in FOLDED_KINDS:
                store((cjk, True, tuple(fold(word) for word in key)), kind, weight)

    if mode != "person":
        for group in org_forms().forms:
            for form in group:
                put(form, "org_form", 0.0)
    for word_class in name_words().classes:
        # A party of unknown kind is read as a firm where the lists disagree ("General Trading").
        wanted = word_class.applies_to != ["person"] if mode == "any" else mode in word_class.applies_to
        if wanted:
            for word in word_class.words:
                put(word, word_class.kind, word_class.weight)
    return table


@lru_cache(maxsize=16)
def phrase_starts(mode: Mode, cjk: bool, folded: bool) -> dict[str, int]:
    """The first word of every listed phrase, with the length of the longest phrase it begins."""
    starts: dict[str, int] = {}
    for written_cjk, is_folded, words in phrase_table(mode):
        if (written_cjk, is_folded) == (cjk, folded):
            starts[words[0]] = max(len(words), starts.get(words[0], 0))
    return starts


def _phrase_at(
    texts: list[str], cjk: list[bool], i: int, table: Phrases, starts: dict[str, int], folded: bool
) -> tuple[int, tuple[str, float]] | None:
    longest = starts.get(texts[i], 0)
    for size in range(min(longest, len(texts) - i), 0, -1):
        found = table.get((cjk[i], folded, tuple(texts[i : i + size])))
        if found is not None and len(set(cjk[i : i + size])) == 1:
            return size, found
    return None


def classify(raw: list[Raw], mode: Mode) -> list[tuple[str, float]]:
    """The kind and weight of each token, in order; a name of ignored words only keeps them all."""
    texts = [item[0] for item in raw]
    folded = [fold(text) for text in texts]
    cjk = [item[1] in CJK for item in raw]
    table = phrase_table(mode)
    starts = {(c, f): phrase_starts(mode, c, f) for c in (False, True) for f in (False, True)}
    kinds: list[tuple[str, float]] = []
    i = 0
    while i < len(texts):
        phrase = None
        if texts[i] in starts[(cjk[i], False)] or folded[i] in starts[(cjk[i], True)]:
            found_raw = _phrase_at(texts, cjk, i, table, starts[(cjk[i], False)], False)
            found_folded = _phrase_at(folded, cjk, i, table, starts[(cjk[i], True)], True)
            phrase = max((found_raw, found_folded), key=lambda item: item[0] if item else 0)
        if phrase is not None:
            kinds.extend([phrase[1]] * phrase[0])
            i += phrase[0]
            continue
        text = texts[i]
        kind = "number" if text.isdigit() else "initial" if len(text) == 1 else "name"
        found = _by_suffix(folded[i], mode) or _misspelt_form(text, mode) if kind == "name" else None
        kinds.append(found or (kind, WEIGHTS[kind]))
        i += 1
    if not any(weight > 0 for _, weight in kinds):
        kinds = [("name", 1.0)] * len(kinds)
    return kinds


@lru_cache(maxsize=4)
def suffix_classes(mode: Mode) -> tuple[tuple[str, str, float], ...]:
    """Word endings that class a word (a patronymic's "-ovich"), longest first."""
    found = [
        (fold(suffix), word_class.kind, word_class.weight)
        for word_class in name_words().classes
        if mode == "any" or mode in word_class.applies_to
        for suffix in word_class.suffixes
    ]
    return tuple(sorted(found, key=lambda item: -len(item[0])))


@lru_cache(maxsize=4)
def fuzzy_forms(mode: Mode) -> dict[str, set[str]]:
    """Long one-word legal forms ("company", "limited") under themselves and each of their one-letter deletions."""
    found: dict[str, set[str]] = {}
    for (cjk, folded, words), (kind, _) in phrase_table(mode).items():
        if kind == "org_form" and not cjk and folded and len(words) == 1 and len(words[0]) >= 6:
            form = words[0]
            for variant in (form, *(form[:i] + form[i + 1 :] for i in range(len(form)))):
                found.setdefault(variant, set()).add(form)
    return found


@lru_cache(maxsize=4)
def _form_ends(mode: Mode) -> frozenset[str]:
    forms = {form for found in fuzzy_forms(mode).values() for form in found}
    return frozenset(end for form in forms for end in (form[:2], form[-2:]))


def _misspelt_form(word: str, mode: Mode) -> tuple[str, float] | None:
    """A word one typo away from a long legal form ("compnay", "limted") is that form."""
    fuzzy = fuzzy_forms(mode)
    ends = _form_ends(mode)
    if len(word) < 5 or not fuzzy or (fold(word)[:2] not in ends and fold(word)[-2:] not in ends):
        return None  # one typo leaves the first or the last two letters of a long word alone
    for text in {fold(word, squeeze=False), fold(word)}:
        for variant in (text, *(text[:i] + text[i + 1 :] for i in range(len(text)))):
            if any(OSA.distance(text, form, score_cutoff=1) <= 1 for form in fuzzy.get(variant, ())):
                return "org_form", 0.0
    return None


@lru_cache(maxsize=4)
def _endings(mode: Mode) -> tuple[str, ...]:
    return tuple(suffix for suffix, _, _ in suffix_classes(mode))


def _by_suffix(text: str, mode: Mode) -> tuple[str, float] | None:
    if not text.endswith(_endings(mode)):
        return None
    for suffix, kind, weight in suffix_classes(mode):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            return kind, weight
    return None
