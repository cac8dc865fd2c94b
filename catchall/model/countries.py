"""Countries to ISO 3166-1 alpha-2, whatever way an inquiry writes them.

Uses rigour's territory table (names in many languages and scripts, "UAE",
"DPRK", "伊朗"), so red-flag rules can compare codes, never spellings.
"""

from __future__ import annotations

from rigour.territories import lookup_territory


def to_alpha2(value: str) -> str:
    """Return the alpha-2 code for ``value`` or raise ``ValueError`` naming it."""
    text = value.strip()
    if not text:
        raise ValueError("empty country")
    territory = lookup_territory(text)
    if territory is None or len(territory.code) != 2:
        raise ValueError(f"unknown country '{value}'; use an ISO 3166-1 code (e.g. AE) or a country name")
    return territory.code.upper()


def country_name(code: str) -> str:
    """The English short name of an alpha-2 code, for reports."""
    territory = lookup_territory(code)
    return territory.name if territory is not None else code
