"""HS codes as a hint: a heading says what an item is when the item does not.

The table lives in ``catchall/data/hs_correlation.yaml``. A heading fills in only
the material, form or product the item leaves unstated (source "hs"), so the
classifier decides on the criteria as usual and never on the code alone.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from catchall.yamlio import load_yaml


class Heading(BaseModel):
    """One HS heading (or subheading) and what it implies."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    hs: str
    text: str
    facts: dict[str, str | list[str]]
    codes: list[str]


class HsTable(BaseModel):
    """The correlation table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["hs_correlation"]
    source: str
    headings: list[Heading]

    def lookup(self, hs_code: str) -> Heading | None:
        """The heading with the longest prefix of ``hs_code`` ("7608.20" -> 7608)."""
        digits = re.sub(r"\D", "", hs_code)
        best: Heading | None = None
        for heading in self.headings:
            prefix = re.sub(r"\D", "", heading.hs)
            if digits.startswith(prefix) and (best is None or len(prefix) > len(re.sub(r"\D", "", best.hs))):
                best = heading
        return best


@cache
def hs_table() -> HsTable:
    """The packaged HS correlation table."""
    raw = resources.files("catchall.data").joinpath("hs_correlation.yaml").read_text(encoding="utf-8")
    return HsTable.model_validate(load_yaml(raw))
