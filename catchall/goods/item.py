"""One item, from what the inquiry says to the entries it falls under.

The single path every front takes: explicit specs are parsed (a bad value is an
error naming the key), the description is read for more (a bad text value is
only a warning), the grade fills in what both leave out, and the classifier
judges every entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from catchall.errors import CatchallError
from catchall.goods.classifier import Classifier, EntryResult
from catchall.goods.extract import Extraction, extract
from catchall.goods.facts import GradeLookup, ItemFacts, build_facts
from catchall.goods.hs import Heading, hs_table
from catchall.goods.specs import SpecValue, parse_specs, parse_value


@dataclass
class ItemVerdict:
    """The entries an item falls under, the facts they were judged on, and what to tell the user."""

    results: list[EntryResult]
    facts: ItemFacts
    warnings: list[str] = field(default_factory=list)
    quantity: str | None = None
    hs: Heading | None = None


def classify_item_specs(
    specs: Mapping[str, object],
    description: str | None,
    *,
    classifier: Classifier,
    grades: GradeLookup | None,
    hs_code: str | None = None,
) -> ItemVerdict:
    """Classify one item; raises :class:`CatchallError` only for bad explicit specs."""
    parsed = parse_specs(specs)
    heading = hs_table().lookup(hs_code) if hs_code else None
    context = {k: v for k, v in {**(heading.facts if heading else {}), **specs}.items() if k in ("product", "form")}
    extraction = extract(description, context) if description else None
    text_specs, quotes = _text_specs(extraction)
    hs_specs = parse_specs(heading.facts, prefix="hs") if heading else {}
    label = f"HS {heading.hs}: {heading.text}" if heading else ""
    facts = build_facts(parsed, grades, text_specs=text_specs, quotes=quotes, hs_specs=hs_specs, hs_label=label)
    results = classifier.classify(facts, description)
    warnings = (extraction.warnings if extraction else []) + facts.notes
    return ItemVerdict(results, facts, warnings, extraction.quantity if extraction else None, heading)


def _text_specs(extraction: Extraction | None) -> tuple[dict[str, SpecValue], dict[str, str]]:
    """Specs read from the text, each parsed on its own: one that does not parse becomes a warning."""
    if extraction is None:
        return {}, {}
    parsed: dict[str, SpecValue] = {}
    for key, raw in extraction.specs.items():
        try:
            parsed[key] = parse_value(key, raw)
        except CatchallError as exc:
            extraction.warnings.append(f"text value not used: {exc.one_line()}")
    return parsed, {key: span.quote for key, span in extraction.spans.items()}
