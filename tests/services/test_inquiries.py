from __future__ import annotations

import json

import pytest

from catchall.errors import InputError
from catchall.services.inquiries import decode_inquiry
from tests.factory import inquiry, item


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b'{"items": [{"description": 5', "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"[1, 2]", "must be a JSON object"),
        (json.dumps(inquiry(items=[item(description=5)])).encode(), "items[0].description"),
        (json.dumps(inquiry(parties=[{"role": "smuggler", "name": "X"}])).encode(), "parties[0].role"),
        (json.dumps(inquiry(items=[item(quantity="12")])).encode(), "items[0].quantity"),
        (json.dumps(inquiry(items=[item(specs={"outside_diameter": "3 kg"})])).encode(), "items[0].specs"),
    ],
)
def test_decode_errors_are_one_line_naming_the_field(raw: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode_inquiry(raw, source="in.json")
    line = info.value.one_line()
    assert "\n" not in line
    assert fragment in line
    assert line.startswith("in.json")


def test_utf8_with_bom_and_chinese_text_is_read() -> None:
    data = inquiry(notes="客户要求尽快交货")
    parsed = decode_inquiry("\ufeff".encode() + json.dumps(data, ensure_ascii=False).encode("utf-8"))
    assert parsed.notes == "客户要求尽快交货"


def test_oversized_inquiry_is_refused() -> None:
    with pytest.raises(InputError, match="limit"):
        decode_inquiry(b" " * (10 * 1024 * 1024 + 1))
