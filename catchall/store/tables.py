"""Table definitions; the Alembic migrations are the authority, these mirror them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base of every table."""


class InquiryRow(Base):
    """An inquiry as received, owned by an organisation."""

    __tablename__ = "inquiries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(40), default="screened")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ScreeningRow(Base):
    """One screening of an inquiry: its decision, full report and content hash."""

    __tablename__ = "screenings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inquiry_id: Mapped[str] = mapped_column(ForeignKey("inquiries.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(40))
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    notes: Mapped[str | None] = mapped_column(Text)


class ListVersionRow(Base):
    """One load of one list source: active, superseded, or failed."""

    __tablename__ = "list_versions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    entity_count: Mapped[int] = mapped_column()
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ListEntityRow(Base):
    """An entity of a list version, as a FollowTheMoney entity dict."""

    __tablename__ = "list_entities"

    version_id: Mapped[str] = mapped_column(
        ForeignKey("list_versions.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    source_id: Mapped[str] = mapped_column(String(200))
    schema: Mapped[str] = mapped_column(String(40))
    caption: Mapped[str] = mapped_column(Text)
    programme: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
