"""Material grades: what a named grade reaches, with a source for every number.

Control texts speak of materials "capable of" a property (1C202.a, 1C216,
1C010/1C210). An inquiry often names only a grade ("7075-T6", "LC4",
"T700SC-12K"), so the classifier fills in what the item does not state from the
packaged table ``catchall/data/grades.yaml`` and cites it: "572 MPa (7075-T6,
typical)". Each metal grade lists its tempers and the one it is capable of (its
strongest heat-treated or strain-hardened state), so 7075-O reads as capable of
the T6 strength.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError, model_validator

from catchall.errors import CatchallError, DataFileError
from catchall.goods.facts import GradeFacts, GradeLookup
from catchall.units import dimensionality, to_base
from catchall.yamlio import load_yaml

Material = Literal[
    "aluminium alloy",
    "titanium alloy",
    "maraging steel",
    "stainless steel",
    "nickel alloy",
    "carbon fibre",
    "glass fibre",
    "aramid fibre",
]
Basis = Literal["typical", "minimum", "nominal"]

GRADES_FILE = "catchall/data/grades.yaml"
PROPERTY_DIMENSIONS: dict[str, str] = {
    "tensile_strength": "[pressure]",
    "yield_strength": "[pressure]",
    "tensile_modulus": "[pressure]",
    "density": "[mass] / [length] ** 3",
    "elongation": "[]",
    "nickel_content": "[]",
    "filament_diameter": "[length]",
    "melting_point": "[temperature]",
}
FIBRES: frozenset[str] = frozenset({"carbon fibre", "glass fibre", "aramid fibre"})
STANDARD_GRAVITY = 9.80665  # m/s², the g of "specific weight" in 1C010 Technical Note

# Words written before a designation that name no grade ("Al 7075", "AISI 304", "Toray T700S").
_NOISE = (
    "aluminium", "aluminum", "alloy", "alu", "al", "aa", "enaw", "en", "aw", "uns", "astm", "aisi", "din",
    "wnr", "werkstoff", "sus", "ss", "type", "stainless", "steel", "titanium", "ti", "cp", "commercially",
    "pure", "grade", "gr", "maraging", "vascomax", "carbon", "fibre", "fiber", "cf", "toray", "torayca",
    "hexcel", "hextow", "zhongfu", "shenying", "dupont", "teijin",
)  # fmt: skip
_CODE = re.compile(r"([TH]\d+|W\d*|O|F)(?![A-Za-z0-9])", re.IGNORECASE)  # aluminium temper codes
_TOW = re.compile(r"\d+(\.\d+)?K(?![A-Za-z])", re.IGNORECASE)  # "12K", "24K": filament count
_SEPARATORS = re.compile(r"^[^A-Za-z0-9]*")


def normalise(text: str) -> str:
    """The comparison key of a designation: ASCII letters and digits only, lower case."""
    return _normalise_positions(text)[0]


def _normalise_positions(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, for each kept character, its index in ``text``."""
    kept = [(i, c.lower()) for i, c in enumerate(text) if c.isascii() and c.isalnum()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _is_code(temper: str) -> bool:
    return _CODE.fullmatch(temper) is not None


def _base(value: str, dimension: str, what: str) -> float:
    """Magnitude in SI base units; a ValueError naming ``what`` when unreadable or of the wrong kind."""
    try:
        magnitude, dims = to_base(value)
    except CatchallError as exc:
        raise ValueError(f"{what}: {exc.one_line()}") from None
    if dims != dimensionality(dimension):
        raise ValueError(f"{what}: '{value}' is {dims}, expected {dimension}")
    return magnitude


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Property(_Strict):
    """One property value, the state that reaches it, and where the number comes from."""

    value: str
    basis: Basis
    condition: str
    source: str
    note: str | None = None

    def magnitude(self, unit: str) -> float:
        """The value in ``unit`` ("MPa", "g/cm**3", "%"), for comparisons and display."""
        value, dims = to_base(self.value)
        one, unit_dims = to_base(f"1 {unit}")
        if dims != unit_dims:
            raise ValueError(f"cannot express '{self.value}' in {unit}")
        return value / one


class Temper(_Strict):
    """Tensile strength in one temper or condition ("T6", "aged", "annealed")."""

    value: str
    basis: Basis
    source: str
    note: str | None = None


class Grade(_Strict):
    """One grade: its names, its tempers and what it is capable of, and its other properties."""

    designation: str
    aliases: tuple[str, ...] = ()
    material: Material
    standard: str
    tempers: dict[str, Temper] = {}
    capable_of: str | None = None
    properties: dict[str, Property] = {}
    notes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Grade:
        name = self.designation
        for key, prop in self.properties.items():
            if key not in PROPERTY_DIMENSIONS:
                raise ValueError(f"grade {name}: unknown property '{key}' (known: {', '.join(PROPERTY_DIMENSIONS)})")
            _base(prop.value, PROPERTY_DIMENSIONS[key], f"grade {name}: properties.{key}")
        strengths = {t: _base(v.value, "[pressure]", f"grade {name}: tempers.{t}") for t, v in self.tempers.items()}
        if strengths:
            if "tensile_strength" in self.properties:
                raise ValueError(f"grade {name}: give tensile_strength per temper, not also in properties")
            if self.capable_of not in strengths:
                raise ValueError(f"grade {name}: capable_of must name one of its tempers {sorted(strengths)}")
            stronger = [t for t, v in strengths.items() if v > strengths[self.capable_of]]
            if stronger:
                raise ValueError(f"grade {name}: capable_of {self.capable_of} is weaker than {', '.join(stronger)}")
        elif self.capable_of is not None or "tensile_strength" not in self.properties:
            raise ValueError(f"grade {name}: without tempers, give properties.tensile_strength and no capable_of")
        return self

    def temper_property(self, temper: str) -> Property | None:
        """Tensile strength in ``temper`` as a citable property, or None when not tabulated."""
        entry = self.tempers.get(temper)
        if entry is None:
            return None
        return Property(value=entry.value, basis=entry.basis, condition=temper, source=entry.source, note=entry.note)

    @property
    def capable_tensile_strength(self) -> Property:
        """The best tensile strength the grade reaches: its capable_of temper, or the fibre's value."""
        if self.capable_of is not None:
            best = self.temper_property(self.capable_of)
            if best is not None:
                return best
        return self.properties["tensile_strength"]

    def label(self, condition: str | None = None) -> str:
        """How an explanation names the grade in a condition: "7075-T6", "18Ni(350), aged", "T700S"."""
        if not condition or condition not in self.tempers:
            return self.designation
        return f"{self.designation}-{condition}" if _is_code(condition) else f"{self.designation}, {condition}"


class Family(_Strict):
    """Grades of one material, written together; each grade inherits the family's material."""

    name: str
    material: Material
    grades: tuple[Grade, ...]

    @model_validator(mode="before")
    @classmethod
    def _inherit_material(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("grades"), list):
            grades = [{"material": data.get("material"), **g} if isinstance(g, dict) else g for g in data["grades"]]
            return {**data, "grades": grades}
        return data


class GradeMatch(_Strict):
    """A designation found in an inquiry: the grade, the temper it states, and what it is capable of."""

    text: str
    grade: Grade
    matched: str  # the designation or alias that matched, as written in the table
    temper: str | None = None  # table key ("T6" for "T651") or the temper as read when not tabulated
    temper_text: str | None = None  # the temper as written ("T651", "CS")

    @property
    def stated_tensile_strength(self) -> Property | None:
        """Tensile strength of the stated temper, when the inquiry states one the table knows."""
        return self.grade.temper_property(self.temper) if self.temper else None

    @property
    def capable_tensile_strength(self) -> Property:
        """The best tensile strength the grade reaches, whatever temper is stated ("capable of")."""
        return self.grade.capable_tensile_strength

    def label(self, prop: Property) -> str:
        """The value as an explanation shows it: "572 MPa (7075-T6, typical)"."""
        return f"{prop.value} ({self.grade.label(prop.condition)}, {prop.basis})"

    def specific_modulus(self) -> Property | None:
        """Tensile modulus / specific weight, in metres (1C010, 1C210), when both are known."""
        return self._specific("tensile_modulus")

    def specific_tensile_strength(self) -> Property | None:
        """Tensile strength / specific weight, in metres (1C010, 1C210), when both are known."""
        return self._specific("tensile_strength")

    def _specific(self, name: str) -> Property | None:
        top, density = self.property(name), self.property("density")
        if top is None or density is None:
            return None
        metres = to_base(top.value)[0] / (to_base(density.value)[0] * STANDARD_GRAVITY)
        sources = dict.fromkeys((top.source, density.source))
        return Property(
            value=f"{metres:.4g} m",
            basis=top.basis,
            condition=top.condition,
            source=f"derived: {name} / (density × g0); " + "; ".join(sources),
        )

    def property(self, name: str) -> Property | None:
        """A property by name; tensile_strength is the stated temper's value, else the capable one."""
        if name == "tensile_strength":
            stated = self.stated_tensile_strength
            return stated if stated is not None else self.capable_tensile_strength
        return self.grade.properties.get(name)


class GradeTable(_Strict):
    """The grade file: shared citations, temper synonyms, and the grades by family."""

    kind: Literal["grade_table"] = "grade_table"
    sources: dict[str, str] = {}
    temper_words: tuple[str, ...] = ()
    temper_aliases: dict[Material, dict[str, str]] = {}
    families: tuple[Family, ...]
    _index: dict[str, tuple[Grade, str]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _resolve(self) -> GradeTable:
        """Second pass: every name leads to one grade, and every temper synonym to a real temper."""
        problems: list[str] = []
        owner: dict[str, str] = {}
        for f, family in enumerate(self.families):
            for g, grade in enumerate(family.grades):
                path = f"families[{f}].grades[{g}]"
                names = [(f"{path}.designation", grade.designation)]
                names += [(f"{path}.aliases[{a}]", alias) for a, alias in enumerate(grade.aliases)]
                for where, name in names:
                    key = normalise(name)
                    if len(key) < 2:
                        problems.append(f"{where}: '{name}' of grade {grade.designation} is too short to match")
                    elif key in self._index and self._index[key][0] is not grade:
                        first = self._index[key][0].designation
                        problems.append(
                            f"{where}: '{name}' of grade {grade.designation} duplicates {owner[key]}"
                            f" of grade {first} (both read '{key}')"
                        )
                    elif key not in self._index:
                        self._index[key] = (grade, name)
                        owner[key] = where
        for material, synonyms in self.temper_aliases.items():
            known = {t for grade in self.grades if grade.material == material for t in grade.tempers}
            problems += [
                f"temper_aliases.{material}.{word}: '{target}' is no temper of any {material} grade"
                for word, target in synonyms.items()
                if target not in known
            ]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    @property
    def grades(self) -> tuple[Grade, ...]:
        """Every grade, in file order."""
        return tuple(grade for family in self.families for grade in family.grades)

    def get(self, designation: str) -> Grade | None:
        """The grade whose designation or alias is exactly ``designation`` (ignoring case and separators)."""
        found = self._index.get(normalise(designation))
        return found[0] if found else None

    def lookup(self, text: str) -> GradeMatch | None:
        """Resolve a designation as written in an inquiry, with any temper after it.

        Case, separators and leading words such as "Al", "AISI" or "Toray" are
        ignored; the longest known name at the start wins. What follows it must
        be separated ("7075 bar", "T700SC-12K") or read as a temper or a tow
        count ("7075T651", "LY12CZ", "T700SC12K"), so "304L" or "T700G" do not
        pass for 304 or T700S.
        """
        text = unicodedata.normalize("NFKC", text).strip()
        norm, positions = _normalise_positions(text)
        best: tuple[int, int, GradeMatch] | None = None
        for start in _starts(norm):
            for end in range(len(norm), start, -1):
                found = self._index.get(norm[start:end])
                if found is None:
                    continue
                grade, name = found
                rest = text[positions[end - 1] + 1 :]
                temper = self._temper(grade, rest)
                glued = bool(rest) and rest[0].isascii() and rest[0].isalnum()
                if glued and temper is None and not (grade.material in FIBRES and _TOW.match(rest)):
                    continue
                match = GradeMatch(
                    text=text,
                    grade=grade,
                    matched=name,
                    temper=temper[0] if temper else None,
                    temper_text=temper[1] if temper else None,
                )
                if best is None or (end, -start) > best[:2]:
                    best = (end, -start, match)
                break
        return best[2] if best else None

    def _temper(self, grade: Grade, rest: str) -> tuple[str, str] | None:
        """The temper written at the start of ``rest``: (table key or as read, as written)."""
        body = _SEPARATORS.sub("", rest)
        if not body or not grade.tempers:
            return None
        if any(_is_code(t) for t in grade.tempers) and (code := _CODE.match(body)):
            raw = code.group(1).upper()
            return _resolve_code(raw, grade.tempers) or raw, code.group(1)
        words = {t: t for t in grade.tempers if not _is_code(t)}
        words |= {w: w for w in self.temper_words} | self.temper_aliases.get(grade.material, {})
        for word in sorted(words, key=len, reverse=True):
            found = _word_pattern(word).match(body)
            if found:
                target = words[word]
                return _resolve_code(target, grade.tempers) or target, found.group(0)
        return None


def _resolve_code(raw: str, tempers: dict[str, Temper]) -> str | None:
    """A temper code's table key: itself, or its base ("T651" -> "T6", "T7351" -> "T73")."""
    if raw in tempers:
        return raw
    if raw.startswith("T"):
        return next((raw[:n] for n in range(len(raw) - 1, 1, -1) if raw[:n] in tempers), None)
    return None


@cache
def _word_pattern(word: str) -> re.Pattern[str]:
    """A temper word matched with any separators between its parts ("1/4 hard" = "1/4-hard")."""
    parts = re.findall(r"[A-Za-z0-9]+", word)
    return re.compile(r"[^A-Za-z0-9]*".join(map(re.escape, parts)) + r"(?![A-Za-z0-9])", re.IGNORECASE)


def _starts(norm: str) -> list[int]:
    """Where a designation may start once leading noise words are skipped ("aisi304" -> 0 and 4)."""
    starts, frontier = {0}, [0]
    while frontier:
        position = frontier.pop()
        for word in _NOISE:
            after = position + len(word)
            if norm.startswith(word, position) and after < len(norm) and after not in starts:
                starts.add(after)
                frontier.append(after)
    return sorted(starts)


def parse_grades(raw: object, *, file: str = GRADES_FILE) -> GradeTable:
    """Validate a grade table (both passes); every problem is reported with its key path."""
    try:
        return GradeTable.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            problems.append(".".join(str(part) for part in error["loc"]) + ": " + message if error["loc"] else message)
        raise DataFileError("; ".join(problems), file=file) from None


@cache
def load_grades() -> GradeTable:
    """The packaged grade table, loaded and checked once."""
    text = resources.files("catchall.data").joinpath("grades.yaml").read_text(encoding="utf-8")
    try:
        raw = load_yaml(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"not valid YAML: {exc}", file=GRADES_FILE) from None
    return parse_grades(raw, file=GRADES_FILE)


class TableGradeLookup(GradeLookup):
    """The classifier's view of the grade table: a designation as written -> the facts it implies."""

    def __init__(self, table: GradeTable) -> None:
        self.table = table
        self._seen: dict[str, GradeFacts | None] = {}

    def resolve(self, text: str) -> GradeFacts | None:
        """Grade facts for ``text``, remembered: inquiries name the same few grades over and over."""
        if text not in self._seen:
            if len(self._seen) > 10_000:
                self._seen.clear()
            self._seen[text] = self._resolve(text)
        return self._seen[text]

    def _resolve(self, text: str) -> GradeFacts | None:
        """Grade facts for ``text``; tensile strength only for a stated, tabulated temper.

        A grade named without a temper says nothing about the item's actual
        strength, only what it is capable of; fibres have one state, so their
        strength is a plain property.
        """
        match = self.table.lookup(text)
        if match is None:
            return None
        grade = match.grade
        properties: dict[str, tuple[str, str]] = {k: (p.value, p.basis) for k, p in grade.properties.items()}
        stated = match.stated_tensile_strength
        if stated is not None:
            properties["tensile_strength"] = (stated.value, stated.basis)
        capable = match.capable_tensile_strength
        return GradeFacts(
            name=_display_name(match),
            material=grade.material,
            properties=properties,
            capable_tensile=(capable.value, f"{grade.label(capable.condition)}, {capable.basis}")
            if grade.tempers
            else None,
        )


def _display_name(match: GradeMatch) -> str:
    """The grade as an explanation names it: the table's temper, else the temper as written."""
    if match.temper in match.grade.tempers:
        return match.grade.label(match.temper)
    if match.temper_text:
        joiner = "-" if _is_code(match.temper_text) else " "
        return f"{match.grade.designation}{joiner}{match.temper_text}"
    return match.grade.designation


@cache
def default_grade_lookup() -> TableGradeLookup:
    """The packaged grade table behind the classifier's GradeLookup interface."""
    return TableGradeLookup(load_grades())
