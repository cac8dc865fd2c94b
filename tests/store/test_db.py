from __future__ import annotations

import threading

import pytest
from sqlalchemy import inspect

from catchall.errors import NotFound, StoreError
from catchall.screening.seal import content_hash
from catchall.store import Store
from catchall.store.db import head_revision


def test_upgrade_creates_schema_and_is_idempotent(db_url: str) -> None:
    store = Store(db_url)
    assert store.upgrade() == head_revision() != "base"
    assert store.upgrade() == head_revision()
    tables = set(inspect(store.engine).get_table_names())
    assert {"inquiries", "screenings", "list_versions", "list_entities", "alembic_version"} <= tables
    store.dispose()


def test_save_and_read_back(db_url: str) -> None:
    store = Store(db_url)
    store.upgrade()
    inquiry = {"reference": "R-1", "items": [{"description": "铝合金管"}]}
    report = {"decision": "REVIEW", "reasons": ["x"]}
    inquiry_id, digest = store.save_screening(inquiry, report, organisation="org-a")
    assert digest == content_hash(inquiry, report)
    payload, saved = store.get_inquiry(inquiry_id)
    assert payload == inquiry
    assert saved == report
    assert store.count_inquiries() == 1
    with pytest.raises(NotFound):
        store.get_inquiry("missing")
    store.dispose()


def test_failed_write_leaves_nothing(db_url: str) -> None:
    store = Store(db_url)
    store.upgrade()
    with pytest.raises(KeyError):
        store.save_screening({"reference": "R"}, {"no_decision": True})
    assert store.count_inquiries() == 0
    store.dispose()


def test_concurrent_writers_all_land(db_url: str) -> None:
    store = Store(db_url)
    store.upgrade()
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            for i in range(5):
                store.save_screening({"reference": f"{n}-{i}"}, {"decision": "CLEAR"})
        except BaseException as exc:  # collected and re-raised by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.count_inquiries() == 20
    store.dispose()


def test_content_hash_changes_with_content() -> None:
    assert content_hash({"a": 1}, {"d": "CLEAR"}) != content_hash({"a": 1}, {"d": "REVIEW"})
    assert content_hash({"a": 1, "b": 2}, {}) == content_hash({"b": 2, "a": 1}, {})


def test_unreachable_store_is_a_clear_error() -> None:
    store = Store("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(StoreError, match="cannot reach the store"):
        store.upgrade()


def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot use store URL"):
        Store("notadb://x")
