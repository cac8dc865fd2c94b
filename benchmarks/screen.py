"""Screening latency: one inquiry with every list in ../shared loaded, after start-up.

Run: python -m benchmarks.screen   (loads the lists into a temporary SQLite store first)
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from catchall.services.core import Catchall
from catchall.services.inquiries import read_inquiry
from catchall.services.lists import load_paths
from catchall.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SANCTIONS = REPO.parent / "shared" / "data" / "sanctions"
LISTS = [
    SANCTIONS / "un_sc_consolidated",
    SANCTIONS / "ofac_sdn" / "2024-05-03",
    SANCTIONS / "ofac_consolidated_non_sdn",
    SANCTIONS / "bis_dpl",
    SANCTIONS / "uk_sanctions_list_derived",
    SANCTIONS / "us_csl" / "2025-06-25_format_sample",
    SANCTIONS / "format_samples" / "eu_fsf_xml",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        core = Catchall(Settings(db_url=f"sqlite:///{tmp}/bench.db"))
        start = time.perf_counter()
        names = 0
        for path in LISTS:
            for result in load_paths(core.store, [path]):
                names += result.version.entity_count if result.version else 0
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        inquiries = [read_inquiry(p) for p in sorted((REPO / "examples").glob("*.json"))]
        core.screen(inquiries[0], save=False)  # start-up: builds the party index and the classifier
        warm = time.perf_counter() - start
        timings = []
        for _ in range(20):
            for inquiry in inquiries:
                t0 = time.perf_counter()
                core.screen(inquiry, save=False)
                timings.append((time.perf_counter() - t0) * 1000)
        timings.sort()
        print(f"lists loaded: {names} entities in {loaded:.1f} s; start-up (index build) {warm:.1f} s")
        print(
            f"screenings: {len(timings)}; median {statistics.median(timings):.1f} ms; "
            f"p95 {timings[int(len(timings) * 0.95)]:.1f} ms; max {timings[-1]:.1f} ms"
        )
        print(f"screen: {statistics.median(timings):.1f} ms median per inquiry")


if __name__ == "__main__":
    main()
