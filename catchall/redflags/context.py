"""What red-flag predicates see: the inquiry, earlier findings, the lists, each party and item.

Built once per inquiry, so each item's specs (stated, and read from its
description) are parsed once whatever the number of rules reading them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from catchall.errors import CatchallError
from catchall.goods.extract import extract
from catchall.goods.specs import SpecValue, parse_specs, parse_value
from catchall.model import Finding, Inquiry, Item, Party
from catchall.redflags.conditions import Ref, Registry
from catchall.redflags.countries import CountryLists
from catchall.redflags.schema import EndUseTable
from catchall.screening.goods import item_subject

RULES = Registry("red-flag rules")


@dataclass(frozen=True)
class PartyRef:
    """A party with its place in the inquiry, as findings name it."""

    index: int
    party: Party

    @property
    def subject(self) -> str:
        """How a report names the party."""
        return f"party {self.index + 1} ({self.party.role.value}): {self.party.name}"


@dataclass(frozen=True)
class ItemRef:
    """An item with its subject (the goods engine's) and its parsed specs."""

    index: int
    item: Item
    subject: str
    specs: Mapping[str, SpecValue]


@dataclass(frozen=True)
class RuleContext:
    """Everything a red-flag predicate may read; nothing it may change."""

    inquiry: Inquiry
    findings: Sequence[Finding]
    countries: CountryLists
    words: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, EndUseTable]
    parties: tuple[PartyRef, ...]
    items: tuple[ItemRef, ...]

    def goods(self, subject: str | None = None) -> list[Finding]:
        """The goods findings, all or those about one item."""
        return [f for f in self.findings if f.kind == "goods" and (subject is None or f.subject == subject)]

    def expand(self, words: Sequence[str], word_lists: Sequence[str]) -> list[str]:
        """Inline words plus the words of the named lists."""
        return [*words, *(w for name in word_lists for w in self.words[name])]


def item_specs(item: Item) -> dict[str, SpecValue]:
    """Stated specs over specs read from the description (a text value that does not parse is skipped)."""
    specs: dict[str, SpecValue] = {}
    if item.description:
        context = {k: v for k, v in item.specs.items() if k in ("product", "form")}
        for key, raw in extract(item.description, context).specs.items():
            try:
                specs[key] = parse_value(key, raw)
            except CatchallError:
                continue
    # The inquiry model already refused bad stated specs; a failure here adds nothing.
    with contextlib.suppress(CatchallError):
        specs.update(parse_specs(item.specs))
    return specs


def build_context(
    inquiry: Inquiry,
    findings: Sequence[Finding],
    countries: CountryLists,
    words: Mapping[str, tuple[str, ...]],
    tables: Mapping[str, EndUseTable],
) -> RuleContext:
    """The context for one inquiry."""
    parties = tuple(PartyRef(i, p) for i, p in enumerate(inquiry.parties))
    items = tuple(ItemRef(i, it, item_subject(i, it), item_specs(it)) for i, it in enumerate(inquiry.items))
    return RuleContext(inquiry, tuple(findings), countries, words, tables, parties, items)


class Args(BaseModel):
    """Base of predicate arguments: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(Args):
    """Words to look for: inline, from named word lists, or both."""

    words: list[str] = Field(default_factory=list)
    word_lists: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some(self) -> Words:
        if not self.words and not self.word_lists:
            raise ValueError("give words, word_lists or both")
        return self


def word_refs(arg: Any) -> list[Ref]:
    """The word lists an argument names."""
    return [Ref("word_list", name, ("word_lists", i)) for i, name in enumerate(arg.word_lists)]


def list_ref(arg: Any) -> list[Ref]:
    """The country list an argument names."""
    return [Ref("country_list", str(arg))]
