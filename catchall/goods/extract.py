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
    flags: dict[str, list[str]] = {}
    dimension_chains: dict[str, list[str]] = {}
    cues_after: dict[str, list[str]] = {}
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
    flags: list[tuple[str, re.Pattern[str]]]
    cues: list[tuple[str, re.Pattern[str]]]
    cues_after: list[tuple[str, re.Pattern[str]]]
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
    flags = [(key, re.compile(_phrase_pattern(words))) for key, words in vocab.flags.items()]
    after = [(key, re.compile(r"\s*(?:" + _phrase_pattern(words) + ")")) for key, words in vocab.cues_after.items()]
    unit_map = {u: u for u in _ASCII_UNITS} | dict(vocab.units)
    unit_alt = "|".join(re.escape(u) for u in sorted(unit_map, key=len, reverse=True))
    quantity = re.compile(
        rf"(?<![A-Za-z0-9.\-]){_NUMBER}(?:\s*(?:-|–|—|~|to|至|到)\s*(?P<num2>\d+(?:[.,]\d+)*))?\s*(?P<unit>{unit_alt})"
        r"(?![A-Za-z0-9])",
        re.IGNORECASE,
    )
    return _Grammar(terms, flags, cues, after, quantity, unit_map)


def clean_text(text: str) -> str:
    """Unicode-normalised, HTML-stripped text: what the extractor reads."""
    text = html.unescape(re.sub(r"<[^>]{0,200}>", " ", text))
    text = re.sub(r"(?<=\d)\s*(″|”|'')", " in", text)  # inch marks, before NFKC splits ″ into two primes
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
    """Materials, forms, products and flags; a word inside a longer matched phrase does not count."""
    matches: list[tuple[int, int, str, object]] = []
    for key, canonical, pattern in grammar.terms:
        for match in pattern.finditer(lower):
            if match.group(0) in grammar.unit_map and re.search(
                r"(?<![a-z0-9.\-])\d+(?:\.\d+)?\s*$", lower[max(0, match.start() - 20) : match.start()]
            ):
                continue  # "5 bar" is a pressure, not a bar
            matches.append((match.start(), match.end(), key, canonical))
    for key, pattern in grammar.flags:
        for match in pattern.finditer(lower):
            matches.append((match.start(), match.end(), key, True))
    taken: list[tuple[int, int]] = []
    found: dict[str, tuple[int, int, object]] = {}
    for start, end, key, value in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in taken)
        if inside and not isinstance(value, bool):
            continue
        taken.append((start, end))
        if key not in found or start < found[key][0]:
            found[key] = (start, end, value)
    if "product" in found and "material" in found:
        # "valve, wetted parts aluminium": with a product named, material words describe its parts
        start, end, value = found.pop("material")
        if re.search(r"wetted|接液|过流|与介质接触", lower):
            found["wetted_materials"] = (start, end, [value])
    for key, (start, end, value) in found.items():
        _put(out, key, value, start, end, text)


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


@dataclass
class _Reading:
    """One quantity in the text: where, what, and the cue that names it (if any)."""

    start: int
    end: int
    si: float
    dims: str
    written: str
    unit: str
    key: str | None = None
    key_start: int | None = None


_CHAIN_GAP = re.compile(r"\s*[x×*X]\s*")
_BARE_CHAIN = re.compile(
    r"[øφ⌀Φ]\s*(\d+(?:\.\d+)?)(?![\d.])((?:\s*[x×*X]\s*\d+(?:\.\d+)?(?![\d.]))*)(?!\s*(?:[a-zA-Z%″\"]|毫米|厘米|米|英寸))"
)
_RESTATED = re.compile(r"\s*[(（]\s*")


def _readings(text: str, lower: str, grammar: _Grammar, out: Extraction) -> list[_Reading]:
    readings: list[_Reading] = []
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
        readings.append(_Reading(match.start(), match.end(), si, dims, written, unit))
    for match in _BARE_CHAIN.finditer(text):
        # "Φ120×3000": drawing convention, sizes without a unit are millimetres (ISO 129-1)
        numbers = [match.group(1), *re.findall(r"\d+(?:\.\d+)?", match.group(2))]
        out.warnings.append(f"'{match.group(0).strip()}': no unit written; read as millimetres (drawing convention)")
        pos = match.start(1)
        for number in numbers:
            at = text.index(number, pos)
            si, dims = to_base(f"{number} mm")
            readings.append(_Reading(at, at + len(number), si, dims, f"{number} mm", "mm"))
            pos = at + len(number)
    readings.sort(key=lambda r: r.start)
    previous: _Reading | None = None
    for reading in readings:
        restated = previous is not None and _RESTATED.fullmatch(text[previous.end : reading.start])
        previous = reading
        if restated and previous is not None:
            continue  # handled below, once the reading before has its key
        cue = _cue_before(lower, reading.start, grammar)
        if cue is not None and _fits(cue[0], reading.dims):
            reading.key, reading.key_start = cue
            continue
        for key, pattern in grammar.cues_after:
            if pattern.match(lower, reading.end) and _fits(key, reading.dims):
                reading.key, reading.key_start = key, reading.start
                break
    for before, reading in zip(readings, readings[1:], strict=False):
        if before.key and _RESTATED.fullmatch(text[before.end : reading.start]) and before.dims == reading.dims:
            # "OD 120 mm (3 in)": the bracket restates the value before it, and must agree with it
            reading.key, reading.key_start = before.key, reading.start
    return readings


def _chains(text: str, readings: list[_Reading]) -> list[list[_Reading]]:
    chains: list[list[_Reading]] = []
    for reading in readings:
        if chains and _CHAIN_GAP.fullmatch(text[chains[-1][-1].end : reading.start]):
            chains[-1].append(reading)
        else:
            chains.append([reading])
    return [chain for chain in chains if len(chain) > 1]


def _assign_chains(out: Extraction, text: str, readings: list[_Reading]) -> None:
    """"OD 100 × 3 × 6000 mm": the places of a size chain are named by the item's form."""
    template = text_vocabulary().dimension_chains.get(str(out.known("form")), [])
    length = dimensionality("[length]")
    for chain in _chains(text, readings):
        if not template or any(r.dims != length for r in chain):
            continue
        first = chain[0].key
        offset = template.index(first) if first in template else 0 if first is None else -1
        if offset < 0:
            continue
        for place, reading in enumerate(chain):
            if offset + place < len(template) and (place == 0 or reading.key is None):
                reading.key = template[offset + place]
                reading.key_start = reading.key_start if place == 0 and reading.key_start is not None else reading.start


def _find_quantities(out: Extraction, text: str, lower: str, grammar: _Grammar) -> None:
    readings = _readings(text, lower, grammar, out)
    _assign_chains(out, text, readings)
    cued = {r.key for r in readings if r.key}
    bare = [r for r in readings if r.key is None]
    for reading in bare:
        key = _by_dimension(out, reading.unit, reading.dims)
        same_kind = [r for r in bare if r.dims == reading.dims]
        if key is None or key in cued or (reading.dims == dimensionality("[length]") and len(same_kind) > 1):
            out.warnings.append(f"'{text[reading.start:reading.end].strip()}': no parameter it could be; not used")
            continue
        reading.key, reading.key_start = key, reading.start
    seen: dict[str, list[_Reading]] = {}
    for reading in readings:
        if reading.key is not None:
            seen.setdefault(reading.key, []).append(reading)
    for key, values in seen.items():
        first = values[0]
        clash = [v for v in values[1:] if not _close(v.si, first.si)]
        if clash:
            quoted = " and ".join(f"'{text[v.key_start or v.start:v.end].strip()}'" for v in (first, *clash))
            out.warnings.append(f"contradiction: {key.replace('_', ' ')} is {quoted}; neither is used")
            continue
        _put(out, key, first.written, first.key_start or first.start, first.end, text)


def _fits(key: str, dims: str) -> bool:
    spec = vocabulary().keys.get(key)
    return spec is not None and spec.kind == "quantity" and dimensionality(spec.dimension or "[]") == dims


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
