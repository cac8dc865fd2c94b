"""Readers for every sanctions and denied-party list format, to FollowTheMoney entities.

Pure functions over bytes (no file or network I/O): ``detect`` names the source
of a set of files from their names and first bytes, ``parse`` reads a whole
list or refuses it with ``ListFormatError``; a partial list is never returned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import PurePath

from .bis_dpl import parse_bis_dpl
from .common import SOURCES, ListEntity, ListFormatError, ParsedList
from .eu_fsf import parse_eu_fsf
from .ofac_csv import file_role, parse_ofac_csv
from .ofac_xml import parse_ofac_xml
from .uk import parse_uk
from .uk_csv import DERIVED_FILES
from .un_sc import parse_un_sc
from .us_csl import parse_us_csl

__all__ = ["SOURCES", "ListEntity", "ListFormatError", "ParsedList", "detect", "detect_file", "parse"]

_HEAD = 8192
_XML_ROOTS = {"CONSOLIDATED_LIST": "un_sc", "Designations": "gb_hmt", "export": "eu_fsf"}
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_ROOT = re.compile(r"<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)[\s>/]")
_OFAC_ROW = re.compile(r'^\d+,("|-0-|\d+,)')


def _head_text(head: bytes) -> str:
    data = head[:_HEAD]
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2 : len(data) - (len(data) % 2)].decode(encoding, errors="replace")
    return data.decode("utf-8", errors="replace").lstrip("\ufeff").replace("\x00", "")


def _detect_xml(base: str, text: str) -> str | None:
    body = re.sub(r"<[?!][^>]*>", "", _COMMENT.sub("", text))
    match = _ROOT.search(body)
    if match is None:
        return None
    root = match.group(1)
    if root == "sdnList":
        return "us_ofac_cons" if "cons" in base else "us_ofac_sdn"
    if root == "export" and "fsd/export" not in text:
        return None
    return _XML_ROOTS.get(root)


def detect_file(name: str, head: bytes) -> str | None:
    """The source one file belongs to, from its name and first bytes; None when it is no known list file."""
    base = PurePath(name).name.lower()
    text = _head_text(head).lstrip(" \r\n\t")
    raw_first = text.splitlines()[0] if text else ""
    first = raw_first.replace('"', "")
    if text.startswith("<"):
        return _detect_xml(base, text)
    if text.startswith(("[", "{")):
        csl_keys = ('"source_list_url"', '"entity_number"', '"alt_names"')
        return "us_csl" if '"source"' in text and any(key in text for key in csl_keys) else None
    if first.startswith("_id,source,"):
        return "us_csl"
    if first.startswith("Name\tStreet_Address\t"):
        return "us_bis_dpl"
    if "Name 6" in text and "Group ID" in text:
        return "gb_hmt"
    if base in DERIVED_FILES and "unique_id" in first:
        return "gb_hmt"
    if file_role(base) is not None and _OFAC_ROW.match(raw_first):
        return "us_ofac_cons" if base.startswith("cons_") else "us_ofac_sdn"
    return None


def detect(files: Mapping[str, bytes]) -> str | None:
    """The one source that all the files belong to, or None (unknown file, or files of different lists)."""
    found = {detect_file(name, data) for name, data in files.items()}
    if len(found) != 1 or None in found:
        return None
    return found.pop()


def _parse_ofac(source: str) -> Callable[[Mapping[str, bytes]], ParsedList]:
    def run(files: Mapping[str, bytes]) -> ParsedList:
        xml = any(PurePath(n).suffix.lower() == ".xml" or d.lstrip()[:1] == b"<" for n, d in files.items())
        return parse_ofac_xml(source, files) if xml else parse_ofac_csv(source, files)

    return run


_PARSERS: dict[str, Callable[[Mapping[str, bytes]], ParsedList]] = {
    "un_sc": parse_un_sc,
    "us_ofac_sdn": _parse_ofac("us_ofac_sdn"),
    "us_ofac_cons": _parse_ofac("us_ofac_cons"),
    "us_csl": parse_us_csl,
    "us_bis_dpl": parse_bis_dpl,
    "gb_hmt": parse_uk,
    "eu_fsf": parse_eu_fsf,
}


def parse(source: str, files: Mapping[str, bytes]) -> ParsedList:
    """Read a whole list of ``source`` from its files (name to full bytes), or refuse it with a clear error."""
    if source not in _PARSERS:
        raise ListFormatError(f"unknown list source '{source}'", field="source", value=source, allowed=SOURCES)
    if not files:
        raise ListFormatError(f"no files given for the {source} list")
    try:
        return _PARSERS[source](files)
    except ListFormatError as exc:
        guess = detect(files)
        if guess is None or guess == source:
            raise
        hint = f"{exc.message} (these files look like a {guess} list, not {source})"
        raise ListFormatError(hint, file=exc.file, field=exc.field) from exc
    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as exc:
        # A layout this reader does not expect: refuse the list rather than load part of it.
        raise ListFormatError(
            f"cannot read this as a {source} list ({type(exc).__name__}: {exc})", file=", ".join(sorted(files))
        ) from exc
