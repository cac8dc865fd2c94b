"""Result types and the safe reading every list parser shares.

A list is refused whole rather than loaded in part: every reader here raises
``ListFormatError`` naming the file and what is wrong, so a damaged download
never silently shrinks the set of parties screened against.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException
from followthemoney import EntityProxy

from catchall.errors import InputError

SOURCES = ("un_sc", "us_ofac_sdn", "us_ofac_cons", "us_csl", "us_bis_dpl", "gb_hmt", "eu_fsf")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XML_ENCODING = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


class ListFormatError(InputError):
    """A list file that cannot be read completely, so it is refused whole."""

    code = "invalid_list_file"


@dataclass(frozen=True)
class ListEntity:
    """One listed party: the list's own id and its FollowTheMoney entity."""

    source: str
    source_id: str
    entity: EntityProxy
    programme: str | None


@dataclass(frozen=True)
class ParsedList:
    """A whole list, in the order the file gives it."""

    source: str
    version: str
    entities: list[ListEntity]


def content_version(files: Mapping[str, bytes]) -> str:
    """A version for lists that carry no date: a hash of the bytes, files in name order."""
    digest = hashlib.sha256()
    for name in sorted(files, key=str.lower):
        digest.update(files[name])
    return f"sha256:{digest.hexdigest()[:12]}"


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def _refuse_empty(data: bytes, file: str) -> None:
    if not data.strip(b" \t\r\n\x00\x1a"):
        raise ListFormatError("the file is empty: it holds no list records", file=file)


def _refuse_nul(data: bytes, file: str) -> None:
    if b"\x00" in data[:4096]:
        raise ListFormatError(
            "the file contains NUL bytes: it looks like UTF-16 or UTF-32 text without a byte-order mark; "
            "save it as UTF-8 (or with a BOM)",
            file=file,
        )


def _utf8_error(data: bytes, exc: UnicodeDecodeError, file: str) -> ListFormatError:
    return ListFormatError(
        f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); this list is published in UTF-8, "
        "so the file was probably re-saved in another encoding such as latin-1 or Windows-1252: save it as UTF-8",
        file=file,
    )


def decode_text(data: bytes, file: str, *, legacy: bool = False) -> str:
    """Text of a CSV/TXT/JSON list file: BOM first, then UTF-8; ``legacy`` lists may be Windows-1252."""
    _refuse_empty(data, file)
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ListFormatError(
                f"the byte-order mark says {encoding} but the bytes are not: {exc}", file=file
            ) from exc
    else:
        _refuse_nul(data, file)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not legacy:
                raise _utf8_error(data, exc, file) from exc
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    if not text.strip(" \t\r\n\x00\x1a"):
        raise ListFormatError("the file is empty: it holds no list records", file=file)
    # OFAC's legacy files end with a DOS end-of-file byte (0x1A) after the last line.
    return text.rstrip("\x1a\r\n") + "\n"


def parse_xml(data: bytes, file: str) -> Element:
    """Parse XML refusing DTDs and entities (billion laughs, XXE); namespaces are dropped from tags."""
    _refuse_empty(data, file)
    if _bom_encoding(data) is None:
        _refuse_nul(data, file)
        match = _XML_ENCODING.match(data[:300])
        declared = match.group(1).decode("ascii").lower() if match else "utf-8"
        if declared in {"utf-8", "utf8"}:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise _utf8_error(data, exc, file) from exc
    try:
        root: Element = safe_et.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ListFormatError(
            f"refused: the XML has a DOCTYPE or entity declaration ({type(exc).__name__}); official list files "
            "carry none, and expanding entities could exhaust memory (billion laughs) or read local files (XXE)",
            file=file,
        ) from exc
    except ParseError as exc:
        if "encoding" in str(exc):
            message = f"the bytes are not in the encoding the XML declaration names ({exc}): re-save it as UTF-8"
        else:
            message = f"not well-formed XML ({exc}): the file is truncated or damaged"
        raise ListFormatError(message, file=file) from exc
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = element.tag.split("}", 1)[1]
    return root


def read_csv(text: str, file: str, *, delimiter: str = ",", width: int | None = None) -> list[list[str]]:
    """Rows of a CSV text, blank lines skipped; a broken quote or a short/long row is an error."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if width is not None and len(row) != width:
                raise ListFormatError(
                    f"line {reader.line_num} has {len(row)} fields where {width} are expected: "
                    "the file is truncated or is not this list's layout",
                    file=file,
                )
            rows.append(row)
    except csv.Error as exc:
        raise ListFormatError(
            f"broken CSV at line {reader.line_num} ({exc}): the file is truncated or damaged", file=file
        ) from exc
    return rows


def finish(source: str, version: str, entities: Iterable[ListEntity], file: str) -> ParsedList:
    """The parsed list, after the checks every list must pass: some records, no repeated id."""
    items = list(entities)
    if not items:
        raise ListFormatError(f"no {source} records found: the file holds no list entries", file=file)
    repeated = [key for key, count in Counter(item.source_id for item in items).items() if count > 1]
    if repeated:
        shown = ", ".join(repeated[:5]) + (" …" if len(repeated) > 5 else "")
        raise ListFormatError(f"duplicated record id {shown} within one {source} list: the file is damaged", file=file)
    return ParsedList(source=source, version=version, entities=items)
