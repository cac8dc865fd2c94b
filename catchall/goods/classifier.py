"""The goods classifier: item facts against every control and watch entry.

For each entry the answer is ``controlled`` (every criterion met), ``possible``
(none failed, some unknown, or the entry has no machine-checkable criteria),
``near_miss`` (failed only by the margin) or ``watch`` (a watch-list overlay
matched), with one explanation line per criterion. Only the deepest sub-items
are reported; a sub-item inherits the scope and criteria of its parents.
"Other than those specified in X" is honoured: an entry is dropped when the
item is controlled under X.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from catchall.controls.loader import Registry, load_registry
from catchall.controls.schema import AllOf, Criterion, Entry
from catchall.goods.criteria import Compiler, Line, Node, Outcome
from catchall.goods.facts import ItemFacts
from catchall.goods.retrieval import BM25

DEFAULT_MARGIN = 0.10  # a miss by at most 10 % of the threshold is a near miss (CONTRACTS.md)
SIMILAR_TOP = 3  # entries suggested by text similarity when no criterion or keyword applies
SIMILAR_MIN_SCORE = 8.0  # BM25 score below which a suggestion is noise (measured on tests/data)
SIMILAR_MIN_TERMS = 2  # distinct shared terms a suggestion needs, not counting generic material words
GENERIC_TERMS = frozenset(
    "steel stainless aluminium aluminum alloy metal copper nickel iron material plastic rubber glass "
    "computer system unit 钢 不锈 铝合 合金".split()
)


@dataclass(frozen=True)
class Compiled:
    """An entry (or watch entry) ready to evaluate."""

    code: str
    title: str
    scope: Node | None
    criteria: Node | None
    anchors: dict[str, frozenset[str]]
    excludes: tuple[str, ...]
    keywords: tuple[re.Pattern[str], ...]
    regime: str
    nsg: str | None = None
    eccn: str | None = None
    watch_list: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntryResult:
    """One entry's verdict on one item, with its explanation."""

    code: str
    status: str
    title: str
    regime: str
    lines: tuple[Line, ...]
    missing: tuple[str, ...] = ()
    nsg: str | None = None
    eccn: str | None = None
    watch_list: str | None = None
    references: tuple[str, ...] = ()
    note: str | None = None

    def summary(self) -> str:
        """One sentence per entry: the status, then each criterion with its value and whether it was met."""
        marks = {True: "met", False: "not met", None: "not stated"}
        parts = []
        for line in self.lines:
            value = f": {line.value}" if line.value is not None else ""
            near = " (near miss)" if line.near else ""
            parts.append(f"{line.criterion}{value} [{marks[line.met]}{near}]")
        head = f"{self.status}: {self.title}"
        if self.watch_list:
            head += f" ({self.watch_list}, below {', '.join(self.references)})"
        tail = f" Note: {self.note}." if self.note else ""
        return f"{head}. " + "; ".join(parts) + "." + tail

    def as_dict(self) -> dict[str, object]:
        """The contract shape of an entry in ``goods classify`` output."""
        out: dict[str, object] = {"code": self.code, "regime": self.regime}
        if self.nsg:
            out["nsg"] = self.nsg
        if self.eccn:
            out["eccn"] = self.eccn
        out["status"] = self.status
        out["title"] = self.title
        out["explanation"] = [line.as_dict() for line in self.lines]
        if self.missing:
            out["missing"] = list(self.missing)
        if self.watch_list:
            out["watch_list"] = self.watch_list
            out["references"] = list(self.references)
        if self.note:
            out["note"] = self.note
        return out


def _conjoin(parts: Iterable[Criterion | None]) -> Criterion | None:
    present = [p for p in parts if p is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else AllOf(all=present)


def _keyword_pattern(word: str) -> re.Pattern[str]:
    if re.search(r"[\u4e00-\u9fff]", word):
        return re.compile(re.escape(word))
    return re.compile(rf"(?<![a-z0-9]){re.escape(word.lower())}(?![a-z0-9])")


@dataclass
class Classifier:
    """Compiled entries with an index from material and product to the entries they anchor."""

    registry: Registry
    margin: float = DEFAULT_MARGIN
    resolve_exclusions: bool = True
    entries: list[Compiled] = field(default_factory=list)
    by_anchor: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    unanchored: list[int] = field(default_factory=list)
    keyword_only: list[int] = field(default_factory=list)
    by_code: dict[str, Compiled] = field(default_factory=dict)
    similarity: BM25 | None = None

    def __post_init__(self) -> None:
        for code, entry in self.registry.entries.items():
            if self.registry.is_leaf(code):
                self._add(self._compile_entry(code, entry))
        for watch_list, watch in self.registry.watch_entries.values():
            compiler = Compiler(f"{watch_list.name} {watch.code}")
            scope = compiler.compile(watch.scope) if watch.scope else None
            self._add(
                Compiled(
                    watch.code, watch.title, scope, Compiler(watch.code).compile(watch.criteria, top=False),
                    dict(compiler.anchors), (), (), "watch", watch_list=f"{watch_list.name} {watch_list.version}",
                    references=tuple(watch.references),
                )
            )

    def _text_index(self) -> BM25:
        """BM25 over every reported entry's title, keywords and legal text."""
        docs = []
        for compiled in self.entries:
            entry = self.registry.entries.get(compiled.code)
            if entry is not None:
                docs.append((compiled.code, " ".join([entry.title, *entry.keywords, entry.text])))
        return BM25(docs)

    def similar(self, text: str) -> list[EntryResult]:
        """Entries whose text is near ``text``, as ``possible`` with their score and shared terms."""
        if self.similarity is None:
            self.similarity = self._text_index()
        out = []
        for hit in self.similarity.search(text, SIMILAR_TOP):
            telling = [term for term in hit.shared if term not in GENERIC_TERMS]
            if hit.score < SIMILAR_MIN_SCORE or len(telling) < SIMILAR_MIN_TERMS:
                continue
            entry = self.by_code[hit.code]
            line = Line("text similarity (BM25)", f"score {hit.score}; shared terms: {', '.join(hit.shared)}",
                        None, "text")
            out.append(self._result(entry, "possible", (line,), (),
                                    "suggested by text similarity; no criterion covers this description"))
        return out

    def _compile_entry(self, code: str, entry: Entry) -> Compiled:
        chain = [*reversed(self.registry.ancestors(code)), code]
        entries = [self.registry.entries[c] for c in chain]
        compiler = Compiler(f"{self.registry.list_of[code].name} {code}")
        scope = _conjoin(e.scope for e in entries)
        criteria = _conjoin(e.criteria for e in entries)
        keywords = tuple(dict.fromkeys(k for e in entries for k in e.keywords))
        return Compiled(
            code=code,
            title=entry.title,
            scope=compiler.compile(scope) if scope else None,
            criteria=Compiler(code).compile(criteria, top=False) if criteria else None,
            anchors=dict(compiler.anchors),
            excludes=tuple(x for e in entries for x in e.excludes),
            keywords=tuple(_keyword_pattern(k) for k in keywords),
            regime=self.registry.list_of[code].regime,
            nsg=next((e.nsg for e in reversed(entries) if e.nsg), None),
            eccn=entry.eccn,
        )

    def _add(self, compiled: Compiled) -> None:
        index = len(self.entries)
        self.entries.append(compiled)
        self.by_code[compiled.code] = compiled
        if compiled.scope is None and compiled.criteria is None:
            self.keyword_only.append(index)
            return
        if not compiled.anchors:
            self.unanchored.append(index)
            return
        param, values = min(compiled.anchors.items(), key=lambda kv: len(kv[1]))
        for value in values:
            self.by_anchor.setdefault((param, value), []).append(index)

    def candidates(self, facts: ItemFacts, has_text: bool = False) -> list[int]:
        """Entries whose material or product anchor the item has, unanchored ones, and keyword entries for text."""
        found: set[int] = set(self.unanchored)
        if has_text:
            found.update(self.keyword_only)
        for param in ("material", "product"):
            fact = facts.values.get(param)
            if fact is not None and isinstance(fact.value, str):
                found.update(self.by_anchor.get((param, fact.value), ()))
        return sorted(found)

    def classify(self, facts: ItemFacts, description: str | None = None) -> list[EntryResult]:
        """Every entry that applies to the item, best status first."""
        text = (description or "").lower()
        candidates = self.candidates(facts, bool(text))
        results = [r for i in candidates if (r := self._judge(self.entries[i], facts, text))]
        covered = bool(results) or any(self._in_scope(self.entries[i], facts) for i in candidates)
        controlled = {r.code for r in results if r.status == "controlled"}
        if self.resolve_exclusions:
            results = [r for r in results if not _excluded(r, self.by_code, controlled)]
        results = [r for r in results if not (r.status == "watch" and controlled & set(r.references))]
        if not covered and text.strip():
            results = self.similar(text)
        order = {"controlled": 0, "watch": 1, "near_miss": 2, "possible": 3}
        return sorted(results, key=lambda r: (order[r.status], r.code))

    def _in_scope(self, entry: Compiled, facts: ItemFacts) -> bool:
        """True when the item is of the kind the entry is about, whatever its criteria say."""
        if entry.scope is None:
            return False
        met, _, any_met = entry.scope.check(facts.values, facts.capable, 0.0)
        return met is True or (met is None and any_met)

    def _judge(self, entry: Compiled, facts: ItemFacts, text: str) -> EntryResult | None:
        if entry.scope is None and entry.criteria is None:
            return self._by_keyword(entry, text)
        if entry.scope is not None:
            met, _, any_met = entry.scope.check(facts.values, facts.capable, 0.0)
            if met is False or (met is None and not any_met):
                return None
        if entry.criteria is not None:
            met, lenient, _ = entry.criteria.check(facts.values, facts.capable, self.margin)
            if met is False and (lenient is False or entry.watch_list):
                return None
            if met is None and entry.watch_list:
                return None
        return self._explain(entry, facts)

    def _explain(self, entry: Compiled, facts: ItemFacts) -> EntryResult | None:
        """The full verdict with its explanation, for an entry the fast check kept."""
        scope = entry.scope.evaluate(facts.values, facts.capable, 0.0) if entry.scope else None
        lines = scope.lines if scope else ()
        if entry.criteria is None:
            return self._result(entry, "possible", lines, scope.missing if scope else (),
                                "no machine-checkable criteria: read the legal text")
        crit = entry.criteria.evaluate(facts.values, facts.capable, self.margin)
        return self._verdict(entry, scope, crit, lines + crit.lines)

    def _verdict(
        self, entry: Compiled, scope: Outcome | None, crit: Outcome, lines: tuple[Line, ...]
    ) -> EntryResult | None:
        missing = tuple(dict.fromkeys((scope.missing if scope else ()) + crit.missing))
        scope_met = scope is None or scope.met is True
        if crit.met is True:
            if entry.watch_list:
                return self._result(entry, "watch", lines, missing) if scope_met else None
            return self._result(entry, "controlled" if scope_met else "possible", lines, missing)
        if crit.met is None:
            return None if entry.watch_list else self._result(entry, "possible", lines, missing)
        if crit.lenient is not False and not entry.watch_list:
            return self._result(entry, "near_miss", lines, missing)
        return None

    def _by_keyword(self, entry: Compiled, text: str) -> EntryResult | None:
        for pattern in entry.keywords:
            if text and pattern.search(text):
                line = Line(f"keyword '{pattern.pattern}'", pattern.pattern, None, "text")
                return self._result(entry, "possible", (line,), (), "matched on a keyword; no criteria checked")
        return None

    def _result(self, entry: Compiled, status: str, lines: tuple[Line, ...], missing: tuple[str, ...],
                note: str | None = None) -> EntryResult:
        if status in ("controlled", "watch"):
            missing = ()  # unknowns in branches that did not decide are not missing
        if status == "possible" and missing and note is None:
            note = "not stated: " + ", ".join(p.replace("_", " ") for p in missing)
        return EntryResult(entry.code, status, entry.title, entry.regime, lines, missing, entry.nsg, entry.eccn,
                           entry.watch_list, entry.references, note)


def _excluded(result: EntryResult, compiled: dict[str, Compiled], controlled: set[str]) -> bool:
    entry = compiled.get(result.code)
    if entry is None or not entry.excludes:
        return False
    return any(code == x or code.startswith(x + ".") for x in entry.excludes for code in controlled)


@cache
def default_classifier() -> Classifier:
    """The classifier over the packaged control and watch lists."""
    return Classifier(load_registry())
