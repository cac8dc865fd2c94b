"""Criteria, compiled once and evaluated per item, explaining every step.

A control entry's criteria are a tree (see :mod:`catchall.controls.schema`).
Compiling turns thresholds into SI floats and checks each parameter against the
spec vocabulary, so a data error shows when the list loads, not mid-screening.
Evaluation is three-valued: met, failed, or unknown (the item does not say),
and it also answers "would it be met if every near miss counted?" so the
classifier can tell a near miss from a plain miss.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from catchall.controls.schema import AllOf, AnyOf, Compare, Criterion, Flag, Member, NoneOf
from catchall.errors import DataFileError
from catchall.goods.facts import Fact
from catchall.goods.specs import normalise_term, vocabulary
from catchall.units import dimensionality, equal_or_more, nearly_equal, parse_number, to_base

Tri = bool | None

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": equal_or_more,
    ">": lambda a, b: a > b and not nearly_equal(a, b),
    "<=": lambda a, b: equal_or_more(b, a),
    "<": lambda a, b: a < b and not nearly_equal(a, b),
    "==": nearly_equal,
}


@dataclass(frozen=True, slots=True)
class Line:
    """One criterion as applied to one item: the explanation an official reads."""

    criterion: str
    value: str | None
    met: Tri
    source: str | None = None
    text: str | None = None
    near: bool = False

    def as_dict(self) -> dict[str, object]:
        """The contract shape: criterion, value, met, plus where the value came from."""
        out: dict[str, object] = {"criterion": self.criterion, "value": self.value, "met": self.met}
        if self.source:
            out["source"] = self.source
        if self.text:
            out["text"] = self.text
        if self.near:
            out["near_miss"] = True
        return out


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of a (sub)tree: strictly, leniently (near misses met), and why."""

    met: Tri
    lenient: Tri
    lines: tuple[Line, ...]
    missing: tuple[str, ...] = ()
    any_met: bool = False


Facts = Mapping[str, Fact]
Verdict = tuple[Tri, Tri, bool]  # met, met counting near misses, some leaf met


@dataclass(frozen=True)
class Node:
    """A compiled criterion."""

    def explain(self, facts: Facts, capable: Facts, margin: float, lines: list[Line], missing: list[str]) -> Verdict:
        """The verdict, appending one explanation line per leaf and the parameters not stated."""
        raise NotImplementedError

    def check(self, facts: Facts, capable: Facts, margin: float) -> Verdict:
        """The verdict without the explanation: the hot path."""
        raise NotImplementedError

    def evaluate(self, facts: Facts, capable: Facts, margin: float) -> Outcome:
        """The verdict with its explanation."""
        lines: list[Line] = []
        missing: list[str] = []
        met, lenient, any_met = self.explain(facts, capable, margin, lines, missing)
        return Outcome(met, lenient, tuple(lines), tuple(dict.fromkeys(missing)), any_met)


@dataclass(frozen=True)
class CompareNode(Node):
    """``param op threshold`` with the threshold in SI base units."""

    param: str
    op: str
    threshold: float
    shown: str
    capable_of: bool
    text: str | None
    unit: str = ""
    unit_si: float = 1.0
    counted: bool = False  # a whole-number count (axes, rollers, phases): no near miss, a count is exact

    @cached_property
    def label(self) -> str:
        """The criterion as the explanation names it."""
        return f"{self.param} {self.op} {self.shown}"

    def _shown(self, fact: Fact) -> str:
        """The value as stated, and in the threshold's unit when that differs."""
        same_unit = fact.shown.split("(")[0].strip().endswith(self.unit)
        if not isinstance(fact.value, float) or not self.unit or fact.source == "derived" or same_unit:
            return fact.shown
        return f"{fact.shown} = {fact.value / self.unit_si:.6g} {self.unit}"

    def _fact(self, facts: Facts, capable: Facts) -> tuple[Fact, float] | None:
        fact = (capable.get(self.param) if self.capable_of else None) or facts.get(self.param)
        return (fact, fact.value) if fact is not None and isinstance(fact.value, float) else None

    def _judge(self, value: float, margin: float) -> tuple[bool, bool]:
        """(met, near miss): a miss within ``margin`` of the threshold is near."""
        met = _OPS[self.op](value, self.threshold)
        if met or margin <= 0 or (self.counted and value.is_integer()):
            return met, False
        if self.op in (">=", ">"):
            return False, value >= self.threshold * (1 - margin)
        if self.op in ("<=", "<"):
            return False, value <= self.threshold * (1 + margin)
        return False, False

    def explain(self, facts: Facts, capable: Facts, margin: float, lines: list[Line], missing: list[str]) -> Verdict:
        """Compare the item's value, noting whether a miss was within ``margin``."""
        found = self._fact(facts, capable)
        if found is None:
            lines.append(Line(self.label, None, None, None, self.text))
            missing.append(self.param)
            return None, None, False
        fact, value = found
        met, near = self._judge(value, margin)
        lines.append(Line(self.label, self._shown(fact), met, fact.source, self.text, near))
        return met, met or near, met

    def check(self, facts: Facts, capable: Facts, margin: float) -> Verdict:
        """Compare without building the explanation."""
        found = self._fact(facts, capable)
        if found is None:
            return None, None, False
        met, near = self._judge(found[1], margin)
        return met, met or near, met


@dataclass(frozen=True)
class MemberNode(Node):
    """``param in {…}``; a list-valued parameter needs every value in the set."""

    param: str
    values: frozenset[str]
    text: str | None

    @cached_property
    def label(self) -> str:
        """The criterion as the explanation names it."""
        return f"{self.param} in {{{', '.join(sorted(self.values))}}}"

    def _met(self, value: object) -> bool:
        if isinstance(value, str):
            return value in self.values
        return isinstance(value, tuple) and bool(value) and all(term in self.values for term in value)

    def explain(self, facts: Facts, capable: Facts, margin: float, lines: list[Line], missing: list[str]) -> Verdict:
        """Check membership of the item's term(s)."""
        fact = facts.get(self.param)
        if fact is None:
            lines.append(Line(self.label, None, None, None, self.text))
            missing.append(self.param)
            return None, None, False
        met = self._met(fact.value)
        lines.append(Line(self.label, fact.shown, met, fact.source, self.text))
        return met, met, met

    def check(self, facts: Facts, capable: Facts, margin: float) -> Verdict:
        """Membership without building the explanation."""
        fact = facts.get(self.param)
        if fact is None:
            return None, None, False
        met = self._met(fact.value)
        return met, met, met


@dataclass(frozen=True)
class FlagNode(Node):
    """``param is true|false``."""

    param: str
    expected: bool
    text: str | None

    @cached_property
    def label(self) -> str:
        """The criterion as the explanation names it."""
        return f"{self.param} is {str(self.expected).lower()}"

    def explain(self, facts: Facts, capable: Facts, margin: float, lines: list[Line], missing: list[str]) -> Verdict:
        """Check a yes/no property."""
        fact = facts.get(self.param)
        if fact is None or not isinstance(fact.value, bool):
            lines.append(Line(self.label, None, None, None, self.text))
            missing.append(self.param)
            return None, None, False
        met = fact.value is self.expected
        lines.append(Line(self.label, fact.shown, met, fact.source, self.text))
        return met, met, met

    def check(self, facts: Facts, capable: Facts, margin: float) -> Verdict:
        """The flag without building the explanation."""
        fact = facts.get(self.param)
        if fact is None or not isinstance(fact.value, bool):
            return None, None, False
        met = fact.value is self.expected
        return met, met, met


def _all(values: list[Tri]) -> Tri:
    return False if False in values else (None if None in values else True)


def _any(values: list[Tri]) -> Tri:
    return True if True in values else (None if None in values else False)


def _none(values: list[Tri]) -> Tri:
    return False if True in values else (None if None in values else True)


def _negate(value: Tri) -> Tri:
    return None if value is None else not value


@dataclass(frozen=True)
class GroupNode(Node):
    """all / any / none of the children."""

    kind: str
    children: tuple[Node, ...]

    def explain(self, facts: Facts, capable: Facts, margin: float, lines: list[Line], missing: list[str]) -> Verdict:
        """Explain every child, then combine three-valuedly."""
        if self.kind == "none":
            inner: list[Line] = []
            met = _none([child.explain(facts, capable, margin, inner, missing)[0] for child in self.children])
            lines.extend(
                Line(f"not ({line.criterion})", line.value, _negate(line.met), line.source, line.text) for line in inner
            )
            return met, met, met is True
        verdicts = [child.explain(facts, capable, margin, lines, missing) for child in self.children]
        pick = _all if self.kind == "all" else _any
        return pick([v[0] for v in verdicts]), pick([v[1] for v in verdicts]), any(v[2] for v in verdicts)

    def check(self, facts: Facts, capable: Facts, margin: float) -> Verdict:
        """Combine the children's verdicts without explanations, stopping as soon as it is settled."""
        if self.kind == "none":
            met: Tri = True
            for child in self.children:
                child_met = child.check(facts, capable, margin)[0]
                if child_met is True:
                    return False, False, False
                if child_met is None:
                    met = None
            return met, met, met is True
        all_of = self.kind == "all"
        lenient: Tri
        met, lenient, any_met = (True, True, False) if all_of else (False, False, False)
        for child in self.children:
            c_met, c_lenient, c_any = child.check(facts, capable, margin)
            any_met = any_met or c_any
            if all_of:
                if c_lenient is False:
                    return False, False, any_met
                if c_met is False:
                    met = False
                elif c_met is None and met is True:
                    met = None
                if c_lenient is None:
                    lenient = None
            else:
                if c_met is True:
                    return True, True, True
                if c_met is None:
                    met = None
                if c_lenient is True:
                    lenient = True
                elif c_lenient is None and lenient is False:
                    lenient = None
        return met, lenient, any_met


@dataclass
class Compiler:
    """Compiles criteria, collecting the anchors (material, product) used to index entries."""

    where: str
    anchors: dict[str, frozenset[str]] = field(default_factory=dict)

    def compile(self, criterion: Criterion, *, top: bool = True) -> Node:
        """Compile a criterion tree; ``top`` marks the conjunctive spine that anchors may come from."""
        if isinstance(criterion, Compare):
            return self._compare(criterion)
        if isinstance(criterion, Member):
            values = frozenset(normalise_term(v) for v in criterion.any_of)
            self._check_param(criterion.param, ("term", "terms"))
            if top and criterion.param in ("material", "product"):
                self.anchors[criterion.param] = values
            return MemberNode(criterion.param, values, criterion.text)
        if isinstance(criterion, Flag):
            self._check_param(criterion.param, ("flag",))
            return FlagNode(criterion.param, criterion.is_, criterion.text)
        if isinstance(criterion, AllOf):
            return GroupNode("all", tuple(self.compile(c, top=top) for c in criterion.all))
        if isinstance(criterion, AnyOf):
            return GroupNode("any", tuple(self.compile(c, top=False) for c in criterion.any))
        if isinstance(criterion, NoneOf):
            return GroupNode("none", tuple(self.compile(c, top=False) for c in criterion.none))
        raise DataFileError(f"{self.where}: unknown criterion {criterion!r}")

    def _check_param(self, param: str, kinds: tuple[str, ...]) -> str | None:
        spec = vocabulary().keys.get(param)
        if spec is None:
            raise DataFileError(f"{self.where}: criterion on unknown parameter '{param}'")
        if spec.kind not in kinds:
            raise DataFileError(f"{self.where}: '{param}' is a {spec.kind}, not usable here")
        return spec.dimension

    def _compare(self, criterion: Compare) -> CompareNode:
        dimension = self._check_param(criterion.param, ("quantity", "number"))
        if dimension is None:
            threshold = parse_number(criterion.value, field=f"{self.where} {criterion.param}")
        else:
            threshold, dims = to_base(criterion.value, field=f"{self.where} {criterion.param}")
            if dims != dimensionality(dimension):
                raise DataFileError(
                    f"{self.where}: threshold '{criterion.value}' does not fit {criterion.param} ({dimension})"
                )
        number, _, unit = criterion.value.strip().partition(" ")
        try:
            unit_si = threshold / float(number) if unit and float(number) else 1.0
        except ValueError:
            unit, unit_si = "", 1.0
        counted = dimension is None and float(threshold).is_integer()
        return CompareNode(
            criterion.param, criterion.op, threshold, criterion.value, criterion.capable_of, criterion.text,
            unit.strip(), unit_si, counted,
        )


def evaluate(node: Node | None, facts: Facts, capable: Facts, margin: float) -> Outcome | None:
    """Evaluate an optional compiled criterion."""
    return None if node is None else node.evaluate(facts, capable, margin)


