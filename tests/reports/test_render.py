from __future__ import annotations

import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from catchall.cli.app import app
from catchall.model import ScreeningReport
from catchall.reports.render import LABELS
from tests.conftest import IN_CI, REPO

runner = CliRunner()
EXAMPLE = REPO / "examples" / "01_dubai_7075_tubes_sporting_goods.json"


def _screen(tmp_path: Path, fmt: str, example: Path = EXAMPLE) -> Path:
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(
        app, ["--db", f"sqlite:///{tmp_path / 'c.db'}", "screen", str(example), "--format", fmt, "--output", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    return out


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if IN_CI:
            pytest.fail(f"{tool} (poppler-utils) is missing; .ci/run installs it")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def test_html_has_the_decision_first_and_no_raw_json_in_view(tmp_path: Path) -> None:
    html = _screen(tmp_path, "html").read_text("utf-8")
    body = html.split('<script type="application/json"')[0]
    decision = json.loads(html.split('id="catchall-report">')[1].split("</script>")[0])["decision"]
    label = LABELS[decision]
    assert body.index(label) < body.index("Reasons") < body.index("Goods")
    assert "1C202.a" in body and "tensile_strength &gt;= 460 MPa" in body
    assert '"findings"' not in body  # the sealed JSON is only in the script element


def test_html_escapes_what_the_inquiry_says(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    data["end_use"] = "<script>alert(1)</script></script>"
    evil = tmp_path / "evil.json"
    evil.write_text(json.dumps(data))
    html = _screen(tmp_path, "html", evil).read_text("utf-8")
    assert "<script>alert(1)" not in html
    assert html.count("</script>") == 1


def test_pdf_renders_to_png_and_reads_right(tmp_path: Path) -> None:
    pdf = _screen(tmp_path, "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run([_poppler("pdftoppm"), "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
                   check=True)
    png = next(tmp_path.glob("p*.png")).read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert 350 < width < height  # an A4 portrait page
    text = subprocess.run([_poppler("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    first = min(text.find(word) for word in ("CLEAR", "REVIEW", "STOP AND REPORT") if word in text)
    assert first < text.index("Reasons")
    assert "1C202.a" in text and "572 MPa" in text


def test_chinese_text_renders_in_pdf(tmp_path: Path) -> None:
    data = json.loads(EXAMPLE.read_text())
    data["items"][0]["description"] = "7A04铝合金棒材，直径150毫米"
    zh = tmp_path / "zh.json"
    zh.write_text(json.dumps(data, ensure_ascii=False))
    pdf = _screen(tmp_path, "pdf", zh)
    text = subprocess.run([_poppler("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "直径150毫米" in text


@pytest.mark.parametrize("fmt", ["json", "html", "pdf"])
def test_verify_saved_reports(tmp_path: Path, fmt: str) -> None:
    saved = _screen(tmp_path, fmt)
    result = runner.invoke(app, ["verify", str(saved)])
    assert result.exit_code == 0, result.stderr
    assert "verified" in result.stdout


def test_verify_detects_a_changed_report(tmp_path: Path) -> None:
    saved = _screen(tmp_path, "json")
    document = json.loads(saved.read_text())
    document["decision"] = "CLEAR"
    saved.write_text(json.dumps(document))
    result = runner.invoke(app, ["verify", str(saved)])
    assert result.exit_code == 1
    assert "NOT verified" in result.stderr
    ScreeningReport.model_validate(document)


def test_verify_refuses_what_is_no_report(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(app, ["verify", str(junk)])
    assert result.exit_code == 2
    assert "cannot read the PDF" in result.stderr or "no sealed report" in result.stderr
