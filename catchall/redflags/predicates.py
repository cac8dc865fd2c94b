"""Inquiry-level predicates: destination and route, parties and items, payment, text.

Each function's docstring is what the rule catalogue shows an officer. Each
returns the evidence it found, or ``None`` when the condition does not hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from catchall.model.countries import country_name
from catchall.redflags.conditions import Evidence, Hits, Node, describe, evaluate
from catchall.redflags.context import RULES, ItemRef, PartyRef, RuleContext, Words, list_ref, word_refs
from catchall.redflags.text import find_words, same_name

InquiryField = Literal[
    "notes", "end_use", "channel", "delivery.notes", "delivery.incoterm", "payment.method", "payment.payer",
    "destination_country", "route", "items.description", "parties.name", "parties.address",
]


def _values(ctx: RuleContext, name: InquiryField) -> list[str | None]:
    q = ctx.inquiry
    table: dict[str, list[str | None]] = {
        "notes": [q.notes], "end_use": [q.end_use], "channel": [q.channel],
        "delivery.notes": [q.delivery.notes if q.delivery else None],
        "delivery.incoterm": [q.delivery.incoterm if q.delivery else None],
        "payment.method": [q.payment.method if q.payment else None],
        "payment.payer": [q.payment.payer if q.payment else None],
        "destination_country": [q.destination_country], "route": [" ".join(q.route) or None],
        "items.description": [item.description for item in q.items],
        "parties.name": [p.name for p in q.parties], "parties.address": [p.address for p in q.parties],
    }
    return table[name]


def _on_list(ctx: RuleContext, subject: str, code: str, list_id: str, label: str = "") -> Evidence | None:
    if not ctx.countries.why(list_id, code):
        return None
    text = f"{label or subject}: {ctx.countries.describe(list_id, code)}"
    return Evidence(subject, text, (code,), tuple(ctx.countries.lists_of(code)))


def _route(ctx: RuleContext) -> str:
    return " → ".join(ctx.inquiry.route)


def _each(ctx: RuleContext, refs: Sequence[PartyRef] | Sequence[ItemRef], cond: Node) -> Hits:
    """One piece of evidence per party or item that meets ``cond``, naming it once."""
    hits = []
    for ref in refs:
        found = evaluate(cond, ctx, ref)
        if found is not None:
            texts = "; ".join(dict.fromkeys(hit.text for hit in found))
            countries = tuple(dict.fromkeys(c for hit in found for c in hit.countries))
            lists = tuple(dict.fromkeys(name for hit in found for name in hit.lists))
            hits.append(Evidence(ref.subject, f"{ref.subject}: {texts}" if texts else ref.subject, countries, lists))
    return hits or None


@RULES.register("any_party", "inquiry", nested="party")
def any_party(ctx: RuleContext, _q: object, cond: Node) -> Hits:
    """Some party (buyer, consignee, end user, intermediary, forwarder, payer) meets the party condition."""
    return _each(ctx, ctx.parties, cond)


@RULES.register("no_party", "inquiry", nested="party")
def no_party(ctx: RuleContext, _q: object, cond: Node) -> Hits:
    """No party meets the party condition (e.g. no consignee or end user is named)."""
    if any(evaluate(cond, ctx, ref) is not None for ref in ctx.parties):
        return None
    return [Evidence("parties", f"no party meets: {describe(cond)}")]


@RULES.register("any_item", "inquiry", nested="item")
def any_item(ctx: RuleContext, _q: object, cond: Node) -> Hits:
    """Some item meets the item condition."""
    return _each(ctx, ctx.items, cond)


@RULES.register("destination_in_list", "inquiry", str, refs=list_ref)
def destination_in_list(ctx: RuleContext, _q: object, list_id: str) -> Hits:
    """The declared destination country is on the country list."""
    code = ctx.inquiry.destination_country
    hit = _on_list(ctx, f"destination {code}", code, list_id) if code else None
    return [hit] if hit else None


@RULES.register("route_reaches_list", "inquiry", str, refs=list_ref)
def route_reaches_list(ctx: RuleContext, _q: object, list_id: str) -> Hits:
    """A country the route reaches after its origin, other than the declared destination, is on the list."""
    where = f"route {_route(ctx)}"
    reached = [c for c in dict.fromkeys(ctx.inquiry.route[1:]) if c != ctx.inquiry.destination_country]
    hits = [h for code in reached if (h := _on_list(ctx, where, code, list_id))]
    return hits or None


@RULES.register("route_through_list", "inquiry", str, refs=list_ref)
def route_through_list(ctx: RuleContext, _q: object, list_id: str) -> Hits:
    """The goods pass through (stop between origin and final country in) a country on the list."""
    where = f"route {_route(ctx)}"
    stops = dict.fromkeys(ctx.inquiry.route[1:-1])
    hits = [h for code in stops if (h := _on_list(ctx, where, code, list_id, f"transshipment on {where}"))]
    return hits or None


@RULES.register("route_beyond_destination", "inquiry", Literal[True])
def route_beyond_destination(ctx: RuleContext, _q: object, _arg: bool) -> Hits:
    """The route ends in a country other than the declared destination: the goods go further than stated."""
    route, dest = ctx.inquiry.route, ctx.inquiry.destination_country
    if len(route) < 2 or not dest or route[-1] == dest:
        return None
    last = route[-1]
    text = f"route {_route(ctx)} ends in {last} ({country_name(last)}), beyond the declared destination {dest}"
    return [Evidence(f"route {_route(ctx)}", text, (last,), tuple(ctx.countries.lists_of(last)))]


@RULES.register("route_stops_at_least", "inquiry", int)
def route_stops_at_least(ctx: RuleContext, _q: object, count: int) -> Hits:
    """The route has at least this many stops between origin and final country."""
    stops = ctx.inquiry.route[1:-1]
    if len(stops) < count:
        return None
    return [Evidence(f"route {_route(ctx)}", f"route {_route(ctx)} has {len(stops)} intermediate stop(s)")]


@RULES.register("field_missing", "inquiry", list[InquiryField])
def field_missing(ctx: RuleContext, _q: object, names: list[InquiryField]) -> Hits:
    """One of these fields of the inquiry is empty (e.g. no end use stated)."""
    hits = [Evidence("inquiry", f"{n} is not stated") for n in names if not any(v for v in _values(ctx, n))]
    return hits or None


class TextArgs(Words):
    """Fields to read and words to find in them."""

    fields: list[InquiryField]


@RULES.register("text_matches", "inquiry", TextArgs, refs=word_refs)
def text_matches(ctx: RuleContext, _q: object, arg: TextArgs) -> Hits:
    """The text of these fields contains one of the words (notes, end use, delivery notes, payment…)."""
    words = ctx.expand(arg.words, arg.word_lists)
    hits = []
    for name in arg.fields:
        for value in _values(ctx, name):
            found = find_words(words, value)
            if found and value:
                shown = value if len(value) <= 160 else value[:157] + "…"
                hits.append(Evidence("inquiry", f"{name} '{shown}' contains {', '.join(map(repr, found))}"))
    return hits or None


@RULES.register("payment_method_in", "inquiry", Words, refs=word_refs)
def payment_method_in(ctx: RuleContext, _q: object, arg: Words) -> Hits:
    """The payment method is one of these (cash, money transfer service…)."""
    method = ctx.inquiry.payment.method if ctx.inquiry.payment else None
    found = find_words(ctx.expand(arg.words, arg.word_lists), method)
    return [Evidence("payment", f"payment method '{method}' ({', '.join(found)})")] if found else None


@RULES.register("payer_not_a_party", "inquiry", Literal[True])
def payer_not_a_party(ctx: RuleContext, _q: object, _arg: bool) -> Hits:
    """Someone other than the buyer, consignee or end user pays: a third-party payer."""
    principals = [r.party.name for r in ctx.parties if r.party.role.value in ("buyer", "consignee", "end_user")]
    payers = [r.party.name for r in ctx.parties if r.party.role.value == "payer"]
    if ctx.inquiry.payment and ctx.inquiry.payment.payer:
        payers.append(ctx.inquiry.payment.payer)
    if not principals:
        return None
    third = [p for p in dict.fromkeys(payers) if not any(same_name(p, name) for name in principals)]
    who = ", ".join(dict.fromkeys(principals))
    return [Evidence("payment", f"payer '{p}' is not the buyer, consignee or end user ({who})") for p in third] or None


@RULES.register("goods_status_in", "inquiry", list[Literal["controlled", "possible", "near_miss", "watch"]])
def goods_status_in(ctx: RuleContext, _q: object, statuses: list[str]) -> Hits:
    """Some item has a goods finding with one of these statuses (controlled, watch, near_miss, possible)."""
    hits = [
        Evidence(f.subject, f"{f.subject}: {f.code} {f.details.get('status')} ({f.details.get('title', '')})")
        for f in ctx.goods()
        if f.details.get("status") in statuses
    ]
    return hits or None
