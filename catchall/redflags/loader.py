"""Loading the red-flag rules: parse the file, then compile and resolve every rule.

Two passes, as the control lists load: the file against its model first; then
ids and aliases must be unique, every source, word list, country list and table
a rule names must exist, and every ``when`` must compile. Every problem names
the file, the key path and the line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

# The predicate modules register themselves on import; the loader needs them all.
from catchall.redflags import item_predicates, party_predicates, predicates, yamldoc
from catchall.redflags.conditions import Compiler, Node
from catchall.redflags.context import RULES
from catchall.redflags.countries import CountryLists, default_countries
from catchall.redflags.schema import EndUseTable, Rule, RulesFile
from catchall.redflags.yamldoc import Document, Path
from catchall.yamlio import Problem

PACKAGED = "catchall/data/redflags.yaml"
_REGISTERED = (predicates, party_predicates, item_predicates)


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its compiled condition and the titles of its sources."""

    rule: Rule
    when: Node
    source: str


@dataclass(frozen=True)
class RuleBook:
    """Every rule, ready to run, with the word lists and tables they read."""

    version: str
    rules: tuple[CompiledRule, ...]
    words: Mapping[str, tuple[str, ...]]
    tables: Mapping[str, EndUseTable]

    def tags(self) -> set[str]:
        """Every tag a rule carries, for policy lines to refer to."""
        return {tag for compiled in self.rules for tag in compiled.rule.tags}

    def ids(self) -> set[str]:
        """Every rule id and alias."""
        return {name for c in self.rules for name in (c.rule.id, *c.rule.aliases)}


def _unique(doc: Document, items: Sequence[tuple[Path, str]], what: str) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for path, name in items:
        if name in seen:
            problems.append(doc.problem(path, f"{what} '{name}' is used twice"))
        seen.add(name)
    return problems


def resolve(doc: Document, parsed: RulesFile, countries: CountryLists) -> tuple[RuleBook | None, list[Problem]]:
    """Second pass: unique ids, resolved names, compiled conditions."""
    word_items: list[tuple[Path, str]] = [(("word_lists",), name) for name in countries.word_lists]
    word_items += [(("word_lists", i, "id"), wl.id) for i, wl in enumerate(parsed.word_lists)]
    problems = _unique(doc, word_items, "word list id (here or in the country lists file)")
    tables: list[tuple[Path, str]] = [(("end_use_tables", i, "id"), t.id) for i, t in enumerate(parsed.end_use_tables)]
    problems += _unique(doc, tables, "table")
    ids: list[tuple[Path, str]] = [
        (("rules", i, "id"), name) for i, r in enumerate(parsed.rules) for name in (r.id, *r.aliases)
    ]
    problems += _unique(doc, ids, "rule id or alias")
    words = {wl.id: tuple(wl.words) for wl in (*countries.word_lists.values(), *parsed.word_lists)}
    by_id = {t.id: t for t in parsed.end_use_tables}
    known = {"country_list": countries.names(), "word_list": set(words), "table": set(by_id)}
    compiler = Compiler(RULES, known, doc)
    compiled = []
    for i, rule in enumerate(parsed.rules):
        for j, ref in enumerate(rule.source):
            if ref not in parsed.sources:
                problems.append(doc.problem(("rules", i, "source", j), f"no source named '{ref}' under sources"))
        node = compiler.compile(rule.when, "inquiry", ("rules", i, "when"), problems)
        if node is not None:
            titles = "; ".join(parsed.sources[s].title for s in rule.source if s in parsed.sources)
            compiled.append(CompiledRule(rule, node, titles))
    if problems:
        return None, problems
    return RuleBook(parsed.version, tuple(compiled), words, by_id), []


def load_rules(name: str, text: str, countries: CountryLists) -> RuleBook:
    """Load a rules file against the country lists; raises one error listing every problem with its line."""
    doc, problems = yamldoc.read(name, text)
    if doc is None:
        yamldoc.fail(problems, "red-flag rules")
    parsed, problems = yamldoc.validate(doc, RulesFile, "a red-flag rules file")
    if parsed is None:
        yamldoc.fail(problems, "red-flag rules")
    book, problems = resolve(doc, parsed, countries)
    if book is None:
        yamldoc.fail(problems, "red-flag rules")
    return book


@cache
def default_rules() -> RuleBook:
    """The packaged rules against the packaged country lists, loaded once."""
    text = resources.files("catchall.data").joinpath("redflags.yaml").read_text(encoding="utf-8")
    return load_rules(PACKAGED, text, default_countries())
