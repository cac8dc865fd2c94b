"""Goods from free text: precision and recall of `controlled` on the labelled set in tests/data.

Run: python -m benchmarks.goods_text
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import yaml

from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.services.goods import classify_item

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "goods_text_eval.yaml"


def load_cases() -> list[dict[str, Any]]:
    """The labelled item texts."""
    cases: list[dict[str, Any]] = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    return cases


def failures(case: dict[str, Any], out: dict[str, Any]) -> list[str]:
    """Every way the classifier's answer differs from the labels."""
    if "error" in out:
        return [f"error: {out['error']}"]
    found = {e["code"]: e["status"] for e in out["entries"]}
    problems = []
    for code, status in (case.get("expect") or {}).items():
        if found.get(code) != status:
            problems.append(f"{code}: expected {status}, got {found.get(code)}")
    problems += [f"{code}: must be absent, got {found[code]}" for code in case.get("absent") or [] if code in found]
    if case.get("nothing") and found:
        problems.append(f"expected nothing, got {found}")
    return problems


def main() -> None:
    cases = load_cases()
    classifier, grades = default_classifier(), default_grade_lookup()
    tp = fp = fn = 0
    possible_right = possible_total = 0
    failed: list[tuple[str, list[str]]] = []
    start = time.perf_counter()
    for case in cases:
        out = classify_item({"id": case["id"], "description": case["text"]}, classifier=classifier, grades=grades)
        found = {e["code"]: e["status"] for e in out.get("entries", [])}
        expect = case.get("expect") or {}
        for code, status in expect.items():
            if status == "controlled":
                tp += found.get(code) == "controlled"
                fn += found.get(code) != "controlled"
            if status == "possible":
                possible_total += 1
                possible_right += found.get(code) == "possible"
        fp += sum(1 for code, status in found.items() if status == "controlled" and expect.get(code) != "controlled")
        problems = failures(case, out)
        if problems:
            failed.append((case["id"], problems))
    elapsed = time.perf_counter() - start
    for case_id, problems in failed:
        print(f"FAIL {case_id}: {'; '.join(problems)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"cases: {len(cases)} ({sum(c['lang'] != 'en' for c in cases)} Chinese or mixed), failing: {len(failed)}")
    print(f"controlled: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(f"possible answered right: {possible_right}/{possible_total}")
    print(f"time: {elapsed:.2f} s")
    print(f"goods_text: {precision:.3f} precision, {recall:.3f} recall, {len(cases) - len(failed)}/{len(cases)} cases")


if __name__ == "__main__":
    main()
