from __future__ import annotations

import pytest

from catchall.goods.extract import MAX_TEXT, extract
from catchall.services.goods import classify_item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7A04铝合金棒材，直径150毫米", {"material": "aluminium alloy", "form": "bar", "grade": "7A04",
                                          "outside_diameter": "150 mm"}),
        ("Turbomolecular pump DN400, 18000 l/s", {"product": "turbomolecular_pump", "inlet_diameter": "400 mm",
                                                   "pumping_speed": "18000 l/s"}),
        ("T700SC-12K 5 tonnes", {"grade": "T700SC-12K"}),
        ("变频器 三相 输出频率600–1200Hz 频率精度0.1%", {"product": "frequency_changer", "phases": 3.0,
                                                         "output_frequency_max": "1200 Hz", "frequency_control": "0.1 %"}),
        ("涡轮分子泵 抽速 3500 升/秒 极限真空 5×10⁻⁹ mbar", {"pumping_speed": "3500 l/s", "ultimate_pressure": "5e-9 mbar"}),
        ("Frequency converter 3-phase 0-1500 Hz, 1 kVA", {"phases": 3.0, "output_frequency_max": "1500 Hz",
                                                          "output_power": "1 kVA"}),
        ("Maraging steel 18Ni(350) bar Ø 120mm", {"material": "maraging steel", "outside_diameter": "120 mm"}),
        ("tube OD 4.72″ 7075-T6", {"outside_diameter": "4.72 in", "form": "tube"}),
        ("scroll pump 50 m³/h", {"pumping_speed": "50 m**3/h"}),
        ("波纹管阀 DN20", {"product": "valve", "bellows_sealed": True, "nominal_size": "20 mm"}),
    ],
)
def test_extracts_specs(text: str, expected: dict[str, object]) -> None:
    specs = extract(text).specs
    for key, value in expected.items():
        assert specs.get(key) == value, (key, specs)


def test_a_word_inside_a_longer_phrase_does_not_count() -> None:
    specs = extract("波纹管阀 DN20").specs
    assert "form" not in specs  # the 管 of 波纹管 is no tube


def test_pressure_in_bar_is_not_a_bar() -> None:
    assert "form" not in extract("pressure 5 bar").specs


def test_order_quantity_is_kept_apart() -> None:
    out = extract("T700SC-12K carbon fibre 5 tonnes")
    assert out.quantity == "5 t"
    assert "mass" not in out.specs


def test_contradiction_is_reported_not_resolved() -> None:
    out = extract("7075-T6 tube OD 120 mm (3 in)")
    assert "outside_diameter" not in out.specs
    assert any("contradiction" in w and "120 mm" in w and "3 in" in w for w in out.warnings)
    result = classify_item({"id": "c", "description": "7075-T6 tube OD 120 mm (3 in)"})
    entry = next(e for e in result["entries"] if e["code"] == "1C202.a")
    assert entry["status"] == "possible"
    assert any("contradiction" in w for w in result["warnings"])


def test_agreeing_units_are_no_contradiction() -> None:
    out = extract("7075-T6 tube OD 76.2 mm (3 in)")
    assert out.specs["outside_diameter"] == "76.2 mm"
    assert not out.warnings


@pytest.mark.parametrize(
    "text",
    ["", "   ", "😀🚀 ✈️", "<script>alert(1)</script><b>OD</b> &amp; 5", "Ø" * 1000, "管" * 5000, "1e999 mm tube"],
)
def test_odd_text_never_crashes(text: str) -> None:
    out = classify_item({"id": "o", "description": text}) if text.strip() else {"entries": []}
    assert "entries" in out or "error" in out
    extract(text)


def test_huge_text_is_cut_with_a_warning() -> None:
    text = "7075-T6 tube OD 120 mm. " + "filler words " * 100_000
    assert len(text) > 1_000_000
    out = extract(text)
    assert out.specs["outside_diameter"] == "120 mm"
    assert any(str(MAX_TEXT) in w for w in out.warnings)


def test_html_is_read_as_text() -> None:
    out = extract("<p>7075-T6 <b>tube</b>, OD&nbsp;120&nbsp;mm</p>")
    assert out.specs["outside_diameter"] == "120 mm"
    assert out.specs["form"] == "tube"


def test_explanations_quote_the_text_span() -> None:
    result = classify_item({"id": "q", "description": "7A04铝合金棒材，直径150毫米"})
    entry = next(e for e in result["entries"] if e["code"] == "1C202.a")
    assert entry["status"] == "controlled"
    od = next(line for line in entry["explanation"] if line["criterion"].startswith("outside_diameter"))
    assert "直径150毫米" in od["value"] and od["source"] == "text"


def test_explicit_specs_win_over_text() -> None:
    result = classify_item({"id": "w", "description": "7075-T6 tube OD 50 mm",
                            "specs": {"outside_diameter": "120 mm"}})
    assert result["extracted"]["outside_diameter"] == "120 mm"
    assert any(e["code"] == "1C202.a" and e["status"] == "controlled" for e in result["entries"])


def test_product_without_deciding_parameter_is_possible_with_what_is_missing() -> None:
    result = classify_item({"id": "p", "description": "涡轮分子泵 10台"})
    entry = next(e for e in result["entries"] if e["code"] == "2B231")
    assert entry["status"] == "possible"
    assert "inlet_diameter" in entry["missing"]


def test_text_no_criterion_covers_gets_similar_entries() -> None:
    result = classify_item({"id": "s", "description": "scoop for UF6 extraction"})
    entry = next(e for e in result["entries"] if e["code"] == "0B001.b.12")
    assert entry["status"] == "possible"
    assert "BM25" in entry["explanation"][0]["criterion"]
