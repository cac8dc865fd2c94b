"""List versions in the store: each load is a new version, swapped in atomically.

A load writes the version row and every entity in ONE transaction, and only at
its end marks the new version active and the previous one superseded. A load
that fails or is killed midway therefore leaves the previous version in force
and nothing half-written behind.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update

from catchall.store.db import Store
from catchall.store.tables import ListEntityRow, ListVersionRow

BATCH = 1000


@dataclass(frozen=True)
class VersionInfo:
    """A list version as the status and diff commands show it."""

    id: str
    source: str
    version: str
    content_hash: str
    origin: str
    status: str
    entity_count: int
    loaded_at: dt.datetime


@dataclass(frozen=True)
class EntityRecord:
    """One stored list entity."""

    entity_id: str
    source_id: str
    schema: str
    caption: str
    programme: str | None
    data: dict[str, Any]


def _info(row: ListVersionRow) -> VersionInfo:
    loaded = row.loaded_at if row.loaded_at.tzinfo else row.loaded_at.replace(tzinfo=dt.UTC)
    return VersionInfo(
        row.id, row.source, row.version, row.content_hash, row.origin, row.status, row.entity_count, loaded
    )


def add_version(
    store: Store,
    *,
    source: str,
    version: str,
    content_hash: str,
    origin: str,
    entities: Iterable[EntityRecord],
    progress: Callable[[int], None] | None = None,
) -> VersionInfo:
    """Write a new version of ``source`` and make it the one in force, all or nothing."""
    now = dt.datetime.now(dt.UTC)
    version_id = str(uuid.uuid4())
    with store.session() as session, session.begin():
        row = ListVersionRow(
            id=version_id, source=source, version=version, content_hash=content_hash, origin=origin,
            status="loading", entity_count=0, loaded_at=now,
        )
        session.add(row)
        session.flush()
        count = 0
        batch: list[dict[str, Any]] = []
        for entity in entities:
            batch.append({"version_id": version_id, **entity.__dict__})
            if len(batch) >= BATCH:
                session.execute(insert(ListEntityRow), batch)
                count += len(batch)
                batch = []
                if progress:
                    progress(count)
        if batch:
            session.execute(insert(ListEntityRow), batch)
            count += len(batch)
            if progress:
                progress(count)
        session.execute(
            update(ListVersionRow)
            .where(ListVersionRow.source == source, ListVersionRow.status == "active")
            .values(status="superseded")
        )
        row.status = "active"
        row.entity_count = count
    return VersionInfo(version_id, source, version, content_hash, origin, "active", count, now)


def active_versions(store: Store) -> list[VersionInfo]:
    """The version in force for every source that has one."""
    with store.session() as session:
        rows = session.scalars(
            select(ListVersionRow).where(ListVersionRow.status == "active").order_by(ListVersionRow.source)
        ).all()
        return [_info(r) for r in rows]


def versions(store: Store, source: str) -> list[VersionInfo]:
    """Every version of ``source``, newest first."""
    with store.session() as session:
        rows = session.scalars(
            select(ListVersionRow)
            .where(ListVersionRow.source == source, ListVersionRow.status != "loading")
            .order_by(ListVersionRow.loaded_at.desc())
        ).all()
        return [_info(r) for r in rows]


def entities(store: Store, version_id: str) -> Iterator[EntityRecord]:
    """The entities of one version, in id order."""
    with store.session() as session:
        result = session.execute(
            select(ListEntityRow).where(ListEntityRow.version_id == version_id).order_by(ListEntityRow.entity_id)
        )
        for (row,) in result:
            yield EntityRecord(row.entity_id, row.source_id, row.schema, row.caption, row.programme, row.data)
