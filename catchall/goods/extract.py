"""From inquiry text to item specs, quoting the span each value came from.

"7A04铝合金棒材，直径150毫米", "Turbomolecular pump DN400, 18000 l/s",
"T700SC-12K 5 tonnes": terms (materials, forms, products) and their synonyms,
cue words ("OD", "外径") and unit spellings live in
``catchall/data/text_vocabulary.yaml``; quantities are read by one grammar and
converted with pint. When the text says two different things about the same
parameter ("OD 120 mm (3 in)") neither value is used and the contradiction is
reported, so a guess never makes an item controlled.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict

from catchall.errors import CatchallError, InputError
from catchall.goods.grades import load_grades
from catchall.goods.specs import vocabulary
from catchall.units import dimensionality, nearly_equal, to_base

MAX_TEXT = 20_000  # characters of a description read; the rest is reported, not silently dropped


class DimensionRule(BaseModel):
    """Which key a quantity without a cue fills, when its unit (and the item) settle it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dimension: str
    key: str
    units: list[str] = []
    when_product: list[str] = []
    when_form: list[str] = []


class TextVocabulary(BaseModel):
    """The words of ``text_vocabulary.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["text_vocabulary"]
    units: dict[str, str]
    terms: dict[str, dict[str, list[str]]]
    cues: dict[str, list[str]]
    by_dimension: list[DimensionRule]


@dataclass(frozen=True)
class Span:
    """A value found in the text, with where it was found."""

    key: str
    value: object
    start: int
    end: int
    quote: str


@dataclass
class Extraction:
    """Specs read from a description, the spans behind them, and what could not be settled."""

    specs: dict[str, object] = field(default_factory=dict)
    spans: dict[str, Span] = field(default_factory=dict)
    quantity: str | None = None
    warnings: list[str] = field(default_factory=list)
    context: dict[str, object] = field(default_factory=dict)

    def known(self, key: str) -> object:
        """A value read from the text, else one the context gives."""
        return self.specs.get(key, self.context.get(key))


@cache
def text_vocabulary() -> TextVocabulary:
    """The packaged text vocabulary."""
    raw = resources.files("catchall.data").joinpath("text_vocabulary.yaml").read_text(encoding="utf-8")
    return TextVocabulary.model_validate(yaml.safe_load(raw))


def _phrase_pattern(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word.lower())
        if re.search(r"[\u3400-\u9fff]", word) or not word[:1].isalnum():
            parts.append(escaped)
        else:
            parts.append(rf"(?<![a-z0-9]){escaped}(?![a-z0-9])")
    return "|".join(parts)


@dataclass(frozen=True)
class _Grammar:
    terms: list[tuple[str, str, re.Pattern[str]]]
    cues: list[tuple[str, re.Pattern[str]]]
    quantity: re.Pattern[str]
    unit_map: dict[str, str]


_NUMBER = r"(?P<num>\d+(?:[.,]\d+)*(?:\s*[x×*]\s*10\s*\^?\s*[-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+|[eE][-+−]?\d+)?)"
_ASCII_UNITS = [
    "mm", "cm", "um", "µm", "m", "in", "inch", "inches", "MPa", "GPa", "kPa", "Pa", "ksi", "psi", "mbar", "bar",
    "Torr", "torr", "l/s", "m**3/h", "m**3/s", "Hz", "kHz", "kVA", "VA", "kW", "W", "kV", "V", "A", "%", "t",
    "kg", "g", "pcs", "g/cm**3", "K", "°C", "℃", "rpm", "Da", "u",
]  # fmt: skip


@cache
def _grammar() -> _Grammar:
    vocab = text_vocabulary()
    terms = [
        (key, canonical, re.compile(_phrase_pattern(words)))
        for key, values in vocab.terms.items()
        for canonical, words in values.items()
    ]
    cues = [(key, re.compile(_phrase_pattern(words))) for key, words in vocab.cues.items()]
    unit_map = {u: u for u in _ASCII_UNITS} | dict(vocab.units)
    unit_alt = "|".join(re.escape(u) for u in sorted(unit_map, key=len, reverse=True))
    quantity = re.compile(
        rf"(?<![A-Za-z0-9.\-]){_NUMBER}(?:\s*(?:-|–|—|~|to|至|到)\s*(?P<num2>\d+(?:[.,]\d+)*))?\s*(?P<unit>{unit_alt})"
        r"(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return _Grammar(terms, cues, quantity, unit_map)


def clean_text(text: str) -> str:
    """Unicode-normalised, HTML-stripped text: what the extractor reads."""
    text = html.unescape(re.sub(r"<[^>]{0,200}>", " ", text))
    text = unicodedata.normalize("NFKC", text)
    return text.replace("，", ", ").replace("：", ": ").replace("；", "; ").replace("（", "(").replace("）", ")")


def _unit(grammar: _Grammar, written: str) -> str:
    exact = grammar.unit_map.get(written)
    if exact is not None:
        return exact
    return next((unit for spelling, unit in grammar.unit_map.items() if spelling.lower() == written.lower()), written)


def _number(text: str) -> str:
    text = text.replace("−", "-").replace("⁻", "-")
    text = text.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
    text = re.sub(r"\s*[x×*]\s*10\s*\^?\s*", "e", text)
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text).replace(",", ".")


def extract(description: str, context: dict[str, object] | None = None) -> Extraction:
    """Read specs from free text; never raises on odd text, reports instead.

    ``context`` (product, form from explicit specs or the HS heading) helps read
    quantities the text writes without a cue; it is not itself extracted.
    """
    out = Extraction()
    out.context = dict(context or {})
    if not description or not description.strip():
        out.warnings.append("empty description")
        return out
    if len(description) > MAX_TEXT:
        out.warnings.append(f"description is {len(description)} characters; only the first {MAX_TEXT} were read")
        description = description[:MAX_TEXT]
    text = clean_text(description)
    lower = text.lower()
    grammar = _grammar()
    _find_terms(out, text, lower, grammar)
    _find_grade(out, text)
    _find_counts(out, text, lower)
    _find_quantities(out, text, lower, grammar)
    return out


_PHASES = re.compile(r"(?<![a-z0-9])(\d|three|single|三|单|两|二)\s*[- ]?\s*(?:phase|相)", re.IGNORECASE)
_PHASE_WORDS = {"three": 3, "single": 1, "三": 3, "单": 1, "两": 2, "二": 2}
_DN = re.compile(r"(?<![a-z0-9])dn\s?(\d{1,4})(?![0-9])", re.IGNORECASE)
_PUMPS = ("turbomolecular_pump", "vacuum_pump", "scroll_pump", "rotary_vane_pump", "molecular_pump")


def _find_counts(out: Extraction, text: str, lower: str) -> None:
    """Counts and nominal sizes written without a unit: "3-phase", "三相", "DN400"."""
    phases = _PHASES.search(lower)
    if phases:
        word = phases.group(1)
        count = float(_PHASE_WORDS.get(word, 0) or word)
        _put(out, "phases", count, phases.start(), phases.end(), text)
    size = _DN.search(lower)
    if size:
        key = "inlet_diameter" if out.known("product") in _PUMPS else "nominal_size"
        _put(out, key, f"{size.group(1)} mm", size.start(), size.end(), text)


def _put(out: Extraction, key: str, value: object, start: int, end: int, text: str, *, same: bool = False) -> None:
    span = Span(key, value, start, end, text[start:end].strip())
    if key in out.spans and not same:
        return
    out.specs[key] = value
    out.spans[key] = span


def _find_terms(out: Extraction, text: str, lower: str, grammar: _Grammar) -> None:
    found: dict[str, tuple[int, int, str]] = {}
    for key, canonical, pattern in grammar.terms:
        for match in pattern.finditer(lower):
            if match.group(0) in grammar.unit_map and re.search(r"\d\s*$", lower[: match.start()]):
                continue  # "5 bar" is a pressure, not a bar
            best = found.get(key)
            length = match.end() - match.start()
            if best is None or length > best[1] - best[0] or (length == best[1] - best[0] and match.start() < best[0]):
                found[key] = (match.start(), match.end(), canonical)
            break
    if "product" in found and "material" in found:
        # "valve, wetted parts aluminium": with a product named, material words describe its parts
        del found["material"]
    for key, (start, end, canonical) in found.items():
        _put(out, key, canonical, start, end, text)


_GRADE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-.()/]*(?:\s?(?:glass|Glass|GLASS))?")


def _find_grade(out: Extraction, text: str) -> None:
    grades = load_grades()
    for match in _GRADE_TOKEN.finditer(text):
        token = match.group(0).rstrip(".-/")
        if not re.search(r"\d", token) and "glass" not in token.lower():
            continue
        found = grades.lookup(token)
        if found is not None:
            _put(out, "grade", token, match.start(), match.start() + len(token), text)
            return


def _cue_before(lower: str, start: int, grammar: _Grammar) -> tuple[str, int] | None:
    """The cue written just before a number: nearest end first, then the longest."""
    offset = max(0, start - 24)
    window = lower[offset:start]
    best: tuple[int, int, str] | None = None
    for key, pattern in grammar.cues:
        for match in pattern.finditer(window):
            if re.fullmatch(r"[\s:=为是约≈~(（.]*", window[match.end() :]):
                rank = (match.end(), -match.start(), key)
                if best is None or rank[:2] > best[:2]:
                    best = rank
    return (best[2], offset - best[1]) if best else None


def _find_quantities(out: Extraction, text: str, lower: str, grammar: _Grammar) -> None:
    seen: dict[str, list[tuple[float, str, int, int]]] = {}
    for match in grammar.quantity.finditer(text):
        unit = _unit(grammar, match.group("unit"))
        number = _number(match.group("num"))
        high = _number(match.group("num2")) if match.group("num2") else None
        written = f"{high or number} {unit}"
        try:
            si, dims = to_base(written)
        except CatchallError:
            continue
        if dims == dimensionality("[items]") or (dims == dimensionality("[mass]") and unit in ("t", "kg", "g")):
            out.quantity = out.quantity or f"{number} {unit}"
            continue
        cue = _cue_before(lower, match.start(), grammar)
        key = cue[0] if cue else _by_dimension(out, unit, dims)
        if key is None:
            out.warnings.append(f"'{match.group(0).strip()}': no parameter it could be; not used")
            continue
        spec = vocabulary().keys.get(key)
        if spec is None or (spec.dimension and dimensionality(spec.dimension) != dims):
            out.warnings.append(f"'{match.group(0).strip()}' does not fit {key}; not used")
            continue
        start = cue[1] if cue else match.start()
        seen.setdefault(key, []).append((si, written, start, match.end()))
    for key, values in seen.items():
        first = values[0]
        clash = [v for v in values[1:] if not _close(v[0], first[0])]
        if clash:
            quoted = " and ".join(f"'{text[v[2]:v[3]].strip()}'" for v in (first, *clash))
            out.warnings.append(f"contradiction: {key.replace('_', ' ')} is {quoted}; neither is used")
            continue
        _put(out, key, first[1], first[2], first[3], text)


def _close(a: float, b: float) -> bool:
    """Two readings agree when they differ by less than 1 % (rounded unit conversions)."""
    return nearly_equal(a, b) or abs(a - b) <= 0.01 * max(abs(a), abs(b))


def _by_dimension(out: Extraction, unit: str, dims: str) -> str | None:
    product, form = out.known("product"), out.known("form")
    for rule in text_vocabulary().by_dimension:
        if dimensionality(rule.dimension) != dims:
            continue
        if rule.units and unit not in rule.units:
            continue
        if rule.when_product and product not in rule.when_product:
            continue
        if rule.when_form and form not in rule.when_form:
            continue
        return rule.key
    return None


def require_text(description: object) -> str:
    """The description as text, or a clear error."""
    if not isinstance(description, str):
        raise InputError("description must be text", field="description")
    return description
