from __future__ import annotations

import json

from typer.testing import CliRunner

from catchall.cli.app import app

runner = CliRunner()


def _run(lines: list[object]) -> tuple[int, list[dict[str, object]], str]:
    stdin = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)
    result = runner.invoke(app, ["goods", "classify", "-"], input=stdin)
    return result.exit_code, [json.loads(x) for x in result.stdout.splitlines()], result.stderr


def test_one_line_per_input_same_order_with_explanations() -> None:
    code, out, _ = _run(
        [
            {"id": "a", "specs": {"material": "aluminium alloy", "grade": "7075-T6", "form": "tube",
                                  "outside_diameter": "120 mm"}},
            {"id": "b", "description": "office chairs, 20 pcs"},
        ]
    )
    assert code == 0
    assert [o["id"] for o in out] == ["a", "b"]
    entry = next(e for e in out[0]["entries"] if e["code"] == "1C202.a")
    assert entry["status"] == "controlled"
    assert entry["eccn"] == "1C202.a"
    lines = {line["criterion"]: line for line in entry["explanation"]}
    strength = lines["tensile_strength >= 460 MPa"]
    assert strength["met"] is True
    assert "7075" in strength["value"]
    assert out[1]["entries"] == []


def test_bad_items_get_an_error_and_the_others_are_classified() -> None:
    code, out, _ = _run(
        [
            {"id": "u", "specs": {"material": "aluminium alloy", "form": "tube", "outside_diameter": "5 MPa"}},
            {"id": "k", "specs": {"colour": "red"}},
            {"id": "f", "specs": {"outside_diameter": "3 flurbs"}},
            {"id": "n", "specs": {"outside_diameter": "-3 mm"}},
            "{not json",
            {"id": "ok", "specs": {"product": "frequency_changer", "phases": 3, "output_power": "1 kVA",
                                   "output_frequency_max": "1500 Hz", "frequency_control": "0.1 %"}},
        ]
    )
    assert code == 1
    assert [o.get("id") for o in out] == ["u", "k", "f", "n", None, "ok"]
    assert "outside_diameter" in out[0]["error"] and "length" in out[0]["error"]
    assert "unknown spec key 'colour'" in out[1]["error"]
    assert "unknown unit" in out[2]["error"]
    assert "negative" in out[3]["error"]
    assert "line 5" in out[4]["error"]
    assert any(e["code"] == "3A225" and e["status"] == "controlled" for e in out[5]["entries"])


def test_file_argument_and_missing_file(tmp_path: object) -> None:
    result = runner.invoke(app, ["goods", "classify", "/nonexistent/items.jsonl"])
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr
