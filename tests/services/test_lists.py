from __future__ import annotations

import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from catchall.errors import InputError
from catchall.services import lists
from catchall.services.update import update
from catchall.store import Store
from tests.conftest import shared_path


def _store(url: str) -> Store:
    store = Store(url)
    store.upgrade()
    return store


def test_load_status_and_unchanged_reload(db_url: str) -> None:
    store = _store(db_url)
    un = shared_path("data", "sanctions", "un_sc_consolidated")
    [result] = lists.load_paths(store, [un])
    assert result.source == "un_sc" and not result.unchanged
    assert result.version is not None and result.version.entity_count == 1003
    [again] = lists.load_paths(store, [un])
    assert again.unchanged
    [info] = lists.status(store)
    assert (info.source, info.entity_count, info.status) == ("un_sc", 1003, "active")
    store.dispose()


def test_diff_between_versions(db_url: str) -> None:
    store = _store(db_url)
    lists.ensure_sample(store)
    lists.load_paths(store, [shared_path("data", "sanctions", "un_sc_consolidated")])
    result = lists.diff(store, "un_sc")
    assert "un_sc-IRe.078" in result.added  # in the full list, not in the sample
    assert "un_sc-OFAC.15583" in result.removed  # an OFAC-only front of the sample
    assert "un_sc-IRe.032" not in result.added and "un_sc-IRe.032" not in result.removed
    store.dispose()


def test_diff_needs_two_versions(sqlite_url: str) -> None:
    store = _store(sqlite_url)
    with pytest.raises(InputError, match="needs two"):
        lists.diff(store, "un_sc")


def test_sample_loads_only_when_nothing_is_loaded(sqlite_url: str) -> None:
    store = _store(sqlite_url)
    first = lists.ensure_sample(store)
    assert first is not None and first.version is not None
    assert first.version.origin == lists.SAMPLE_ORIGIN
    assert lists.ensure_sample(store) is None


def test_folder_without_lists_and_unknown_file(sqlite_url: str, tmp_path: Path) -> None:
    store = _store(sqlite_url)
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="no list files"):
        lists.load_paths(store, [tmp_path])
    with pytest.raises(InputError, match="not a list file"):
        lists.load_paths(store, [tmp_path / "notes.txt"])


def test_bad_file_keeps_previous_version(sqlite_url: str, tmp_path: Path) -> None:
    store = _store(sqlite_url)
    un = shared_path("data", "sanctions", "un_sc_consolidated", "2026-02-27", "consolidated.xml")
    lists.load_paths(store, [un])
    truncated = tmp_path / "consolidated.xml"
    truncated.write_bytes(un.read_bytes()[:200_000])
    with pytest.raises(InputError):
        lists.load_paths(store, [truncated])
    [info] = lists.status(store)
    assert info.entity_count == 1003


def _write_locked(path: Path) -> bool:
    """True while another connection holds a write transaction on the SQLite file."""
    conn = sqlite3.connect(path, timeout=0.01)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()


def test_killed_load_leaves_previous_version(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    url = f"sqlite:///{db}"
    store = _store(url)
    lists.ensure_sample(store)
    sdn = shared_path("data", "sanctions", "ofac_sdn", "2024-05-03")
    env = dict(os.environ, CATCHALL_DB=url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "catchall.cli.app", "lists", "load", str(sdn)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not _write_locked(db):
        assert proc.poll() is None, "the load ended before it began writing"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    store = Store(url)
    infos = {i.source: i for i in lists.status(store)}
    assert "us_ofac_sdn" not in infos
    assert infos["un_sc"].origin == lists.SAMPLE_ORIGIN
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM list_versions WHERE status = 'loading'").fetchone()[0] == 0


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    un = shared_path("data", "sanctions", "un_sc_consolidated", "2026-02-27", "consolidated.xml")
    (tmp_path / "consolidated.xml").write_bytes(un.read_bytes())
    (tmp_path / "dpl.txt").write_bytes(b"garbage that is no list")
    handler = lambda *a, **k: _Handler(*a, directory=str(tmp_path), **k)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_update_one_failing_source_does_not_block_the_others(sqlite_url: str, server: str) -> None:
    store = _store(sqlite_url)
    lists.ensure_sample(store)
    addresses = {
        "us_bis_dpl": {"dpl.txt": f"{server}/dpl.txt"},
        "un_sc": {"consolidated.xml": f"{server}/consolidated.xml"},
        "gb_hmt": {"UK.xml": f"{server}/missing.xml"},
    }
    from catchall.services.update import fetch_url

    results = {r.source: r for r in update(store, addresses=addresses, fetch=fetch_url)}
    assert results["us_bis_dpl"].error and results["gb_hmt"].error
    assert "404" in (results["gb_hmt"].error or "")
    assert results["un_sc"].error is None
    infos = {i.source: i for i in lists.status(store)}
    assert infos["un_sc"].entity_count == 1003
    assert "us_bis_dpl" not in infos and "gb_hmt" not in infos
    again = {r.source: r for r in update(store, ["un_sc"], addresses=addresses, fetch=fetch_url)}
    assert again["un_sc"].result is not None and again["un_sc"].result.unchanged
