"""The shape of a control list, as data.

A control list file is YAML validated by these models. Criteria are a small
tree: comparisons of one parameter with a threshold, set membership, booleans,
and all/any/none groups. The classifier in :mod:`catchall.goods` evaluates the
tree; nothing here knows about items.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

Op = Literal[">=", ">", "<=", "<", "=="]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Compare(_Strict):
    """``param op value``: a threshold taken from the legal text.

    ``value`` is a quantity string parsed with pint ("460 MPa", "75 mm",
    "12.7e6 m", "0.2 %"); a plain number for dimensionless counts ("3").
    ``capable_of`` reads the parameter as the best state the grade reaches.
    """

    param: str
    op: Op
    value: str
    capable_of: bool = False
    text: str | None = None  # the words of the legal text this criterion encodes


class Member(_Strict):
    """``param in {…}``: the item's value (or one of its values) is in the set."""

    param: str
    any_of: list[str] = Field(alias="in")
    text: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Flag(_Strict):
    """``param is true|false``: a yes/no property (bellows_sealed, numerical_control)."""

    param: str
    is_: bool = Field(alias="is")
    text: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AllOf(_Strict):
    """Every child holds ("having all of the following")."""

    all: list[Criterion]
    text: str | None = None


class AnyOf(_Strict):
    """At least one child holds ("any of the following")."""

    any: list[Criterion]
    text: str | None = None


class NoneOf(_Strict):
    """No child holds (a "does not control" note written as a criterion)."""

    none: list[Criterion]
    text: str | None = None


Criterion = Annotated[Union[Compare, Member, Flag, AllOf, AnyOf, NoneOf], Field(union_mode="left_to_right")]

AllOf.model_rebuild()
AnyOf.model_rebuild()
NoneOf.model_rebuild()


class Source(_Strict):
    """Where a list's text comes from, precisely enough to cite."""

    title: str
    version: str
    url: str | None = None
    note: str | None = None


class Entry(_Strict):
    """One control entry, or one sub-item of an entry, down to the deepest paragraph.

    ``scope`` says what kind of item the entry is about (material, product,
    form); an item outside the scope is not reported at all. ``criteria`` are the
    technical parameters that decide control once the item is in scope. An
    entry with neither is text-only: it classifies as ``possible`` from its
    ``keywords``.
    """

    code: str
    title: str
    text: str
    parent: str | None = None
    nsg: str | None = None
    eccn: str | None = None
    aliases: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    scope: Criterion | None = None
    criteria: Criterion | None = None
    excludes: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    nsg_verified: bool = False


class ControlList(_Strict):
    """A control list file: its identity and its entries."""

    kind: Literal["control_list"] = "control_list"
    regime: str
    name: str
    source: Source
    entries: list[Entry]

    @model_validator(mode="after")
    def _unique_codes(self) -> ControlList:
        seen: set[str] = set()
        for entry in self.entries:
            if entry.code in seen:
                raise ValueError(f"duplicate entry code {entry.code}")
            seen.add(entry.code)
        return self


class WatchEntry(_Strict):
    """A watch-list overlay entry: reaches below a control entry's thresholds."""

    code: str
    title: str
    text: str
    references: list[str]
    scope: Criterion | None = None
    criteria: Criterion
    notes: list[str] = Field(default_factory=list)


class WatchList(_Strict):
    """A watch list: named, owned and versioned, overlaying control entries."""

    kind: Literal["watch_list"] = "watch_list"
    name: str
    owner: str
    version: str
    source: Source
    entries: list[WatchEntry]
