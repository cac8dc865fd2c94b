"""A screening report as HTML (Jinja2) and PDF (WeasyPrint), with the sealed JSON inside.

The HTML carries the sealed report in a ``<script type="application/json">``
element and the PDF carries it as an attachment, so ``catchall verify`` can
check any saved copy against its content hash.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from catchall.model import ScreeningReport

LABELS = {
    "CLEAR": "CLEAR: no finding calls for review",
    "REVIEW": "REVIEW: hold the order until reviewed",
    "STOP_AND_REPORT": "STOP AND REPORT: do not proceed; report to the authority",
}
SECTIONS = [("goods", "Goods"), ("party", "Parties"), ("red_flag", "Red flags"), ("destination", "Destination")]


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("catchall.reports", "templates"), autoescape=select_autoescape(["html", "j2"])
    )


def document(report: ScreeningReport) -> dict[str, Any]:
    """The sealed JSON document of a report."""
    return report.model_dump(mode="json")


def _script_json(data: dict[str, Any]) -> str:
    """JSON safe inside a script element: no character can close it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(report: ScreeningReport) -> str:
    """The report as a self-contained HTML page."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        inquiry=report.inquiry or {},
        labels=LABELS,
        sections=SECTIONS,
        document_json=_script_json(document(report)),
    )


def render_pdf(report: ScreeningReport) -> bytes:
    """The report as PDF, with the sealed JSON attached as ``catchall-report.json``."""
    from weasyprint import HTML, Attachment

    payload = json.dumps(document(report), ensure_ascii=False, sort_keys=True).encode("utf-8")
    attachment = Attachment(string=payload, name="catchall-report.json", description="sealed screening report")
    pdf: bytes = HTML(string=render_html(report)).write_pdf(attachments=[attachment])
    return pdf
