"""The store: one engine, migrated on first use, writes in one transaction each.

SQLite is the embedded default; PostgreSQL is reached through a URL. Both run
the same Alembic migrations, so a test on one proves the schema of the other.
"""

from __future__ import annotations

import datetime as dt
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from catchall.errors import NotFound, StoreError
from catchall.screening.seal import content_hash
from catchall.store.tables import InquiryRow, ScreeningRow


def _engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, future=True)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"cannot use store URL '{url}': {exc}") from None
    except ModuleNotFoundError as exc:
        raise StoreError(f"no database driver for '{url}': {exc}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("catchall.store") / "migrations"))
    return config


def head_revision() -> str:
    """The newest migration the package ships."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    return head or "base"


class Store:
    """Persistence of inquiries and screenings behind one small interface."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def upgrade(self) -> str:
        """Bring the schema to the newest migration; returns the revision now in force."""
        config = _config()
        try:
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
            with self.engine.connect() as connection:
                row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot reach the store at {self.engine.url!r}: {reason}") from None
        return str(row[0]) if row else "base"

    def session(self) -> Session:
        """A new ORM session; callers use it as a context manager."""
        return self._sessions()

    def save_screening(
        self,
        inquiry: dict[str, Any],
        report: dict[str, Any],
        *,
        organisation: str | None = None,
        now: dt.datetime | None = None,
    ) -> tuple[str, str]:
        """Store an inquiry with its report in one transaction; returns (inquiry id, content hash)."""
        now = now or dt.datetime.now(dt.UTC)
        inquiry_id = str(uuid.uuid4())
        digest = content_hash(inquiry, report)
        with self.session() as session, session.begin():
            session.add(
                InquiryRow(
                    id=inquiry_id,
                    reference=inquiry.get("reference"),
                    organisation=organisation,
                    status="screened",
                    payload=inquiry,
                    created_at=now,
                )
            )
            session.add(
                ScreeningRow(
                    id=str(uuid.uuid4()),
                    inquiry_id=inquiry_id,
                    decision=str(report["decision"]),
                    report=report,
                    content_hash=digest,
                    created_at=now,
                )
            )
        return inquiry_id, digest

    def get_inquiry(self, inquiry_id: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
        """The stored inquiry and its latest report."""
        with self.session() as session:
            row = session.get(InquiryRow, inquiry_id)
            if row is None:
                raise NotFound(f"no inquiry {inquiry_id}")
            latest = session.scalars(
                select(ScreeningRow)
                .where(ScreeningRow.inquiry_id == inquiry_id)
                .order_by(ScreeningRow.created_at.desc())
                .limit(1)
            ).first()
            return row.payload, latest.report if latest else None

    def count_inquiries(self) -> int:
        """How many inquiries the store holds."""
        with self.session() as session:
            return int(session.scalar(select(func.count()).select_from(InquiryRow)) or 0)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
