"""Criteria as words an official can check against the legal text."""

from __future__ import annotations

from catchall.controls.schema import AllOf, AnyOf, Compare, Criterion, Flag, Member, NoneOf


def criterion_lines(criterion: Criterion, depth: int = 0) -> list[str]:
    """One indented line per node of the criterion tree."""
    pad = "  " * depth
    if isinstance(criterion, Compare):
        capable = " ('capable of')" if criterion.capable_of else ""
        words = f"  [{criterion.text}]" if criterion.text else ""
        return [f"{pad}{criterion.param} {criterion.op} {criterion.value}{capable}{words}"]
    if isinstance(criterion, Member):
        return [f"{pad}{criterion.param} in {{{', '.join(criterion.any_of)}}}"]
    if isinstance(criterion, Flag):
        return [f"{pad}{criterion.param} is {str(criterion.is_).lower()}"]
    groups: list[tuple[str, list[Criterion]]] = []
    if isinstance(criterion, AllOf):
        groups.append(("all of:", criterion.all))
    elif isinstance(criterion, AnyOf):
        groups.append(("any of:", criterion.any))
    elif isinstance(criterion, NoneOf):
        groups.append(("none of:", criterion.none))
    lines: list[str] = []
    for title, children in groups:
        lines.append(f"{pad}{title}")
        for child in children:
            lines.extend(criterion_lines(child, depth + 1))
    return lines
