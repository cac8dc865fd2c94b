"""Word and name matching as an officer reads text."""

from __future__ import annotations

from catchall.redflags.text import code_matches, find_words, same_address, same_name, same_phone


def test_whole_words_case_and_punctuation_blind() -> None:
    assert find_words(["cash"], "Wants a quote in CASH.") == ["cash"]
    assert find_words(["cash"], "Cashmere Textiles") == []
    assert find_words(["no markings"], "neutral packaging; no-markings") == ["no markings"]


def test_stems_and_hyphens() -> None:
    assert find_words(["re-pack*"], "Goods to be re-packed in Jebel Ali") == ["re-pack*"]
    assert find_words(["re-pack*"], "they are packed in crates") == []


def test_cjk_matches_inside_a_sentence() -> None:
    assert find_words(["尽快"], "请尽快发货") == ["尽快"]


def test_names_ignore_legal_forms() -> None:
    assert same_name("Gulf Horizon General Trading LLC", "Gulf Horizon General Trading")
    assert not same_name("Everbright Harbour Holdings Limited", "Straits Pacific Trading Sdn. Bhd.")


def test_addresses_and_phones() -> None:
    assert same_address("No. 12, Azadi Street, Tehran", "No 12 Azadi Street, Tehran, Iran")
    assert not same_address("Tehran", "No 12 Azadi Street, Tehran, Iran")
    assert same_phone("04 225 0000", "+971 4 225 0000")
    assert not same_phone("225 0000", "+971 4 225 0000")


def test_codes_cover_sub_items_only() -> None:
    assert code_matches("1C202.a", ["1C202"])
    assert code_matches("WL-GC-AL-415", ["WL-GC-AL"])
    assert not code_matches("0B001.b.13", ["0B001.b.1"])
