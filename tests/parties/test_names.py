"""Names as weighted tokens: splitting, transliteration, word classes, consonant patterns."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from catchall.parties.consonants import fits, fold, latin_consonants, mandatory
from catchall.parties.names import analyse, split_words, weighted
from catchall.parties.records import date_prefix, identifier_key, split_name
from catchall.parties.scripts import romanise
from catchall.parties.vocabulary import NameWords, OrgForms, name_words, org_forms, script_tables


def texts(name: str, mode: str = "organisation") -> list[str]:
    return [t.text for t in analyse(name, mode)]  # type: ignore[arg-type]


def kinds(name: str, mode: str = "organisation") -> dict[str, str]:
    return {t.text: t.kind for t in analyse(name, mode)}  # type: ignore[arg-type]


def test_split_words_joins_apostrophes_and_dotted_initials() -> None:
    assert split_words("‘ABD AL-RAHMAN AL-NU’AYMI") == ["abd", "al", "rahman", "al", "nuaymi"]
    assert split_words("Foo S.A. de C.V.") == ["foo", "sa", "de", "cv"]
    assert split_words("J. Smith") == ["j", "smith"]


def test_legal_forms_are_ignored_in_firm_names_only() -> None:
    found = kinds("Kalaye Electric Co., Ltd.")
    assert found == {"kalaye": "name", "electric": "name", "co": "org_form", "ltd": "org_form"}
    assert kinds("Ko Tae Hun", "person")["ko"] == "name"
    assert kinds("Sam Co", "person")["co"] == "name"


@pytest.mark.parametrize(
    "name",
    [
        "Shenzhen Tech FZE",
        "Tech Sdn. Bhd.",
        "Tech Pte. Ltd.",
        "Tech GmbH",
        "Tech FZCO",
        "科技有限公司",
        "Tech 株式会社",
    ],
)
def test_every_listed_legal_form_is_recognised(name: str) -> None:
    assert any(t.kind == "org_form" for t in analyse(name, "organisation")), texts(name)


def test_partial_misspelt_and_transliterated_forms() -> None:
    assert kinds("Severnaya Zvezda Liability")["liability"] == "org_form"
    assert kinds("Carbonim Compnay")["compnay"] == "org_form"  # one typo from "company"
    assert kinds("Атлас Компани Лимитед")["kompani"] == "org_form"  # folded spelling of "company"


def test_generic_words_weigh_less_than_distinctive_ones() -> None:
    tokens = {t.text: t for t in analyse("Shahid Hemmat Industrial Group", "organisation")}
    assert tokens["hemmat"].weight == 1.0
    assert tokens["industrial"].weight == tokens["group"].weight == tokens["shahid"].weight == 0.3


def test_common_names_titles_and_patronymics() -> None:
    tokens = {t.text: t for t in analyse("Dr. Mohammad Vladimirovich Davani", "person")}
    assert tokens["dr"].weight == 0.0
    assert tokens["mohammad"].kind == "common_name" and tokens["mohammad"].weight == 0.6
    assert tokens["vladimirovich"].kind == "patronymic" and tokens["vladimirovich"].weight == 0.3
    assert tokens["davani"].weight == 1.0
    assert [t.text for t in weighted(analyse("Dr. Karimi", "person"))] == ["karimi"]


def test_a_name_of_ignored_words_only_keeps_them() -> None:
    assert [(t.kind, t.weight) for t in analyse("Sdn. Bhd.", "organisation")] == [("name", 1.0), ("name", 1.0)]


def test_latin_word_lists_do_not_apply_to_chinese_syllables() -> None:
    assert kinds("明德 鄭", "person")["de"] == "name"  # 德 is a name, not the French "de"
    assert kinds("Maria de la Cruz", "person")["de"] == "stop_word"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Владимир Путин", ["vladimir", "putin"]),
        ("长安", ["chang", "an"]),
        ("习近平", ["xi", "jin", "ping"]),
        ("김정은", ["kim", "jong", "un"]),
        ("이민호", ["yi", "min", "ho"]),
        ("Ülker", ["ulker"]),
    ],
)
def test_transliteration(written: str, expected: list[str]) -> None:
    assert texts(written, "person") == expected


def test_arabic_words_carry_consonant_patterns() -> None:
    tokens = analyse("صدام حسين التكريتي", "person")
    assert [t.text for t in tokens] == ["sdam", "hsyn", "al", "tkryty"]
    assert all(t.vowel_poor for t in tokens)
    assert tokens[1].consonants == "hsYn"
    assert romanise("فلاديمير").patterns == ("FldYmYr",)


def test_consonant_patterns_fit_romanised_words() -> None:
    assert fits("hsYn", "hussein") and fits("hsYn", "hossein")
    assert fits("mWsWY", "mousavi")
    assert fits("FldYmYr", "vladimir")
    assert not fits("thrnY", "tyurin")
    assert latin_consonants("mousavi") == "msw"
    assert mandatory("FldYmYr") == ["fldmr", "ldmr"]


def test_fold_merges_romanisation_spellings() -> None:
    assert fold("dzhamal") == fold("jamal")
    assert fold("kompaniya") == fold("companiya")
    assert fold("yousef") != fold("yusuf")  # vowels other than ou/u still differ


def test_list_name_brackets_give_alternatives() -> None:
    assert split_name("Jin Tiesan (金铁三)") == ["Jin Tiesan 金铁三", "Jin Tiesan", "金铁三"]
    assert split_name("Amir Khazmat (original script: Амир Хазмат)") == ["Amir Khazmat", "Амир Хазмат"]
    assert split_name("KOMID") == ["KOMID"]


def test_dates_and_identifiers_are_normalised() -> None:
    assert date_prefix("1969-7-16") == "1969-07-16"
    assert date_prefix("1974-01-32") == "1974-01"
    assert date_prefix("circa 1958") == "1958"
    assert date_prefix("unknown") is None
    assert identifier_key("IMO 9187629") == "9187629"
    assert identifier_key("A-12") is None
    assert identifier_key("VTBRRUMM") == "VTBRRUMM"


def test_data_files_load_and_refuse_unknown_keys() -> None:
    assert org_forms().forms and name_words().classes and len(script_tables().hangul_finals) == 28
    with pytest.raises(ValidationError):
        OrgForms.model_validate({"forms": [["ltd"]], "typo": 1})
    with pytest.raises(ValidationError):
        NameWords.model_validate(
            {"classes": [{"kind": "generic", "applies_to": ["organisation"], "weight": 0.3, "why": "x"}]}
        )
