"""Our own labelled evaluation, generated from the real lists in ../shared (seeded, so repeatable).

Positives: a listed name changed the way inquiries change it (a typo, another transliteration,
tokens reordered, a middle name dropped, another legal form, two words joined or split, the
name written in Cyrillic), with the list's birth date and nationality half of the time.
Negatives: invented people (with and without birth date and nationality), invented trading
firms, and real firms that are on none of the lists.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.parties_words import CYRILLIC, FAMILY, FIRM_WORDS, FORMS, GIVEN, PLACES, REAL_FIRMS, SPELLINGS, TRADES
from catchall.parties.formats import ListEntity
from catchall.parties.matcher import Query

VARIANTS = ("exact", "typo", "spelling", "reordered", "dropped_name", "legal_form", "joined_split", "cyrillic")
_VOWELS = "aeiou"


@dataclass(frozen=True)
class Case:
    kind: str
    query: Query
    expected: tuple[str, str] | None  # (source, source_id) of the listed party, None for a negative


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long:
        return name
    i = rng.choice(long)
    w = words[i]
    at = rng.randrange(1, len(w) - 1)
    edit = rng.choice(("sub", "ins", "del", "swap"))
    letter = rng.choice(_VOWELS if w[at].lower() in _VOWELS else "bcdfghklmnprstvz")
    letter = letter.upper() if w.isupper() else letter
    words[i] = {
        "sub": w[:at] + letter + w[at + 1 :],
        "ins": w[:at] + letter + w[at:],
        "del": w[:at] + w[at + 1 :],
        "swap": w[: at - 1] + w[at] + w[at - 1] + w[at + 1 :],
    }[edit]
    return " ".join(words)


def _spelling(rng: random.Random, name: str) -> str:
    low = name.lower()
    rules = [(a, b) for a, b in SPELLINGS if re.search(rf"{a}", low)]
    if not rules:
        return _typo(rng, name)
    a, b = rng.choice(rules)
    return re.sub(a, b, low, count=1)


def _reordered(rng: random.Random, name: str) -> str:
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return name
    return f"{words[-1]}, {' '.join(words[:-1])}" if rng.random() < 0.5 else " ".join(reversed(words))


_PARTICLES = {"al", "el", "bin", "ben", "ibn", "de", "la", "del", "van", "von", "abu", "abd", "bint"}


def _dropped(rng: random.Random, name: str, person: bool) -> str:
    """A middle given name left out (a person), or a firm's legal form left out."""
    if not person:
        legal = FORMS["strip"] | FORMS["parts"]
        words = [w for w in name.replace(",", " ").split() if w.lower().strip(".,()'") not in legal]
        return " ".join(words) if words else name
    family, _, given = name.rpartition(",") if "," in name else ("", "", name)
    words = given.split()
    middle = [i for i in range(1, len(words) - (0 if family else 1)) if words[i].lower().strip("-") not in _PARTICLES]
    if not middle or len(words) < (2 if family else 3):
        return name
    del words[rng.choice(middle)]
    return f"{family}, {' '.join(words)}" if family else " ".join(words)


def _legal_form(rng: random.Random, name: str, person: bool) -> str:
    if person:
        return name.title() if name.isupper() else name.upper()
    words = [w for w in name.split() if w.lower().strip(".,") not in FORMS["strip"]]
    return " ".join(words) + " " + rng.choice(FORMS["add"])


_JOINERS = {"of", "the", "for", "and", "del", "de", "la", "y", "e", "&", "al", "el"}


def _plain(word: str) -> bool:
    return word.lower().strip(".,()'") not in FORMS["strip"] | FORMS["parts"] | _JOINERS and word.isalpha()


def _joined_split(rng: random.Random, name: str) -> str:
    """Two name words written as one, or one long name word split in two (legal forms left alone)."""
    words = name.replace("-", " ").split()
    pairs = [i for i in range(len(words) - 1) if _plain(words[i]) and _plain(words[i + 1])]
    if pairs and rng.random() < 0.6:
        i = rng.choice(pairs)
        return " ".join([*words[:i], words[i] + words[i + 1].lower(), *words[i + 2 :]])
    long = [i for i, w in enumerate(words) if len(w) >= 8 and _plain(w)]
    if not long:
        return name.replace(" ", "-")
    i = rng.choice(long)
    cut = len(words[i]) // 2
    return " ".join([*words[:i], words[i][:cut], words[i][cut:], *words[i + 1 :]])


def _cyrillic(name: str) -> str:
    text = re.sub(r"(?<=[aeiou])y", "й", name.lower()).replace("y", "и")
    for latin, cyr in CYRILLIC:
        text = text.replace(latin, cyr)
    return text


def _vary(kind: str, rng: random.Random, name: str, person: bool) -> str:
    if kind == "typo":
        return _typo(rng, name)
    if kind == "spelling":
        return _spelling(rng, name)
    if kind == "reordered":
        return _reordered(rng, name)
    if kind == "dropped_name":
        return _dropped(rng, name, person)
    if kind == "legal_form":
        return _legal_form(rng, name, person)
    if kind == "joined_split":
        return _joined_split(rng, name)
    return _cyrillic(name) if kind == "cyrillic" else name


def positives(entities: Sequence[ListEntity], n: int, seed: int = 5) -> list[Case]:
    rng = random.Random(seed)
    pool = [e for e in entities if e.entity.get("name") and e.entity.schema.name != "Airplane"]
    cases: list[Case] = []
    for number, item in enumerate(rng.sample(pool, n)):
        entity = item.entity
        person = entity.schema.name == "Person"
        names = [x for x in entity.get("name") + entity.get("alias") if x.isascii() and len(x.split()) <= 8]
        if not names:
            continue
        name = rng.choice(names)
        kind = VARIANTS[number % len(VARIANTS)]
        changed = _vary(kind, rng, name, person)
        facts: dict[str, str | None] = {}
        if person and rng.random() < 0.5:
            facts["birth_date"] = next(iter(sorted(entity.get("birthDate"))), None)
            facts["nationality"] = next(iter(sorted(entity.get("nationality"))), None)
        schema = "Person" if person else rng.choice(("LegalEntity", "Organization", "Company"))
        schema = "Vessel" if entity.schema.name == "Vessel" else schema
        cases.append(Case(kind, Query(changed, schema, **facts), (item.source, item.source_id)))
    return cases


def negatives(n: int, seed: int = 9) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    countries = ["ae", "cn", "de", "in", "tr", "my", "sg", "ru", "gb", "us", "br", "ng", "pk", "kr", "jp", "fr"]
    for number in range(n):
        culture = rng.choice(sorted(GIVEN))
        given = rng.choice(GIVEN[culture])
        middle = f" {rng.choice(GIVEN[culture])}" if rng.random() < 0.3 else ""
        name = f"{given}{middle} {rng.choice(FAMILY[culture])}"
        born = f"{rng.randint(1940, 2004)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if number % 2:
            cases.append(
                Case(
                    "person, with birth date and nationality", Query(name, "Person", born, rng.choice(countries)), None
                )
            )
        else:
            cases.append(Case("person, name only", Query(name, "Person"), None))
        firm = f"{rng.choice(PLACES)} {rng.choice(FIRM_WORDS)} {rng.choice(TRADES)} {rng.choice(FORMS['add'])}"
        if rng.random() < 0.4:
            firm = f"{rng.choice(FIRM_WORDS)} {rng.choice(FIRM_WORDS)} {rng.choice(FORMS['add'])}"
        cases.append(
            Case(
                "invented firm",
                Query(firm, rng.choice(("LegalEntity", "Company")), country=rng.choice(countries)),
                None,
            )
        )
    cases.extend(Case("real unlisted firm", Query(firm, "Company"), None) for firm in REAL_FIRMS)
    return cases
