"""The decision policy as data: numbered lines an official can read, each with its decision.

Each line of ``catchall/data/policy.yaml`` says when it applies, in the same
condition language as the red-flag rules but over the findings (their kind,
status, severity, tags, country lists, the sum of red-flag weights), and what
to decide. Every line that applies gives a reason naming itself and the
findings that made it apply; the gravest decision among them wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from catchall.model import Decision, Finding
from catchall.redflags import yamldoc
from catchall.redflags.conditions import Compiler, Evidence, Hits, Node, Ref, Registry, evaluate
from catchall.redflags.countries import default_countries
from catchall.redflags.text import code_matches
from catchall.redflags.yamldoc import Document
from catchall.yamlio import Problem

POLICY = Registry("decision policy")
PACKAGED = "catchall/data/policy.yaml"
Kind = Literal["goods", "party", "red_flag", "destination"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FindingArgs(_Strict):
    """Which findings count: every field given must hold for the same finding."""

    kind_in: list[Kind] = Field(default_factory=list)
    severity_in: list[Literal["info", "warning", "critical"]] = Field(default_factory=list)
    status_in: list[Literal["controlled", "possible", "near_miss", "watch"]] = Field(default_factory=list)
    code_in: list[str] = Field(default_factory=list)
    tags_any: list[str] = Field(default_factory=list)
    lists_any: list[str] = Field(default_factory=list)

    def holds(self, f: Finding) -> bool:
        """Whether one finding meets every field given."""
        details = f.details
        return (
            (not self.kind_in or f.kind in self.kind_in)
            and (not self.severity_in or f.severity in self.severity_in)
            and (not self.status_in or details.get("status") in self.status_in)
            and (not self.code_in or code_matches(f.code, self.code_in))
            and (not self.tags_any or bool(set(self.tags_any) & set(details.get("tags") or ())))
            and (not self.lists_any or bool(set(self.lists_any) & set(details.get("lists") or ())))
        )


def _finding_refs(arg: Any) -> list[Ref]:
    refs = [Ref("tag", t, ("tags_any", i)) for i, t in enumerate(arg.tags_any)]
    return refs + [Ref("country_list", name, ("lists_any", i)) for i, name in enumerate(arg.lists_any)]


def cite(f: Finding) -> str:
    """How a reason names a finding: its code, kind, status or severity, and subject."""
    status = f.details.get("status")
    return f"{f.code} ({f.kind}, {status or f.severity}): {f.subject}"


@POLICY.register("finding", "findings", FindingArgs, refs=_finding_refs)
def finding(_ctx: object, findings: Sequence[Finding], arg: FindingArgs) -> Hits:
    """Some finding has one of these kinds, severities, statuses, codes, tags and country lists."""
    hits = [Evidence(f.code, cite(f)) for f in findings if arg.holds(f)]
    return hits or None


@POLICY.register("weight_at_least", "findings", float)
def weight_at_least(_ctx: object, findings: Sequence[Finding], least: float) -> Hits:
    """The weights of the red-flag and destination findings add up to at least this."""
    weighted = [(f, float(f.details.get("weight") or 0)) for f in findings if f.kind in ("red_flag", "destination")]
    total = sum(w for _, w in weighted)
    if total < least:
        return None
    parts = ", ".join(f"{f.code} {w:g}" for f, w in weighted if w)
    return [Evidence("red flags", f"red-flag weight {total:g} ≥ {least:g} ({parts})")]


@POLICY.register("always", "findings", Literal[True])
def always(_ctx: object, _findings: Sequence[Finding], _arg: bool) -> Hits:
    """Always applies: the last line, for what no other line catches."""
    return []


class PolicyLine(_Strict):
    """One numbered line: when it applies and what it decides."""

    id: str = Field(pattern=r"^P[0-9]+$")
    name: str
    description: str
    when: dict[str, Any]
    decision: Decision
    aliases: list[str] = Field(default_factory=list)


class PolicyFile(_Strict):
    """``catchall/data/policy.yaml``."""

    kind: Literal["decision_policy"]
    version: str
    name: str
    description: str
    lines: list[PolicyLine] = Field(min_length=1)


@dataclass(frozen=True)
class Policy:
    """The lines, compiled, in order."""

    version: str
    name: str
    lines: tuple[tuple[PolicyLine, Node], ...]


def resolve(doc: Document, parsed: PolicyFile, tags: set[str], lists: set[str]) -> tuple[Policy | None, list[Problem]]:
    """Second pass: unique ids numbered in order, every condition compiled against the known names."""
    problems: list[Problem] = []
    compiler = Compiler(POLICY, {"tag": tags, "country_list": lists}, doc)
    seen: set[str] = set()
    last = 0
    lines = []
    for i, line in enumerate(parsed.lines):
        for name in (line.id, *line.aliases):
            if name in seen:
                problems.append(doc.problem(("lines", i, "id"), f"line id or alias '{name}' is used twice"))
            seen.add(name)
        if int(line.id[1:]) <= last:
            problems.append(doc.problem(("lines", i, "id"), f"{line.id} comes after P{last}: number lines in order"))
        last = max(last, int(line.id[1:]))
        node = compiler.compile(line.when, "findings", ("lines", i, "when"), problems)
        if node is not None:
            lines.append((line, node))
    if problems:
        return None, problems
    return Policy(parsed.version, parsed.name, tuple(lines)), []


def load_policy(name: str, text: str, *, tags: set[str], lists: set[str]) -> Policy:
    """Load a policy file; rule tags and country list ids it names must exist. Raises with every problem."""
    doc, problems = yamldoc.read(name, text)
    if doc is None:
        yamldoc.fail(problems, "decision policy")
    parsed, problems = yamldoc.validate(doc, PolicyFile, "a decision policy file")
    if parsed is None:
        yamldoc.fail(problems, "decision policy")
    policy, problems = resolve(doc, parsed, tags, lists)
    if policy is None:
        yamldoc.fail(problems, "decision policy")
    return policy


def decide(findings: Sequence[Finding], policy: Policy) -> tuple[Decision, list[str]]:
    """The gravest decision of the lines that apply, and one reason per line, gravest first."""
    applied = [(line, hits) for line, node in policy.lines if (hits := evaluate(node, None, findings)) is not None]
    decision = max((line.decision for line, _ in applied), key=lambda d: d.rank, default=Decision.CLEAR)
    shown = [(ln, hits) for ln, hits in applied if ln.decision is not Decision.CLEAR or decision is Decision.CLEAR]
    shown.sort(key=lambda pair: -pair[0].decision.rank)
    reasons = []
    for line, hits in shown:
        because = "; ".join(dict.fromkeys(hit.text for hit in hits))
        reasons.append(f"{line.id} {line.name} → {line.decision.value}" + (f": {because}" if because else "."))
    return decision, reasons or [f"No policy line applies → {decision.value}."]


@cache
def default_policy() -> Policy:
    """The packaged policy, checked against the packaged rules and country lists."""
    # Imported here: the red-flag engine imports the pipeline, which imports this module.
    from catchall.redflags.loader import default_rules

    rules = default_rules()
    countries = default_countries()
    text = resources.files("catchall.data").joinpath("policy.yaml").read_text(encoding="utf-8")
    return load_policy(PACKAGED, text, tags=rules.tags(), lists=countries.names())
