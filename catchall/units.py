"""Quantities with units, parsed once with pint so thresholds compare exactly.

Inquiries write units every way ("3 in", "72 ksi", "1e-8 mbar", "18000 l/s",
"m³/h", "5×10⁻⁹ Torr", "0.2 %"). This module turns them into pint quantities
and says clearly when a unit is missing, unknown or of the wrong dimension.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TypeAlias

import pint

from catchall.errors import UnitError

Quantity: TypeAlias = pint.Quantity[Any]
Registry: TypeAlias = pint.UnitRegistry[Any]

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")

# Spellings pint does not know, mapped to ones it does. Kept small: pint's own
# registry covers the SI and imperial names.
_DEFINITIONS = (
    "Torr = torr",
    "piece = [items] = pcs = pc = ea",
    "@alias piece = pieces = units = sets",
    "@alias metric_ton = tonnes",
)

_SCIENTIFIC = re.compile(r"(\d)\s*[x×*·]\s*10\s*\^?\s*([-+−]?\d+)")
_PLAIN_UNITS = {"m3": "m**3", "m2": "m**2", "cm3": "cm**3", "mm2": "mm**2", "l": "liter", "L": "liter"}


@cache
def registry() -> Registry:
    """Return the one unit registry every comparison goes through."""
    ureg: Registry = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, on_redefinition="ignore")
    for definition in _DEFINITIONS:
        ureg.define(definition)
    return ureg


def _normalise(text: str) -> str:
    text = text.strip().translate(_SUPERSCRIPTS).replace("−", "-").replace("µ", "u").replace("μ", "u")
    text = _SCIENTIFIC.sub(r"\1e\2", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # thousands separators
    text = text.replace("″", " in").replace("”", " in").replace("°C", " degC").replace("℃", " degC")
    text = text.replace("%", " percent").replace("Ø", "")
    tokens = re.split(r"(\s+|/|\*|\(|\))", text)
    return "".join(_PLAIN_UNITS.get(tok, tok) for tok in tokens)


def parse_quantity(text: str | float | int, *, field: str | None = None) -> Quantity:
    """Parse ``text`` into a quantity; a bare number is rejected: units are never guessed."""
    if isinstance(text, bool) or not isinstance(text, (str, int, float)):
        raise UnitError(f"expected a quantity with a unit, got {type(text).__name__}", field=field, value=text)
    if not isinstance(text, str):
        raise UnitError(f"'{text}' has no unit; write it with one, e.g. '{text} mm'", field=field, value=text)
    if not text.strip():
        raise UnitError("empty quantity", field=field, value=text)
    ureg = registry()
    try:
        quantity: Any = ureg.Quantity(_normalise(text))
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
        raise UnitError(f"unknown unit in '{text}' ({exc})", field=field, value=text) from None
    except (ValueError, TypeError, AttributeError, SyntaxError, AssertionError, IndexError) as exc:
        raise UnitError(f"cannot read '{text}' as a quantity ({exc})", field=field, value=text) from None
    if not isinstance(quantity, ureg.Quantity):
        raise UnitError(f"'{text}' has no unit; write it with one", field=field, value=text)
    if quantity.dimensionless and quantity.units == ureg.dimensionless:
        raise UnitError(f"'{text}' has no unit; write it with one", field=field, value=text)
    return quantity


def parse_number(text: str | float | int, *, field: str | None = None) -> float:
    """Parse a plain count or ratio ("3", "2:1", 4); units are not allowed here."""
    if isinstance(text, bool):
        raise UnitError("expected a number, got true/false", field=field, value=text)
    if isinstance(text, (int, float)):
        return float(text)
    ratio = re.fullmatch(r"\s*([0-9.]+)\s*:\s*([0-9.]+)\s*", str(text))
    if ratio:
        return float(ratio.group(1)) / float(ratio.group(2))
    try:
        return float(str(text).strip())
    except ValueError:
        raise UnitError(f"expected a number, got '{text}'", field=field, value=text) from None


def check_dimension(quantity: Quantity, dimension: str, *, field: str, text: str) -> None:
    """Raise when ``quantity`` is not of ``dimension`` (a pint dimensionality like '[length]')."""
    ureg = registry()
    expected = ureg.get_dimensionality(dimension)
    if quantity.dimensionality != expected:
        raise UnitError(
            f"'{text}' is {_describe(quantity)}, but {field} must be {describe_dimension(dimension)}",
            field=field,
            value=text,
        )


def _describe(quantity: Quantity) -> str:
    return f"in {quantity.units:~P}" if str(quantity.units) else "a plain number"


def describe_dimension(dimension: str) -> str:
    """A person's words for a pint dimension, with example units."""
    names = {
        "[length]": "a length (e.g. mm, in)",
        "[pressure]": "a pressure or stress (e.g. MPa, ksi, mbar, Torr)",
        "[length] ** 3 / [time]": "a volume flow (e.g. l/s, m³/h)",
        "[mass] / [length] ** 3": "a density (e.g. g/cm³)",
        "1 / [time]": "a frequency (e.g. Hz, rpm)",
        "[power]": "a power (e.g. W, kVA)",
        "[temperature]": "a temperature (e.g. K, °C)",
        "[mass]": "a mass (e.g. kg)",
        "[current]": "a current (e.g. A)",
        "[electric_potential]": "a voltage (e.g. V, kV)",
        "[time]": "a time (e.g. ns, s)",
        "[length] ** 2": "an area (e.g. cm²)",
        "[]": "a ratio or percentage (e.g. %)",
    }
    return names.get(dimension, dimension)


# Already clean ASCII ("120 mm", "1e-8 mbar", "15 m**3/s"): no normalisation needed.
_PLAIN = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z][A-Za-z/*]*(?:\*\*\d)?[A-Za-z/]*)\s*$")
_NUMBER_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")


@cache
def _unit_info(unit_text: str) -> tuple[float, float, str]:
    """Factor and offset to SI base units, and the dimensionality, of one unit spelling."""
    ureg = registry()
    zero = ureg.Quantity(0.0, unit_text).to_base_units()
    one = ureg.Quantity(1.0, unit_text).to_base_units()
    return float(one.magnitude - zero.magnitude), float(zero.magnitude), str(one.dimensionality)


def to_base(text: str | float | int, *, field: str | None = None) -> tuple[float, str]:
    """A quantity as (magnitude in SI base units, dimensionality), fast for repeated units.

    The hot path of classification: the number is read with a regex and the unit's
    conversion is computed by pint once per spelling, then cached.
    """
    if isinstance(text, str):
        match = _PLAIN.match(text) or _NUMBER_UNIT.match(_normalise(text))
        if match and match.group(2):
            try:
                factor, offset, dims = _unit_info(match.group(2))
            except Exception:  # any pint failure: fall back to the full parser, which explains it
                factor = offset = 0.0
                dims = ""
            if dims:
                return float(match.group(1)) * factor + offset, dims
    quantity = parse_quantity(text, field=field)
    base = quantity.to_base_units()
    return float(base.magnitude), str(base.dimensionality)


@cache
def dimensionality(dimension: str) -> str:
    """The canonical text of a pint dimensionality ('[length]', '[mass] / [length] ** 3')."""
    return str(registry().get_dimensionality(dimension))


def equal_or_more(a: float, b: float) -> bool:
    """``a >= b`` allowing for unit-conversion rounding (one part in 10⁹)."""
    return a >= b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def nearly_equal(a: float, b: float) -> bool:
    """Equal within unit-conversion rounding (one part in 10⁹)."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
