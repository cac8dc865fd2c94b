"""How alike two name tokens are, and in what way: the smallest judgement a match rests on.

Tried in order, the first that holds decides: the same letters ("exact", or
"transliteration" when the scripts differ); two listed spellings of one name
("spelling variant": Mohammad/Magomed, Park/Pak); for a word from a script that leaves
vowels unwritten, the same consonants ("consonants": محمد/Mohamed); a doubled letter;
the same letters once the spellings romanisation systems disagree on are folded ("spelling":
Dzhamal/Jamal, Yousef/Yusef); a few edits ("edit distance n", a swap of neighbours counting
once; none for words of up to four letters, nor for syllables of Chinese or Korean
characters); the same sound ("phonetic", metaphone); a single letter standing for a given
name ("initial", persons only).
Anything below ``CUTOFF`` is no match at all: near-misses do not add up to a hit.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.text.phonetics import metaphone

from .consonants import fits, fold
from .names import Token
from .vocabulary import name_variants, script_tables

CUTOFF = 0.7
VARIANT = 0.95
INITIAL = 0.7
PHONETIC = 0.85
CONSONANTS = (0.0, 0.7, 0.8, 0.9)  # by how many consonants the words share: one, two, three or more
SYLLABIC = frozenset({"han", "hangul"})
_NONE: frozenset[int] = frozenset()
_DOUBLE = re.compile(r"(.)\1+")
SPELLING = 0.92
DOUBLED = 0.92
SWAPPED = 0.75


@lru_cache(maxsize=1)
def variant_groups() -> dict[str, frozenset[int]]:
    """Each spelling with the numbers of the variant groups it belongs to."""
    groups: dict[str, set[int]] = {}
    for number, group in enumerate(name_variants().groups):
        for word in group:
            groups.setdefault(word, set()).add(number)
    return {word: frozenset(found) for word, found in groups.items()}


def edit_budget(longest: int) -> int:
    """Edits allowed between two words of this length: none up to 4 letters (syllables), then 1, 2, 3."""
    return 0 if longest <= 4 else 1 if longest <= 7 else 2 if longest <= 11 else 3


def _vowel_swap(a: str, b: str) -> bool:
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and differ[0][0] in "aeiou" and differ[0][1] in "aeiou"


def _squeeze(text: str) -> str:
    return _DOUBLE.sub(r"\1", text) if len(set(text)) < len(text) else text


@lru_cache(maxsize=1 << 18)
def text_similarity(
    a: str, b: str, initials: bool, syllables: bool = False, pattern: str = "", scripts_differ: bool = False
) -> tuple[float, str]:
    """Similarity (0 or ``CUTOFF``..1) of two romanised words, and the way they agree.

    ``syllables``: a word read from Chinese or Korean characters, where one letter more or
    less is another character altogether, so only the same letters or a listed variant count.
    ``pattern``: the consonant pattern of ``a`` when its script writes no vowels (``b`` is
    then compared by its consonants, see ``consonants``). ``scripts_differ``: one word was
    transliterated, so a folded spelling counts even for a short word (Ксиу/Xiu).
    """
    if a == b:
        return 1.0, "exact"
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if len(a) == 1 or len(b) == 1:
        if initials and fold(a, squeeze=False) == fold(b, squeeze=False):
            return SPELLING, "spelling (transliteration)"  # "U"/"Oo" (Burmese), not an initial
        return (INITIAL, "initial") if initials and a[0] == b[0] else (0.0, "")
    groups = variant_groups()
    if groups.get(a, frozenset()) & groups.get(b, frozenset()):
        return VARIANT, "spelling variant"
    if pattern:
        shared = fits(pattern, b)
        return (CONSONANTS[min(shared, 3)], "consonants") if shared else (0.0, "")
    pinyin = script_tables().pinyin_syllables
    if syllables or (a in pinyin and b in pinyin):
        return 0.0, ""
    shortest = min(len(a), len(b))
    if len(a) != len(b):
        squeezed_a, squeezed_b = _squeeze(a), _squeeze(b)
        if squeezed_a == squeezed_b and (shortest >= 5 or squeezed_a in (a, b)):
            return DOUBLED, "doubled letter"
    folded_a, folded_b = fold(a), fold(b)
    if folded_a == folded_b and shortest >= 4:
        return SPELLING, "spelling (transliteration)"
    if (scripts_differ or initials) and fold(a, squeeze=False) == fold(b, squeeze=False):
        return SPELLING, "spelling (transliteration)"  # a person's short name ("Qi"/"Ki"), not a firm's acronym
    unsqueezed_a, unsqueezed_b = fold(a, squeeze=False), fold(b, squeeze=False)
    if _too_far(a, b) and _too_far(unsqueezed_a, unsqueezed_b):
        return 0.0, ""  # lengths alone rule out an edit or sound match: most pairs end here
    best = _edits(a, b)
    if not best[0] and max(len(a), len(b)) >= 5 and unsqueezed_a != unsqueezed_b:
        best = _edits(unsqueezed_a, unsqueezed_b)
    return best if best[0] >= CUTOFF else (0.0, "")


def _too_far(a: str, b: str) -> bool:
    return abs(len(a) - len(b)) > max(1, edit_budget(max(len(a), len(b))))


def _edits(a: str, b: str) -> tuple[float, str]:
    longest = max(len(a), len(b))
    budget = edit_budget(longest)
    distance = OSA.distance(a, b, score_cutoff=budget + 1)
    best: tuple[float, str] = (0.0, "")
    if distance <= budget:
        best = (1.0 - distance / (longest + 1), f"edit distance {distance}")
    elif longest == len(a) == len(b) and distance == 1 and sorted(a) == sorted(b):
        best = (SWAPPED, "letters swapped")
    elif longest == len(a) == len(b) == 4 and distance == 1 and _vowel_swap(a, b):
        best = (SWAPPED, "one vowel differs")
    if best[0] < PHONETIC and min(len(a), len(b)) >= 5 and a[0] == b[0] and distance <= max(1, longest // 4):
        code = metaphone(a)
        if code and code == metaphone(b):
            best = (PHONETIC, "phonetic")
    return best


def token_similarity(a: Token, b: Token, initials: bool) -> tuple[float, str]:
    """Similarity of two tokens; "exact" becomes "transliteration" across scripts."""
    if a.text == b.text:
        return 1.0, "exact" if a.script == b.script else "transliteration"
    gap = abs(len(a.text) - len(b.text))
    if gap > 3 and not (a.vowel_poor or b.vowel_poor) and min(len(a.text), len(b.text)) > 1:
        groups = variant_groups()  # only a listed variant bridges four letters or more
        if not groups.get(a.text, _NONE) & groups.get(b.text, _NONE):
            return 0.0, ""
    if (a.kind == "patronymic") != (b.kind == "patronymic") and gap > 1:
        return 0.0, ""  # a father's name is not a family name (Ivanovna/Ivanov), however alike
    syllables = a.script in SYLLABIC or b.script in SYLLABIC
    if a.vowel_poor != b.vowel_poor:
        poor, other = (a, b) if a.vowel_poor else (b, a)
        return text_similarity(poor.text, other.text, initials, syllables, poor.consonants)
    return text_similarity(a.text, b.text, initials, syllables, "", a.script != b.script)
