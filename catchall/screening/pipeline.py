"""The screening pipeline: engines find, the policy decides.

An engine is a pure function from an inquiry (and the findings of the engines
before it, so red flags can read what the goods and party engines found) to
findings. The pipeline runs the engines in order and hands every finding to
the decision policy.
Nothing here does I/O: lists and control data come in through the engines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from catchall.model import Finding, Inquiry, ListVersion, ScreeningReport
from catchall.screening.decision import decide

Engine = Callable[[Inquiry, Sequence[Finding]], list[Finding]]


@dataclass(frozen=True)
class NamedEngine:
    """An engine with the name the report lists it under."""

    name: str
    run: Engine


@dataclass(frozen=True)
class Pipeline:
    """Engines plus the versions of the data they screen against."""

    engines: Sequence[NamedEngine]
    controls_version: str
    lists: Sequence[ListVersion] = field(default_factory=tuple)

    def screen(self, inquiry: Inquiry, *, now: dt.datetime) -> ScreeningReport:
        """Screen one inquiry; ``now`` is passed in so the same input gives the same report."""
        findings: list[Finding] = []
        for engine in self.engines:
            findings.extend(engine.run(inquiry, tuple(findings)))
        decision, reasons = decide(findings, [engine.name for engine in self.engines])
        return ScreeningReport(
            reference=inquiry.reference,
            decision=decision,
            reasons=reasons,
            findings=findings,
            lists=list(self.lists),
            controls_version=self.controls_version,
            screened_at=now,
            engines=[engine.name for engine in self.engines],
        )
