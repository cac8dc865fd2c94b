"""The inquiry: what a firm was asked for, by whom, to go where (CONTRACTS.md).

Validation is strict on purpose: an unknown field, role or unit is an error that
names the field, because a silently dropped "end_use" or a diameter read in the
wrong unit is a miss an official cannot defend.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from catchall.errors import CatchallError
from catchall.goods.specs import parse_specs
from catchall.model.countries import to_alpha2
from catchall.units import parse_quantity

# Order quantities are counts, masses, lengths, areas or volumes.
_ORDER_DIMENSIONS = ("[items]", "[mass]", "[length]", "[length] ** 2", "[length] ** 3")


class Role(StrEnum):
    """The part a party plays in the transaction."""

    buyer = "buyer"
    consignee = "consignee"
    end_user = "end_user"
    intermediary = "intermediary"
    freight_forwarder = "freight_forwarder"
    payer = "payer"
    other = "other"


class PartySchema(StrEnum):
    """FollowTheMoney schema of a party."""

    Person = "Person"
    Organization = "Organization"
    Company = "Company"
    LegalEntity = "LegalEntity"
    Vessel = "Vessel"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    return to_alpha2(value)


class Exporter(_Model):
    """The firm that received the inquiry."""

    name: str = Field(min_length=1)
    country: str | None = None

    _norm_country = field_validator("country")(_country)


class Party(_Model):
    """A buyer, consignee, end user, intermediary, forwarder or payer."""

    role: Role
    name: str = Field(min_length=1)
    schema_: PartySchema = Field(default=PartySchema.LegalEntity, alias="schema")
    country: str | None = None
    address: str | None = None
    birth_date: str | None = None
    nationality: str | None = None
    identifiers: list[str] = Field(default_factory=list)
    email: str | None = None
    phone: str | None = None

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    _norm_country = field_validator("country", "nationality")(_country)

    @field_validator("birth_date")
    @classmethod
    def _partial_date(cls, value: str | None) -> str | None:
        """Birth dates may be partial (1961, 1961-03) as lists give them."""
        if value is None:
            return None
        parts = value.split("-")
        try:
            if len(parts) == 1 and len(parts[0]) == 4:
                int(parts[0])
            elif len(parts) == 2:
                dt.date(int(parts[0]), int(parts[1]), 1)
            else:
                dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None
        return value


class Money(_Model):
    """An amount with its ISO 4217 currency."""

    amount: float = Field(ge=0)
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class Payment(_Model):
    """How and by whom the goods are paid for."""

    method: str | None = None
    payer: str | None = None


class Delivery(_Model):
    """Delivery terms as quoted."""

    incoterm: str | None = None
    notes: str | None = None


class Item(_Model):
    """One line of the inquiry: described in words, in specs, or both."""

    description: str | None = None
    quantity: str | None = None
    hs_code: str | None = Field(default=None, pattern=r"^[0-9][0-9. ]{1,13}$")
    specs: dict[str, Any] = Field(default_factory=dict)
    value: Money | None = None

    @field_validator("quantity")
    @classmethod
    def _quantity(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            parsed = parse_quantity(value)
        except CatchallError as exc:
            raise ValueError(exc.message) from None
        if not any(parsed.check(dim) for dim in _ORDER_DIMENSIONS):
            raise ValueError(f"'{value}' is not an order quantity (pieces, kg, t, m, m³)")
        if parsed.magnitude <= 0:
            raise ValueError(f"'{value}' must be more than zero")
        return value

    @field_validator("specs")
    @classmethod
    def _specs(cls, value: dict[str, Any]) -> dict[str, Any]:
        for key, raw in value.items():
            try:
                parse_specs({key: raw})
            except CatchallError as exc:
                raise ValueError(f"{key}: {exc.message}") from None
        return value

    @model_validator(mode="after")
    def _described(self) -> Item:
        if not (self.description and self.description.strip()) and not self.specs:
            raise ValueError("an item needs a description or specs")
        return self


class Inquiry(_Model):
    """A procurement inquiry as received by an exporter."""

    reference: str | None = None
    received: dt.date | None = None
    channel: str | None = None
    exporter: Exporter | None = None
    parties: list[Party] = Field(default_factory=list)
    items: list[Item] = Field(min_length=1)
    destination_country: str | None = None
    route: list[str] = Field(default_factory=list)
    end_use: str | None = None
    payment: Payment | None = None
    delivery: Delivery | None = None
    notes: str | None = None

    _norm_country = field_validator("destination_country")(_country)

    @field_validator("route")
    @classmethod
    def _route(cls, value: list[str]) -> list[str]:
        return [to_alpha2(country) for country in value]
