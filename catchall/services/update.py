"""``lists update``: fetch every list from its official address and swap it in.

Each source is fetched, verified (size, SHA-256 recorded, parsed completely: a
truncated or hostile file is refused by the parser) and stored as a new version
in one transaction, so a source that fails keeps its previous version and never
blocks the others. The addresses are the publishers' own; the fetcher is
passed in, so tests can serve files from a loopback server.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from catchall.errors import CatchallError
from catchall.services.lists import MAX_LIST_BYTES, LoadResult, load_files
from catchall.store.db import Store

# The official download addresses, one or more files per source.
OFFICIAL: dict[str, dict[str, str]] = {
    "un_sc": {"consolidated.xml": "https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
    "us_ofac_sdn": {
        name: f"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/{name.upper()}"
        for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
    },
    "us_ofac_cons": {
        name: f"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/{name.upper()}"
        for name in ("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv")
    },
    "us_csl": {
        "consolidated.csv": "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"
    },
    "us_bis_dpl": {"dpl.txt": "https://www.bis.doc.gov/dpl/dpl.txt"},
    "gb_hmt": {"UK-Sanctions-List.xml": "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"},
    "eu_fsf": {
        "eu_fsf.xml": "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
        "?token=dG9rZW4tMjAxNw"
    },
}

Fetcher = Callable[[str], bytes]


def fetch_url(url: str, timeout: float = 120.0) -> bytes:
    """Download one file over HTTPS, refusing anything larger than the list size limit."""
    request = urllib.request.Request(url, headers={"User-Agent": "catchall-lists-update"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read(MAX_LIST_BYTES + 1)
    if len(data) > MAX_LIST_BYTES:
        raise CatchallError(f"{url}: larger than {MAX_LIST_BYTES} bytes")
    return data


@dataclass(frozen=True)
class UpdateResult:
    """One source's outcome: loaded, unchanged, or failed with the reason."""

    source: str
    result: LoadResult | None
    error: str | None = None


def update(
    store: Store,
    sources: Iterable[str] | None = None,
    *,
    addresses: dict[str, dict[str, str]] | None = None,
    fetch: Fetcher = fetch_url,
) -> list[UpdateResult]:
    """Fetch and load each source; one failure is reported and the rest go on."""
    table = addresses or OFFICIAL
    out: list[UpdateResult] = []
    for source in sources or table:
        files = table.get(source)
        if files is None:
            out.append(UpdateResult(source, None, f"unknown source; known: {', '.join(table)}"))
            continue
        try:
            data = {name: fetch(url) for name, url in files.items()}
            origin = ", ".join(files.values())
            out.append(UpdateResult(source, load_files(store, data, source, origin)))
        except CatchallError as exc:
            out.append(UpdateResult(source, None, exc.one_line()))
        except OSError as exc:  # network and HTTP errors (urllib raises OSError subclasses)
            out.append(UpdateResult(source, None, f"download failed: {exc}"))
    return out
