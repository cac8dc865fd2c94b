from __future__ import annotations

import pytest

from catchall.errors import DataFileError
from catchall.goods.extract import MAX_TEXT, DimensionRule, checked, extract, text_vocabulary
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
                                                         "output_frequency_max": "1200 Hz",
                                                         "frequency_control": "0.1 %"}),
        ("涡轮分子泵 抽速 3500 升/秒 极限真空 5×10⁻⁹ mbar", {"pumping_speed": "3500 l/s",
                                                             "ultimate_pressure": "5e-9 mbar"}),
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


# ---------------------------------------------------------------- general reading rules


def test_vocabulary_keys_must_be_spec_keys() -> None:
    vocab = text_vocabulary()
    bad = vocab.model_copy(update={"by_dimension": [DimensionRule(dimension="[length]", key="outside_diametre")]})
    with pytest.raises(DataFileError, match="outside_diametre"):
        checked(bad)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("T300 3K plain weave carbon fabric", "fabric"),
        ("T300碳纤维布 3K 平纹", "fabric"),
        ("Chopped carbon fibre, IM7, 6 mm length", "chopped_fibre"),
        ("E玻璃纤维短切毡 450g/m²", "random_mat"),
        ("S-2 Glass 高强玻纤纱 75 tex", "yarn"),
        ("花园浇水软管 4分 30米", "hose"),
        ("Maraging 300 discs", "disc"),
    ],
)
def test_forms_of_supply(text: str, form: str) -> None:
    assert extract(text).specs.get("form") == form


def test_tow_count_names_a_tow_not_a_temperature() -> None:
    out = extract("中复神鹰SYT49S-12K碳纤维 1吨")
    assert out.specs["form"] == "tow"
    assert not any("12K" in w for w in out.warnings)
    assert extract("T300 3K plain weave carbon fabric").specs["form"] == "fabric"  # a form word wins
    assert "form" not in extract("cryostat stage at 4 K").specs  # no carbon fibre: a temperature


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("Kevlar 49 aramid yarn, 1420 dtex", "Kevlar 49"),
        ("Bellows-sealed globe valve, DN40, body, bonnet and bellows Monel 400", "Monel 400"),
        ("CP titanium Grade 2 welded tube", "CP titanium Grade 2"),
        ("Maraging 300 discs, 50 mm dia.", "Maraging 300"),
        ("E玻璃纤维短切毡", "E glass"),
    ],
)
def test_a_grade_may_be_named_with_the_word_before_it(text: str, grade: str) -> None:
    assert extract(text).specs.get("grade") == grade


def test_a_generic_word_before_a_number_needs_the_material_named() -> None:
    assert "grade" not in extract("SAE Grade 5 bolts M12, 1000 pcs").specs
    assert "grade" not in extract("aluminium alloy 600 kg").specs  # "Alloy 600" is Inconel, not aluminium


def test_a_temper_written_apart_belongs_to_the_grade() -> None:
    assert extract("C300 maraging steel sheet, 2.0 mm, aged condition").specs["grade"] == "C300 aged"
    assert extract("7A04铝合金棒材，直径150毫米，T6状态").specs["grade"] == "7A04 T6"
    assert extract("AA7075 bar, 6 m long").specs["grade"] == "AA7075"  # "m" is a metre, not the state code M


def test_heat_treatment_condition_is_read() -> None:
    assert extract("C300 sheet, aged condition").specs["heat_treatment_condition"] == "precipitation_hardened"
    assert extract("马氏体时效钢 C250 圆棒").specs.get("heat_treatment_condition") is None  # 时效 of 马氏体时效钢


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("无油涡旋真空泵（非波纹管密封）抽速30 m³/h", "bellows_sealed", False),
        ("手动旋压车床 单旋轮 不带数控", "numerical_control", False),
        ("non-bellows-sealed scroll pump", "bellows_sealed", False),
        ("304不锈钢球阀 DN50", "bellows_sealed", False),
        ("butterfly valve DN100", "bellows_sealed", False),
        ("bellows-sealed ball valve DN50", "bellows_sealed", True),  # stated: the type does not override it
        ("Horizontal balancing machine, belt drive", "belt_drive", True),
    ],
)
def test_flags(text: str, key: str, value: bool) -> None:
    assert extract(text).specs[key] is value


def test_a_flag_said_both_ways_is_a_contradiction() -> None:
    out = extract("CNC spinning lathe, 不带数控")
    assert "numerical_control" not in out.specs
    assert any("contradiction" in w for w in out.warnings)


@pytest.mark.parametrize(
    ("text", "key", "count"),
    [
        ("CNC flow forming machine, 3 rollers, 2 CNC axes (X/Z)", "rollers", 3.0),
        ("CNC flow forming machine, 3 rollers, 2 CNC axes (X/Z)", "axes", 2.0),
        ("数控强力旋压机 三旋轮 两轴数控（X、Z轴）", "rollers", 3.0),
        ("数控强力旋压机 三旋轮 两轴数控（X、Z轴）", "axes", 2.0),
        ("双旋轮数控旋压机", "rollers", 2.0),
        ("CNC filament winding machine, 2-axis", "axes", 2.0),
        ("数控纤维缠绕机 四轴联动", "axes", 4.0),
    ],
)
def test_counted_parts(text: str, key: str, count: float) -> None:
    assert extract(text).specs[key] == count


def test_a_shaft_or_journal_is_no_axis() -> None:
    assert "axes" not in extract("动平衡机 转速1500 轴颈直径80mm").specs


@pytest.mark.parametrize(
    ("text", "ratio"),
    [("scroll compressor, pressure ratio 3:1", 3.0), ("涡旋压缩机 压比2:1", 2.0), ("pressure ratio > 1000:1", 1000.0)],
)
def test_ratios_are_read_after_their_cue(text: str, ratio: float) -> None:
    assert extract(text).specs["pressure_ratio"] == ratio
    assert "pressure_ratio" not in extract("delivery 12:30, scroll pump").specs


def test_thousands_may_be_grouped_with_spaces() -> None:
    specs = extract("Oil diffusion pump, 20 in inlet, pumping speed 17 500 l/s (air)").specs
    assert specs["pumping_speed"] == "17500 l/s"
    assert specs["inlet_diameter"] == "20 in"
    assert extract("Vacuum induction melting furnace, max. 1 700 °C").specs["max_temperature"] == "1700 °C"


def test_a_range_fills_both_ends_of_a_paired_key() -> None:
    specs = extract("balancing machine, rotor mass 0.5–50 kg, journal diameter 10–100 mm").specs
    assert (specs["rotor_mass_min"], specs["rotor_mass_max"]) == ("0.5 kg", "50 kg")
    assert specs["journal_diameter"] == "100 mm"  # an unpaired key keeps the top of the range
    specs = extract("数控纤维缠绕机 芯模直径Φ100-800mm").specs
    assert (specs["mandrel_diameter_min"], specs["mandrel_diameter_max"]) == ("100 mm", "800 mm")


def test_a_mass_named_by_a_cue_is_no_order_quantity() -> None:
    out = extract("balancing machine, rotor mass 1–20 kg, 5 sets")
    assert out.specs["rotor_mass_max"] == "20 kg"
    assert out.quantity == "5 pcs"


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("真空感应熔炼炉 功率50千瓦", "power_input", "50 kW"),
        ("Cold isostatic press, inside diameter 300 mm", "chamber_inside_diameter", "300 mm"),
        ("热等静压机 最高压力300MPa", "max_pressure", "300 MPa"),
        ("Rotor-forming mandrel for rotors of inside diameter 145 mm", "formed_inside_diameter", "145 mm"),
        ("dc power supply, power 50 kW", "output_power", "50 kW"),
    ],
)
def test_a_product_may_give_a_cue_its_specific_key(text: str, key: str, value: str) -> None:
    assert extract(text).specs[key] == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("铝合金管 内径Φ250mm", "inside_diameter"),
        ("真空感应炉 感应线圈内径Φ250mm", "coil_diameter"),
        ("热等静压机 热区有效直径Φ150mm", "chamber_inside_diameter"),
        ("balancing machine, journal Ø 80–150 mm", "journal_diameter"),
        ("7075 bar Ø 80 mm", "outside_diameter"),
    ],
)
def test_a_named_cue_before_a_diameter_sign_says_which_diameter(text: str, key: str) -> None:
    assert key in extract(text).specs


def test_gap_words_may_stand_between_cue_and_number() -> None:
    assert extract("balancing machine, rotor length up to 1200 mm").specs["rotor_length"] == "1200 mm"
    assert extract("动平衡机 转子长度最大1500mm").specs["rotor_length"] == "1500 mm"


def test_one_cue_word_for_two_keys_is_settled_by_the_unit() -> None:
    specs = extract("Absolute pressure transducer, full scale 100 kPa, accuracy ±50 Pa at 13 kPa").specs
    assert specs["accuracy_absolute"] == "50 Pa"
    assert "accuracy" not in specs
    assert extract("pressure transducer, 0-10 kPa, accuracy 0.25 %").specs["accuracy"] == "0.25 %"


def test_accuracy_in_percent_of_full_scale_is_also_a_pressure() -> None:
    out = extract("绝压压力传感器 量程0-1MPa 精度0.5%FS")
    assert out.specs["accuracy"] == "0.5 %"
    assert out.specs["accuracy_absolute"] == "5000 Pa"
    assert "×" in out.spans["accuracy_absolute"].quote
    assert "accuracy_absolute" not in extract("capacitance gauge 0-10 Torr, accuracy 0.25 % of reading").specs


@pytest.mark.parametrize(
    ("text", "key", "materials"),
    [
        ("Bellows-sealed globe valve, DN40, body, bonnet and bellows Monel 400", "wetted_materials", ["nickel alloy"]),
        ("波纹管阀 DN50 阀体及波纹管均为纯镍(Ni200)", "wetted_materials", ["nickel", "nickel alloy"]),
        ("铝合金波纹管密封真空阀 DN100 全铝合金材质", "wetted_materials", ["aluminium alloy"]),
        ("scroll pump, wetted parts stainless steel / aluminium / PTFE", "wetted_materials",
         ["stainless steel", "aluminium alloy", "ptfe"]),
        ("涡旋压缩机 与工艺气体接触部件全部为铝合金及氟塑料", "wetted_materials", ["aluminium alloy", "fluoropolymer"]),
        ("Gauge pressure transmitter, 0–10 bar, 316L diaphragm", "sensing_material", ["stainless steel"]),
        ("绝压电容薄膜真空计 膜片及密封材料为氧化铝陶瓷", "sensing_material", ["aluminium oxide"]),
        ("Absolute pressure transducer, sapphire sensing element", "sensing_material", ["sapphire"]),
    ],
)
def test_materials_named_for_a_products_parts(text: str, key: str, materials: list[str]) -> None:
    assert extract(text).specs[key] == materials


def test_a_material_not_named_for_a_part_is_no_part_material() -> None:
    specs = extract("Bellows-sealed valve DN50, aluminium handwheel").specs
    assert "wetted_materials" not in specs and "material" not in specs


@pytest.mark.parametrize(
    ("text", "resolution"),
    [
        ("ICP-MS, mass range 2–260 amu, resolution 0.3–0.8 amu (adjustable)", "0.347826 %"),  # 0.8 u at 230 u
        ("热电离质谱仪（TIMS） 质量范围1-300 amu 分辨率>400 (m/Δm)", "0.25 %"),
    ],
)
def test_mass_resolution_is_a_fraction(text: str, resolution: str) -> None:
    specs = extract(text).specs
    assert specs["resolution"] == resolution
    assert specs["mass_range_max"].endswith(" u")


def test_resolution_of_anything_but_a_mass_spectrometer_is_not_mass_resolution() -> None:
    assert "resolution" not in extract("通用变频器 输出频率0-400Hz 频率分辨率0.01Hz").specs


def test_application_and_civil_uses() -> None:
    specs = extract("Frequency changer specially designed to supply gas centrifuge motor stators").specs
    assert specs["application"] == ["gas_centrifuge"]
    assert extract("旋片式真空泵 牙科技工室用").specs["application"] == ["dental"]
    both = extract("vacuum pump for UF6 service, also for dental labs").specs["application"]
    assert both == ["uf6_service"]  # a second, civil use never takes an item out of scope
    assert extract("Vacuum induction melting furnace").specs["application"] == ["metal_melting"]


def test_a_size_in_metres_is_a_length_not_a_diameter() -> None:
    specs = extract("花园浇水软管 4分 30米").specs
    assert specs["length"] == "30 m" and "outside_diameter" not in specs


def test_a_disc_measures_its_diameter_across_its_plane() -> None:
    specs = extract("Maraging 300 discs, 50 mm dia. x 10 mm thick, 500 pcs").specs
    assert (specs["outside_diameter"], specs["thickness"]) == ("50 mm", "10 mm")
    assert (specs["width"], specs["length"], specs["max_dimension"]) == ("50 mm", "50 mm", "50 mm")


def test_largest_dimension_only_when_every_size_is_stated() -> None:
    assert extract("7075-T6 round bar, Ø150 mm x 1200 mm").specs["max_dimension"] == "1200 mm"
    assert "max_dimension" not in extract("C300马氏体时效钢圆棒 直径50mm").specs


def test_terms_inside_cue_phrases_and_finishes_do_not_count() -> None:
    assert "atmosphere" not in extract("分子泵 进口DN350 极限真空5×10⁻⁹ mbar").specs
    assert "form" not in extract("6063-T5 aluminium window profiles, powder coated").specs
    assert extract("Vacuum induction melting furnace").specs["atmosphere"] == "vacuum"


def test_a_chain_may_say_what_its_first_size_is() -> None:
    specs = extract("Maraging steel C250 round bar, 120 mm dia. x 800 mm").specs
    assert (specs["outside_diameter"], specs["length"]) == ("120 mm", "800 mm")


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("prepreg, 1000 mm wide", "width", "1000 mm"),
        ("7075-T6 tube OD 120 mm x 6 mm wall", "wall_thickness", "6 mm"),
        ("T700S/epoxy prepreg tape, resin Tg 135 °C", "dma_tg", "135 °C"),
        ("T700SC-12K/环氧预浸料 窄带 宽度6.35毫米", "width", "6.35 mm"),
    ],
)
def test_more_cues(text: str, key: str, value: str) -> None:
    assert extract(text).specs[key] == value


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("T700S/epoxy UD prepreg", "matrix_resin", "epoxy"),
        ("Absolute capacitance diaphragm gauge", "pressure_type", "absolute"),
        ("Gauge pressure transmitter", "pressure_type", "gauge"),
        ("电感耦合等离子体质谱仪", "ion_source", "icp"),
        ("LC-MS/MS triple quadrupole, ESI source", "ion_source", "electrospray"),
        ("中频感应透热炉（大气环境）", "atmosphere", "air"),
        ("Oil diffusion pump", "product", "diffusion_pump"),
        ("Rotary vane vacuum pump", "product", "rotary_vane_pump"),
    ],
)
def test_more_terms(text: str, key: str, value: str) -> None:
    assert extract(text).specs[key] == value


def test_a_use_the_item_is_not_for_names_no_application() -> None:
    assert "application" not in extract("7075-T6 tube OD 120 mm, not for use in gas centrifuges").specs
    assert "application" not in extract("7075-T6铝管 外径120mm 不用于气体离心机").specs


def test_a_product_named_as_the_use_is_no_product_of_the_item() -> None:
    specs = extract("7075-T6 tube OD 120 mm for gas centrifuge rotors").specs
    assert specs["form"] == "tube" and "product" not in specs
    assert specs["application"] == ["gas_centrifuge"]
    assert extract("真空泵用波纹管").specs["product"] == "bellows"
    assert extract("Quote for turbomolecular pump, DN400").specs["product"] == "turbomolecular_pump"


def test_a_one_character_part_word_stands_right_before_its_material() -> None:
    assert extract("铝合金波纹管密封真空阀 DN100 全铝合金材质").specs["wetted_materials"] == ["aluminium alloy"]
    assert "wetted_materials" not in extract("全自动铝合金波纹管密封阀 DN50").specs


def test_a_glass_transition_without_its_method_is_read_as_dma_tg_and_said_so() -> None:
    out = extract("T700S/epoxy prepreg tape, resin Tg 135 °C")
    assert out.specs["dma_tg"] == "135 °C"
    assert any("method not stated" in w for w in out.warnings)
    assert not extract("T700S/epoxy prepreg tape, DMA Tg 135 °C").warnings
