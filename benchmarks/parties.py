"""Party matching: quality on peer suites and our own labelled evaluation, speed, scale.

Run: python -m benchmarks.parties [--quick]
Reads the real lists and the peer fixtures in ../shared in place. Prints every figure; the
last line is the headline: recall over all positives (yente UN untreated and treated, our
own variants), false-hit rate over all negatives (yente's 100,000 synthetic people, our
invented people and firms, real unlisted firms), queries per second with every list loaded.
"""

from __future__ import annotations

import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence

from benchmarks import parties_peers as peers
from benchmarks.parties_data import all_entities, person_query_fields, rows, un_entities
from benchmarks.parties_eval import Case, negatives, positives
from catchall.parties.matcher import DEFAULT_THRESHOLD, Matcher, Query


def build(entities: Sequence[object], label: str) -> Matcher:
    start = time.perf_counter()
    matcher = Matcher.from_entities(entities)  # type: ignore[arg-type]
    print(f"  {label}: {matcher.parties} parties, {len(matcher)} names indexed in {time.perf_counter() - start:.1f} s")
    return matcher


def run_cases(matcher: Matcher, cases: Sequence[Case]) -> tuple[Counter[str], Counter[str], float]:
    """Hits per kind of case, cases per kind, and queries per second of this process's CPU time.

    CPU time, not wall time: the benchmark machine is shared, and other jobs' load would
    otherwise be counted against the matcher (``throughput`` prints both).
    """
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    start = time.process_time()
    for case in cases:
        found = matcher.match(case.query, limit=50)
        totals[case.kind] += 1
        if case.expected is None:
            hits[case.kind] += bool(found)
        else:
            hits[case.kind] += any((m.source, m.source_id) == case.expected for m in found)
    return hits, totals, len(cases) / (time.process_time() - start)


def sweep(matcher: Matcher, cases: Sequence[Case], thresholds: Sequence[float]) -> None:
    """Recall and false-hit rate of the same cases at several thresholds (each case scored once, low)."""
    best: list[tuple[bool, float]] = []
    for case in cases:
        found = matcher.match(case.query, threshold=min(thresholds), limit=50)
        if case.expected is None:
            best.append((False, max((m.score for m in found), default=0.0)))
        else:
            best.append((True, max((m.score for m in found if (m.source, m.source_id) == case.expected), default=0.0)))
    positives = [score for is_positive, score in best if is_positive]
    negatives = [score for is_positive, score in best if not is_positive]
    for threshold in thresholds:
        recall = sum(score >= threshold for score in positives) / len(positives)
        false_hits = sum(score >= threshold for score in negatives) / len(negatives)
        print(f"  threshold {threshold:.2f}: recall {recall:.4f}, false-hit rate {false_hits:.3%}")


def yente_cases(n_negatives: int) -> list[Case]:
    cases = []
    for file in ("negatives_global.csv", "negatives_us.csv"):
        for row in rows("yente_candidate_generation_fixtures", file)[:n_negatives]:
            cases.append(Case(f"yente {file}", Query(schema="Person", **person_query_fields(row)), None))  # type: ignore[arg-type]
    return cases


def side_by_side(matcher: Matcher, everything: Sequence[object], side: list[Case], pos_kinds: set[str]) -> None:
    try:
        from benchmarks.parties_logicv2 import LogicV2Pipeline, evaluate
    except ImportError as exc:  # nomenklatura is a dev dependency
        print(f"  skipped: {exc}")
        return
    theirs = evaluate(LogicV2Pipeline(matcher, everything), side)  # type: ignore[arg-type]
    hits, totals, ours_qps = run_cases(matcher, side)
    ours_recall = sum(hits[k] for k in pos_kinds) / sum(totals[k] for k in pos_kinds)
    negative = [k for k in totals if k not in pos_kinds]
    ours_fp = sum(hits[k] for k in negative) / sum(totals[k] for k in negative)
    print(
        f"  logic-v2 pipeline ({len(side)} queries): recall {theirs['recall']:.4f}, "
        f"false-hit rate {theirs['false_hits']:.3%}, {theirs['qps']:.1f} queries/s"
    )
    print(
        f"  catchall (same queries): recall {ours_recall:.4f}, false-hit rate {ours_fp:.3%}, "
        f"{ours_qps:.0f} queries/s ({ours_qps / theirs['qps']:.0f}x)"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"party matching, default threshold {DEFAULT_THRESHOLD}")
    print("== lists")
    start = time.perf_counter()
    everything = all_entities()
    print(f"  parsed {len(everything)} parties from every list in ../shared in {time.perf_counter() - start:.1f} s")
    un = build(un_entities(), "UN list")
    matcher = build(everything, "every list")

    print("== peer suites")
    peers.name_bench()
    peers.entity_bench()
    peers.ofac_fixtures()
    peers.putin_aliases()
    peers.watchman()
    yente_recall = peers.yente_positives(un, un_entities())
    n_neg = 5000 if quick else 50000
    yente_fp = (
        peers.yente_negatives(
            matcher, [("yente_candidate_generation_fixtures", f) for f in ("negatives_global.csv", "negatives_us.csv")]
        )
        if not quick
        else {}
    )
    peers.yente_negatives(
        matcher, [("yente_validation_report_fixtures", f) for f in ("negatives_global.csv", "negatives_us.csv")]
    )
    name_only = [Case(c.kind, Query(c.query.name, "Person"), None) for c in yente_cases(5000)]
    hits, totals, _ = run_cases(matcher, name_only)
    print(
        f"  yente negatives, name only (first 5,000 of each, birth date and nationality dropped): "
        f"false-hit rate {sum(hits.values()) / sum(totals.values()):.3%}"
    )

    print("== own labelled evaluation (generated from every list)")
    own_pos = positives(everything, 800 if quick else 4000)
    own_neg = negatives(500 if quick else 2500)
    hits, totals, qps = run_cases(matcher, own_pos + own_neg)
    for kind in sorted(totals):
        label = "recall" if any(c.kind == kind and c.expected for c in own_pos) else "false hits"
        print(f"  {kind}: {label} {hits[kind] / totals[kind]:.4f} ({hits[kind]}/{totals[kind]})")
    pos_kinds = {c.kind for c in own_pos}
    own_recall = sum(hits[k] for k in pos_kinds) / sum(totals[k] for k in pos_kinds)
    own_fp = sum(v for k, v in hits.items() if k not in pos_kinds) / sum(
        v for k, v in totals.items() if k not in pos_kinds
    )
    print(f"  own evaluation: recall {own_recall:.4f}, false-hit rate {own_fp:.3%}, {qps:.0f} queries/s")

    print("== threshold sweep (own positives and negatives, yente negatives with and without birth date)")
    sweep(matcher, own_pos + own_neg + yente_cases(2500) + name_only[:2000], (0.7, 0.75, 0.8, 0.85, 0.9))

    print("== throughput, every list loaded, one process")
    sample = yente_cases(2500) + own_pos[:2000] + own_neg[:2000]
    random.Random(3).shuffle(sample)
    wall = time.perf_counter()
    _, _, qps_all = run_cases(matcher, sample)
    wall_qps = len(sample) / (time.perf_counter() - wall)
    print(f"  {len(sample)} mixed queries: {qps_all:.0f} queries/s of CPU time ({wall_qps:.0f} by the wall clock)")

    print("== side by side with logic-v2 (nomenklatura), fed our candidates")
    side_by_side(matcher, everything, own_pos[:300] + own_neg[:300] + yente_cases(300)[:300], pos_kinds)

    print("== scale")
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.parties_scale", "200000" if quick else "1000000"],
        capture_output=True,
        text=True,
        check=True,
    )
    print("  " + out.stdout.strip().replace("\n", "\n  "))

    positives_total = len(own_pos) + 2 * 679
    recall = (own_recall * len(own_pos) + 679 * (yente_recall["untreated"] + yente_recall["treated"])) / positives_total
    neg_count = sum(totals_for(own_neg).values()) + (2 * n_neg if yente_fp else 0)
    fp = (own_fp * len(own_neg) + sum(yente_fp.values()) * n_neg) / neg_count
    print(f"parties: {recall:.4f} recall, {fp:.3%} false hits, {qps_all:.0f} queries/s")


def totals_for(cases: Sequence[Case]) -> Counter[str]:
    return Counter(case.kind for case in cases)


if __name__ == "__main__":
    main()
