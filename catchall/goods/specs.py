"""The item specs vocabulary and its parser.

Every key an item may state is declared in ``catchall/data/specs.yaml`` with its
kind and, for quantities, its pint dimension. Parsing refuses unknown keys,
missing units and wrong dimensions with an error that names the key, so a typo
never turns into a silent miss.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from catchall.errors import DataFileError, InputError, UnitError
from catchall.units import describe_dimension, dimensionality, parse_number, to_base
from catchall.yamlio import load_yaml

SpecKind = Literal["quantity", "number", "flag", "term", "terms", "text"]


@dataclass(frozen=True, slots=True)
class Measure:
    """A stated quantity: its value in SI base units, its dimensionality and the words it came from."""

    si: float
    dims: str
    text: str


SpecValue = Measure | float | bool | str | tuple[str, ...]


class SpecKey(BaseModel):
    """One key of the vocabulary: what it holds and what it means."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: SpecKind
    dimension: str | None = None
    description: str


class SpecVocabulary(BaseModel):
    """The whole vocabulary file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["spec_vocabulary"]
    keys: dict[str, SpecKey]


@cache
def vocabulary() -> SpecVocabulary:
    """The packaged spec vocabulary, loaded once."""
    text = resources.files("catchall.data").joinpath("specs.yaml").read_text(encoding="utf-8")
    try:
        return SpecVocabulary.model_validate(load_yaml(text))
    except ValidationError as exc:
        raise DataFileError(str(exc), file="catchall/data/specs.yaml") from None


def normalise_term(value: str) -> str:
    """Terms compare case- and separator-insensitively ("Aluminum alloy" = "aluminium_alloy")."""
    text = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    return text.replace("aluminum", "aluminium").replace("fiber", "fibre")


_TRUE = {"true", "yes", "y", "1", "是"}
_FALSE = {"false", "no", "n", "0", "否"}


def parse_value(key: str, raw: object, *, field: str | None = None) -> SpecValue:
    """Parse one spec value according to its declared kind."""
    spec = vocabulary().keys.get(key)
    where = field or f"specs.{key}"
    if spec is None:
        known = sorted(vocabulary().keys)
        raise InputError(f"unknown spec key '{key}'", field=where, value=key, allowed=known)
    if spec.kind == "quantity":
        if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
            raise UnitError(f"expected a quantity with a unit, got {type(raw).__name__}", field=where)
        if not isinstance(raw, str):
            raise UnitError(f"'{raw}' has no unit; write it with one, e.g. '{raw} mm'", field=where, value=raw)
        si, dims = to_base(raw, field=where)
        if spec.dimension and dims != dimensionality(spec.dimension):
            raise UnitError(
                f"'{raw}' is not {describe_dimension(spec.dimension)}, which {key} must be", field=where, value=raw
            )
        if si < 0 and spec.dimension != "[temperature]":
            raise InputError(f"'{raw}' is negative; a size or rating cannot be", field=where, value=raw)
        return Measure(si, dims, raw.strip())
    if spec.kind == "number":
        if not isinstance(raw, (str, int, float)):
            raise InputError(f"expected a number, got {type(raw).__name__}", field=where)
        number = parse_number(raw, field=where)
        if number < 0:
            raise InputError(f"'{raw}' is negative", field=where, value=raw)
        return number
    if spec.kind == "flag":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in _TRUE | _FALSE:
            return raw.strip().lower() in _TRUE
        raise InputError(f"expected true or false, got '{raw}'", field=where, value=raw)
    if spec.kind == "terms":
        items = raw if isinstance(raw, list) else str(raw).split(",")
        if not all(isinstance(item, str) for item in items):
            raise InputError("expected a list of words", field=where, value=raw)
        return tuple(normalise_term(item) for item in items if item.strip())
    if not isinstance(raw, str) or not raw.strip():
        raise InputError(f"expected text, got {raw!r}", field=where, value=raw)
    return normalise_term(raw) if spec.kind == "term" else raw.strip()


def parse_specs(raw: Mapping[str, object], *, prefix: str = "specs") -> dict[str, SpecValue]:
    """Parse a whole ``specs`` mapping; the first bad key raises, naming it."""
    return {key: parse_value(key, value, field=f"{prefix}.{key}") for key, value in raw.items()}
