"""What changed between two versions of a control or watch list."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from catchall.controls.schema import ControlList, WatchList


@dataclass(frozen=True)
class Change:
    """One entry added, removed or changed, with the fields that differ."""

    code: str
    change: str
    fields: tuple[str, ...] = ()


def _by_code(lst: ControlList | WatchList) -> dict[str, BaseModel]:
    return {entry.code: entry for entry in lst.entries}


def diff_lists(old: ControlList | WatchList, new: ControlList | WatchList) -> list[Change]:
    """Entries added, removed and changed from ``old`` to ``new``, in code order."""
    before, after = _by_code(old), _by_code(new)
    changes: list[Change] = []
    for code in sorted(before.keys() | after.keys()):
        if code not in before:
            changes.append(Change(code, "added"))
        elif code not in after:
            changes.append(Change(code, "removed"))
        else:
            a, b = before[code].model_dump(), after[code].model_dump()
            fields = tuple(key for key in a if a[key] != b.get(key))
            if fields:
                changes.append(Change(code, "changed", fields))
    return changes
