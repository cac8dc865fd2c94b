from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from catchall.cli.app import app

runner = CliRunner()


def test_list_and_filter() -> None:
    result = runner.invoke(app, ["controls", "list", "1C2"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "1C202.a" in result.stdout
    assert "0B001" not in result.stdout
    assert runner.invoke(app, ["controls", "list", "ZZ"]).exit_code == 2


def test_show_gives_text_and_criteria() -> None:
    result = runner.invoke(app, ["controls", "show", "1c202.a"])
    assert result.exit_code == 0, result.stderr
    assert "460 MPa" in result.stdout
    assert "outside_diameter > 75 mm" in result.stdout
    assert runner.invoke(app, ["controls", "show", "9Z999"]).exit_code == 2


def test_validate_reports_lines(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "kind: control_list\nregime: XX\nname: national\nsource: {title: t, version: v}\n"
        "entries:\n  - {code: N1, title: t, text: x, criteria: {param: width, op: '>=', value: '5 mm'}}\n"
    )
    result = runner.invoke(app, ["controls", "validate", str(good)])
    assert result.exit_code == 0, result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text().replace("op: '>='", "op: '=>'"))
    result = runner.invoke(app, ["controls", "validate", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:6" in result.stderr


def test_diff_two_versions(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    head = "kind: control_list\nregime: XX\nname: n\nsource: {title: t, version: v}\nentries:\n"
    old.write_text(head + "  - {code: N1, title: t, text: x}\n  - {code: N2, title: t, text: y}\n")
    new = tmp_path / "new.yaml"
    new.write_text(head + "  - {code: N1, title: t, text: x2}\n  - {code: N3, title: t, text: z}\n")
    result = runner.invoke(app, ["controls", "diff", str(old), str(new)])
    assert result.exit_code == 0, result.stderr
    assert "changed  N1 (text)" in result.stdout
    assert "removed  N2" in result.stdout
    assert "added    N3" in result.stdout
