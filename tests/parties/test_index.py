"""The candidate index: keys, lookups, ranking and pruning, without scanning the lists."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from catchall.parties.candidates import candidates
from catchall.parties.index import NameIndex, query_keys, token_keys
from catchall.parties.names import analyse, make_token, weighted


def tokens(name: str, mode: str = "person") -> tuple:  # type: ignore[type-arg]
    return weighted(analyse(name, mode))  # type: ignore[arg-type]


def build(
    *parties: list[str], ids: tuple[tuple[str, ...], ...] = (), years: tuple[tuple[str, ...], ...] = ()
) -> NameIndex:
    index = NameIndex()
    for number, names in enumerate(parties):
        index.add(
            (tokens(name) for name in names),
            ids[number] if number < len(ids) else (),
            years[number] if number < len(years) else (),
        )
    return index


def parties(found: list[tuple[int, list[int]]]) -> list[int]:
    return [party for party, _ in found]


def test_a_token_is_filed_under_letters_spelling_consonants_variants_and_ends() -> None:
    keys = dict(token_keys(make_token("mohammad", "common_name", 0.6, "latin")))
    assert "tmohammad" in keys and "tmohamad" in keys and "smhmd" in keys
    assert any(key.startswith("v") for key in keys)
    assert {"f8moh", "l8mad"} <= set(keys)
    assert token_keys(make_token("j", "initial", 0.3, "latin")) == []


def test_query_keys_join_neighbours_and_mark_the_tokens_they_stand_for() -> None:
    found = query_keys(tokens("Abdul Hai"))
    assert found["tabdulhai"][1] == 0b11
    assert found["tabdul"][1] == 0b01


def test_exact_typo_and_joined_names_are_found() -> None:
    index = build(["Abdul Hai Salek"], ["Maria Lopez"], ["Ivan Petrov"])
    assert parties(candidates(index, tokens("Salek Abdulhai"))) == [0]
    assert parties(candidates(index, tokens("Ivan Petrob"))) == [2]
    assert candidates(index, tokens("Nobody Known")) == []


def test_only_the_best_parties_are_proposed() -> None:
    index = build(*([f"Ali Hassan {n}"] for n in ("Rezaei", "Karimi", "Ahmadi", "Jafari", "Tehrani")))
    assert len(candidates(index, tokens("Ali Hassan"), limit=3)) == 3


def test_a_shared_birth_year_ranks_a_namesake_first() -> None:
    index = build(["Ali Hassan"], ["Ali Hassan"], ["Ali Hassan"], years=((), ("y1970",), ()))
    assert parties(candidates(index, tokens("Ali Hassan"), limit=1, facts=["y1970"])) == [1]
    assert candidates(index, tokens("Nobody"), facts=["y1970"]) == []  # a year alone proposes no one


def test_a_name_covering_too_little_of_the_query_is_not_proposed() -> None:
    index = build(["Rezaei Karimi Tehrani"])
    query = tokens("Rezaei Mansouri Shirazi")
    assert parties(candidates(index, query, floor=0.0)) == [0]
    assert candidates(index, query, floor=0.7) == []


def test_identifiers_propose_their_party_whatever_the_name() -> None:
    index = build(["Ocean Star"], ["Other"], ids=((), ("9187629",)))
    assert parties(candidates(index, tokens("Unrelated"), identifiers=["9187629"])) == [1]


def test_names_added_after_a_lookup_are_found() -> None:
    index = build(["Ivan Petrov"])
    assert parties(candidates(index, tokens("Ivan Petrov"))) == [0]
    index.add([tokens("Olga Sidorova")])
    assert parties(candidates(index, tokens("Olga Sidorova"))) == [1]
    assert len(index) == 2 and list(index.names_of(1)) == [1]


def test_a_saved_index_works_in_another_process(tmp_path: Path) -> None:
    index = build(["Abdul Hai Salek"], ["Maria Lopez"])
    saved = tmp_path / "index.pickle"
    saved.write_bytes(pickle.dumps(index))
    script = (
        "import pickle, sys; from catchall.parties.candidates import candidates;"
        "from catchall.parties.names import analyse, weighted;"
        "index = pickle.loads(open(sys.argv[1], 'rb').read());"
        "print([p for p, _ in candidates(index, weighted(analyse('Maria Lopes', 'person')))])"
    )
    for seed in ("1", "2"):  # str hashes differ between these processes; the index must not care
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, str(saved)], capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "[1]"
