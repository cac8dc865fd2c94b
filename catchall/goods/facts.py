"""What is known about an item: stated specs, what its grade implies, and what follows.

Each fact says where it came from (stated, grade, derived, text), so an
explanation can read "572 MPa (7075-T6, typical)". The "capable of" reading of
the control texts is kept apart: a grade's best heat-treated state counts for
a 'capable of' criterion even when a weaker temper is stated (7075-O is capable
of 7075-T6 strength), and a stated value counts when it is higher.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from catchall.goods.specs import Measure, SpecValue, normalise_term
from catchall.units import to_base

STANDARD_GRAVITY = 9.80665  # m/s², to turn density into specific weight (N/m³)


@dataclass(frozen=True, slots=True)
class Fact:
    """One known parameter of an item; quantities are SI floats."""

    value: float | bool | str | tuple[str, ...]
    shown: str
    source: str


@dataclass
class ItemFacts:
    """The facts of one item: as read, and as 'capable of'."""

    values: dict[str, Fact] = field(default_factory=dict)
    capable: dict[str, Fact] = field(default_factory=dict)
    grade: str | None = None
    notes: list[str] = field(default_factory=list)

    def extracted(self) -> dict[str, str]:
        """The facts as shown, for the ``extracted`` field of the output."""
        return {key: fact.shown for key, fact in self.values.items()}


def _from_spec(key: str, value: SpecValue, source: str) -> Fact:
    if isinstance(value, Measure):
        return Fact(value.si, value.text, source)
    if isinstance(value, tuple):
        return Fact(value, ", ".join(value), source)
    if isinstance(value, bool):
        return Fact(value, "yes" if value else "no", source)
    if isinstance(value, float):
        return Fact(value, f"{value:g}", source)
    return Fact(value, value, source)


def _fmt(si: float, unit: str, factor: float) -> str:
    return f"{si / factor:.4g} {unit}"


def build_facts(
    specs: Mapping[str, SpecValue],
    grades: GradeLookup | None,
    *,
    text_specs: Mapping[str, SpecValue] | None = None,
    quotes: Mapping[str, str] | None = None,
    hs_specs: Mapping[str, SpecValue] | None = None,
    hs_label: str = "",
) -> ItemFacts:
    """Facts from parsed specs, then from the description text, then the HS heading, then the grade.

    Explicit specs win over the text; the text's values say which words they came from;
    the HS heading only fills what neither says.
    """
    facts = ItemFacts()
    for key, value in specs.items():
        facts.values[key] = _from_spec(key, value, "stated")
    for key, value in (text_specs or {}).items():
        if key in facts.values:
            continue
        fact = _from_spec(key, value, "text")
        quote = (quotes or {}).get(key)
        shown = f"{fact.shown} (from the text: “{quote}”)" if quote else fact.shown
        facts.values[key] = Fact(fact.value, shown, "text")
    for key, value in (hs_specs or {}).items():
        if key not in facts.values:
            fact = _from_spec(key, value, "hs")
            facts.values[key] = Fact(fact.value, f"{fact.shown} ({hs_label})", "hs")
    grade_fact = facts.values.get("grade")
    grade_text = grade_fact.value if grade_fact else None
    if isinstance(grade_text, str) and grades is not None:
        _apply_grade(facts, grades, grade_text)
    _capable_tensile(facts)
    _derive_specific(facts)
    return facts


class GradeLookup:
    """What the facts need from the grade table (see :mod:`catchall.goods.grades`)."""

    def resolve(self, text: str) -> GradeFacts | None:  # pragma: no cover - interface
        """The grade's properties for a designation as written, or None."""
        raise NotImplementedError


@dataclass(frozen=True)
class GradeFacts:
    """A resolved grade: name, material, stated temper and the properties it implies."""

    name: str
    material: str
    properties: dict[str, tuple[str, str]]  # key -> (quantity text, basis and condition)
    capable_tensile: tuple[str, str] | None  # best state: (quantity, condition)


def _apply_grade(facts: ItemFacts, grades: GradeLookup, text: str) -> None:
    found = grades.resolve(text)
    if found is None:
        facts.notes.append(f"grade '{text}' is not in the grade table; its properties are unknown")
        return
    facts.grade = found.name
    if "material" not in facts.values:
        facts.values["material"] = Fact(normalise_term(found.material), f"{found.material} ({found.name})", "grade")
    for key, (quantity, basis) in found.properties.items():
        if key in facts.values:
            continue
        si, _ = to_base(quantity)
        facts.values[key] = Fact(si, f"{quantity} ({found.name}, {basis})", "grade")
    if found.capable_tensile is not None:
        quantity, condition = found.capable_tensile
        si, _ = to_base(quantity)
        facts.capable["tensile_strength"] = Fact(
            si, f"{quantity} ({condition}: the best state {found.name} is capable of)", "grade"
        )


def _capable_tensile(facts: ItemFacts) -> None:
    """'Capable of': the higher of the stated value and the grade's best state."""
    stated = facts.values.get("tensile_strength")
    best = facts.capable.get("tensile_strength")
    if stated is None or not isinstance(stated.value, float):
        return
    if best is None or not isinstance(best.value, float) or stated.value >= best.value:
        facts.capable["tensile_strength"] = stated


def _derive_specific(facts: ItemFacts) -> None:
    """Specific modulus and specific tensile strength = property / (density × g), in metres."""
    density = facts.values.get("density")
    if density is None or not isinstance(density.value, float) or density.value <= 0:
        return
    weight = density.value * STANDARD_GRAVITY
    for prop, derived in (("tensile_modulus", "specific_modulus"), ("tensile_strength", "specific_tensile_strength")):
        base = facts.values.get(prop)
        if derived in facts.values or base is None or not isinstance(base.value, float):
            continue
        si = base.value / weight
        origins = sorted({_origin(base.shown), _origin(density.shown)} - {""})
        where = f" ({'; '.join(origins)})" if origins else ""
        facts.values[derived] = Fact(
            si, f"{si:.4g} m = {_bare(base.shown)} / ({_bare(density.shown)} × g){where}", "derived"
        )


def _bare(shown: str) -> str:
    return shown.split(" (", 1)[0]


def _origin(shown: str) -> str:
    return shown.split(" (", 1)[1].rstrip(")") if " (" in shown else ""
