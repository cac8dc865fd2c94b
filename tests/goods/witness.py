"""Build items from a criterion tree: one that meets every criterion, then variants at each boundary.

Used by the boundary tests, so every threshold of every encoded entry is tested
at, above and below its value without writing each item by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from catchall.controls.schema import AllOf, AnyOf, Compare, Criterion, Flag, Member, NoneOf
from catchall.goods.specs import vocabulary
from catchall.units import dimensionality, parse_number, to_base

_BASE = {"[length]": "meter", "[mass]": "kilogram", "[time]": "second", "[current]": "ampere",
         "[temperature]": "kelvin", "[substance]": "mole", "[luminosity]": "candela"}


def si_unit(dims: str) -> str:
    """The SI base-unit expression of a pint dimensionality string."""
    for name, unit in _BASE.items():
        dims = dims.replace(name, unit)
    return dims


def threshold_si(criterion: Compare) -> float:
    """The threshold of a comparison in SI base units (or as a plain number)."""
    spec = vocabulary().keys[criterion.param]
    if spec.kind == "number":
        return parse_number(criterion.value)
    return to_base(criterion.value)[0]


def spec_text(param: str, si: float) -> Any:
    """A spec value for ``param`` holding ``si`` exactly."""
    spec = vocabulary().keys[param]
    if spec.kind == "number":
        return si
    assert spec.dimension is not None
    dims = dimensionality(spec.dimension)
    if dims == "dimensionless":
        return f"{si * 100!r} percent"
    return f"{si!r} {si_unit(dims)}"


@dataclass
class Constraints:
    """Per-parameter requirements gathered from a tree, to choose values that satisfy them all."""

    lower: dict[str, tuple[float, bool]] = field(default_factory=dict)
    upper: dict[str, tuple[float, bool]] = field(default_factory=dict)
    equal: dict[str, float] = field(default_factory=dict)
    terms: dict[str, set[str]] = field(default_factory=dict)
    avoid: dict[str, set[str]] = field(default_factory=dict)
    flags: dict[str, bool] = field(default_factory=dict)
    pick: dict[int, int] = field(default_factory=dict)

    def add(self, criterion: Criterion, positive: bool = True) -> None:
        if isinstance(criterion, AllOf) and not positive:
            # not(all of …) needs only one child false: which one is the caller's choice
            self.add(criterion.all[self.pick.get(id(criterion), 0)], positive)
        elif isinstance(criterion, AllOf):
            for child in criterion.all:
                self.add(child, positive)
        elif isinstance(criterion, AnyOf):
            self.add(criterion.any[0], positive)
        elif isinstance(criterion, NoneOf):
            for child in criterion.none:
                self.add(child, not positive)
        elif isinstance(criterion, Member):
            values = set(criterion.any_of)
            if positive:
                self.terms[criterion.param] = self.terms.get(criterion.param, values) & values
            else:
                self.avoid[criterion.param] = self.avoid.get(criterion.param, set()) | values
        elif isinstance(criterion, Flag):
            self.flags[criterion.param] = criterion.is_ if positive else not criterion.is_
        elif isinstance(criterion, Compare):
            self._compare(criterion, positive)

    def _compare(self, c: Compare, positive: bool) -> None:
        t = threshold_si(c)
        op = c.op if positive else {">=": "<", ">": "<=", "<=": ">", "<": ">=", "==": "!="}[c.op]
        if op in (">=", ">"):
            old = self.lower.get(c.param)
            if old is None or t > old[0]:
                self.lower[c.param] = (t, op == ">=")
        elif op in ("<=", "<"):
            old = self.upper.get(c.param)
            if old is None or t < old[0]:
                self.upper[c.param] = (t, op == "<=")
        elif op == "==":
            self.equal[c.param] = t

    def specs(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for param in set(self.lower) | set(self.upper) | set(self.equal):
            out[param] = spec_text(param, self.value(param))
        for param, values in self.terms.items():
            allowed = sorted(values - self.avoid.get(param, set())) or sorted(values)
            out[param] = [allowed[0]] if vocabulary().keys[param].kind == "terms" else allowed[0]
        for param in self.avoid:
            if param not in out:
                other = "zzz other"
                out[param] = [other] if vocabulary().keys[param].kind == "terms" else other
        out.update(self.flags)
        return out

    def value(self, param: str) -> float:
        if param in self.equal:
            return self.equal[param]
        lo, hi = self.lower.get(param), self.upper.get(param)
        if lo and hi:
            return (lo[0] + hi[0]) / 2
        if lo:
            return lo[0] * 1.5 if lo[0] > 0 else 1.0
        if hi:
            return hi[0] * 0.5 if hi[0] > 0 else -1.0
        return 1.0


def leaves(criterion: Criterion, in_any: bool = False, negated: bool = False) -> list[tuple[Compare, bool, bool]]:
    """Every comparison, with whether it sits under an any-of and under a none-of."""
    if isinstance(criterion, Compare):
        return [(criterion, in_any, negated)]
    if isinstance(criterion, AllOf):
        return [x for c in criterion.all for x in leaves(c, in_any, negated)]
    if isinstance(criterion, AnyOf):
        return [x for c in criterion.any for x in leaves(c, True, negated)]
    if isinstance(criterion, NoneOf):
        return [x for c in criterion.none for x in leaves(c, in_any, not negated)]
    return []


def nudge(value: float, up: bool) -> float:
    """The next representable value a hair above or below."""
    if value == 0:
        return 1e-12 if up else -1e-12
    step = abs(value) * 1e-6
    return value + step if up else value - step


def first_any_branch(criterion: Criterion) -> set[int]:
    """Ids of the comparisons the witness satisfies (first branch of each any-of)."""
    chosen: set[int] = set()

    def walk(c: Criterion) -> None:
        if isinstance(c, Compare):
            chosen.add(id(c))
        elif isinstance(c, AllOf):
            for child in c.all:
                walk(child)
        elif isinstance(c, AnyOf):
            walk(c.any[0])
        elif isinstance(c, NoneOf):
            for child in c.none:
                walk(child)

    walk(criterion)
    return chosen


def negated_groups(criterion: Criterion, negated: bool = False) -> list[AllOf]:
    """Every all-of group that sits under a none-of: each needs one child chosen to be false."""
    out: list[AllOf] = []
    if isinstance(criterion, AllOf):
        if negated:
            out.append(criterion)
        for child in criterion.all:
            out.extend(negated_groups(child, negated))
    elif isinstance(criterion, AnyOf):
        out.extend(negated_groups(criterion.any[0], negated))
    elif isinstance(criterion, NoneOf):
        for child in criterion.none:
            out.extend(negated_groups(child, not negated))
    return out
