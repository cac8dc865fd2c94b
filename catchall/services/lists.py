"""Sanctions and denied-party lists: load, update, status and diff, for every front.

Files are read here and handed as bytes to the pure parsers of
:mod:`catchall.parties.formats`; each parsed list becomes a new version in the
store, swapped in atomically (see :mod:`catchall.store.lists`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from catchall.errors import InputError
from catchall.parties.formats import ListEntity, ParsedList, detect_file, parse
from catchall.store.db import Store
from catchall.store.lists import EntityRecord, VersionInfo, active_versions, add_version, entities, versions

MAX_LIST_BYTES = 1024 * 1024 * 1024
SAMPLE_ORIGIN = "bundled sample (catchall/data/sample_lists/un_sample.xml)"


@dataclass(frozen=True)
class LoadResult:
    """What one load did for one source."""

    source: str
    version: VersionInfo | None
    unchanged: bool = False


@dataclass
class ListDiff:
    """Entities added, removed and changed between two versions of a source."""

    source: str
    old: VersionInfo
    new: VersionInfo
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)


def content_hash(files: Mapping[str, bytes]) -> str:
    """SHA-256 over the files of a list, in name order."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(Path(name).name.encode() + b"\0" + files[name])
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise InputError(f"file is larger than {MAX_LIST_BYTES} bytes", file=str(path))
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None


def group_files(paths: Iterable[Path], source: str | None = None) -> dict[str, dict[str, bytes]]:
    """Files (or the files of folders) grouped by the list they belong to; unknown files are refused."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        elif path.exists():
            files.append(path)
        else:
            raise InputError("no such file or folder", file=str(path))
    groups: dict[str, dict[str, bytes]] = {}
    for file in files:
        data = _read(file)
        found = source or detect_file(file.name, data[:8192])
        if found is None:
            if any(p.is_dir() for p in paths):
                continue  # a folder may hold READMEs and other files beside the lists
            raise InputError("not a list file of any known format; use --source to name it", file=str(file))
        groups.setdefault(found, {})[str(file)] = data
    if not groups:
        raise InputError(f"no list files in {', '.join(str(p) for p in paths)}")
    return groups


def _records(parsed: ParsedList) -> Iterable[EntityRecord]:
    for item in parsed.entities:
        yield _record(item)


def _record(item: ListEntity) -> EntityRecord:
    entity = item.entity
    return EntityRecord(
        entity_id=str(entity.id),
        source_id=item.source_id,
        schema=entity.schema.name,
        caption=entity.caption,
        programme=item.programme,
        data=entity.to_dict(),
    )


def load_files(
    store: Store, files: Mapping[str, bytes], source: str, origin: str, progress: Callable[[int], None] | None = None
) -> LoadResult:
    """Parse one list's files and store them as a new version, unless the content is unchanged."""
    digest = content_hash(files)
    current = next((v for v in active_versions(store) if v.source == source), None)
    if current is not None and current.content_hash == digest:
        return LoadResult(source, current, unchanged=True)
    parsed = parse(source, files)
    info = add_version(
        store,
        source=source,
        version=parsed.version,
        content_hash=digest,
        origin=origin,
        entities=_records(parsed),
        progress=progress,
    )
    return LoadResult(source, info)


def load_paths(
    store: Store, paths: Iterable[Path], source: str | None = None, progress: Callable[[int], None] | None = None
) -> list[LoadResult]:
    """Load list files or folders; each source found becomes a new version."""
    paths = list(paths)
    groups = group_files(paths, source)
    results = []
    for found, files in groups.items():
        origin = ", ".join(sorted(files))
        results.append(load_files(store, files, found, origin, progress))
    return results


def ensure_sample(store: Store) -> LoadResult | None:
    """Load the bundled sample list when no list at all is loaded, so screening works offline."""
    if active_versions(store):
        return None
    data = resources.files("catchall.data").joinpath("sample_lists/un_sample.xml").read_bytes()
    return load_files(store, {"un_sample.xml": data}, "un_sc", SAMPLE_ORIGIN)


def status(store: Store) -> list[VersionInfo]:
    """The version in force of every source."""
    return active_versions(store)


def age(info: VersionInfo, now: dt.datetime | None = None) -> str:
    """How long ago a version was loaded, for people."""
    seconds = int(((now or dt.datetime.now(dt.UTC)) - info.loaded_at).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return f"{seconds} s"


def diff(store: Store, source: str) -> ListDiff:
    """What changed between the last two versions of ``source``."""
    found = versions(store, source)
    if len(found) < 2:
        raise InputError(f"{source} has {len(found)} version(s); a diff needs two", field="source")
    new, old = found[0], found[1]
    before = {e.entity_id: e.data for e in entities(store, old.id)}
    after = {e.entity_id: e.data for e in entities(store, new.id)}
    result = ListDiff(source, old, new)
    result.added = sorted(after.keys() - before.keys())
    result.removed = sorted(before.keys() - after.keys())
    for entity_id in sorted(before.keys() & after.keys()):
        a, b = before[entity_id].get("properties", {}), after[entity_id].get("properties", {})
        props = sorted(k for k in a.keys() | b.keys() if sorted(a.get(k, [])) != sorted(b.get(k, [])))
        if props or before[entity_id].get("schema") != after[entity_id].get("schema"):
            result.changed.append((entity_id, props or ["schema"]))
    return result
