"""Qualifier features: birth date, nationality and country raise or lower a name match.

A name alone cannot tell two people of one name apart; a birth date can. When both sides
give a birth date and the years lie two or more apart, the listed person is most likely
someone else, and the score drops; the same date raises it. Lists give years only, several
candidate dates, or day and month swapped, and a one-year gap is often a rounding of "circa",
so those count less. Nothing is concluded from what either side leaves out.
"""

from __future__ import annotations

from .features import Candidate, Explanation, QueryFacts

_RANK = {"same": 6, "compatible": 5, "swapped": 4, "same_year": 3, "near_year": 2, "far": 1}


def _relation(mine: str, theirs: str) -> str:
    a, b = mine.split("-"), theirs.split("-")
    shared = min(len(a), len(b))
    if a[:shared] == b[:shared]:
        return "same" if len(a) == len(b) == 3 else "compatible"
    if a[0] == b[0]:
        return "swapped" if len(a) == len(b) == 3 and (a[1], a[2]) == (b[2], b[1]) else "same_year"
    return "near_year" if abs(int(a[0]) - int(b[0])) == 1 else "far"


def _closest(query: QueryFacts, candidate: Candidate) -> tuple[str, Explanation] | None:
    if query.birth_date is None or not candidate.record.birth_dates:
        return None
    found = max((_relation(query.birth_date, date) for date in candidate.record.birth_dates), key=_RANK.__getitem__)
    return found, {"query": query.birth_date, "list": list(candidate.record.birth_dates), "relation": found}


def birth_date_match(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """The same birth date on both sides (half as much when only the year or month is known)."""
    found = _closest(query, candidate)
    if found is None:
        return 0.0, {}
    relation, detail = found
    score = {"same": 1.0, "compatible": 0.5, "swapped": 0.5}.get(relation, 0.0)
    return score, detail if score else {}


def birth_year_mismatch(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """Birth years two or more years apart (a one-year gap counts less: lists round "circa")."""
    found = _closest(query, candidate)
    if found is None:
        return 0.0, {}
    relation, detail = found
    score = {"far": 1.0, "near_year": 0.4}.get(relation, 0.0)
    return score, detail if score else {}


def birth_day_mismatch(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """The same birth year but another day and month (not merely swapped)."""
    found = _closest(query, candidate)
    if found is None or found[0] != "same_year":
        return 0.0, {}
    return 1.0, found[1]


def nationality_match(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """The query's nationality is one the list gives."""
    theirs = candidate.record.nationalities
    if query.nationality is None or query.nationality not in theirs:
        return 0.0, {}
    return 1.0, {"query": query.nationality, "list": sorted(theirs)}


def nationality_mismatch(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """Both sides give nationalities and none is shared."""
    theirs = candidate.record.nationalities
    if query.nationality is None or not theirs or query.nationality in theirs:
        return 0.0, {}
    return 1.0, {"query": query.nationality, "list": sorted(theirs)}


def country_match(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """The query's country is one the list links to the party (address, registration, nationality)."""
    theirs = candidate.record.countries | candidate.record.nationalities
    if query.country is None or query.country not in theirs:
        return 0.0, {}
    return 1.0, {"query": query.country, "list": sorted(theirs)}


def country_mismatch(query: QueryFacts, candidate: Candidate) -> tuple[float, Explanation]:
    """The list links the party to countries, and neither the query's country nor nationality is one."""
    theirs = candidate.record.countries | candidate.record.nationalities
    mine = {code for code in (query.country, query.nationality) if code}
    if query.country is None or not candidate.record.countries or mine & theirs:
        return 0.0, {}
    return 1.0, {"query": query.country, "list": sorted(theirs)}
