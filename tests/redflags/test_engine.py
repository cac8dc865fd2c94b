"""The red-flag engine's findings: kind, code, explanation and details as the report and policy read them."""

from __future__ import annotations

from tests.redflags.helpers import run_rules


def test_destination_finding_carries_lists_countries_and_rule_data() -> None:
    out = {f.code: f for f in run_rules({"destination_country": "IR", "route": ["CN", "IR"]})}
    found = out["RF-DEST-EMBARGO"]
    assert found.kind == "destination" and found.severity == "critical"
    assert found.subject == "destination IR"
    assert found.details["rule"] == "RF-DEST-EMBARGO" and found.details["weight"] == 5
    assert {"un_embargo", "us_embargo", "proliferation_concern", "concern"} <= set(found.details["lists"])
    assert found.details["countries"] == ["IR"]
    assert "concern" in found.details["tags"] and "FATF" in found.details["source"]
    assert found.details["description"].startswith("The declared destination")


def test_red_flag_finding_names_rule_and_words() -> None:
    out = {f.code: f for f in run_rules({"notes": "Urgent: neutral packaging please"})}
    assert out["RF-PACKAGING"].kind == "red_flag"
    assert out["RF-PACKAGING"].explanation == (
        "Unusual packaging or marking (RF-PACKAGING): notes 'Urgent: neutral packaging please' "
        "contains 'neutral packaging'."
    )
    assert out["RF-URGENCY"].severity == "info"


def test_clean_inquiry_has_no_red_flags() -> None:
    clean = {
        "destination_country": "DE",
        "route": ["CN", "DE"],
        "end_use": "bicycle frames",
        "parties": [{"role": "buyer", "name": "Radwerk Bielefeld GmbH", "country": "DE"}],
        "items": [{"description": "6061-T6 aluminium sheet 3 mm", "quantity": "2 t"}],
        "payment": {"method": "bank transfer", "payer": "Radwerk Bielefeld GmbH"},
    }
    assert run_rules(clean, with_goods=True) == []
