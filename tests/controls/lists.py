"""Reading the packaged control-list files in tests."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from catchall.controls.schema import AllOf, AnyOf, Compare, ControlList, Criterion, NoneOf
from catchall.yamlio import load_yaml

FILES = tuple(
    sorted(f.name for f in resources.files("catchall.data").joinpath("controls").iterdir() if f.name.endswith(".yaml"))
)


def load_list(name: str) -> ControlList:
    """One packaged control-list file, validated."""
    text = resources.files("catchall.data").joinpath("controls", name).read_text(encoding="utf-8")
    return ControlList.model_validate(load_yaml(text))


def compares(node: Criterion | None) -> Iterator[Compare]:
    """Every comparison in a criterion tree."""
    if isinstance(node, Compare):
        yield node
    elif isinstance(node, (AllOf, AnyOf, NoneOf)):
        children = node.all if isinstance(node, AllOf) else node.any if isinstance(node, AnyOf) else node.none
        for child in children:
            yield from compares(child)
