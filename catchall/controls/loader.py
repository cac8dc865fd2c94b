"""Loading control and watch lists: parse every file, then resolve references.

Two passes, as followthemoney loads its schemata: first each file is validated
on its own; then codes must be unique across files, every ``parent``,
``excludes`` and watch ``references`` must point to an entry that exists.
Every problem names the file and the key path (and the line, where known).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml
from pydantic import ValidationError

from catchall.controls.schema import ControlList, Entry, WatchEntry, WatchList
from catchall.errors import DataFileError
from catchall.yamlio import Problem, compose_yaml, dotted, line_of, load_yaml


@dataclass
class Registry:
    """Every loaded control entry and watch entry, by code."""

    lists: list[ControlList] = field(default_factory=list)
    watch_lists: list[WatchList] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    list_of: dict[str, ControlList] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    watch_entries: dict[str, tuple[WatchList, WatchEntry]] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """One string naming every list version, for reports."""
        parts = list(dict.fromkeys(f"{lst.source.title}, {lst.source.version}" for lst in self.lists))
        parts += [f"{wl.name} {wl.version}" for wl in self.watch_lists]
        return "; ".join(parts) or "none"

    def is_leaf(self, code: str) -> bool:
        """True when no other entry names ``code`` as its parent."""
        return not self.children.get(code)

    def ancestors(self, code: str) -> list[str]:
        """The parent chain of ``code``, nearest first."""
        chain: list[str] = []
        parent = self.entries[code].parent if code in self.entries else None
        while parent and parent in self.entries and parent not in chain:
            chain.append(parent)
            parent = self.entries[parent].parent
        return chain


def parse_file(name: str, text: str) -> tuple[ControlList | WatchList | None, list[Problem]]:
    """First pass: one file on its own. Returns the list or the problems found."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(name, "", f"not valid YAML: {exc}", mark.line + 1 if mark else None)]
    if not isinstance(data, Mapping):
        return None, [Problem(name, "", "a list file must be a mapping with kind, name, source and entries")]
    model: type[ControlList] | type[WatchList] = WatchList if data.get("kind") == "watch_list" else ControlList
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        node = compose_yaml(text)  # only now: line numbers for the errors
        problems = []
        for error in exc.errors():
            loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p[:1].isupper()))
            problems.append(Problem(name, dotted(loc), str(error["msg"]), line_of(node, loc)))
        return None, problems


def resolve(parsed: Mapping[str, ControlList | WatchList]) -> tuple[Registry, list[Problem]]:
    """Second pass: unique codes across files, and every reference resolved."""
    registry = Registry()
    problems: list[Problem] = []
    where: dict[str, str] = {}
    for name, lst in parsed.items():
        if isinstance(lst, WatchList):
            registry.watch_lists.append(lst)
            continue
        registry.lists.append(lst)
        for i, entry in enumerate(lst.entries):
            if entry.code in registry.entries:
                problems.append(Problem(name, f"entries[{i}].code", f"{entry.code} is also in {where[entry.code]}"))
                continue
            registry.entries[entry.code] = entry
            registry.list_of[entry.code] = lst
            where[entry.code] = name
    for code, entry in registry.entries.items():
        if entry.parent:
            if entry.parent not in registry.entries:
                problems.append(Problem(where[code], code, f"parent {entry.parent} is not a loaded entry"))
            else:
                registry.children.setdefault(entry.parent, []).append(code)
    for name, lst in parsed.items():
        if not isinstance(lst, WatchList):
            continue
        for i, watch in enumerate(lst.entries):
            if watch.code in registry.watch_entries or watch.code in registry.entries:
                problems.append(Problem(name, f"entries[{i}].code", f"duplicate code {watch.code}"))
            registry.watch_entries[watch.code] = (lst, watch)
            for ref in watch.references:
                if ref not in registry.entries:
                    problems.append(Problem(name, f"entries[{i}].references", f"{ref} is not a loaded control entry"))
    return registry, problems


def _packaged(folder: str) -> list[Traversable]:
    root = resources.files("catchall.data").joinpath(folder)
    return sorted((f for f in root.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)


def load_texts(texts: Mapping[str, str]) -> Registry:
    """Load list files given as {name: YAML text}; raises with every problem found."""
    parsed: dict[str, ControlList | WatchList] = {}
    problems: list[Problem] = []
    for name, text in texts.items():
        lst, found = parse_file(name, text)
        problems.extend(found)
        if lst is not None:
            parsed[name] = lst
    registry, found = resolve(parsed)
    problems.extend(found)
    if problems:
        raise DataFileError("; ".join(str(p) for p in problems[:20]) + (" …" if len(problems) > 20 else ""))
    return registry


@cache
def load_registry() -> Registry:
    """The packaged control lists and watch lists, loaded and resolved once."""
    texts = {
        f"catchall/data/{folder}/{file.name}": file.read_text(encoding="utf-8")
        for folder in ("controls", "watchlists")
        for file in _packaged(folder)
    }
    return load_texts(texts)
