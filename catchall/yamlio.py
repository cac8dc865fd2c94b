"""Reading the packaged YAML fast: libyaml's loader when PyYAML was built with it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, located as precisely as we can."""

    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` semantics, several times faster on the large control lists."""
    return yaml.load(text, Loader=LOADER)


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree (with line marks) for locating errors."""
    return yaml.compose(text, Loader=LOADER)


def line_of(node: yaml.Node | None, path: Sequence[int | str]) -> int | None:
    """The 1-based line of a key path in a composed YAML node tree (the nearest known)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def dotted(path: Iterable[int | str]) -> str:
    """``("rules", 3, "when")`` as ``rules[3].when``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
