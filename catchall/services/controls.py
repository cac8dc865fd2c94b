"""Browsing, validating and diffing control lists, for the fronts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catchall.controls.diff import Change, diff_lists
from catchall.controls.loader import Registry, load_registry, parse_file, resolve
from catchall.controls.schema import ControlList, Entry, WatchList
from catchall.errors import InputError, NotFound
from catchall.yamlio import Problem


@dataclass(frozen=True)
class EntryRow:
    """An entry as listed: code, references, title and whether the engine checks it."""

    code: str
    nsg: str | None
    eccn: str | None
    title: str
    checked: bool
    list_name: str


def registry() -> Registry:
    """The packaged lists."""
    return load_registry()


def list_entries(prefix: str = "") -> list[EntryRow]:
    """Every packaged control entry whose code starts with ``prefix``."""
    reg = registry()
    return [
        EntryRow(code, e.nsg, e.eccn, e.title, _checked(reg, code), reg.list_of[code].name)
        for code, e in reg.entries.items()
        if code.upper().startswith(prefix.upper())
    ]


def _checked(reg: Registry, code: str) -> bool:
    chain = [code, *reg.ancestors(code)]
    return any(reg.entries[c].criteria is not None for c in chain)


def show_entry(code: str) -> tuple[Entry, ControlList]:
    """One entry by code or alias."""
    reg = registry()
    for candidate, entry in reg.entries.items():
        if candidate.upper() == code.upper() or code.upper() in (a.upper() for a in entry.aliases):
            return entry, reg.list_of[candidate]
    raise NotFound(f"no control entry {code}")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", file=str(path)) from None


def validate_file(path: Path) -> list[Problem]:
    """Every problem of a list file, checked on its own and against the packaged lists."""
    lst, problems = parse_file(str(path), _read(path))
    if lst is None:
        return problems
    packaged = {f"packaged:{i}": x for i, x in enumerate(registry().lists)}
    packaged = {k: v for k, v in packaged.items() if v.name != lst.name}
    _, found = resolve({**packaged, str(path): lst})
    return [p for p in found if p.file == str(path)]


def load_list(path: Path) -> ControlList | WatchList:
    """A list file, refused with its first problem when invalid."""
    lst, problems = parse_file(str(path), _read(path))
    if lst is None:
        raise InputError(str(problems[0]))
    return lst


def diff_files(old: Path, new: Path) -> list[Change]:
    """Entries added, removed and changed between two versions of a list file."""
    return diff_lists(load_list(old), load_list(new))
