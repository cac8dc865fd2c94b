"""Every command, setting, rule and policy line is documented where users look."""

from __future__ import annotations

import typer.main

from catchall.cli.app import app
from catchall.redflags.loader import default_rules
from catchall.screening.policy import default_policy
from catchall.settings import SETTINGS_DOC
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")


def _commands() -> list[tuple[str, str | None]]:
    group = typer.main.get_group(app)
    out: list[tuple[str, str | None]] = []
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            out.extend((f"{name} {child}", cmd.help) for child, cmd in sub.items())
        else:
            out.append((name, command.help))
    return out


def test_every_command_has_help_and_is_in_the_readme() -> None:
    commands = _commands()
    assert len(commands) >= 15
    for name, help_text in commands:
        assert help_text and help_text.strip(), f"catchall {name} has no help"
        if name != "version":
            assert f"catchall {name}" in README, name


def test_every_setting_is_in_the_readme() -> None:
    for variable in SETTINGS_DOC:
        assert f"`{variable}`" in README


def test_every_rule_and_policy_line_says_what_it_means() -> None:
    for compiled in default_rules().rules:
        assert compiled.rule.description.strip() and compiled.rule.source, compiled.rule.id
    for line, _ in default_policy().lines:
        assert line.name.strip(), line.id
