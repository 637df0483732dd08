"""Bytes to items: decoding, binary sniffing and the per-format readers.

Every check here raises an :class:`~flashpoint.errors.InputError` subclass with a one-line reason
meant for the person who supplied the file; :mod:`flashpoint.ingest.sources` turns those into
:class:`~flashpoint.records.Rejection` records, so one bad item never stops a batch.

Decoding is strict on purpose. UTF-8 (with or without a byte-order mark) and UTF-16/32 with a
byte-order mark are read; anything else is rejected rather than decoded as Latin-1, because a
wrong guess produces text that looks fine and carries wrong names into the event database.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import re
import stat
from typing import Any, BinaryIO, Iterator, Mapping

from flashpoint.errors import (
    BinaryInput,
    EmptyInput,
    EncodingInput,
    InputError,
    MalformedInput,
    OversizedInput,
    UnreadableInput,
)
from flashpoint.ingest.dates import normalise_date, normalise_timestamp
from flashpoint.records import Rejection, SourceItem, stable_hash
from flashpoint.settings import Settings

__all__ = [
    "FORMAT_BY_EXTENSION",
    "format_for",
    "decode_bytes",
    "read_file",
    "read_stream",
    "sniff_format",
    "item_hash",
]

#: File extension (lower case) to input format.
FORMAT_BY_EXTENSION: Mapping[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
}

#: Signatures of binary formats people drop into text folders by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
_JSON_WHOLE = "a JSON file is read whole (split it or use JSON Lines): "
_LIMIT_HINT = "(set --max-bytes / FLASHPOINT_MAX_INPUT_BYTES)"
_TEXT_KEYS = ("text", "content", "body")
_HTML_KEYS = ("html", "raw_html")
_META_KEYS: Mapping[str, tuple[str, ...]] = {
    "url": ("url", "link", "href"),
    "title": ("title", "headline"),
    "published": ("published", "published_at", "date", "publish_date", "datePublished", "pubDate"),
    "site": ("source", "site", "source_name", "sitename", "site_name"),
}
_TAG = re.compile(r"<(?:!doctype\s+html|!--|/?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>)", re.I)
_MARKUP_START = re.compile(
    r"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<\?xml|<[a-z]+[\s>])", re.IGNORECASE
)

#: What a reader yields for each item: the item, or why it was refused.
Outcome = SourceItem | Rejection
#: A numbered line of a JSON Lines file, or the error that stands in for it.
Line = tuple[int, str | InputError]


def format_for(path: str) -> str | None:
    """The input format a file name implies, or None when flashpoint does not read it."""
    return FORMAT_BY_EXTENSION.get(os.path.splitext(path)[1].lower())


def oversized(size: int, settings: Settings, what: str = "") -> OversizedInput:
    """The one wording of the size-limit message, so users learn the option once."""
    return OversizedInput(
        f"{what}{size:,} bytes, larger than the {settings.max_input_bytes}-byte limit {_LIMIT_HINT}"
    )


# --- bytes -------------------------------------------------------------------------------


def sniff_binary(head: bytes) -> None:
    """Raise when the first bytes say "not text": a known signature, NULs, control characters.

    UTF-16 text without a byte-order mark is full of NULs too; it is reported as an encoding
    problem (fixable by re-saving) rather than as a binary file.
    """
    for magic, name in _MAGIC:
        if head.startswith(magic) and (magic != b"BZh" or head[4:10] == b"1AY&SY"):
            raise BinaryInput(f"binary file: looks like {name}, not text")
    if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return  # UTF-16/32: NULs are expected, strict decoding is the check
    if b"\x00" not in head:
        _check_control_chars(head)
        return
    if _looks_like_utf16(head):
        raise EncodingInput("looks like UTF-16 without a byte-order mark: save it as UTF-8")
    raise BinaryInput(f"binary file: NUL byte at offset {head.index(0)}")


def _looks_like_utf16(head: bytes) -> bool:
    """Most of the even or most of the odd bytes are NUL: ASCII text stored as UTF-16."""
    sample = head[:1024]
    halves = (sample[0::2], sample[1::2])
    return any(len(half) >= 4 and half.count(0) >= 0.9 * len(half) for half in halves)


def _check_control_chars(head: bytes) -> None:
    """Text has almost no C0 control characters besides whitespace; binary data has many."""
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\v\x1b")
    if len(head) >= 32 and controls > 0.1 * len(head):
        raise BinaryInput(f"binary file: {controls} control bytes in the first {len(head)}")


def decode_bytes(data: bytes) -> str:
    """Decode strictly: UTF-8 (BOM optional) or UTF-16/32 with a BOM, else refuse."""
    sniff_binary(data[:_SNIFF_BYTES])
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingInput(_decode_reason(exc, encoding)) from exc


def _decode_reason(exc: UnicodeDecodeError, encoding: str) -> str:
    """Name the first bad byte and its offset, so the user can find it in a hex editor."""
    bad = exc.object[exc.start : exc.start + 1].hex()
    if encoding == "utf-8":
        return f"not UTF-8: invalid byte 0x{bad} at offset {exc.start} (save the file as UTF-8)"
    name = "UTF-16" if encoding == "utf-16" else "UTF-32"
    return f"not valid {name} despite its byte-order mark: bad data at offset {exc.start}"


# --- files and streams ---------------------------------------------------------------------


def read_file(path: str, fmt: str, settings: Settings) -> Iterator[Outcome]:
    """Read one regular file as ``fmt``; JSON Lines files are streamed line by line.

    The size is checked from ``stat`` before reading, so a 4 GB log named ``.txt`` costs nothing.
    JSON Lines files have no file-level limit: the limit applies to each record (line).
    """
    try:
        size = _regular_file_size(path)
        if size > settings.max_input_bytes and fmt != "jsonl":
            raise oversized(size, settings, _JSON_WHOLE if fmt == "json" else "")
        with open(path, "rb") as handle:
            if fmt == "jsonl":
                yield from _jsonl_items(path, handle, settings)
                return
            data = handle.read(settings.max_input_bytes + 1)
    except InputError as exc:
        yield _reject(path, exc)
        return
    except OSError as exc:
        yield _reject(path, UnreadableInput(_os_reason(exc)))
        return
    yield from read_bytes(path, data, fmt, settings)


def _regular_file_size(path: str) -> int:
    """The size of a regular file; FIFOs and devices are refused (reading one could block)."""
    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput("not a regular file (a pipe, socket or device)")
    return info.st_size


def _os_reason(exc: OSError) -> str:
    """A short reason for an OS error, without the path (the rejection carries it)."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return (exc.strerror or str(exc)).lower()


def read_bytes(origin: str, data: bytes, fmt: str, settings: Settings) -> Iterator[Outcome]:
    """Items from the whole content of a file or stream in a known format."""
    try:
        if fmt == "jsonl":
            yield from _jsonl_items(origin, io.BytesIO(data), settings)
        elif fmt == "json":
            yield from _json_items(origin, decode_bytes(_within_limit(data, settings)), settings)
        else:
            yield _document_item(origin, decode_bytes(_within_limit(data, settings)), fmt)
    except InputError as exc:
        yield _reject(origin, exc)


def read_stream(stream: BinaryIO, settings: Settings) -> tuple[bytes, bool]:
    """Read standard input: everything if it is JSON Lines, else at most the size limit + 1.

    Returns (bytes, complete). JSON Lines input is a stream of records, each under the limit,
    so it may be any length; a text or HTML document larger than the limit is rejected
    without reading the rest.
    """
    limit = settings.max_input_bytes
    data = stream.read(limit + 1)
    if len(data) <= limit or not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return data, len(data) <= limit
    chunks = [data]
    while chunk := stream.read(1 << 20):
        chunks.append(chunk)
    return b"".join(chunks), True


def sniff_format(data: bytes) -> str:
    """The format of standard input: JSON Lines, a JSON list, HTML or plain text."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    text = data[:65536].decode(encoding, errors="replace").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and all(line.startswith("{") for line in lines):
        return "jsonl"
    stripped = text.strip()
    if stripped.startswith("[") and data.rstrip().endswith(b"]"):
        return "json"
    if _MARKUP_START.match(text) and _TAG.search(text):
        return "html"
    return "txt"


def _within_limit(data: bytes, settings: Settings) -> bytes:
    """The limit again for streams, whose size is only known once read."""
    if len(data) > settings.max_input_bytes:
        raise oversized(len(data), settings, "more than ")
    return data


def _reject(origin: str, exc: InputError, locator: str | None = None) -> Rejection:
    return Rejection(origin=origin, kind=exc.kind, reason=exc.reason, locator=locator)


# --- plain text and HTML ---------------------------------------------------------------------


def _document_item(origin: str, text: str, fmt: str) -> SourceItem:
    """A whole-file text or HTML item, after the checks that need no parser."""
    if not text.strip():
        raise EmptyInput("empty file" if not text else "only whitespace")
    is_html = fmt == "html"
    if is_html:
        check_html(text)
    hashed = item_hash(text, is_html)
    return SourceItem(origin=origin, raw=text, format=fmt, is_html=is_html, raw_hash=hashed)


def check_html(text: str) -> None:
    """Basic sanity: some markup, and not cut off inside a tag or comment.

    Extracting the article is the clean stage's job (trafilatura); this only catches files that
    are not HTML at all or that a download cut short, so the reason can say so.
    """
    if _TAG.search(text) is None:
        raise MalformedInput("no HTML tags: this looks like plain text (name it .txt)")
    tail = text.rstrip()
    last_open, last_close = tail.rfind("<"), tail.rfind(">")
    if last_open > last_close:
        raise MalformedInput(f"truncated HTML: ends inside a tag opened at offset {last_open}")
    if tail.rfind("<!--") > tail.rfind("-->"):
        raise MalformedInput("truncated HTML: ends inside an unclosed comment")


# --- JSON and JSON Lines ---------------------------------------------------------------------


def _jsonl_items(origin: str, handle: BinaryIO, settings: Settings) -> Iterator[Outcome]:
    """One item or rejection per non-blank line; a broken line never costs the others."""
    try:
        head = handle.read(_SNIFF_BYTES)
        handle.seek(0)
        sniff_binary(head)
    except InputError as exc:
        yield _reject(origin, exc)
        return
    seen = False
    for lineno, line in _lines(handle, head, settings):
        locator = f"line {lineno}"
        if isinstance(line, InputError):
            seen = True
            yield _reject(origin, line, locator)
            continue
        if not line.strip():
            continue
        seen = True
        yield _record_or_rejection(origin, locator, "jsonl", _parse_line(line, lineno), settings)
    if not seen:
        yield _reject(origin, EmptyInput("no records: the file is empty or blank"))


def _parse_line(line: str, lineno: int) -> object:
    """A parsed JSON line, or the :class:`MalformedInput` that explains why it is not one."""
    try:
        return json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return MalformedInput(f"line {lineno}: {_json_error(exc, f'column {exc.colno}')}")
    except RecursionError:
        return MalformedInput(f"line {lineno}: JSON nested too deeply")


def _lines(handle: BinaryIO, head: bytes, settings: Settings) -> Iterator[Line]:
    """Decoded lines, each checked against the size limit before it is held in memory."""
    encoding = next((enc for bom, enc in _BOMS if head.startswith(bom)), "utf-8")
    if encoding in ("utf-16", "utf-32"):
        yield from _wide_lines(handle, encoding, settings)
        return
    limit = settings.max_input_bytes
    lineno = 0
    while raw := handle.readline(limit + 1):
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw) + _skip_line(handle)
            yield lineno, oversized(size, settings, f"line {lineno}: record of ")
            continue
        yield lineno, _decode_line(raw, lineno)


def _decode_line(raw: bytes, lineno: int) -> str | InputError:
    """One UTF-8 line; a bad byte rejects that line only, with its column."""
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.object[exc.start : exc.start + 1].hex()
        where = f"invalid byte 0x{bad} at column {exc.start + 1}"
        return EncodingInput(f"line {lineno}: not UTF-8: {where}")


def _skip_line(handle: BinaryIO) -> int:
    """Consume the rest of an over-long line; returns how many bytes it had."""
    skipped = 0
    while chunk := handle.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _wide_lines(handle: BinaryIO, encoding: str, settings: Settings) -> Iterator[Line]:
    """UTF-16/32 JSON Lines: decoded as a stream; a decoding error ends the file."""
    reader = io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline=None)
    lineno = 0
    try:
        while line := reader.readline(settings.max_input_bytes + 1):
            lineno += 1
            if len(line) > settings.max_input_bytes and not line.endswith("\n"):
                yield lineno, oversized(len(line), settings, f"line {lineno}: record of more than ")
                return
            yield lineno, line
    except UnicodeDecodeError:
        yield lineno + 1, EncodingInput(f"line {lineno + 1}: not valid {encoding.upper()}")
    finally:
        reader.detach()


def _json_items(origin: str, text: str, settings: Settings) -> Iterator[Outcome]:
    """A ``.json`` file: one record, or a list of records located as ``record N``."""
    if not text.strip():
        raise EmptyInput("empty file" if not text else "only whitespace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise MalformedInput(_json_error(exc, where)) from exc
    except RecursionError as exc:
        raise MalformedInput("JSON nested too deeply") from exc
    records = data if isinstance(data, list) else [data]
    if isinstance(data, list) and not data:
        raise EmptyInput("the JSON list holds no records")
    if not isinstance(data, (list, dict)):
        kind = _json_type(data)
        raise MalformedInput(f"top level is {kind}: expected a record or a list of records")
    for index, record in enumerate(records, start=1):
        yield _record_or_rejection(origin, f"record {index}", "json", record, settings)


def _record_or_rejection(
    origin: str, locator: str, fmt: str, record: object, settings: Settings
) -> Outcome:
    """A record (or the parse error standing in its place) as an item or a rejection."""
    try:
        if isinstance(record, InputError):
            raise record
        return record_item(origin, locator, fmt, record, settings)
    except InputError as exc:
        return _reject(origin, exc, locator)


def record_item(
    origin: str, locator: str, fmt: str, record: object, settings: Settings
) -> SourceItem:
    """A JSON record as an item: ``text`` or ``html`` (or an alias) plus metadata fields.

    When a record holds both text and HTML, the text wins: it is what the publisher or scraper
    already extracted, and re-extracting the HTML could only lose or add noise.
    """
    if not isinstance(record, dict):
        raise MalformedInput(f"record is {_json_type(record)}, not a JSON object")
    key, raw = _body(record)
    size = len(raw.encode("utf-8"))
    if size > settings.max_input_bytes:
        raise oversized(size, settings, f"record '{key}' is ")
    if not raw.strip():
        raise EmptyInput(f"record '{key}' is empty")
    is_html = key in _HTML_KEYS
    meta = {name: _meta(record, keys) for name, keys in _META_KEYS.items()}
    published = _published(record)
    url, title, site = meta["url"], meta["title"], meta["site"]
    return SourceItem(
        origin=origin,
        raw=raw,
        format=fmt,
        is_html=is_html,
        locator=locator,
        url=url,
        title=title,
        site=site,
        published=published,
        raw_hash=item_hash(raw, is_html, url, title, published, site),
    )


def _body(record: dict[str, Any]) -> tuple[str, str]:
    """(key, value) of the record's text, preferring text keys over HTML keys."""
    for key in (*_TEXT_KEYS, *_HTML_KEYS):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise MalformedInput(f"record '{key}' is {_json_type(value)}, not a string")
        return key, value
    raise MalformedInput("record has neither 'text' nor 'html'" + _wrapper_hint(record))


def _wrapper_hint(record: dict[str, Any]) -> str:
    """Point at a list of records wrapped in an object ({"articles": [...]}), a common export."""
    for key, value in record.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return f" (it holds a list of objects under '{key}': pass a list of records)"
    return ""


def _meta(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-blank string among ``keys``; other types are ignored, not fatal."""
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _published(record: dict[str, Any]) -> str | None:
    """The publication date from metadata; an unreadable one is dropped (clean may infer one)."""
    for key in _META_KEYS["published"]:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return normalise_date(value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return normalise_timestamp(float(value))
    return None


def _json_error(exc: json.JSONDecodeError, where: str) -> str:
    """ "JSON syntax error: Expecting ',' delimiter at column 18" (no doubled "at")."""
    return f"JSON syntax error: {exc.msg.removesuffix(' at')} at {where}"


def _json_type(value: object) -> str:
    """JSON's name for a parsed value's type, for messages ("a list", "a number")."""
    names: dict[type, str] = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


# --- identity --------------------------------------------------------------------------------


def item_hash(
    raw: str,
    is_html: bool = False,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    site: str | None = None,
) -> str:
    """The ``raw_hash`` of an item: its content plus what it says about itself.

    Metadata that travels with the text (URL, title, date, site) is part of the identity: the
    same wire story published at two URLs is two reports, both kept, and near-duplicate
    grouping (clean.dedup) decides which is canonical. Where the item lies on disk is not: a
    moved or renamed corpus is not ingested again. A plain-text item without metadata hashes
    exactly as :class:`SourceItem`'s default, so a hand-built item and the file agree.
    """
    if not is_html and not any((url, title, published, site)):
        return stable_hash(raw, length=32)
    meta = (url or "", title or "", published or "", site or "")
    return stable_hash(raw, "html" if is_html else "text", *meta, length=32)
