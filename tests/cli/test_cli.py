from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from catchall import __version__
from catchall.cli.app import app
from catchall.model import ScreeningReport
from catchall.store import Store
from catchall.store.db import head_revision
from tests.conftest import REPO
from tests.factory import inquiry, item

EXAMPLES = sorted((REPO / "examples").glob("*.json"))
runner = CliRunner()


def test_help_and_version() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "screen" in result.stdout
    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == __version__


def test_schema_inquiry_is_json_schema() -> None:
    result = runner.invoke(app, ["schema", "inquiry"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Inquiry"
    assert "items" in schema["required"]


def test_db_upgrade(db_url: str) -> None:
    result = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    assert result.exit_code == 0, result.stderr
    assert f"revision {head_revision()}" in result.stdout


def test_db_env_variable_is_read(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CATCHALL_DB", sqlite_url)
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.stderr
    assert Store(sqlite_url).count_inquiries() == 0


def test_at_least_five_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_screen_each_example_json(example: Path, sqlite_url: str) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "screen", str(example), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = ScreeningReport.model_validate_json(result.stdout)
    assert report.reasons
    assert report.reference == json.loads(example.read_text())["reference"]
    assert Store(sqlite_url).count_inquiries() == 1


def test_screen_text_to_file(sqlite_url: str, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, ["--db", sqlite_url, "screen", str(EXAMPLES[0]), "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert "Decision:" in text
    assert "RFQ-2026-0042" in text


BAD_FILES = {
    "truncated": b'{"items": [{"description": 5',
    "not_utf8": b'{"items": [{"description": "\xff\xfe"}]}',
    "wrong_type": json.dumps(inquiry(items="many")).encode(),
    "unknown_role": json.dumps(inquiry(parties=[{"role": "broker", "name": "X"}])).encode(),
    "no_unit": json.dumps(inquiry(items=[item(quantity="300")])).encode(),
    "impossible_unit": json.dumps(inquiry(items=[item(quantity="300 Hz")])).encode(),
    "wrong_dimension": json.dumps(inquiry(items=[item(specs={"outside_diameter": "5 MPa"})])).encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_one_line_nonzero_nothing_written(name: str, sqlite_url: str, tmp_path: Path) -> None:
    bad = tmp_path / f"{name}.json"
    bad.write_bytes(BAD_FILES[name])
    result = runner.invoke(app, ["--db", sqlite_url, "screen", str(bad), "--format", "json"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert str(bad) in lines[0]
    db_file = Path(sqlite_url.removeprefix("sqlite:///"))
    assert not db_file.exists() or Store(sqlite_url).count_inquiries() == 0


def test_missing_file(sqlite_url: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "screen", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "cannot read the file" in result.stderr


def test_demo_screens_every_example(sqlite_url: str) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "demo"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    for example in EXAMPLES:
        assert example.name in result.stdout
    assert Store(sqlite_url).count_inquiries() == len(EXAMPLES)


def test_demo_empty_folder_fails(sqlite_url: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "demo", str(tmp_path)])
    assert result.exit_code == 2
    assert "no inquiry files" in result.stderr
