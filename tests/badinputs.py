"""A mixed corpus of good files and every kind of bad input ingest must survive.

:func:`make_bad_corpus` writes the corpus and returns what ingesting it must give, keyed by
item: ``"ok"`` for an item that must come out as a :class:`SourceItem`, else the rejection kind.

Keys are what :attr:`SourceItem.where` / :attr:`Rejection.where` give when the folder is
ingested: ``"<dir>/name.txt"``, or ``"<dir>/records.jsonl:line 3"`` for one record. Keys that
start with ``!`` are paths to name on the command line in addition to the folder, since a
folder walk never reaches them (a missing file, a glob that matches nothing, a named PDF, a
pipe); strip the ``!`` to get the path, which is also the rejection's ``where``.

The texts are invented for these tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["make_bad_corpus", "explicit_paths", "expected_where", "GOOD_TEXT"]

GOOD_TEXT = (
    "Troops of the Northern Command shelled positions near the river crossing on Monday, "
    "officials said. Two soldiers were wounded and the crossing was closed to traffic.\n"
)
GOOD_HTML = (
    "<!DOCTYPE html><html><head><title>Border talks</title></head><body><article>"
    "<p>Envoys from the two governments met in the border town to discuss a ceasefire.</p>"
    "</article></body></html>\n"
)


def make_bad_corpus(
    directory: str | os.PathLike[str], max_bytes: int = 5_000_000
) -> dict[str, str]:
    """Write the corpus under ``directory``; return ``{item key: "ok" | rejection kind}``.

    ``max_bytes`` is the size limit the oversized items must exceed; the default is
    :class:`Settings`' default, so the corpus suits any smaller limit too.
    """
    root = Path(directory)
    expected: dict[str, str] = {}
    expected.update(_good_files(root))
    expected.update(_bad_files(root, max_bytes))
    expected.update(_jsonl_files(root, max_bytes))
    expected.update(_json_files(root))
    _ignored_files(root)
    expected.update(_explicit(root))
    return expected


def explicit_paths(expected: dict[str, str]) -> list[str]:
    """The extra command-line paths the corpus wants (the ``!`` keys, without the ``!``)."""
    return [key[1:] for key in expected if key.startswith("!")]


def expected_where(expected: dict[str, str]) -> dict[str, str]:
    """The expectations keyed by ``where`` only (``!`` removed)."""
    return {key.lstrip("!"): outcome for key, outcome in expected.items()}


def _write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def _good_files(root: Path) -> dict[str, str]:
    good = {
        "good/article.txt": GOOD_TEXT,
        "good/page.html": GOOD_HTML,
        "good/notes.md": "# Briefing\n\n" + GOOD_TEXT,
        "good/nested/deeper/wire.text": "Wire copy: " + GOOD_TEXT,
        "good/bom.txt": "\ufeffWith a byte-order mark. " + GOOD_TEXT,
    }
    out = {_write(root / name, text): "ok" for name, text in good.items()}
    out[_write(root / "good/utf16.txt", ("UTF-16 text. " + GOOD_TEXT).encode("utf-16"))] = "ok"
    return out


def _bad_files(root: Path, max_bytes: int) -> dict[str, str]:
    """Whole files that must each give exactly one rejection."""
    files: dict[str, tuple[bytes, str]] = {
        "bad/report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "binary"),
        "bad/nul.txt": (b"looks like text\x00\x00\x01\x02 but is not", "binary"),
        "bad/archive.json": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
        "bad/cp1252.txt": ("It was \u201ca provocation\u201d.".encode("cp1252"), "encoding"),
        "bad/utf16-nobom.txt": ("No byte-order mark here.".encode("utf-16-le"), "encoding"),
        "bad/empty.txt": (b"", "empty"),
        "bad/blank.md": (b"  \n\t\n   \n", "empty"),
        "bad/huge.txt": (b"a" * (max_bytes + 1), "oversized"),
        "bad/not-html.html": (b"Just words, no markup at all.\n", "malformed"),
        "bad/truncated.html": (b"<html><body><p>The talks began</p><div class=\"sto", "malformed"),
        "bad/broken.json": (b'{"text": "unterminated', "malformed"),
        "bad/scalar.json": (b'"just a string"', "malformed"),
    }
    out = {_write(root / name, data): kind for name, (data, kind) in files.items()}
    link = root / "bad" / "gone.txt"
    os.symlink(root / "bad" / "nowhere.txt", link)
    out[str(link)] = "unreadable"
    return out


def _jsonl_files(root: Path, max_bytes: int) -> dict[str, str]:
    """``mixed.jsonl``: 2 broken lines of 5. ``records.jsonl``: one bad record of each kind."""
    record = {"text": GOOD_TEXT, "url": "https://example.org/a", "published": "2021-07-06"}
    mixed = [
        json.dumps({**record, "url": "https://example.org/1"}),
        json.dumps({**record, "url": "https://example.org/2"}),
        '{"text": "cut off", "url": "https://example.org/3" "title": 1}',
        json.dumps({**record, "url": "https://example.org/4"}),
        '{"text": "no closing brace"',
    ]
    path = _write(root / "mixed.jsonl", "\n".join(mixed) + "\n")
    kinds = ["ok", "ok", "malformed", "ok", "malformed"]
    out = {f"{path}:line {n}": kind for n, kind in enumerate(kinds, 1)}
    lines: list[tuple[bytes, str]] = [
        (json.dumps({"content": GOOD_TEXT, "source_name": "Example Wire"}).encode(), "ok"),
        (json.dumps({"html": GOOD_HTML, "date": "Wed, 08 Jan 2020 10:00:00 GMT"}).encode(), "ok"),
        (b"", "skip"),  # blank lines are not records
        (b"[1, 2, 3]", "malformed"),
        (json.dumps({"title": "No body", "url": "https://example.org/x"}).encode(), "malformed"),
        (json.dumps({"text": 42}).encode(), "malformed"),
        (json.dumps({"text": "   "}).encode(), "empty"),
        (b'{"text": "caf\xe9 in Latin-1"}', "encoding"),
        (b"[" * 50_000 + b"]" * 50_000, "malformed"),
        (json.dumps({"text": "b" * (max_bytes + 1)}).encode(), "oversized"),
        (json.dumps({"body": "Last good record. " + GOOD_TEXT}).encode(), "ok"),
    ]
    path = _write(root / "records.jsonl", b"\n".join(line for line, _ in lines) + b"\n")
    out.update({f"{path}:line {n}": kind for n, (_, kind) in enumerate(lines, 1) if kind != "skip"})
    return out


def _json_files(root: Path) -> dict[str, str]:
    """A JSON list with good and bad records, and a single-record JSON file."""
    records: list[object] = [
        {"text": GOOD_TEXT, "title": "First", "url": "https://example.org/j1"},
        "not an object",
        {"html": ["not", "a", "string"]},
        {"text": GOOD_TEXT, "title": "Second", "url": "https://example.org/j2"},
    ]
    path = _write(root / "list.json", json.dumps(records))
    kinds = ["ok", "malformed", "malformed", "ok"]
    out = {f"{path}:record {n}": kind for n, kind in enumerate(kinds, 1)}
    single = _write(root / "single.json", json.dumps({"text": GOOD_TEXT, "site": "Example"}))
    out[f"{single}:record 1"] = "ok"
    return out


def _ignored_files(root: Path) -> None:
    """Files a folder walk must skip without a word: hidden ones and non-document types."""
    _write(root / ".hidden.txt", GOOD_TEXT)
    _write(root / ".git" / "notes.txt", GOOD_TEXT)
    _write(root / "images" / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    _write(root / "good" / "readme.rst", GOOD_TEXT)


def _explicit(root: Path) -> dict[str, str]:
    """Paths only a command line can name."""
    outside = root.parent / f"{root.name}-explicit"
    outside.mkdir(exist_ok=True)
    pdf = _write(outside / "scan.pdf", b"%PDF-1.4\n")
    fifo = outside / "pipe.txt"
    os.mkfifo(fifo)
    empty_dir = outside / "empty-folder"
    empty_dir.mkdir()
    _write(empty_dir / "photo.jpg", b"\xff\xd8\xff\xe0")
    return {
        "!" + str(outside / "missing.txt"): "unreadable",
        "!" + str(outside / "nomatch-*.txt"): "unreadable",
        "!" + pdf: "unsupported",
        "!" + str(fifo): "unreadable",
        "!" + str(empty_dir): "empty",
    }
