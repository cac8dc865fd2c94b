"""The word lists and transliteration tables name matching reads, as checked data.

Four packaged files under ``catchall/data/parties/``: organisation forms (ignored in
comparisons), weighted word classes (stop words, titles, particles, generic firm words,
common names), spelling variants of one name, and transliteration tables. Each has a pydantic
model that refuses unknown keys, so a typo in a data file fails loudly at load time instead
of silently changing who is matched.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from catchall.errors import DataFileError
from catchall.yamlio import load_yaml

DATA_DIR = "parties"
Family = Literal["person", "organisation"]
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OrgForms(_Strict):
    """Groups of spellings of one legal form ("Co., Ltd.", "有限公司")."""

    forms: list[list[str]] = Field(min_length=1)


class WordClass(_Strict):
    """Words that weigh less than a distinctive name word, and why."""

    kind: Literal["stop_word", "title", "particle", "generic", "patronymic", "common_name"]
    applies_to: list[Family] = Field(min_length=1)
    weight: float = Field(ge=0.0, le=1.0)
    why: str
    words: list[str] = Field(default_factory=list)
    suffixes: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some_words(self) -> WordClass:
        if not self.words and not self.suffixes:
            raise ValueError(f"word class {self.kind} lists neither words nor suffixes")
        return self


class NameWords(_Strict):
    """All weighted word classes; a kind may appear once."""

    classes: list[WordClass]

    @model_validator(mode="after")
    def _unique_kinds(self) -> NameWords:
        kinds = [item.kind for item in self.classes]
        if len(kinds) != len(set(kinds)):
            raise ValueError(f"a word class kind is repeated: {kinds}")
        return self


class NameVariants(_Strict):
    """Groups of spellings that are one name ("Mohammad", "Muhammad", "Magomed")."""

    groups: list[list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _ascii_lower(self) -> NameVariants:
        bad = [word for group in self.groups for word in group if word != word.lower() or not word.isascii()]
        if bad:
            raise ValueError(f"variants must be lower-case ASCII: {bad[:5]}")
        return self


class ScriptTables(_Strict):
    """Letter tables for Arabic-script and Hangul transliteration."""

    arabic: dict[str, str]
    arabic_article: str
    arabic_whole_words: dict[str, str]
    hangul_initials: list[str] = Field(min_length=19, max_length=19)
    hangul_medials: list[str] = Field(min_length=21, max_length=21)
    hangul_finals: list[str] = Field(min_length=28, max_length=28)
    hangul_alone: dict[str, str] = Field(default_factory=dict)
    pinyin_syllables: frozenset[str] = Field(default_factory=frozenset)


def _load(name: str, model: type[M]) -> M:
    path = f"catchall/data/{DATA_DIR}/{name}"
    text = resources.files("catchall.data").joinpath(DATA_DIR, name).read_text(encoding="utf-8")
    try:
        return model.model_validate(load_yaml(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise DataFileError(f"invalid name-matching data: {exc}", file=path) from exc


@lru_cache(maxsize=1)
def org_forms() -> OrgForms:
    """The organisation forms of ``org_forms.yaml``."""
    return _load("org_forms.yaml", OrgForms)


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    """The weighted word classes of ``name_words.yaml``."""
    return _load("name_words.yaml", NameWords)


@lru_cache(maxsize=1)
def name_variants() -> NameVariants:
    """The spelling-variant groups of ``name_variants.yaml``."""
    return _load("name_variants.yaml", NameVariants)


@lru_cache(maxsize=1)
def script_tables() -> ScriptTables:
    """The transliteration tables of ``scripts.yaml``."""
    return _load("scripts.yaml", ScriptTables)
