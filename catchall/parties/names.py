"""A name as weighted tokens: the unit every comparison and index key is built from.

A name is split into words, each word transliterated to Latin letters (``scripts``), and the
tokens classified with the packaged word lists: organisation forms and titles are ignored,
stop words and particles, generic firm words and very common given names weigh less than
distinctive words. A word from a script without written vowels keeps its consonant pattern
(``consonants``), the form in which "محمد" and "Mohamed" agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .classify import Mode, classify
from .scripts import romanised_tokens, split_words

__all__ = ["Mode", "Token", "analyse", "make_token", "split_words", "weighted"]
IGNORED_WHY = {"org_form": "organisation form", "stop_word": "stop word", "title": "title"}


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """One token of a name: its Latin form, what kind of word it is and what it weighs.

    Tokens are shared (see ``make_token``) and compared by identity, which keeps hashing cheap.
    """

    text: str
    kind: str
    weight: float
    script: str
    vowel_poor: bool
    consonants: str = ""
    inner: bool = False


@lru_cache(maxsize=1 << 18)
def make_token(
    text: str, kind: str, weight: float, script: str, consonants: str | None = None, inner: bool = False
) -> Token:
    """A token; ``consonants``: its pattern if its script writes no vowels; ``inner``: not the first of its word."""
    return Token(text, kind, weight, script, consonants is not None, consonants or "", inner)


@lru_cache(maxsize=1 << 16)
def analyse(name: str, mode: Mode) -> tuple[Token, ...]:
    """The tokens of a name, classified and weighted; ignored words are kept with weight 0."""
    raw = romanised_tokens(name)
    kinds = classify(raw, mode)
    return tuple(
        make_token(text, kind, weight, script, pattern, inner)
        for (text, script, pattern, inner), (kind, weight) in zip(raw, kinds, strict=True)
    )


def weighted(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The tokens that take part in a comparison (weight above zero)."""
    return tuple(token for token in tokens if token.weight > 0)
