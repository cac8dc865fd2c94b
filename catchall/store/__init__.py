"""The store: SQLAlchemy over SQLite (default) or PostgreSQL, migrated by Alembic."""

from catchall.store.db import Store

__all__ = ["Store"]
