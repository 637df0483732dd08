"""Paths to items: files, folders, glob patterns and standard input, in a stable order.

The order matters beyond tidiness: dedup calls the first copy of an article canonical, so the
same command line must always yield items in the same order. Folders are walked recursively and
sorted by path components; glob matches are sorted too.

What is read follows what the user asked for. A file named on the command line (or matched by
a glob, as a shell would expand it) is read or rejected: a named ``report.pdf`` is a mistake
worth a message. A folder walk takes only files with a supported extension and skips hidden
files and folders (``.git``, ``.DS_Store``), because folders of articles routinely hold images
and version-control metadata that nobody meant as input.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence, TextIO

from flashpoint.errors import EmptyInput, InputError, UnreadableInput, UnsupportedInput
from flashpoint.ingest.readers import (
    FORMAT_BY_EXTENSION,
    format_for,
    oversized,
    read_bytes,
    read_file,
    read_stream,
    sniff_format,
)
from flashpoint.records import Rejection, SourceItem
from flashpoint.settings import Settings

__all__ = ["iter_sources", "expand_paths", "STDIN_ORIGIN"]

STDIN_ORIGIN = "<stdin>"


def iter_sources(
    paths: Sequence[str],
    settings: Settings,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[SourceItem | Rejection]:
    """Every item the paths hold, in order; bad input comes out as :class:`Rejection`.

    A file reached twice (named, and inside a named folder) is read once. ``-`` reads
    ``stdin`` (default: the process's standard input) and sniffs its format.
    """
    for target in expand_paths(paths):
        if isinstance(target, Rejection):
            yield target
        elif target == "-":
            yield from _stdin_items(stdin if stdin is not None else sys.stdin, settings)
        else:
            yield from _file_items(target, settings)


def expand_paths(paths: Sequence[str]) -> Iterator[str | Rejection]:
    """Files to read (and ``-``), in order and without repeats, or rejections for bad paths."""
    seen: set[str] = set()
    for path in paths:
        for target in _expand(path):
            if isinstance(target, str) and target != "-":
                key = os.path.abspath(target)
                if key in seen:
                    continue
                seen.add(key)
            yield target


def _expand(path: str) -> Iterator[str | Rejection]:
    """One command-line path as the files it names."""
    if path == "-":
        yield path
    elif os.path.isdir(path):
        yield from _walk_or_reject(path)
    elif os.path.lexists(path):
        yield path
    elif glob.has_magic(path):
        yield from _glob(path)
    else:
        yield _rejection(path, UnreadableInput("no such file or directory"))


def _glob(pattern: str) -> Iterator[str | Rejection]:
    """Glob matches, sorted, ``**`` recursive; folders among them are walked."""
    matches = sorted(glob.glob(pattern, recursive=True), key=_sort_key)
    if not matches:
        yield _rejection(pattern, UnreadableInput("no file matches this pattern"))
    for match in matches:
        yield from _walk(match) if os.path.isdir(match) else iter([match])


def _walk_or_reject(folder: str) -> Iterator[str | Rejection]:
    """A named folder's files; a folder with nothing to read is worth telling the user."""
    files = list(_walk(folder))
    if not files:
        kinds = ", ".join(sorted(FORMAT_BY_EXTENSION))
        yield _rejection(folder, EmptyInput(f"folder holds no files to read ({kinds})"))
    yield from files


def _walk(folder: str) -> Iterator[str]:
    """Supported, non-hidden files under ``folder``, sorted by path components.

    Symbolic links to folders are not followed (they can loop); links to files are kept, so
    a broken one is reported rather than silently missing.
    """
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            os.path.join(root, name)
            for name in files
            if not name.startswith(".") and format_for(name) is not None
        )
    yield from sorted(found, key=_sort_key)


def _sort_key(path: str) -> tuple[str, ...]:
    """Sort by components so ``a/b.txt`` comes before ``a-c.txt`` whatever the separator."""
    return Path(path).parts


def _file_items(path: str, settings: Settings) -> Iterator[SourceItem | Rejection]:
    """A file's items: its format comes from its extension."""
    if os.path.islink(path) and not os.path.exists(path):
        yield _rejection(path, UnreadableInput(f"broken symbolic link to '{os.readlink(path)}'"))
        return
    fmt = format_for(path)
    if fmt is None:
        supported = ", ".join(sorted(FORMAT_BY_EXTENSION))
        ext = os.path.splitext(path)[1] or "no extension"
        reason = f"unsupported file type ({ext}); flashpoint reads {supported}"
        yield _rejection(path, UnsupportedInput(reason))
        return
    yield from read_file(path, fmt, settings)


def _stdin_items(stream: TextIO | BinaryIO, settings: Settings) -> Iterator[SourceItem | Rejection]:
    """Standard input as one document, or as records when it is JSON Lines or a JSON list."""
    data, complete = read_stream(_binary(stream), settings)
    if not complete:
        yield _rejection(STDIN_ORIGIN, oversized(len(data) - 1, settings, "more than "))
        return
    if not data.strip():
        yield _rejection(STDIN_ORIGIN, EmptyInput("standard input is empty"))
        return
    yield from read_bytes(STDIN_ORIGIN, data, sniff_format(data), settings)


def _binary(stream: TextIO | BinaryIO) -> BinaryIO:
    """The byte stream under a text stream, so decoding follows flashpoint's own rules.

    A text stream without one (``io.StringIO`` in tests) is already decoded: re-encode it.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    if isinstance(stream, io.TextIOBase):
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]


def _rejection(origin: str, error: InputError) -> Rejection:
    return Rejection(origin=origin, kind=error.kind, reason=error.reason)
