"""The peer evaluation suites of ../shared/data/benchmarks, scored by our matcher.

Each function prints its figures and returns the headline ones. Pair suites (name bench, entity
bench, OFAC fixtures, Putin aliases, watchman) score a query against one party with
``score_pair``; the yente fixtures screen against the real lists through the index.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Sequence

import yaml
from followthemoney import registry

from benchmarks.parties_data import BENCH, person_query_fields, rows
from catchall.parties.matcher import DEFAULT_THRESHOLD, Matcher, Query, Record, score_pair


def record(names: Sequence[str], schema: str = "LegalEntity", **facts: object) -> Record:
    return Record("bench", "1", "bench-1", schema, names[0], None, tuple(names), len(names), **facts)  # type: ignore[arg-type]


def pair_score(query: str, listed: str, schema: str) -> float:
    return score_pair(Query(query, schema), record([listed], schema)).score


def confusion(labels: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(a and b for a, b in zip(labels, predicted, strict=True))
    tn = sum(not a and not b for a, b in zip(labels, predicted, strict=True))
    fp = sum(not a and b for a, b in zip(labels, predicted, strict=True))
    fn = sum(a and not b for a, b in zip(labels, predicted, strict=True))
    return {
        "accuracy": (tp + tn) / len(labels),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
    }


def name_bench() -> dict[str, float]:
    cases = rows("nomenklatura_name_bench", "cases.csv")
    frozen = rows("nomenklatura_name_bench", "logicv2-frozen.csv")
    key = {(r["schema"], r["name1"], r["name2"]) for r in frozen}
    ours = [pair_score(r["name1"], r["name2"], r["schema"]) for r in cases]
    labels = [r["is_match"] == "true" for r in cases]
    mine = confusion(labels, [s >= DEFAULT_THRESHOLD for s in ours])
    subset = [i for i, r in enumerate(cases) if (r["schema"], r["name1"], r["name2"]) in key]
    mine_sub = confusion([labels[i] for i in subset], [ours[i] >= DEFAULT_THRESHOLD for i in subset])
    theirs = confusion([r["is_match"] == "true" for r in frozen], [r["predicted_match"] == "true" for r in frozen])
    for label, found, n in (("catchall", mine, len(cases)), ("catchall, logic-v2's rows", mine_sub, len(subset))):
        print(f"  name_bench {label} ({n} pairs): " + ", ".join(f"{k} {v:.3f}" for k, v in found.items()))
    print(
        f"  name_bench logic-v2 frozen ({len(frozen)} pairs): " + ", ".join(f"{k} {v:.3f}" for k, v in theirs.items())
    )
    return mine


def _name(side: dict[str, object]) -> list[str]:
    names = side.get("name")
    found = [str(n) for n in (names if isinstance(names, list) else [names]) if n]
    parts = [str(side[k]) for k in ("firstName", "middleName", "fatherName", "lastName") if side.get(k)]
    return found + ([" ".join(parts)] if parts else [])


def entity_bench() -> dict[str, float]:
    checks = yaml.safe_load((BENCH / "nomenklatura_entity_bench" / "checks.yml").read_text("utf-8"))["checks"]
    labels, predicted = [], []
    for check in checks:
        query, candidate = _name(check["query"]), _name(check["candidate"])
        best = max(score_pair(Query(q, check["schema"]), record(candidate, check["schema"])).score for q in query)
        labels.append(bool(check["match"]))
        predicted.append(best >= DEFAULT_THRESHOLD)
    found = confusion(labels, predicted)
    print(f"  entity_bench ({len(checks)} checks): " + ", ".join(f"{k} {v:.3f}" for k, v in found.items()))
    return found


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else 0.0


def ofac_fixtures() -> float:
    data = rows("nomenklatura_ofac_fixtures", "ofac_fixtures.csv")
    ours = [pair_score(r["query_name"], r["result_name"], "LegalEntity") for r in data]
    theirs = [float(r["ofac_score"]) for r in data]
    overall = spearman(ours, theirs)
    per_query = []
    for _, group in itertools.groupby(range(len(data)), key=lambda i: data[i]["query_name"]):
        idx = list(group)
        if len(idx) > 2 and len({theirs[i] for i in idx}) > 1:
            per_query.append(spearman([ours[i] for i in idx], [theirs[i] for i in idx]))
    mean = sum(per_query) / len(per_query)
    print(f"  ofac_fixtures ({len(data)} rows): Spearman overall {overall:.3f}, mean within a query {mean:.3f}")
    return overall


def putin_aliases() -> float:
    text = (BENCH / "nomenklatura_alias_sets" / "putin_names.txt").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    pairs = list(itertools.permutations(names, 2))
    hits = sum(pair_score(a, b, "Person") >= DEFAULT_THRESHOLD for a, b in pairs)
    print(f"  putin_aliases ({len(names)} names, {len(pairs)} ordered pairs): {hits / len(pairs):.3f} matched")
    return hits / len(pairs)


def watchman() -> float:
    lines = (BENCH / "watchman_cross_script" / "cross_script_pairs.csv").read_text("utf-8").splitlines()
    pairs = [line.split(",") for line in lines if line.strip() and not line.startswith("#")]
    scores = [(q, e, pair_score(q, e, "Person")) for q, e, *_ in pairs]
    hits = sum(s >= DEFAULT_THRESHOLD for _, _, s in scores)
    missed = ", ".join(f"{q}/{e} {s:.2f}" for q, e, s in scores if s < DEFAULT_THRESHOLD)
    print(f"  watchman cross-script ({len(pairs)} pairs): {hits / len(pairs):.3f} matched; missed: {missed}")
    return hits / len(pairs)


def _token_key(name: str) -> frozenset[str]:
    return frozenset(re.sub(r"[^A-Z0-9]+", " ", name.upper()).split())


def yente_positives(un: Matcher, un_entities: Sequence[object]) -> dict[str, float]:
    """Recall at the default threshold; the expected UN entry is the one bearing the untreated name."""
    owners: dict[frozenset[str], set[str]] = {}
    for item in un_entities:
        for name in item.entity.get_type_values(registry.name):  # type: ignore[attr-defined]
            owners.setdefault(_token_key(name), set()).add(item.source_id)  # type: ignore[attr-defined]
    untreated = rows("yente_candidate_generation_fixtures", "positives_un_untreated.csv")
    found: dict[str, float] = {}
    for label in ("untreated", "treated"):
        data = rows("yente_candidate_generation_fixtures", f"positives_un_{label}.csv")
        hits = total = 0
        for plain, row in zip(untreated, data, strict=True):
            expected = owners.get(_token_key(plain["full_name"]))
            if not expected:
                continue
            total += 1
            matches = un.match(Query(schema="Person", **person_query_fields(row)), limit=50)  # type: ignore[arg-type]
            hits += any(m.source_id in expected for m in matches)
        found[label] = hits / total
        print(
            f"  yente UN positives {label}: recall {hits / total:.4f} ({hits}/{total}; "
            f"{len(data) - total} rows name no current UN entry)"
        )
    return found


def yente_negatives(everything: Matcher, files: Sequence[tuple[str, str]]) -> dict[str, float]:
    found: dict[str, float] = {}
    for folder, file in files:
        data = rows(folder, file)
        start = time.process_time()
        hit = sum(bool(everything.match(Query(schema="Person", **person_query_fields(r)), limit=1)) for r in data)  # type: ignore[arg-type]
        elapsed = time.process_time() - start
        found[f"{folder}/{file}"] = hit / len(data)
        print(
            f"  yente negatives {folder}/{file} ({len(data)}): false-hit rate {hit / len(data):.4%}, "
            f"{len(data) / elapsed:.0f} queries/s"
        )
    return found
