"""Splitting a name into words and transliterating each, in any script, to the letters lists use.

A procurement agent's name reaches a screening desk in whatever script the inquiry was
written in, while most list entries are romanised. Each word is turned into lower-case
ASCII: Chinese through pypinyin (phrase-aware, so 长安 is "chang an"), Hangul syllable by
syllable in the style of the DPRK list entries ("김정은" is "kim jong un"), Arabic and
Persian letter by letter to consonants, everything else through rigour/ICU. The result
also says which script the word came from and whether that script leaves vowels unwritten,
so the comparison can fall back on consonants for those.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin
from rigour.text.translit import ascii_text

from .consonants import pattern_of_letters, pattern_of_text
from .vocabulary import script_tables

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_VOWEL_POOR = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0700-\u074f\u0e00-\u0e7f]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
CJK = frozenset({"han", "hangul", "hiragana", "katakana"})
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670\u0640]")
_ASCII_SPLIT = re.compile(r"[^a-z0-9]+")
_QUOTES = re.compile(r"['‘’`ʼʻ´\"“”]")
_DOTTED = re.compile(r"(?<![^\W\d_])((?:[^\W\d_]\.){2,})")


@dataclass(frozen=True, slots=True)
class Romanised:
    """One written word as Latin tokens (several for a Chinese or Korean run)."""

    tokens: tuple[str, ...]
    script: str
    vowel_poor: bool
    patterns: tuple[str, ...] = ()


def script_of(word: str) -> str:
    """The script a word is written in, by its first letter outside ASCII ("latin" if none)."""
    for char in word:
        if char.isascii() or not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if "CJK" in name:
            return "han"
        return name.split(" ", 1)[0].lower() or "other"
    return "latin"


def _hangul(word: str) -> list[str]:
    tables = script_tables()
    out: list[str] = []
    for char in word:
        code = ord(char) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            medial, final = divmod(rest, 28)
            syllable = tables.hangul_initials[initial] + tables.hangul_medials[medial] + tables.hangul_finals[final]
            out.append(tables.hangul_alone.get(syllable, syllable))
        else:
            out.extend(_NOT_ALNUM.split(ascii_text(char).lower()))
    return out


def _arabic_word(word: str) -> list[tuple[str, str]]:
    """Latin token and consonant pattern for each part of an Arabic-script word (article split off)."""
    tables = script_tables()
    if word in tables.arabic_whole_words:
        latin = tables.arabic_whole_words[word]
        return [(latin, pattern_of_text(latin)[:-1] + "H")]
    prefix: list[tuple[str, str]] = []
    article = tables.arabic_article
    if word.startswith(article) and len(word) > len(article) + 2:
        prefix, word = [("al", "l")], word[len(article) :]
    pieces = [tables.arabic.get(char, char) for char in word]
    pieces = [piece if piece.isascii() else ascii_text(piece).lower() for piece in pieces]
    latin = "".join(pieces)
    if word.endswith(("ه", "ۀ")) and len(pieces) > 1:
        pieces[-1] = "H"
    return [*prefix, (latin, pattern_of_letters(pieces))]


@lru_cache(maxsize=1 << 16)
def romanise(word: str) -> Romanised:
    """A word (no spaces) as lower-case ASCII tokens, with its script."""
    if word.isascii():
        return Romanised(tuple(t for t in _NOT_ALNUM.split(word.lower()) if t), "latin", False)
    script = script_of(word)
    vowel_poor = bool(_VOWEL_POOR.search(word))
    if _HAN.search(word):
        parts: list[str] = []
        for piece in re.split(f"({_HAN.pattern})", word):
            parts.extend(lazy_pinyin(piece) if _HAN.fullmatch(piece) else [ascii_text(piece)])
    elif _HANGUL.search(word):
        parts = _hangul(word)
    elif _ARABIC.search(word):
        found = [(t, p) for t, p in _arabic_word(_HARAKAT.sub("", word)) if _NOT_ALNUM.sub("", t)]
        return Romanised(tuple(_NOT_ALNUM.sub("", t) for t, _ in found), script, True, tuple(p for _, p in found))
    else:
        parts = [ascii_text(word)]
    tokens = tuple(t for part in parts for t in _NOT_ALNUM.split(part.lower()) if t)
    patterns = tuple(pattern_of_text(t) for t in tokens) if vowel_poor else ()
    return Romanised(tokens, script, vowel_poor, patterns)


def split_words(name: str) -> list[str]:
    """The written words of a name: punctuation and spaces separate, apostrophes join."""
    text = name.lower() if name.isascii() else unicodedata.normalize("NFKC", name).casefold()
    if not text.isalnum() and _QUOTES.search(text):
        text = _QUOTES.sub("", text)
    if "." in text:
        text = _DOTTED.sub(lambda m: m.group(1).replace(".", ""), text)
    if text.isascii():
        return [word for word in _ASCII_SPLIT.split(text) if word]
    spaced = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return spaced.split()


Raw = tuple[str, str, str | None, bool]


def romanised_tokens(name: str) -> list[Raw]:
    """Each Latin token of a name, with its script, consonant pattern and place in its written word.

    The pattern is set when the script leaves vowels unwritten; the flag when the token continues
    a written word (the 平 of 近平), so that only such syllables are joined in comparisons.
    """
    if name.isascii():
        return [(word, "latin", None, False) for word in split_words(name)]
    out: list[Raw] = []
    for word in split_words(name):
        found = romanise(word)
        patterns = found.patterns if found.vowel_poor else (None,) * len(found.tokens)
        for number, (token, pattern) in enumerate(zip(found.tokens, patterns, strict=True)):
            out.append((token, found.script, pattern, number > 0))
    return out
