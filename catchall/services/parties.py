"""Party screening for the fronts: the matcher over the lists in force, and query parsing.

The matcher is built from the store's active list versions (the bundled sample
when nothing else is loaded) and kept for as long as those versions stay in
force, so a long-running process screens many queries against one index.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from followthemoney import model

from catchall.errors import InputError
from catchall.model.countries import to_alpha2
from catchall.parties import matcher as matcher_module
from catchall.parties.formats import ListEntity
from catchall.parties.matcher import DEFAULT_THRESHOLD, Match, Matcher, Query
from catchall.services.lists import ensure_sample
from catchall.store.db import Store
from catchall.store.lists import VersionInfo, active_versions, entities

_QUERY_KEYS = {"id", "name", "schema", "birth_date", "nationality", "country", "identifiers"}
_SCHEMAS = {"Person", "Organization", "Company", "LegalEntity", "Vessel"}
_cache: dict[tuple[str, tuple[str, ...]], Matcher] = {}



def _code_version() -> str:
    """A digest of the matcher's own code: a saved index is only read by the code that wrote it."""
    digest = hashlib.sha256()
    for path in sorted(Path(matcher_module.__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def list_entities(store: Store, versions: Iterable[VersionInfo]) -> Iterator[ListEntity]:
    """The stored entities of the given versions, as FollowTheMoney entities."""
    for info in versions:
        for record in entities(store, info.id):
            yield ListEntity(info.source, record.source_id, model.get_proxy(record.data), record.programme)


def matcher(store: Store, cache_dir: Path | None = None) -> tuple[Matcher, list[VersionInfo]]:
    """The matcher over the lists in force, built once per set of versions (and kept on disk)."""
    ensure_sample(store)
    versions = active_versions(store)
    key = (store.url, tuple(sorted(v.id for v in versions)))
    if key not in _cache:
        _cache.clear()
        _cache[key] = _cached_on_disk(store, versions, key, cache_dir)
    return _cache[key], versions


def _cached_on_disk(
    store: Store, versions: list[VersionInfo], key: tuple[str, tuple[str, ...]], cache_dir: Path | None
) -> Matcher:
    """Load the index saved for exactly these versions, or build it and save it (atomically)."""
    if cache_dir is None:
        return Matcher.from_entities(list_entities(store, versions))
    digest = hashlib.sha256(repr((key, _code_version())).encode()).hexdigest()[:24]
    path = cache_dir / f"parties-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)  # our own file, named by the versions it holds
        if isinstance(loaded, Matcher):
            return loaded
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass
    built = Matcher.from_entities(list_entities(store, versions))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("parties-*.pickle"):
            old.unlink(missing_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache folder only costs start-up time
    return built


def parse_query(data: Any) -> tuple[str | None, Query]:
    """A ``parties match`` input object as a query; raises InputError naming the field."""
    if not isinstance(data, dict):
        raise InputError(f"each query must be a JSON object, not {type(data).__name__}")
    unknown = sorted(set(data) - _QUERY_KEYS)
    if unknown:
        raise InputError(f"unknown field '{unknown[0]}'", field=unknown[0], allowed=sorted(_QUERY_KEYS))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError("a query needs a name", field="name")
    schema = data.get("schema") or "LegalEntity"
    if schema not in _SCHEMAS:
        raise InputError(f"'{schema}' is no schema; use one of {', '.join(sorted(_SCHEMAS))}", field="schema")
    countries = {}
    for key in ("nationality", "country"):
        value = data.get(key)
        if value is not None:
            try:
                countries[key] = to_alpha2(str(value))
            except ValueError as exc:
                raise InputError(str(exc), field=key) from None
    identifiers = data.get("identifiers") or []
    if isinstance(identifiers, str):
        identifiers = [identifiers]
    if not isinstance(identifiers, list) or not all(isinstance(i, str) for i in identifiers):
        raise InputError("identifiers must be a list of text", field="identifiers")
    birth = data.get("birth_date")
    if birth is not None and not isinstance(birth, str):
        raise InputError("birth_date must be text (YYYY, YYYY-MM or YYYY-MM-DD)", field="birth_date")
    query_id = data.get("id")
    return (str(query_id) if query_id is not None else None), Query(
        name=name.strip(),
        schema=schema,
        birth_date=birth,
        nationality=countries.get("nationality"),
        country=countries.get("country"),
        identifiers=tuple(identifiers),
    )


def match_dict(match: Match) -> dict[str, Any]:
    """The contract shape of one match."""
    out = asdict(match)
    out["score"] = round(match.score, 4)
    return out


def match_one(index: Matcher, data: Any, threshold: float | None = None, limit: int = 10) -> dict[str, Any]:
    """Match one query object; a bad query gives an ``error`` field, never an exception."""
    query_id = data.get("id") if isinstance(data, dict) else None
    try:
        query_id, query = parse_query(data)
    except InputError as exc:
        return {"id": query_id, "error": exc.one_line()}
    found = index.match(query, threshold=threshold, limit=limit)
    return {"id": query_id, "matches": [match_dict(m) for m in found]}


__all__ = ["DEFAULT_THRESHOLD", "match_one", "matcher", "parse_query"]
