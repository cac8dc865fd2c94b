"""From inquiry text to item specs, quoting the span each value came from.

"7A04铝合金棒材，直径150毫米", "Turbomolecular pump DN400, 18000 l/s",
"T700SC-12K 5 tonnes": terms (materials, forms, products) and their synonyms,
cue words ("OD", "外径") and unit spellings live in
``catchall/data/text_vocabulary.yaml``; quantities are read by one grammar and
converted with pint. When the text says two different things about the same
parameter ("OD 120 mm (3 in)") neither value is used and the contradiction is
reported, so a guess never makes an item controlled.

The passes, in order: terms and flags (a negation before a flag makes it false;
a use the item is not for names no application), the grade (with the word
before it, "Kevlar 49", and a temper written apart, "aged condition"), the
materials named for a product's parts (wetted or sensing materials), tow counts
("12K"), counted parts ("3 rollers", "四轴联动"), ratios ("3:1"), mass
resolution, quantities (cue before or after, size chains, ranges, the unit),
and what follows from them (accuracy at full scale, a form's largest size).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict

from catchall.errors import CatchallError, DataFileError, InputError
from catchall.goods.grades import GradeMatch, load_grades
from catchall.goods.specs import normalise_term, vocabulary
from catchall.units import dimensionality, nearly_equal, to_base
from catchall.yamlio import load_yaml

MAX_TEXT = 20_000  # characters of a description read; the rest is reported, not silently dropped
VOCABULARY_FILE = "catchall/data/text_vocabulary.yaml"


class DimensionRule(BaseModel):
    """Which key a quantity without a cue fills, when its unit (and the item) settle it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dimension: str
    key: str
    units: list[str] = []
    when_product: list[str] = []
    when_form: list[str] = []


class MassResolution(BaseModel):
    """How a mass resolution is written and the mass a peak width is read at."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: list[str]
    when_product: list[str] = []
    reference_mass: str


class TextVocabulary(BaseModel):
    """The words of ``text_vocabulary.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["text_vocabulary"]
    units: dict[str, str]
    terms: dict[str, dict[str, list[str]]]
    civil_uses: list[str] = []
    use_negations: list[str] = []
    purpose_words: list[str] = []
    not_terms: list[str] = []
    flags: dict[str, list[str]] = {}
    negations: list[str] = []
    flags_false: dict[str, list[str]] = {}
    counts: dict[str, list[str]] = {}
    count_qualifiers: list[str] = []
    numerals: dict[str, int] = {}
    part_materials: dict[str, list[str]] = {}
    part_cues: list[str] = []
    dimension_chains: dict[str, list[str]] = {}
    implied_dimensions: dict[str, dict[str, str]] = {}
    cues_after: dict[str, list[str]] = {}
    cues: dict[str, list[str]]
    cue_gap_words: list[str] = []
    range_keys: dict[str, str] = {}
    product_keys: dict[str, dict[str, str]] = {}
    mass_resolution: MassResolution | None = None
    by_dimension: list[DimensionRule]

    def spec_keys(self) -> set[str]:
        """Every spec key the vocabulary fills, to check against the spec vocabulary."""
        keys = set(self.terms) | set(self.flags) | set(self.flags_false) | set(self.counts) | set(self.part_materials)
        keys |= set(self.cues) | set(self.cues_after) | set(self.range_keys) | set(self.range_keys.values())
        keys |= {k for chain in self.dimension_chains.values() for k in chain}
        keys |= {k for implied in self.implied_dimensions.values() for pair in implied.items() for k in pair}
        keys |= {k for mapping in self.product_keys.values() for pair in mapping.items() for k in pair}
        return keys | {rule.key for rule in self.by_dimension}


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
    return checked(TextVocabulary.model_validate(load_yaml(raw)))


def checked(vocab: TextVocabulary) -> TextVocabulary:
    """The vocabulary, if every key it fills is in the spec vocabulary; a typo is an error, not a silent miss."""
    unknown = sorted(vocab.spec_keys() - set(vocabulary().keys))
    if unknown:
        raise DataFileError(f"keys not in the spec vocabulary: {', '.join(unknown)}", file=VOCABULARY_FILE)
    return vocab


def _phrase_pattern(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word.lower())
        if re.search(r"[\u3400-\u9fff]", word) or not word[:1].isalnum():
            parts.append(escaped)
        elif not word[-1:].isalnum():
            parts.append(rf"(?<![a-z0-9]){escaped}")  # "all-", "dia.": what follows is free
        else:
            parts.append(rf"(?<![a-z0-9]){escaped}(?![a-z0-9])")
    return "|".join(parts)


@dataclass(frozen=True)
class _Grammar:
    terms: list[tuple[str, str, re.Pattern[str]]]
    flags: list[tuple[str, re.Pattern[str]]]
    flags_false: list[tuple[str, re.Pattern[str]]]
    negated: re.Pattern[str]
    use_negated: re.Pattern[str]
    purpose: re.Pattern[str]
    cues: _CueIndex
    cues_after: list[tuple[str, re.Pattern[str]]]
    chain_gap: re.Pattern[str]
    not_terms: re.Pattern[str]
    quantity: re.Pattern[str]
    unit_map: dict[str, str]
    counts: re.Pattern[str]
    count_nouns: list[tuple[str, re.Pattern[str]]]
    part_cues: re.Pattern[str]
    ratio_cues: _CueIndex
    resolution: re.Pattern[str] | None


_NUM_CORE = r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,])|\d+(?:[.,]\d+)*"  # "17 500", "2,000", "0.25"
_NUMBER = rf"(?P<num>(?:{_NUM_CORE})(?:\s*[x×*]\s*10\s*\^?\s*[-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+|[eE][-+−]?\d+)?)"
_RANGE = rf"(?:\s*(?:-|–|—|~|to|至|到)\s*(?P<num2>{_NUM_CORE}))?"
_ASCII_UNITS = [
    "mm", "cm", "um", "µm", "m", "in", "inch", "inches", "MPa", "GPa", "kPa", "Pa", "ksi", "psi", "mbar", "bar",
    "Torr", "torr", "l/s", "m**3/h", "m**3/s", "Hz", "kHz", "kVA", "VA", "kW", "W", "kV", "V", "A", "%", "t",
    "kg", "g", "pcs", "g/cm**3", "K", "°C", "℃", "rpm", "Da", "u",
]  # fmt: skip
_GAP_CHARS = r"[\s:=为是约≈~(（.±<>≤≥+/]"
_SIGNS = frozenset("øφ⌀")  # a diameter sign is a cue, but a named cue before it says which diameter


@dataclass(frozen=True)
class _CueIndex:
    """Cue words as one pattern that only matches where nothing but a gap follows, and the keys of each word."""

    pattern: re.Pattern[str]
    keys: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, cues: dict[str, list[str]], gap: str) -> _CueIndex:
        keys: dict[str, list[str]] = {}
        for key, words in cues.items():
            for word in words:
                keys.setdefault(word.lower(), []).append(key)
        pattern = re.compile(rf"(?:{_phrase_pattern(list(keys)) or '(?!)'})(?={gap}$)")
        return cls(pattern, {word: tuple(k) for word, k in keys.items()})


@cache
def _grammar() -> _Grammar:
    vocab = text_vocabulary()
    specs = vocabulary().keys
    terms = [
        (key, canonical, re.compile(_phrase_pattern(words)))
        for key, values in vocab.terms.items()
        for canonical, words in values.items()
    ]
    flags = [(key, re.compile(_phrase_pattern(words))) for key, words in vocab.flags.items()]
    flags_false = [(key, re.compile(_phrase_pattern(words))) for key, words in vocab.flags_false.items()]
    negated = re.compile(r"(?:" + _phrase_pattern(vocab.negations or ["not"]) + r")[\s\-]*$")
    use_negated = re.compile(_phrase_pattern(vocab.use_negations) or "(?!)")
    purpose = re.compile(r"(?:" + (_phrase_pattern(vocab.purpose_words) or "(?!)") + r")\s*$")
    after = [(key, re.compile(r"\s*(?:" + _phrase_pattern(words) + ")")) for key, words in vocab.cues_after.items()]
    gap_words = _phrase_pattern(vocab.cue_gap_words) if vocab.cue_gap_words else "(?!)"
    gap = rf"(?:{_GAP_CHARS}|[øφ⌀]|{gap_words})*"
    cues = _CueIndex.of(vocab.cues, gap)
    ratio_cues = _CueIndex.of({k: w for k, w in vocab.cues.items() if specs[k].kind == "number"}, gap)
    said_after = _phrase_pattern([w for words in vocab.cues_after.values() for w in words])
    chain_gap = re.compile(rf"\s*(?:(?:{said_after})\s*)?[x×*X]\s*", re.IGNORECASE)
    term_words = [w for values in vocab.terms.values() for words in values.values() for w in words]
    term_alt = re.compile(_phrase_pattern(term_words))
    hiding = vocab.not_terms + [  # cue phrases with a term inside: "ultimate vacuum", "极限真空"
        w
        for words in vocab.cues.values()
        for w in words
        if any(len(m.group(0)) < len(w) for m in term_alt.finditer(w.lower()))
    ]
    not_terms = re.compile(_phrase_pattern(hiding) or "(?!)")
    unit_map = {u: u for u in _ASCII_UNITS} | dict(vocab.units)
    unit_alt = "|".join(re.escape(u) for u in sorted(unit_map, key=len, reverse=True))
    quantity = re.compile(
        rf"(?<![A-Za-z0-9.\-]){_NUMBER}{_RANGE}\s*(?P<unit>{unit_alt})(?:(?<=%)|(?![A-Za-z0-9]))",
        re.IGNORECASE,
    )
    numerals = "|".join(
        re.escape(w) if re.search(r"[\u3400-\u9fff]", w) else rf"(?<![a-z]){re.escape(w)}"
        for w in sorted(vocab.numerals, key=len, reverse=True)
    )
    nouns = [(key, re.compile(_noun_pattern(words))) for key, words in vocab.counts.items()]
    qualifiers = _phrase_pattern(vocab.count_qualifiers) if vocab.count_qualifiers else "(?!)"
    noun_alt = "|".join(f"(?:{pattern.pattern})" for _, pattern in nouns) or "(?!)"
    number = rf"(?P<n>(?<![a-z0-9.])\d{{1,2}}(?![\d.])|{numerals or '(?!)'})"
    counts = re.compile(rf"{number}\s*-?\s*(?:(?:{qualifiers})\s*-?\s*)?(?P<noun>{noun_alt})")
    part_cues = re.compile(_phrase_pattern(vocab.part_cues) if vocab.part_cues else "(?!)")
    resolution = None
    if vocab.mass_resolution is not None:
        resolution = re.compile(
            rf"(?:{_phrase_pattern(vocab.mass_resolution.cues)})(?:{_GAP_CHARS}|{gap_words})*"
            rf"(?P<num>{_NUM_CORE}){_RANGE}\s*(?P<unit>amu|da|u)?(?![a-z%°℃])"
            r"(?P<power>\s*\(?\s*m\s*/\s*[δd]\s*m\s*\)?)?"
        )
    return _Grammar(
        terms, flags, flags_false, negated, use_negated, purpose, cues, after, chain_gap, not_terms, quantity,
        unit_map, counts, nouns, part_cues, ratio_cues, resolution,
    )


def _noun_pattern(words: list[str]) -> str:
    """A counted noun; the Chinese 轴 (axis) is no axis in 轴颈 / 轴径 / 轴承 (journal, shaft, bearing)."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        if word == "轴":
            parts.append("轴(?![颈径承向距套])")
        elif re.search(r"[\u3400-\u9fff]", word):
            parts.append(re.escape(word))
        else:
            parts.append(rf"{re.escape(word.lower())}(?![a-z0-9])")
    return "|".join(parts)


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
    text = re.sub(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d{3}(?!\d))", "", text)  # "17 500": thousands, spaced
    text = re.sub(r"\s*[x×*]\s*10\s*\^?\s*", "e", text)
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text).replace(",", ".")


@dataclass
class _Found:
    """What the term pass leaves for later passes: materials named, and spans that are names, not parts."""

    materials: list[tuple[int, int, str]] = field(default_factory=list)
    names: list[tuple[int, int]] = field(default_factory=list)  # products and flags: "bellows" in them is no part
    grade: tuple[int, int, str] | None = None  # the grade's span and its material
    consumed: list[tuple[int, int]] = field(default_factory=list)  # spans no quantity may be read from


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
    found = _find_terms(out, text, lower, grammar)
    _find_grade(out, text, lower, found)
    _find_part_materials(out, text, lower, grammar, found)
    _find_tow_count(out, text, lower, found)
    _find_counts(out, text, lower, grammar)
    _find_ratios(out, text, lower, grammar, found)
    _find_mass_resolution(out, text, lower, grammar, found)
    _find_quantities(out, text, lower, grammar, found)
    _derive(out, text, lower)
    return out


_PHASES = re.compile(r"(?<![a-z0-9])(\d|three|single|三|单|两|二)\s*[- ]?\s*(?:phase|相)", re.IGNORECASE)
_PHASE_WORDS = {"three": 3, "single": 1, "三": 3, "单": 1, "两": 2, "二": 2}
_DN = re.compile(r"(?<![a-z0-9])dn\s?(\d{1,4})(?![0-9])", re.IGNORECASE)
_PUMPS = ("turbomolecular_pump", "vacuum_pump", "scroll_pump", "rotary_vane_pump", "molecular_pump", "diffusion_pump")


def _find_counts(out: Extraction, text: str, lower: str, grammar: _Grammar) -> None:
    """Counts and nominal sizes written without a unit: "3-phase", "三相", "DN400", "3 rollers", "四轴联动"."""
    phases = _PHASES.search(lower)
    if phases:
        word = phases.group(1)
        count = float(_PHASE_WORDS.get(word, 0) or word)
        _put(out, "phases", count, phases.start(), phases.end(), text)
    size = _DN.search(lower)
    if size:
        key = "inlet_diameter" if out.known("product") in _PUMPS else "nominal_size"
        _put(out, key, f"{size.group(1)} mm", size.start(), size.end(), text)
    numerals = text_vocabulary().numerals
    for match in grammar.counts.finditer(lower):
        counted = next((k for k, noun in grammar.count_nouns if noun.fullmatch(match.group("noun"))), None)
        word = match.group("n")
        if counted is not None and counted not in out.specs:
            _put(out, counted, float(numerals.get(word) or word), match.start(), match.end(), text)


def _put(
    out: Extraction, key: str, value: object, start: int, end: int, text: str, *, quote: str | None = None
) -> None:
    if key in out.spans:
        return
    out.specs[key] = value
    out.spans[key] = Span(key, value, start, end, quote if quote is not None else text[start:end].strip())


def _find_terms(out: Extraction, text: str, lower: str, grammar: _Grammar) -> _Found:
    """Materials, forms, products and flags; a word inside a longer matched phrase does not count.

    A list-valued key (an application) collects every value it is written with; a
    flag is false when a negation stands just before it ("非波纹管密封", "non-CNC").
    """
    vocab = text_vocabulary()
    specs = vocabulary().keys
    matches: list[tuple[int, int, str, object]] = []
    for key, canonical, pattern in grammar.terms:
        for match in pattern.finditer(lower):
            if match.group(0) in grammar.unit_map and re.search(
                r"(?<![a-z0-9.\-])\d+(?:\.\d+)?\s*$", lower[max(0, match.start() - 20) : match.start()]
            ):
                continue  # "5 bar" is a pressure, not a bar
            matches.append((match.start(), match.end(), key, canonical))
    negations: dict[int, int] = {}
    for key, pattern in grammar.flags:
        for match in pattern.finditer(lower):
            window = max(0, match.start() - 12)
            negation = grammar.negated.search(lower[window : match.start()])
            if negation is not None:
                negations[match.start()] = window + negation.start()
            matches.append((match.start(), match.end(), key, negation is None))
    hiding = [m.span() for m in grammar.not_terms.finditer(lower)]
    items = [m[0] for m in matches if m[2] in ("product", "form")]  # where the item may be named
    taken: list[tuple[int, int]] = []
    found: dict[str, tuple[int, int, object]] = {}
    many: dict[str, list[tuple[int, int, str]]] = {}
    flags: dict[str, list[tuple[int, int, bool]]] = {}
    result = _Found()
    for start, end, key, value in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        listed = specs[key].kind == "terms"
        inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in taken)
        if inside and not isinstance(value, bool) and not listed:
            continue
        if not isinstance(value, bool) and any(s <= start and end <= e and e - s > end - start for s, e in hiding):
            continue  # "ultimate vacuum" is no atmosphere, "powder coated" no powder
        taken.append((start, end))
        clause = _clause_before(lower, start)
        if key == "application" and grammar.use_negated.search(clause):
            continue  # "not for use in gas centrifuges" names no use
        for_use = grammar.purpose.search(clause) and any(s < start for s in items)
        if key == "product" and (for_use or (lower.startswith("用", end) and not lower.startswith("用于", end))):
            continue  # "tube for gas centrifuge rotors", "离心机用铝管": the centrifuge is the use, the item a tube
        if isinstance(value, bool):
            flags.setdefault(key, []).append((start, end, value))
            result.names.append((start, end))
        elif listed:
            many.setdefault(key, []).append((start, end, str(value)))
        else:
            if key == "material":
                result.materials.append((start, end, str(value)))
            if key not in found or start < found[key][0]:
                found[key] = (start, end, value)
    if "product" in found:
        result.names.append(found["product"][:2])
        found.pop("material", None)  # with a product named, material words describe its parts (see part materials)
    for key, (start, end, value) in found.items():
        _put(out, key, value, start, end, text)
    for key, said_at in flags.items():
        first = min(said_at)
        if len({value for _, _, value in said_at}) > 1:
            said = " and ".join(f"'{text[s:e]}'" for s, e, _ in sorted(said_at))
            what = key.replace("_", " ")
            out.warnings.append(f"contradiction: {what} is said with and without a negation ({said}); not used")
            continue
        _put(out, key, first[2], negations.get(first[0], first[0]), first[1], text)
    for key, pattern in grammar.flags_false:
        kind = pattern.search(lower)
        if kind and key not in flags and key not in out.specs:
            _put(out, key, False, kind.start(), kind.end(), text)
    for key, spans in many.items():
        named = list(dict.fromkeys(value for _, _, value in sorted(spans)))
        if key == "application" and any(v not in vocab.civil_uses for v in named):
            named = [v for v in named if v not in vocab.civil_uses]
        kept = [s for s in sorted(spans) if s[2] in named]
        _put(out, key, named, kept[0][0], kept[-1][1], text)
    return result


_CLAUSE = re.compile(r"[,;.。，；:()]")


def _clause_before(lower: str, start: int) -> str:
    """The text of the clause before ``start``, at most 30 characters back."""
    window = lower[max(0, start - 30) : start]
    breaks = list(_CLAUSE.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


_GRADE_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-.()/]*(?:\s?(?:glass|Glass|GLASS|玻璃))?")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z\-]*\s+){1,3})$")
_TEMPER_CODE_APART = re.compile(
    r"(?<![A-Za-z0-9])(?:(?P<a>[TH]\d{1,5})\s*(?:状态|态|condition|temper)|temper\s+(?P<b>[TH]\d{1,5}))(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _grade_candidates(text: str, match: re.Match[str]) -> list[tuple[int, str]]:
    """A designation as written, and with the words before it ("Kevlar 49", "Monel 400", "CP titanium Grade 2")."""
    token = match.group(0).rstrip(".-/").replace("玻璃", " glass")
    words = _WORDS_BEFORE.search(text[: match.start()])
    out: list[tuple[int, str]] = []
    if words:
        before = [(w.start() + words.start(), w.group(0)) for w in re.finditer(r"\S+", words.group(1))]
        for n in range(len(before), 0, -1):
            prefix = " ".join(word for _, word in before[-n:])
            out.append((before[-n][0], f"{prefix} {token}"))
    return [*out, (match.start(), token)]


def _find_grade(out: Extraction, text: str, lower: str, found: _Found) -> None:
    """The first grade named; a temper written apart from it ("aged condition", "T6状态") belongs to it.

    A designation read together with the word before it ("Kevlar 49") is only taken
    when the material the text names, if any, is the grade's own.
    """
    grades = load_grades()
    stated = out.specs.get("material")
    material = stated if isinstance(stated, str) else next((m for _, _, m in found.materials), None)
    for match in _GRADE_TOKEN.finditer(text):
        token = match.group(0).rstrip(".-/")
        if not re.search(r"\d", token) and "glass" not in token.lower() and "玻璃" not in token:
            continue
        for start, candidate in _grade_candidates(text, match):
            grade = grades.lookup(candidate)
            if grade is None:
                continue
            if start < match.start() and not _corroborated(grade, material):
                continue
            end = match.start() + len(token)
            stated_apart = not grade.temper and grade.grade.tempers
            value = _with_temper(candidate, grade, lower, (start, end)) if stated_apart else candidate
            _put(out, "grade", value, start, end, text)
            found.grade = (start, end, normalise_term(grade.grade.material))
            return


_GENERIC_NAMES = frozenset({"grade", "gr", "alloy", "type"})


def _corroborated(grade: GradeMatch, material: str | None) -> bool:
    """A designation read with the word before it fits the material the text names.

    A maker's name ("Kevlar 49", "Monel 400", "Maraging 300") stands on its own unless
    the text names another material; a generic word ("Grade 5", "Alloy 600") needs
    the text to name the grade's material ("CP titanium Grade 2"), since "Grade 5
    bolts" may be of any metal.
    """
    if material is not None and not _same_family(grade.grade.material, material):
        return False
    generic = grade.matched.split()[0].lower() in _GENERIC_NAMES
    return not generic or material is not None


def _same_family(a: str, b: str) -> bool:
    """Materials of one family: "nickel" and "nickel alloy", "titanium" and "titanium alloy"."""
    return normalise_term(a).split()[0] == normalise_term(b).split()[0]


def _with_temper(designation: str, grade: GradeMatch, lower: str, span: tuple[int, int]) -> str:
    """The designation with a temper the text states elsewhere ("C300 … aged condition" -> "C300 aged")."""
    table = load_grades()
    words = [t for t in grade.grade.tempers if not re.fullmatch(r"[THWOF]\d*", t, re.IGNORECASE)]
    words += [*table.temper_words, *table.temper_aliases.get(grade.grade.material, {})]
    words = [w for w in words if len(w) >= 4]  # "M", "CS": state codes only count written onto the grade
    outside = lower[: span[0]] + " " * (span[1] - span[0]) + lower[span[1] :]
    best: tuple[int, str] | None = None
    for word in sorted(set(words), key=len, reverse=True):
        found = re.search(_phrase_pattern([word]), outside)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), word)
    code = _TEMPER_CODE_APART.search(outside)
    if code and any(re.fullmatch(r"[TH]\d*", t) for t in grade.grade.tempers):
        written = (code.group("a") or code.group("b")).upper()
        if best is None or code.start() < best[0]:
            best = (code.start(), written)
    return f"{designation} {best[1]}" if best else designation


_CONNECTOR = re.compile(r"(?:[\s,/、&+()]|and|or|plus|及|和|与|或|以及)*")
_CLAUSE_BREAK = re.compile(r"[,;，；。]")


def _find_part_materials(out: Extraction, text: str, lower: str, grammar: _Grammar, found: _Found) -> None:
    """Materials named for a product's parts: "body and bellows Monel 400", "316L diaphragm", "过流部件不锈钢、铝合金".

    With a product named, a material next to a part word (wetted parts, body,
    bellows, diaphragm, seal, sensing element, 全…材质) fills the key the product's
    entries judge: sensing_material for pressure transducers, else wetted_materials.
    """
    product = out.known("product")
    if product is None:
        return
    vocab = text_vocabulary()
    key = next((k for k, products in vocab.part_materials.items() if product in products), "wetted_materials")
    mentions = sorted(found.materials + ([found.grade] if found.grade else []))
    runs: list[list[tuple[int, int, str]]] = []
    for mention in mentions:
        if runs and (mention[0] <= runs[-1][-1][1] or _CONNECTOR.fullmatch(lower[runs[-1][-1][1] : mention[0]])):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    cues = [
        (m.start(), m.end())
        for m in grammar.part_cues.finditer(lower)
        if not any(s <= m.start() and m.end() <= e for s, e in found.names)
    ]
    values: list[str] = []
    first = last = None
    for run in runs:
        start, end = run[0][0], max(m[1] for m in run)
        before = any(
            ce <= start and start - ce <= (14 if ce - cs > 1 else 0) and not _CLAUSE_BREAK.search(lower[ce:start])
            for cs, ce in cues
        )  # a one-character cue (全, 衬) stands right before its material: 全自动 is no 全铝
        after = any(cs >= end and cs - end <= 3 for cs, ce in cues)
        if before or after:
            values += [m[2] for m in run]
            first = start if first is None else first
            last = end
    if values and first is not None and last is not None:
        _put(out, key, list(dict.fromkeys(values)), first, last, text)


_TOW_COUNT = re.compile(r"(?<![A-Za-z0-9.])\d{1,3}(?:\.\d)?\s?[kK](?![A-Za-z0-9])")


def _find_tow_count(out: Extraction, text: str, lower: str, found: _Found) -> None:
    """Tow counts ("12K", "3K"): filaments per carbon-fibre tow, not a temperature; with no form word, a tow."""
    grade_material = found.grade[2] if found.grade else None
    if "carbon fibre" not in (out.specs.get("material"), grade_material, *(m for _, _, m in found.materials)):
        return
    for match in _TOW_COUNT.finditer(text):
        found.consumed.append((match.start(), match.end()))
        if "form" not in out.specs and out.context.get("form") is None:
            _put(out, "form", "tow", match.start(), match.end(), text)


_RATIO = re.compile(r"(?<![\d.])(?P<a>\d+(?:\.\d+)?)\s*:\s*(?P<b>\d+(?:\.\d+)?)(?![\d.])")


def _find_ratios(out: Extraction, text: str, lower: str, grammar: _Grammar, found: _Found) -> None:
    """Ratios named by their cue: "pressure ratio 3:1", "压比2:1", "> 1000:1"."""
    for match in _RATIO.finditer(text):
        if float(match.group("b")) == 0:
            continue
        for key, start in _cues_before(lower, match.start(), grammar.ratio_cues):
            found.consumed.append((match.start(), match.end()))
            _put(out, key, float(match.group("a")) / float(match.group("b")), start, match.end(), text)
            break


def _find_mass_resolution(out: Extraction, text: str, lower: str, grammar: _Grammar, found: _Found) -> None:
    """Mass resolution as a fraction: a peak width Δm read at the reference mass, or 1 / resolving power."""
    rule = text_vocabulary().mass_resolution
    if grammar.resolution is None or rule is None or out.known("product") not in rule.when_product:
        return
    reference = to_base(rule.reference_mass)[0]
    for match in grammar.resolution.finditer(lower):
        low, high = float(_number(match.group("num"))), float(_number(match.group("num2") or match.group("num")))
        if match.group("unit"):
            width = to_base(f"{max(low, high)} u")[0]  # the worst of a range
            fraction = width / reference
            how = f"Δm {max(low, high):g} u at m = {rule.reference_mass}"
        elif match.group("power") or min(low, high) > 1:
            fraction = 1 / min(low, high)
            how = f"m/Δm = {min(low, high):g}"
        else:
            continue
        found.consumed.append((match.start(), match.end()))
        quote = f"{text[match.start():match.end()].strip()} ({how})"
        _put(out, "resolution", f"{fraction * 100:.6g} %", match.start(), match.end(), text, quote=quote)
        return


def _cues_before(lower: str, start: int, cues: _CueIndex) -> list[tuple[str, int]]:
    """The cues written just before a number, best first.

    A named cue wins over a bare diameter sign after it ("内径Φ250": inside
    diameter); then the nearest end; then the longest. Only spaces, punctuation and
    the gap words ("up to", "最大") may stand between a cue and its number.
    """
    offset = max(0, start - 60)
    window = lower[offset:start]
    ranked: list[tuple[tuple[bool, int, int], str, int]] = []
    for match in cues.pattern.finditer(window):
        word = match.group(0)
        sign = word.strip() in _SIGNS
        for key in cues.keys.get(word, ()):
            ranked.append(((not sign, match.end(), -match.start()), key, offset + match.start()))
    ranked.sort(key=lambda r: r[0], reverse=True)
    return [(key, at) for _, key, at in ranked]


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
    low: str | None = None  # the lower end of a range ("0.5–50 kg"), written
    order: bool = False  # a count or a mass that is the order quantity unless a cue names it


_BARE_CHAIN = re.compile(
    r"[øφ⌀Φ]\s*(\d+(?:\.\d+)?)(?![\d.])((?:\s*[x×*X]\s*\d+(?:\.\d+)?(?![\d.]))*)"
    r"(?!\s*(?:[a-zA-Z%″\"]|毫米|厘米|米|英寸|[-–~至到]\s*\d))"
)
_RESTATED = re.compile(r"\s*[(（]\s*")


def _readings(text: str, lower: str, grammar: _Grammar, out: Extraction, found: _Found) -> list[_Reading]:
    readings: list[_Reading] = []
    for match in grammar.quantity.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in found.consumed):
            continue
        unit = _unit(grammar, match.group("unit"))
        number = _number(match.group("num"))
        high = _number(match.group("num2")) if match.group("num2") else None
        written = f"{high or number} {unit}"
        try:
            si, dims = to_base(written)
        except CatchallError:
            continue
        order = dims == dimensionality("[items]") or (dims == dimensionality("[mass]") and unit in ("t", "kg", "g"))
        low = f"{number} {unit}" if high else None
        readings.append(_Reading(match.start(), match.end(), si, dims, written, unit, low=low, order=order))
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
        if reading.dims == dimensionality("[items]"):
            continue
        cue = next(((k, s) for k, s in _cues_before(lower, reading.start, grammar.cues)
                    if _fits(k, reading.dims)), None)  # fmt: skip
        if cue is not None:
            reading.key, reading.key_start = cue
            continue
        for key, pattern in grammar.cues_after:
            if pattern.match(lower, reading.end) and _fits(key, reading.dims):
                reading.key, reading.key_start = key, reading.start
                break
    for before, reading in pairwise(readings):
        if before.key and _RESTATED.fullmatch(text[before.end : reading.start]) and before.dims == reading.dims:
            # "OD 120 mm (3 in)": the bracket restates the value before it, and must agree with it
            reading.key, reading.key_start = before.key, reading.start
    kept = []
    for reading in readings:
        if reading.order and reading.key is None:
            out.quantity = out.quantity or reading.low or reading.written
            continue
        kept.append(reading)
    return kept


def _chains(text: str, readings: list[_Reading], gap: re.Pattern[str]) -> list[list[_Reading]]:
    """Sizes joined by "×", also when the first says what it is ("120 mm dia. x 800 mm")."""
    chains: list[list[_Reading]] = []
    for reading in readings:
        if chains and gap.fullmatch(text[chains[-1][-1].end : reading.start]):
            chains[-1].append(reading)
        else:
            chains.append([reading])
    return [chain for chain in chains if len(chain) > 1]


def _assign_chains(out: Extraction, text: str, readings: list[_Reading], gap: re.Pattern[str]) -> None:
    """Size chains ("OD 100 × 3 × 6000 mm"): the places of a chain are named by the item's form."""
    template = text_vocabulary().dimension_chains.get(str(out.known("form")), [])
    length = dimensionality("[length]")
    for chain in _chains(text, readings, gap):
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


def _find_quantities(out: Extraction, text: str, lower: str, grammar: _Grammar, found: _Found) -> None:
    vocab = text_vocabulary()
    readings = _readings(text, lower, grammar, out, found)
    _assign_chains(out, text, readings, grammar.chain_gap)
    cued = {r.key for r in readings if r.key}
    bare = [r for r in readings if r.key is None]
    for reading in bare:
        key = _by_dimension(out, reading.unit, reading.dims)
        same_kind = [r for r in bare if r.dims == reading.dims and _by_dimension(out, r.unit, r.dims) == key]
        if key is None or key in cued or (reading.dims == dimensionality("[length]") and len(same_kind) > 1):
            out.warnings.append(f"'{text[reading.start:reading.end].strip()}': no parameter it could be; not used")
            continue
        reading.key, reading.key_start = key, reading.start
    specific = vocab.product_keys.get(str(out.known("product")), {})
    for reading in readings:
        if reading.key in specific and _fits(specific[reading.key], reading.dims):
            reading.key = specific[reading.key]  # a furnace's "power" is its power input
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
        if key == "dma_tg" and "dma" not in out.spans[key].quote.lower():
            said = out.spans[key].quote
            out.warnings.append(f"'{said}': method not stated; read as the DMA glass transition temperature")
        paired = vocab.range_keys.get(key)
        if paired and first.low is not None:
            _put(out, paired, first.low, first.key_start or first.start, first.end, text)


_FULL_SCALE_MARK = re.compile(r"\s*(?:of\s+)?(?:fs|f\.s\.|full[- ]?scale|满量程)")


def _derive(out: Extraction, text: str, lower: str) -> None:
    """What follows from what the text states.

    An accuracy in % of full scale is an accuracy in pressure units: % × full
    scale (2B230 c.2 states it in Pa). A round flat form measures its diameter
    across its plane. When every size of a form's chain is stated, its largest
    dimension is known.
    """
    vocab = text_vocabulary()
    accuracy, full_scale = out.spans.get("accuracy"), out.spans.get("full_scale")
    percent_of_full_scale = accuracy is not None and _FULL_SCALE_MARK.match(lower, accuracy.end) is not None
    if accuracy and full_scale and percent_of_full_scale and "accuracy_absolute" not in out.specs:
        fraction, pressure = to_base(str(out.specs["accuracy"]))[0], to_base(str(out.specs["full_scale"]))[0]
        quote = f"{accuracy.quote} × {full_scale.quote}"
        _put(out, "accuracy_absolute", f"{fraction * pressure:.6g} Pa", accuracy.start, accuracy.end, text, quote=quote)
    form = str(out.known("form"))
    for key, source in vocab.implied_dimensions.get(form, {}).items():
        span = out.spans.get(source)
        if span is not None and key not in out.specs:
            _put(out, key, out.specs[source], span.start, span.end, text, quote=f"{span.quote} (across a {form})")
    sizes = [*vocab.dimension_chains.get(form, []), *vocab.implied_dimensions.get(form, {})]
    if sizes and all(k in out.specs for k in sizes) and "max_dimension" not in out.specs:
        largest = max(sizes, key=lambda k: to_base(str(out.specs[k]))[0])
        span = out.spans[largest]
        shown = ", ".join(f"{k.replace('_', ' ')} {out.specs[k]}" for k in dict.fromkeys(sizes))
        _put(out, "max_dimension", out.specs[largest], span.start, span.end, text, quote=f"largest of {shown}")


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
