from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from catchall.cli.app import app
from catchall.errors import InputError
from catchall.parties.matcher import Query
from catchall.services import parties
from catchall.store import Store

runner = CliRunner()


def _store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    store.upgrade()
    return store


def test_index_is_saved_and_read_back(tmp_path: Path) -> None:
    store = _store(tmp_path)
    built, versions = parties.matcher(store, tmp_path / "cache")
    assert versions and versions[0].origin.startswith("bundled sample")
    saved = list((tmp_path / "cache").glob("parties-*.pickle"))
    assert len(saved) == 1
    parties._cache.clear()
    loaded, _ = parties.matcher(store, tmp_path / "cache")
    assert loaded is not built
    query = Query(name="Kalaye Electric Company", schema="Organization")
    assert [m.source_id for m in loaded.match(query)] == [m.source_id for m in built.match(query)] != []


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    store = _store(tmp_path)
    parties.matcher(store, tmp_path / "cache")
    [saved] = (tmp_path / "cache").glob("parties-*.pickle")
    saved.write_bytes(b"not a pickle")
    parties._cache.clear()
    index, _ = parties.matcher(store, tmp_path / "cache")
    assert len(index) > 0


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ({"id": "1"}, "needs a name"),
        ({"id": "1", "name": "X", "schema": "Ship"}, "no schema"),
        ({"id": "1", "name": "X", "country": "Atlantis"}, "unknown country"),
        ({"id": "1", "name": "X", "colour": "red"}, "unknown field"),
        ("just text", "JSON object"),
    ],
)
def test_bad_queries(query: object, fragment: str) -> None:
    with pytest.raises(InputError, match=fragment):
        parties.parse_query(query)


def test_parties_match_contract(tmp_path: Path) -> None:
    lines = [
        {"id": "q1", "name": "Kalaye Elektrik Co.", "schema": "Organization", "country": "Iran"},
        {"id": "q2", "name": "Zzyzx Qwertyuiop"},
        {"id": "q3"},
    ]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    env = {"CATCHALL_CACHE": str(tmp_path / "cache")}
    args = ["--db", f"sqlite:///{tmp_path / 'c.db'}", "parties", "match", "-"]
    result = runner.invoke(app, args, input=stdin, env=env)
    assert result.exit_code == 1  # q3 has no name
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["q1", "q2", "q3"]
    best = out[0]["matches"][0]
    assert (best["source"], best["source_id"]) == ("un_sc", "IRe.032")
    assert best["score"] >= parties.DEFAULT_THRESHOLD and best["explanation"]
    assert out[1]["matches"] == []
    assert "needs a name" in out[2]["error"]
