"""The condition language: named predicates composed as data, never ``eval``.

A condition is a YAML mapping. Each key names a predicate from a registry of
small pure functions (one per scope: the inquiry, one party, one item, or the
findings the policy reads) and its value is the predicate's argument. Several
keys in one mapping must all hold; ``all``, ``any`` and ``not`` combine
conditions; some predicates (``any_party``, ``any_item``) take a condition of
another scope as their argument.

A predicate returns the evidence that it holds (what matched, in words an
officer can check) or ``None`` when it does not, so every finding can say why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from catchall.redflags.yamldoc import Document, Path, validation_problems
from catchall.yamlio import Problem


@dataclass(frozen=True)
class Evidence:
    """What made a predicate hold: about what (a party, an item, the route) and what matched."""

    subject: str
    text: str
    countries: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()


Hits = list[Evidence] | None
Run = Callable[[Any, Any, Any], Hits]


@dataclass(frozen=True)
class Ref:
    """A name an argument refers to, checked in the second pass (a country list, a word list…)."""

    kind: str
    name: str
    path: Path = ()


@dataclass(frozen=True)
class Predicate:
    """One named predicate: its scope, how its argument is read, and the function."""

    name: str
    scope: str
    run: Run
    arg: TypeAdapter[Any] | None
    nested: str | None
    refs: Callable[[Any], list[Ref]]
    doc: str


@dataclass(frozen=True)
class Node:
    """A compiled condition: a combinator or a predicate with its validated argument."""

    op: str
    scope: str
    raw: Any = None
    arg: Any = None
    children: tuple[Node, ...] = ()
    predicate: Predicate | None = None


def _no_refs(_arg: Any) -> list[Ref]:
    return []


@dataclass
class Registry:
    """The predicates one kind of file may use, by scope and name."""

    name: str
    by_key: dict[tuple[str, str], Predicate] = field(default_factory=dict)

    def register(
        self, name: str, scope: str, arg: Any = None, *, nested: str | None = None,
        refs: Callable[[Any], list[Ref]] | None = None,
    ) -> Callable[[Run], Run]:
        """Decorator: add a predicate; its docstring is what the catalogue publishes."""

        def add(run: Run) -> Run:
            adapter = TypeAdapter(arg) if nested is None else None
            doc = " ".join((run.__doc__ or "").split())
            self.by_key[(scope, name)] = Predicate(name, scope, run, adapter, nested, refs or _no_refs, doc)
            return run

        return add

    def names(self, scope: str) -> list[str]:
        """Every predicate name valid in ``scope``, combinators included."""
        return sorted(["all", "any", "not", *(n for s, n in self.by_key if s == scope)])

    def catalogue(self) -> list[Predicate]:
        """Every predicate, for documentation."""
        return sorted(self.by_key.values(), key=lambda p: (p.scope, p.name))


@dataclass(frozen=True)
class Compiler:
    """Second pass over one ``when``: predicates known, arguments valid, names resolved."""

    registry: Registry
    known: Mapping[str, set[str]]
    doc: Document

    def compile(self, raw: Any, scope: str, path: Path, problems: list[Problem]) -> Node | None:
        """The node for ``raw`` in ``scope``, or ``None`` with the problems appended."""
        if not isinstance(raw, dict) or not raw:
            problems.append(self.doc.problem(path, f"a condition is a mapping of predicates; got {raw!r}"))
            return None
        nodes = [self._one(str(key), value, scope, (*path, key), problems) for key, value in raw.items()]
        if any(node is None for node in nodes):
            return None
        kept = tuple(node for node in nodes if node is not None)
        return kept[0] if len(kept) == 1 else Node("all", scope, raw, children=kept)

    def _one(self, key: str, value: Any, scope: str, path: Path, problems: list[Problem]) -> Node | None:
        if key in ("all", "any"):
            if not isinstance(value, list) or not value:
                problems.append(self.doc.problem(path, f"'{key}' takes a non-empty list of conditions"))
                return None
            kids = [self.compile(item, scope, (*path, i), problems) for i, item in enumerate(value)]
            if any(kid is None for kid in kids):
                return None
            return Node(key, scope, value, children=tuple(k for k in kids if k is not None))
        if key == "not":
            kid = self.compile(value, scope, path, problems)
            return Node("not", scope, value, children=(kid,)) if kid else None
        pred = self.registry.by_key.get((scope, key))
        if pred is None:
            known = ", ".join(self.registry.names(scope))
            problems.append(self.doc.problem(path, f"unknown predicate '{key}' for {scope}; known: {known}"))
            return None
        if pred.nested is not None:
            kid = self.compile(value, pred.nested, path, problems)
            return Node(key, scope, value, children=(kid,), predicate=pred) if kid else None
        return self._leaf(pred, value, scope, path, problems)

    def _leaf(self, pred: Predicate, value: Any, scope: str, path: Path, problems: list[Problem]) -> Node | None:
        assert pred.arg is not None  # only nested predicates have no argument type
        try:
            arg = pred.arg.validate_python(value)
        except ValidationError as exc:
            problems.extend(validation_problems(self.doc, exc, path))
            return None
        before = len(problems)
        for ref in pred.refs(arg):
            if ref.name not in self.known.get(ref.kind, set()):
                choices = ", ".join(sorted(self.known.get(ref.kind, set())))
                message = f"no {ref.kind.replace('_', ' ')} named '{ref.name}'; known: {choices}"
                problems.append(self.doc.problem((*path, *ref.path), message))
        return Node(pred.name, scope, value, arg, predicate=pred) if len(problems) == before else None


def evaluate(node: Node, ctx: Any, focus: Any) -> Hits:
    """The evidence that ``node`` holds for ``focus`` (the inquiry, a party, an item…), or ``None``."""
    if node.op == "all":
        hits: list[Evidence] = []
        for kid in node.children:
            found = evaluate(kid, ctx, focus)
            if found is None:
                return None
            hits.extend(found)
        return hits
    if node.op == "any":
        held = [found for kid in node.children if (found := evaluate(kid, ctx, focus)) is not None]
        return [hit for found in held for hit in found] if held else None
    if node.op == "not":
        # A negation holds without evidence: what did not match is no reason to show.
        return None if evaluate(node.children[0], ctx, focus) is not None else []
    assert node.predicate is not None  # every other op is a predicate
    argument = node.children[0] if node.predicate.nested else node.arg
    return node.predicate.run(ctx, focus, argument)


def describe(node: Node) -> str:
    """A condition in words, for evidence that nothing matched ("no party meets: role_in [consignee]")."""
    if node.op in ("all", "any"):
        return f" {'and' if node.op == 'all' else 'or'} ".join(describe(kid) for kid in node.children)
    if node.op == "not":
        return f"not ({describe(node.children[0])})"
    if node.children:
        return f"{node.op} ({describe(node.children[0])})"
    return f"{node.op} {_render(node.raw)}"


def _render(raw: Any) -> str:
    if isinstance(raw, dict):
        return ", ".join(f"{k} {_render(v)}" for k, v in raw.items())
    if isinstance(raw, list):
        return "[" + ", ".join(_render(v) for v in raw) + "]"
    return "" if raw is True else str(raw)
