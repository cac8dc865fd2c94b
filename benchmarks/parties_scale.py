"""Index build time and peak memory for 1,000,000 synthetic list names (run in its own process).

Run: python -m benchmarks.parties_scale [N]
Prints build seconds, peak resident memory (ru_maxrss) and the memory the build added.
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections.abc import Iterator

from catchall.parties.matcher import Matcher, Query
from catchall.parties.records import Record

GIVEN = (
    "mohammad ali hassan hossein reza ahmad omar yusuf ibrahim khalid tariq bilal hamid mahmoud karim nasser "
    "vladimir sergei dmitri alexei nikolai igor oleg yuri andrei pavel mikhail boris viktor "
    "john james michael david robert william richard thomas charles daniel paul mark peter george "
    "maria anna elena olga fatima aisha zahra leila sofia laura carmen lucia "
    "wei ming jun hui lei jie yan ping hong bo chol song hyok jong nam yong su ho il kwang"
).split()
FAMILY = (
    "rezaei ahmadi hosseini mousavi karimi jafari tehrani shirazi tabrizi haddad khoury nasser mansour "
    "ivanov petrov sidorov smirnov kuznetsov popov volkov sokolov lebedev kozlov novikov morozov "
    "smith johnson brown jones miller davis wilson taylor anderson thomas moore martin "
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo "
    "kim ri pak choe jong kang cho yun jang han ko so"
).split()
FIRM = (
    "alpha delta sigma nova star golden orient pacific atlas zenith apex vector quantum titan falcon eagle "
    "sunrise crescent jade dragon phoenix lotus cedar oasis horizon summit pioneer vertex matrix helix"
).split()
TRADE = "trading industrial engineering technology electronics shipping logistics machinery chemical energy".split()
FORMS = ("co ltd", "llc", "fze", "gmbh", "sdn bhd", "pte ltd", "jsc", "limited", "corporation", "")


def _syllables(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


def records(n_names: int, seed: int = 11) -> Iterator[Record]:
    """Parties with two names each (a name and an alias): people and firms, with invented words mixed in."""
    rng = random.Random(seed)
    for number in range(n_names // 2):
        person = number % 3 != 0
        names = []
        for _ in range(2):
            if person:
                parts = [rng.choice(GIVEN), _syllables(rng) if rng.random() < 0.5 else rng.choice(GIVEN)]
                parts.append(rng.choice(FAMILY) if rng.random() < 0.6 else _syllables(rng))
                names.append(" ".join(parts))
            else:
                parts = [rng.choice(FIRM), _syllables(rng), rng.choice(TRADE), rng.choice(FORMS)]
                names.append(" ".join(part for part in parts if part))
        yield Record(
            source="synthetic",
            source_id=str(number),
            entity_id=f"synthetic-{number}",
            schema="Person" if person else "Company",
            caption=names[0],
            programme=None,
            names=tuple(names),
            weak_from=2,
            birth_dates=(f"{rng.randint(1940, 2000)}",) if person else (),
        )


def _rss_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would carry a parent's peak over exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    n_names = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    parties = list(records(n_names))
    before = _rss_mb()
    start = time.perf_counter()
    matcher = Matcher.from_records(parties)
    elapsed = time.perf_counter() - start
    peak = _rss_mb()
    probe = [Query(name="Vladimir Ivanov", schema="Person"), Query(name="Golden Star Trading Co Ltd")]
    start = time.perf_counter()
    for _ in range(50):
        for query in probe:
            matcher.match(query)
    qps = 100 / (time.perf_counter() - start)
    print(f"scale names indexed: {len(matcher)}")
    print(f"scale build seconds: {elapsed:.1f}")
    print(f"scale peak memory MB: {peak:.0f} (the generated parties {before:.0f}, the build added {peak - before:.0f})")
    print(f"scale common-name queries/s at {len(matcher)} names: {qps:.0f}")


if __name__ == "__main__":
    main()
