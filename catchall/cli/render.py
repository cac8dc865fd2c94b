"""Reports as text for a terminal: the decision first, then findings by kind."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from catchall.model import ScreeningReport

_STYLE = {"CLEAR": "bold green", "REVIEW": "bold yellow", "STOP_AND_REPORT": "bold white on red"}
_KINDS = (("goods", "Goods"), ("party", "Parties"), ("red_flag", "Red flags"), ("destination", "Destination"))


def report_text(report: ScreeningReport) -> RenderableType:
    """A rich renderable of the whole report."""
    head = Text.assemble(
        ("Decision: ", "bold"),
        (report.decision.value, _STYLE[report.decision.value]),
        f"   reference {report.reference or '-'}",
    )
    parts: list[RenderableType] = [head, Text("Reasons:", style="bold")]
    parts.extend(Text(f"  - {reason}") for reason in report.reasons)  # Text: no markup in user data
    for kind, title in _KINDS:
        findings = [f for f in report.findings if f.kind == kind]
        if not findings:
            continue
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("Severity", no_wrap=True)
        table.add_column("Code", no_wrap=True)
        table.add_column("Subject")
        table.add_column("Why")
        for finding in findings:
            table.add_row(finding.severity, finding.code, Text(finding.subject), Text(finding.explanation))
        parts.append(table)
    versions = ", ".join(f"{v.source} {v.version}" for v in report.lists) or "none loaded"
    parts.append(
        Text(
            f"Controls {report.controls_version}; lists {versions}; "
            f"engines {', '.join(report.engines) or 'none'}; screened {report.screened_at:%Y-%m-%d %H:%M:%S} UTC",
            style="dim",
        )
    )
    return Panel(Group(*parts), title="Catchall screening report", expand=True)
