"""The shape of the red-flag rules file and the country lists file, as data.

These models are the first pass: each file on its own. The second pass
(:mod:`catchall.redflags.loader`) compiles every ``when`` condition, resolves
the names it refers to (country lists, word lists, tables, sources) and rejects
duplicate and dangling ids, naming the file and the line of each problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catchall.model.countries import to_alpha2

Severity = Literal["info", "warning", "critical"]
GoodsStatus = Literal["controlled", "possible", "near_miss", "watch"]
_ID = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """A public document a rule or list rests on."""

    title: str
    url: str | None = None
    date: dt.date | None = None


class WordList(_Strict):
    """Words or phrases matched in free text (case-, accent- and punctuation-blind; ``*`` ends a stem)."""

    id: str = Field(pattern=_ID)
    name: str
    description: str | None = None
    source: str | None = None
    words: list[str] = Field(min_length=1)


class EndUseRow(_Strict):
    """End uses that do not fit items of one family of control entries."""

    family: str
    codes: list[str] = Field(min_length=1)
    statuses: list[GoodsStatus] = Field(default=["controlled", "watch", "near_miss", "possible"])
    words: list[str] = Field(min_length=1)
    why: str


class EndUseTable(_Strict):
    """A table of implausible end uses per family of entries, read by ``end_use_inconsistent``."""

    id: str = Field(pattern=_ID)
    name: str
    description: str
    rows: list[EndUseRow] = Field(min_length=1)


class Rule(_Strict):
    """One red-flag indicator: when it fires, how grave it is and where it comes from."""

    id: str = Field(pattern=r"^RF-[A-Z0-9]+(-[A-Z0-9]+)*$")
    name: str
    kind: Literal["red_flag", "destination"] = "red_flag"
    description: str
    source: list[str] = Field(min_length=1)
    source_note: str | None = None
    severity: Severity
    weight: float = Field(ge=0, le=100)
    tags: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    when: dict[str, Any]


class RulesFile(_Strict):
    """``catchall/data/redflags.yaml``."""

    kind: Literal["redflag_rules"]
    version: str
    sources: dict[str, Source]
    word_lists: list[WordList] = Field(default_factory=list)
    end_use_tables: list[EndUseTable] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)


class CountryEntry(_Strict):
    """One country on a list, with the measure that puts it there."""

    code: str
    measure: str
    legal_basis: str
    since: dt.date | None = None
    scope: Literal["country", "targeted"] = "country"
    note: str | None = None

    @field_validator("code")
    @classmethod
    def _alpha2(cls, value: str) -> str:
        if len(value) != 2 or not value.isupper() or to_alpha2(value) != value:
            raise ValueError(f"'{value}' is not an ISO 3166-1 alpha-2 code")
        return value


class CountryList(_Strict):
    """A named list of countries, or the union of other lists."""

    id: str = Field(pattern=_ID)
    name: str
    description: str
    source: str
    as_of: dt.date
    aliases: list[str] = Field(default_factory=list)
    countries: list[CountryEntry] = Field(default_factory=list)
    union: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_kind(self) -> CountryList:
        if bool(self.countries) == bool(self.union):
            raise ValueError("a list has either countries or union (the ids of other lists), not both or neither")
        return self


class CountriesFile(_Strict):
    """``catchall/data/countries.yaml``."""

    kind: Literal["country_lists"]
    version: str
    lists: list[CountryList] = Field(min_length=1)
    word_lists: list[WordList] = Field(default_factory=list)
