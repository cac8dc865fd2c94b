"""YAML data files read with their node tree, so every problem can name its line.

Rules, country lists and the decision policy are edited by hand by officials;
an error that says only "invalid" sends them hunting. Each problem carries the
file, the key path and the line, found by walking the composed YAML nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from catchall.errors import DataFileError
from catchall.yamlio import Problem, compose_yaml, dotted, line_of, load_yaml

Path = tuple[int | str, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Document:
    """A parsed file: its name, its data and its node tree (for line numbers)."""

    name: str
    data: Any
    node: yaml.Node | None

    def problem(self, path: Path, message: str) -> Problem:
        """A problem at ``path`` of this file, with the line it is on."""
        return Problem(self.name, dotted(path), message, line_of(self.node, path))


def read(name: str, text: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text; a syntax error is a problem with its line, never an exception."""
    try:
        data = load_yaml(text)
        node = compose_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        return None, [Problem(name, "", f"not valid YAML: {' '.join(str(exc).split())}", line)]
    return Document(name, data, node), []


def validation_problems(doc: Document, exc: ValidationError, prefix: Path = ()) -> list[Problem]:
    """Each pydantic error as a problem at its key path (union branch names dropped)."""
    problems = []
    for error in exc.errors():
        loc = prefix + tuple(p for p in error["loc"] if not (isinstance(p, str) and _is_branch(p)))
        problems.append(doc.problem(loc, str(error["msg"])))
    return problems


def _is_branch(part: str) -> bool:
    """Pydantic names union branches and validators in the location; they are not keys."""
    return part[:1].isupper() or part.startswith(("function-", "list[", "dict[", "literal[")) or "[" in part


def validate(doc: Document, model: type[M], what: str) -> tuple[M | None, list[Problem]]:
    """First pass: the whole file against its model."""
    if not isinstance(doc.data, dict):
        return None, [Problem(doc.name, "", f"{what} must be a YAML mapping", line_of(doc.node, ()))]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        return None, validation_problems(doc, exc)


def fail(problems: Sequence[Problem], what: str) -> NoReturn:
    """Raise one error listing every problem (the first twenty)."""
    text = "; ".join(str(p) for p in problems[:20]) + (" …" if len(problems) > 20 else "")
    raise DataFileError(f"invalid {what}: {text}")
