"""Settings: one object passed to every front, never module globals.

Every tunable is declared here with its environment variable, default and
meaning, so the docs and the code cannot drift apart.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


def default_db_url(env: Mapping[str, str]) -> str:
    """``sqlite:///$XDG_DATA_HOME/catchall/catchall.db`` (CONTRACTS.md, Configuration)."""
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME", str(Path.home()))) / ".local" / "share")
    return f"sqlite:///{Path(base) / 'catchall' / 'catchall.db'}"


def default_cache_dir(env: Mapping[str, str]) -> Path:
    """``$XDG_CACHE_HOME/catchall`` (fallback ``~/.cache/catchall``)."""
    base = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME", str(Path.home()))) / ".cache")
    return Path(base) / "catchall"


@dataclass(frozen=True)
class Settings:
    """What a Catchall process needs to know about its surroundings."""

    db_url: str
    cache_dir: Path | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, db_url: str | None = None) -> Settings:
        """Read ``CATCHALL_DB`` and ``CATCHALL_CACHE``; an explicit ``db_url`` (the ``--db`` option) wins."""
        env = os.environ if env is None else env
        cache = env.get("CATCHALL_CACHE")
        return cls(
            db_url=db_url or env.get("CATCHALL_DB") or default_db_url(env),
            cache_dir=Path(cache) if cache else default_cache_dir(env),
        )


SETTINGS_DOC = {
    "CATCHALL_DB": "SQLAlchemy URL of the store; default sqlite:///$XDG_DATA_HOME/catchall/catchall.db. "
    "The --db option of any command overrides it.",
    "CATCHALL_CACHE": "Folder for the party-matching index built from the lists in force, so later commands start "
    "fast; default $XDG_CACHE_HOME/catchall. Safe to delete.",
}
