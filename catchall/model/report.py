"""The screening report: a decision first, then every finding with its reason."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Decision(StrEnum):
    """What the exporter (or the authority) should do next, in rising order of gravity."""

    CLEAR = "CLEAR"
    REVIEW = "REVIEW"
    STOP_AND_REPORT = "STOP_AND_REPORT"

    @property
    def rank(self) -> int:
        """Order of gravity, so the strictest decision wins."""
        return list(Decision).index(self)


FindingKind = Literal["goods", "party", "red_flag", "destination"]
Severity = Literal["info", "warning", "critical"]


class Finding(BaseModel):
    """One thing the screening found, with the reason an official can defend."""

    model_config = ConfigDict(extra="forbid")

    kind: FindingKind
    severity: Severity
    subject: str
    code: str
    explanation: str
    details: dict[str, Any] = Field(default_factory=dict)


class ListVersion(BaseModel):
    """A list source and the version that was screened against."""

    model_config = ConfigDict(extra="forbid")

    source: str
    version: str


class ScreeningReport(BaseModel):
    """The output of ``catchall screen``: decision, reasons, findings and what was used."""

    model_config = ConfigDict(extra="forbid")

    reference: str | None
    decision: Decision
    reasons: list[str]
    findings: list[Finding]
    lists: list[ListVersion] = Field(default_factory=list)
    controls_version: str
    screened_at: dt.datetime
    engines: list[str] = Field(default_factory=list)
    inquiry: dict[str, Any] | None = None
    content_hash: str | None = None
