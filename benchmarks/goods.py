"""Items classified per second: 100,000 generated items through spec parsing, facts and the classifier.

Run: python -m benchmarks.goods [N]
"""

from __future__ import annotations

import random
import sys
import time
from typing import Any

from catchall.goods.classifier import default_classifier
from catchall.goods.grades import default_grade_lookup
from catchall.services.goods import classify_item

GRADES = ["7075-T6", "7A04", "6061-T6", "2024-T3", "Ti-6Al-4V", "18Ni(350)", "T700S", "T300", "IM7", "E-glass"]


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """Varied items: alloys and fibres with grades and sizes, pumps, drives, transducers, office goods."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            specs = {
                "material": "aluminium alloy",
                "grade": rng.choice(GRADES[:4]),
                "form": rng.choice(["tube", "bar", "sheet"]),
                "outside_diameter": f"{rng.uniform(10, 300):.1f} mm",
            }
        elif kind == 1:
            specs = {"grade": rng.choice(GRADES[6:]), "form": rng.choice(["tow", "fibre", "prepreg_tape"])}
        elif kind == 2:
            specs = {
                "product": "turbomolecular_pump",
                "inlet_diameter": f"{rng.uniform(40, 500):.0f} mm",
                "pumping_speed": f"{rng.uniform(50, 20000):.0f} l/s",
                "ultimate_pressure": f"{rng.uniform(1, 90):.0f}e-9 mbar",
            }
        elif kind == 3:
            specs = {
                "product": "frequency_changer",
                "phases": rng.choice([1, 3]),
                "output_power": f"{rng.uniform(0.01, 50):.2f} kVA",
                "output_frequency_max": f"{rng.uniform(50, 2000):.0f} Hz",
                "frequency_control": f"{rng.uniform(0.01, 1):.2f} %",
            }
        elif kind == 4:
            specs = {
                "material": "maraging steel",
                "grade": "18Ni(350)",
                "form": "bar",
                "outside_diameter": f"{rng.uniform(20, 200):.0f} mm",
            }
        else:
            specs = {
                "product": "pressure_transducer",
                "pressure_type": "absolute",
                "full_scale": f"{rng.uniform(100, 100000):.0f} Pa",
                "accuracy": f"{rng.uniform(0.05, 2):.2f} %",
                "sensing_material": ["aluminium oxide"],
            }
        items.append({"id": f"b{i}", "specs": specs})
    return items


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    items = generate(n)
    classifier, grades = default_classifier(), default_grade_lookup()
    start = time.perf_counter()
    entries = errors = 0
    for item in items:
        out = classify_item(item, classifier=classifier, grades=grades)
        entries += len(out.get("entries", []))
        errors += "error" in out
    elapsed = time.perf_counter() - start
    print(f"items: {n}, entries reported: {entries}, errors: {errors}, seconds: {elapsed:.2f}")
    print(f"goods: {n / elapsed:.0f} items/s")


if __name__ == "__main__":
    main()
