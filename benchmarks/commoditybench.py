"""CommodityBench (IAPS-AI): ECCN classification of 34 datasheet descriptions, with its graded score.

Our entries are EU Annex I numbers; where the US has an ECCN of the same number the
entry carries it, and that is our answer. Most items are outside the nuclear scope:
the point is honest abstention (no `controlled` answer, i.e. EAR99 or unlisted)
rather than a wrong code. Grading as published: exact 1.0, same ECCN head 0.7, same
group 0.4, same category 0.2; EAR99 against a listed code 0.

Run: python -m benchmarks.commoditybench
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from catchall.services.goods import classify_item

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "benchmarks" / "commoditybench"


def grade(predicted: str, gold: str) -> float:
    """The CommodityBench graded score of one answer."""
    if predicted == gold:
        return 1.0
    if "EAR99" in (predicted, gold):
        return 0.0
    if predicted[:5] == gold[:5]:
        return 0.7
    if predicted[:2] == gold[:2]:
        return 0.4
    if predicted[:1] == gold[:1]:
        return 0.2
    return 0.0


def answer(out: dict[str, Any]) -> tuple[str, list[str]]:
    """Our ECCN for an item: the first controlled entry's ECCN, else EAR99; plus the possible ones."""
    controlled = [e for e in out.get("entries", []) if e["status"] == "controlled"]
    possible = [e.get("eccn") or e["code"] for e in out.get("entries", []) if e["status"] != "controlled"]
    if controlled:
        return controlled[0].get("eccn") or controlled[0]["code"], possible
    return "EAR99", possible


def main() -> None:
    rows = [
        json.loads(line)
        for line in (DATA / "commoditybench_questions.jsonl").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    total = exact = wrong_codes = abstained_on_listed = 0.0
    for row in rows:
        out = classify_item({"id": row["id"], "description": f"{row['item_name']}. {row['description']}"})
        predicted, possible = answer(out)
        score = grade(predicted, row["gold_eccn"])
        total += score
        exact += predicted == row["gold_eccn"]
        wrong_codes += predicted != "EAR99" and predicted != row["gold_eccn"]
        abstained_on_listed += predicted == "EAR99" and row["gold_eccn"] != "EAR99"
        note = f" possible: {', '.join(possible[:3])}" if possible else ""
        print(f"{row['id']:40} gold {row['gold_eccn']:15} ours {predicted:10} score {score:.1f}{note}")
    n = len(rows)
    print(
        f"items: {n}; exact {exact / n:.2f}; wrong codes given: {int(wrong_codes)}; "
        f"abstained (EAR99) on listed items: {int(abstained_on_listed)}"
    )
    print("upstream one-shot LLMs: 0.12-0.49 graded; agentic with the CCL: 0.48-0.69 graded")
    print(f"commoditybench: {total / n:.3f} graded score")


if __name__ == "__main__":
    main()
