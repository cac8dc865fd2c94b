"""Country lists as data: embargoes, restrictive measures, concern and diversion hubs.

Each list names its source and date, and each country the measure that puts
it there, so a finding can say "IR is on the UN Security Council embargo list:
UNSCR 1737 (2006), re-applied 27 September 2025". Lists may be unions of other
lists ("destinations of concern"); unions are resolved once, at load.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from catchall.model.countries import country_name
from catchall.redflags import yamldoc
from catchall.redflags.schema import CountriesFile, CountryEntry, CountryList, WordList
from catchall.redflags.yamldoc import Document
from catchall.yamlio import Problem

PACKAGED = "catchall/data/countries.yaml"


@dataclass(frozen=True)
class Membership:
    """Why a country is on a list: the list that names it and its entry there."""

    list_id: str
    entry: CountryEntry


@dataclass(frozen=True)
class CountryLists:
    """Every list by id, unions resolved, plus the word lists the file declares."""

    version: str
    lists: Mapping[str, CountryList]
    members: Mapping[str, Mapping[str, tuple[Membership, ...]]]
    word_lists: Mapping[str, WordList]

    def names(self) -> set[str]:
        """Every list id and alias, for rules and policy lines to refer to."""
        return set(self.lists) | {alias for lst in self.lists.values() for alias in lst.aliases}

    def canonical(self, list_id: str) -> str:
        """The id a list is known by now, given its id or an old alias."""
        if list_id in self.lists:
            return list_id
        return next(lst.id for lst in self.lists.values() if list_id in lst.aliases)

    def why(self, list_id: str, code: str) -> tuple[Membership, ...]:
        """The entries that put ``code`` on ``list_id``; empty when it is not on it."""
        return self.members[self.canonical(list_id)].get(code, ())

    def lists_of(self, code: str) -> list[str]:
        """Every list (unions included) that ``code`` is on, for findings and the policy."""
        return sorted(list_id for list_id, members in self.members.items() if code in members)

    def describe(self, list_id: str, code: str) -> str:
        """One line: the country, the list, and each measure behind it."""
        lst = self.lists[self.canonical(list_id)]
        parts = []
        for why in self.why(list_id, code):
            via = f"{self.lists[why.list_id].name}: " if why.list_id != lst.id else ""
            parts.append(f"{via}{why.entry.measure} [{why.entry.legal_basis}]")
        measures = "; ".join(parts)
        return f"{code} ({country_name(code)}) is on '{lst.name}' [{lst.id}] ({measures})"


def resolve(doc: Document, parsed: CountriesFile) -> tuple[CountryLists | None, list[Problem]]:
    """Second pass: unique ids, unions that point to lists that exist and do not loop."""
    problems: list[Problem] = []
    by_id: dict[str, CountryList] = {}
    seen: set[str] = set()
    for i, lst in enumerate(parsed.lists):
        for name in (lst.id, *lst.aliases):
            if name in seen:
                problems.append(doc.problem(("lists", i, "id"), f"list id or alias '{name}' is used twice"))
            seen.add(name)
        by_id[lst.id] = lst
        for j, entry in enumerate(lst.countries):
            if [e.code for e in lst.countries].index(entry.code) != j:
                problems.append(doc.problem(("lists", i, "countries", j, "code"), f"{entry.code} is listed twice"))
        for j, ref in enumerate(lst.union):
            if ref not in {other.id for other in parsed.lists}:
                problems.append(doc.problem(("lists", i, "union", j), f"'{ref}' is not a list in this file"))
    words: dict[str, WordList] = {}
    for i, wl in enumerate(parsed.word_lists):
        if wl.id in words or wl.id in seen:
            problems.append(doc.problem(("word_lists", i, "id"), f"'{wl.id}' is used twice"))
        words[wl.id] = wl
    if problems:
        return None, problems
    members: dict[str, dict[str, tuple[Membership, ...]]] = {}
    for i, lst in enumerate(parsed.lists):
        found = _members(lst.id, by_id, ())
        if found is None:
            problems.append(doc.problem(("lists", i, "union"), f"the union of '{lst.id}' includes itself"))
            continue
        members[lst.id] = found
    if problems:
        return None, problems
    return CountryLists(parsed.version, by_id, members, words), []


def _members(
    list_id: str, by_id: Mapping[str, CountryList], stack: tuple[str, ...]
) -> dict[str, tuple[Membership, ...]] | None:
    if list_id in stack:
        return None
    lst = by_id[list_id]
    out: dict[str, tuple[Membership, ...]] = {e.code: (Membership(list_id, e),) for e in lst.countries}
    for ref in lst.union:
        sub = _members(ref, by_id, (*stack, list_id))
        if sub is None:
            return None
        for code, why in sub.items():
            out[code] = out.get(code, ()) + why
    return out


def load_countries(name: str, text: str) -> CountryLists:
    """Load a country lists file; raises one error listing every problem with its line."""
    doc, problems = yamldoc.read(name, text)
    if doc is None:
        yamldoc.fail(problems, "country lists")
    parsed, problems = yamldoc.validate(doc, CountriesFile, "a country lists file")
    if parsed is None:
        yamldoc.fail(problems, "country lists")
    lists, problems = resolve(doc, parsed)
    if lists is None:
        yamldoc.fail(problems, "country lists")
    return lists


@cache
def default_countries() -> CountryLists:
    """The packaged country lists, loaded once."""
    text = resources.files("catchall.data").joinpath("countries.yaml").read_text(encoding="utf-8")
    return load_countries(PACKAGED, text)
