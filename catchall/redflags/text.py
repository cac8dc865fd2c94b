"""Matching words and names in free text the way an officer reads it.

Case, accents and punctuation do not matter ("Re-packed" finds "re-pack*");
a Latin word matches whole words only ("cash" is not in "cashmere"); a word in
Chinese, Japanese or Korean script matches anywhere, since those scripts do not
put spaces between words. A trailing ``*`` makes a word a stem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_NON_WORD = re.compile(r"[\W_]+")

# Legal-form words that do not tell two company names apart.
_LEGAL_FORMS = frozenset(
    "ltd limited llc co company inc corp corporation gmbh ag sa sas srl spa bv nv sdn bhd pte plc llp "
    "jsc ojsc pjsc ooo fze fzco fzc fz the of and".split()
)


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", stripped).split())


@cache
def _pattern(word: str) -> re.Pattern[str]:
    stem = word.endswith("*")
    tokens = normalise(word.rstrip("*")).split()
    body = r"\s".join(re.escape(token) for token in tokens)
    if _CJK.search(body):
        return re.compile(body)
    return re.compile(r"(?<!\w)" + body + (r"\w*" if stem else "") + r"(?!\w)")


def find_words(words: Iterable[str], text: str | None) -> list[str]:
    """The words (as written in the list) that occur in ``text``."""
    if not text:
        return []
    norm = normalise(text)
    return [word for word in words if normalise(word.rstrip("*")) and _pattern(word).search(norm)]


def name_tokens(name: str) -> frozenset[str]:
    """The distinctive words of a name, legal forms dropped."""
    tokens = frozenset(normalise(name).split())
    return (tokens - _LEGAL_FORMS) or tokens


def same_name(a: str, b: str) -> bool:
    """Two names of the same firm as an inquiry writes them ("X Trading LLC" and "X Trading")."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def same_address(a: str, b: str) -> bool:
    """Equal addresses, or one that contains the other when the shorter is specific (4+ words)."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    short, long = sorted((na, nb), key=len)
    return len(short.split()) >= 4 and f" {short} " in f" {long} "


def same_phone(a: str, b: str) -> bool:
    """The same number whatever the spacing or prefix (+971 4…, 04…): the last 8 or 9 digits agree."""
    da, db = re.sub(r"\D", "", a).lstrip("0"), re.sub(r"\D", "", b).lstrip("0")
    n = min(9, len(da), len(db))
    return n >= 8 and da[-n:] == db[-n:]


def code_matches(code: str, prefixes: Sequence[str]) -> bool:
    """A code covers its sub-items: ``1C202`` covers ``1C202.a``, ``WL-GC-AL`` covers ``WL-GC-AL-415``.

    ``0B001.b.3`` does not cover ``0B001.b.13``: the next character must be a separator.
    """
    return any(code == p or (code.startswith(p) and code[len(p)] in ".-") for p in prefixes)
