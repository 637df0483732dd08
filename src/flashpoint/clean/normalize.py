"""Unicode and whitespace normalisation that remembers where every character came from.

Later stages report character spans in the cleaned text (events carry ``char_start`` and
``char_end``), and analysts need to find those spans in the text they fed in. So every function
here works on a :class:`Traced` text: a string plus, for each of its characters, the offset of
the raw character it stands for. Characters are only ever dropped, replaced or folded, never
reordered, so the raw offsets stay increasing and :meth:`flashpoint.records.OffsetMap.from_pairs`
compresses them into a few runs.

What normalisation does, in order:

1. Unicode NFKC, applied per base character plus its combining marks (so ``"e" + U+0301``
   becomes ``"é"``, mapped to the ``"e"``), and folded characters (``"ﬁ"`` -> ``"fi"``) map both
   outputs to the one raw character.
2. Invisible characters go: zero-width spaces and joiners, the byte-order mark, soft hyphens,
   bidi marks and other format or control characters (tabs and newlines excepted).
3. Line breaks are ``\\n`` (``\\r\\n``, ``\\r``, U+2028/2029, form feeds are folded into it).
   Tabs and every Unicode space (no-break, thin, ideographic ...) become a plain space.
4. Per line: leading and trailing spaces are stripped and runs of spaces become one. A list
   bullet glyph at the start of a line (``"  • item"``) becomes ``"- item"``.
5. Blank lines: none at the start or end, at most one between paragraphs.

Normalising normalised text changes nothing, which is what lets :func:`flashpoint.clean.blocks_of`
re-derive the blocks of a stored document from its ``raw_text``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

__all__ = ["Traced", "normalize"]

#: A character that normalisation may change: anything but "\n" and printable ASCII.
_NOT_PLAIN = re.compile(r"[^\n -~]")
#: A stretch of a line between spaces (``_fold_characters`` has made every space a " ").
_WORD = re.compile(r"[^ ]+")
#: Characters that end a line, besides "\n" itself.
_LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True)
class Traced:
    """A text and, per character, the offset in the raw text it came from."""

    text: str
    raw_index: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.raw_index):
            raise ValueError("a traced text needs one raw offset per character")


def normalize(raw: str, bullet_glyphs: Sequence[str] | None = None) -> Traced:
    """Normalise ``raw`` (see the module docstring) keeping a raw offset per output char.

    ``bullet_glyphs`` defaults to the list of ``data/boilerplate.yaml``.
    """
    if bullet_glyphs is None:
        from flashpoint.clean.boilerplate import load_rules

        bullet_glyphs = load_rules().bullet_glyphs
    chars, index = _fold_characters(raw)
    return _tidy_lines(chars, index, frozenset(bullet_glyphs))


def _fold_characters(raw: str) -> tuple[list[str], list[int]]:
    """Steps 1-3: NFKC, invisible characters out, one kind of space and of line break.

    Printable ASCII and "\n" stay as they are, so stretches of them are copied whole; only the
    other characters, and the character before each (which a combining mark may join), are
    folded one cluster at a time.
    """
    chars: list[str] = []
    index: list[int] = []
    nfkc_needed = not unicodedata.is_normalized("NFKC", raw)
    n = len(raw)
    i = 0
    while i < n:
        other = _NOT_PLAIN.search(raw, i)
        j = n if other is None else other.start()
        stop = j if other is None else max(i, j - 1)
        chars.extend(raw[i:stop])
        index.extend(range(i, stop))
        i = stop
        while i < n and i <= j:
            i = _fold_cluster(raw, i, nfkc_needed, chars, index)
    return chars, index


def _fold_cluster(raw: str, start: int, nfkc_needed: bool, chars: list[str], index: list[int]) -> int:
    """Fold the character at ``start`` with its combining marks; where the next one starts."""
    n = len(raw)
    i = start + 1
    cluster = raw[start]
    if cluster == "\r" and i < n and raw[i] == "\n":
        return i  # the "\n" of "\r\n" stands for the pair
    if nfkc_needed:
        while i < n and unicodedata.combining(raw[i]):
            i += 1
        cluster = unicodedata.normalize("NFKC", raw[start:i])
    for ch in cluster:
        folded = _fold(ch)
        if folded:
            chars.append(folded)
            index.append(start)
    return i


def _fold(ch: str) -> str:
    """One normalised character for ``ch``, or "" to drop it."""
    if ch == "\n" or ch == " ":
        return ch
    if ch.isascii() and ch.isprintable():
        return ch
    if ch in _LINE_BREAKS:
        return "\n"
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category == "Zs":
        return " "
    if category in ("Cc", "Cf"):  # controls, zero-width and bidi marks, BOM, soft hyphen
        return ""
    return ch


def _tidy_lines(chars: list[str], index: list[int], bullets: frozenset[str]) -> Traced:
    """Steps 4-5: strip and collapse spaces per line, rewrite bullets, limit blank lines."""
    text = "".join(chars)  # one character per entry of ``chars``
    out_chars: list[str] = []
    out_index: list[int] = []
    pending_break: list[int] = []  # raw offsets of the line breaks since the last text line
    line_start = 0
    n = len(text)
    while line_start <= n:
        pos = text.find("\n", line_start)
        pos = n if pos < 0 else pos
        line = _tidy_line(text, index, line_start, pos, bullets)
        if line is None:
            if pos < n:
                pending_break.append(index[pos])
        else:
            if out_chars:
                breaks = pending_break[:2] if len(pending_break) >= 2 else pending_break[:1]
                out_chars.extend("\n" * len(breaks))
                out_index.extend(breaks)
            line_chars, line_index = line
            out_chars.extend(line_chars)
            out_index.extend(line_index)
            pending_break = [index[pos]] if pos < n else []
        line_start = pos + 1
    return Traced("".join(out_chars), tuple(out_index))


def _tidy_line(
    text: str, index: list[int], start: int, end: int, bullets: frozenset[str]
) -> tuple[str, list[int]] | None:
    """One line with spaces stripped and collapsed, or None when nothing but spaces is left."""
    line_chars = text[start:end]
    if line_chars[:1] != " " and line_chars[-1:] != " " and "  " not in line_chars:
        if not line_chars:
            return None
        line_index = index[start:end]  # already tidy, as most lines are
    else:
        tidied = _collapse_spaces(text, index, start, end)
        if tidied is None:
            return None
        line_chars, line_index = tidied
    if line_chars[0] in bullets and len(line_chars) > 2 and line_chars[1] == " ":
        line_chars = "-" + line_chars[1:]
    return line_chars, line_index


def _collapse_spaces(text: str, index: list[int], start: int, end: int) -> tuple[str, list[int]] | None:
    """The words of ``text[start:end]`` joined by one space each, traced to the first space of
    the run it stands for; None when there is no word."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    if not words:
        return None
    parts: list[str] = []
    line_index: list[int] = []
    previous_end = -1
    for word_start, word_end in words:
        if previous_end >= 0:
            parts.append(" ")
            line_index.append(index[previous_end])
        parts.append(text[word_start:word_end])
        line_index.extend(index[word_start:word_end])
        previous_end = word_end
    return "".join(parts), line_index
