from __future__ import annotations

import pytest
from pydantic import ValidationError

from catchall.model import Inquiry
from tests.factory import inquiry, item


def test_valid_inquiry_normalises_countries() -> None:
    data = inquiry(destination_country="United Arab Emirates", route=["China", "UAE", "伊朗"])
    data["parties"][0]["country"] = "Iran"
    parsed = Inquiry.model_validate(data)
    assert parsed.destination_country == "AE"
    assert parsed.route == ["CN", "AE", "IR"]
    assert parsed.parties[0].country == "IR"
    assert parsed.parties[0].schema_.value == "LegalEntity"


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"parties": [{"role": "broker", "name": "X"}]}, "parties.0.role"),
        ({"destination_country": "Atlantis"}, "destination_country"),
        ({"items": []}, "items"),
        ({"items": [item(quantity="300")]}, "has no unit"),
        ({"items": [item(quantity="300 MPa")]}, "not an order quantity"),
        ({"items": [item(quantity="300 flurbs")]}, "unknown unit"),
        ({"items": [item(specs={"outside_diameter": "5 MPa"})]}, "is not a length"),
        ({"items": [item(specs={"outside_diamter": "5 mm"})]}, "unknown spec key"),
        ({"items": [item(specs={"outside_diameter": "-5 mm"})]}, "negative"),
        ({"items": [{"quantity": "1 pcs"}]}, "description or specs"),
        ({"end_user": "x"}, "end_user"),
        ({"received": "yesterday"}, "received"),
        ({"parties": [{"role": "buyer", "name": "X", "birth_date": "1961-13-40"}]}, "not a date"),
    ],
)
def test_bad_input_is_refused_with_the_field(change: dict[str, object], fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        Inquiry.model_validate(inquiry(**change))
    assert fragment in str(info.value)


def test_partial_birth_dates_are_kept() -> None:
    data = inquiry(parties=[{"role": "end_user", "name": "A B", "schema": "Person", "birth_date": "1961"}])
    assert Inquiry.model_validate(data).parties[0].birth_date == "1961"


def test_order_quantity_in_mass_and_length() -> None:
    data = inquiry(items=[item(quantity="5 t"), item(quantity="1,200 m")])
    assert len(Inquiry.model_validate(data).items) == 2
