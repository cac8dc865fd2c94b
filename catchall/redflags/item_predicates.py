"""Item-level predicates (inside ``any_item``) and the end-use plausibility check.

They read the goods engine's findings for each item and the item's specs, so
"7075 tube, OD 120 mm, for sporting goods" can be seen for what it fits: a
centrifuge rotor, which no tent pole needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from catchall.errors import CatchallError
from catchall.goods.specs import Measure, SpecValue, normalise_term, parse_value, vocabulary
from catchall.model import Finding
from catchall.redflags.conditions import Evidence, Hits, Ref
from catchall.redflags.context import RULES, Args, ItemRef, RuleContext, Words, word_refs
from catchall.redflags.text import code_matches, find_words

Status = Literal["controlled", "possible", "near_miss", "watch"]


class GoodsArgs(Args):
    """Which goods findings count: by status, by entry code (a code covers its sub-items), or both."""

    status_in: list[Status] = Field(default=["controlled", "watch", "near_miss", "possible"])
    code_in: list[str] = Field(default_factory=list)


def _goods_text(f: Finding) -> str:
    return f"{f.code} {f.details.get('status')} ({f.details.get('title', '')})"


@RULES.register("goods", "item", GoodsArgs)
def goods(ctx: RuleContext, ref: ItemRef, arg: GoodsArgs) -> Hits:
    """The goods engine found the item under an entry with one of these statuses (and codes)."""
    hits = [
        Evidence(ref.subject, _goods_text(f))
        for f in ctx.goods(ref.subject)
        if f.details.get("status") in arg.status_in and (not arg.code_in or code_matches(f.code, arg.code_in))
    ]
    return hits or None


def _terms(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for key in value:
        spec = vocabulary().keys.get(key)
        if spec is None or spec.kind not in ("term", "terms"):
            raise ValueError(f"'{key}' is not a word-valued spec key (material, form, product, grade…)")
    return {key: [normalise_term(v) for v in values] for key, values in value.items()}


@RULES.register("spec_in", "item", Annotated[dict[str, list[str]], AfterValidator(_terms)])
def spec_in(_ctx: RuleContext, ref: ItemRef, wanted: dict[str, list[str]]) -> Hits:
    """Every named spec of the item (stated or read from its description) is one of the values."""
    shown = []
    for key, values in wanted.items():
        value = ref.specs.get(key)
        have = value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
        if not any(normalise_term(v) in values for v in have):
            return None
        shown.append(f"{key} {', '.join(have)}")
    return [Evidence(ref.subject, "; ".join(shown))]


@dataclass(frozen=True)
class Bounds:
    """An inclusive range of one spec, parsed with its unit."""

    low: SpecValue | None
    high: SpecValue | None
    text: str


def _bounds(value: dict[str, dict[str, Any]]) -> dict[str, Bounds]:
    out = {}
    for key, limits in value.items():
        if not set(limits) <= {"min", "max"} or not limits:
            raise ValueError(f"{key}: give min, max or both")
        try:
            low, high = (parse_value(key, limits[k]) if limits.get(k) is not None else None for k in ("min", "max"))
        except CatchallError as exc:
            raise ValueError(exc.message) from None
        if any(isinstance(v, (bool, str, tuple)) for v in (low, high)):
            raise ValueError(f"{key}: a range needs a quantity or number spec")
        lo, hi = limits.get("min"), limits.get("max")
        if lo is not None and hi is not None:
            text = f"{lo} to {hi}"
        else:
            text = f"at least {lo}" if hi is None else f"at most {hi}"
        out[key] = Bounds(low, high, text)
    return out


def _si(value: SpecValue | None) -> float | None:
    if isinstance(value, Measure):
        return value.si
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


@RULES.register("spec_between", "item", Annotated[dict[str, dict[str, Any]], AfterValidator(_bounds)])
def spec_between(_ctx: RuleContext, ref: ItemRef, ranges: dict[str, Bounds]) -> Hits:
    """Every named spec of the item lies in its range (inclusive), e.g. outside_diameter 75 mm to 650 mm."""
    shown = []
    for key, bounds in ranges.items():
        have = _si(ref.specs.get(key))
        low, high = _si(bounds.low), _si(bounds.high)
        if have is None or (low is not None and have < low) or (high is not None and have > high):
            return None
        value = ref.specs[key]
        shown.append(f"{key} {value.text if isinstance(value, Measure) else f'{value:g}'} ({bounds.text})")
    return [Evidence(ref.subject, "; ".join(shown))]


class ItemText(Words):
    """Item fields to read and words to find in them."""

    fields: list[Literal["description"]] = Field(default=["description"])


@RULES.register("text_matches", "item", ItemText, refs=word_refs)
def item_text_matches(ctx: RuleContext, ref: ItemRef, arg: ItemText) -> Hits:
    """The item's description contains one of the words."""
    found = find_words(ctx.expand(arg.words, arg.word_lists), ref.item.description)
    return [Evidence(ref.subject, f"description contains {', '.join(found)}")] if found else None


def _table_ref(arg: Any) -> list[Ref]:
    return [Ref("table", str(arg))]


@RULES.register("end_use_inconsistent", "inquiry", str, refs=_table_ref)
def end_use_inconsistent(ctx: RuleContext, _q: object, table: str) -> Hits:
    """The stated end use is one the table calls implausible for an entry an item falls under."""
    end_use = ctx.inquiry.end_use
    hits: dict[tuple[str, str], Evidence] = {}
    for row in ctx.tables[table].rows:
        for f in ctx.goods():
            found = find_words(row.words, end_use)
            if not found or f.details.get("status") not in row.statuses or not code_matches(f.code, row.codes):
                continue
            text = f"{f.subject}: end use '{end_use}' ({', '.join(found)}) does not fit {_goods_text(f)}: {row.why}"
            hits.setdefault((f.subject, row.family), Evidence(f.subject, text))
    return list(hits.values()) or None
