"""Spellings folded together: romanisation variants, and the consonants of vowel-less scripts.

``fold`` merges the spellings romanisation systems disagree on (dzh/dj/j, kh/h, ou/u, y/i,
w/v, q/k, doubled letters), so "Dzhamal" meets "Jamal" and "Kompaniya" meets "Company"'s
word lists.

Arabic, Persian and Hebrew spell a name by its consonants and long vowels, so "محمد" holds
no letter for the o and a of "Mohamed". Such a word becomes a consonant pattern (one letter
per written consonant, folded as list compilers romanise: kh/h, sh/s, q/k, p/b, v/w), in
which the letters that may stand for a vowel or a consonant (و: w, v, o, u; ي: y, i, e)
are optional, written in upper case; ف (F) stands for f or v, the letter Arabic writes for
both. A romanised word fits the pattern when its own consonants are exactly the pattern's,
optional letters taken or left: "Mousavi" (m s w) fits موسوی (m W s W Y); "Vladimir"
(w l d m r) fits فلاديمير (F l d Y m Y r); "Tyurin" (t r n) does not fit تهرانی (t h r n Y).
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGRAPHS = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"), ("zh", "z"))
_FOLD = str.maketrans({"q": "k", "c": "k", "p": "b", "x": "ks", "v": "w", **{v: None for v in "aeiouy"}})
_OPTIONAL = str.maketrans({"w": "W", "y": "Y"})
_DOUBLE = re.compile(r"(.)\1+")
_SPELLINGS = {
    "dzh": "j", "dj": "j", "tch": "ch", "sch": "sh", "kh": "h", "ph": "f", "ck": "k", "gh": "g", "ou": "u",
    "oo": "u", "ee": "i", "iy": "i", "w": "v", "q": "k", "x": "ks", "y": "i", "c": "k",
}  # fmt: skip
_SPELLING = re.compile("dzh|dj|tch|sch|kh|ph|ck|gh|ou|oo|ee|iy|w|q|x|y|c(?!h)")


@lru_cache(maxsize=1 << 16)
def fold(text: str, squeeze: bool = True) -> str:
    """A word with the spellings that romanisation systems disagree on folded together (and doubles merged)."""
    text = _SPELLING.sub(lambda found: _SPELLINGS[found.group(0)], text)
    return _DOUBLE.sub(r"\1", text) if squeeze and len(set(text)) < len(text) else text


@lru_cache(maxsize=1 << 16)
def latin_consonants(text: str) -> str:
    """The consonants of a romanised word, digraphs folded, doubles merged: "mousavi" gives "msw"."""
    for digraph, letter in _DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, letter)
    return _DOUBLE.sub(r"\1", text.translate(_FOLD))


def pattern_of_letters(pieces: list[str]) -> str:
    """A consonant pattern from the romanisation of each written letter, taken one letter at a time."""
    out = "".join(piece if piece in ("w", "y") or piece.isupper() else latin_consonants(piece) for piece in pieces)
    return _DOUBLE.sub(r"\1", out.translate(_OPTIONAL).replace("f", "F"))


def pattern_of_text(text: str) -> str:
    """A consonant pattern from an already romanised word of a script without vowels (Hebrew, Thai)."""
    for digraph, letter in _DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, letter)
    kept = "".join(ch for ch in text if ch not in "aeiou").replace("v", "w")
    return _DOUBLE.sub(r"\1", kept.translate(_OPTIONAL))


def base_consonants(text: str) -> str:
    """The consonants of a romanised word without w/v, the part every pattern it fits must require."""
    return _DOUBLE.sub(r"\1", latin_consonants(text).replace("w", ""))


def mandatory(pattern: str) -> list[str]:
    """The letters a fitting word must have (besides w/v): one spelling per reading of each F."""
    found = [""]
    for ch in pattern:
        if ch == "F":
            found = [x + "f" for x in found] + found if len(found) < 8 else [x + "f" for x in found]
        elif ch.islower():
            found = [x + ch for x in found]
    return list(dict.fromkeys(_DOUBLE.sub(r"\1", x) for x in found))


_CLASSES = {"W": "w?", "Y": "y?", "H": "h?", "F": "[fw]"}


@lru_cache(maxsize=1 << 14)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(_CLASSES.get(ch, re.escape(ch)) for ch in pattern))


def fits(pattern: str, romanised: str) -> int:
    """How many consonants a romanised word shares with a pattern it fits exactly; 0 when it does not fit."""
    found = latin_consonants(romanised)
    return len(found) if found and _regex(pattern).fullmatch(found) else 0
