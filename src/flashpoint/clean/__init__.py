"""The clean stage: source items in, clean documents (or rejections) out.

For each item of a batch, :func:`clean_batch`

1. turns HTML into text with trafilatura (:mod:`flashpoint.clean.html`); for HTML the document's
   ``raw_text`` is that extracted text, and its offset map points into it, not into the markup;
   plain text items keep their own text as ``raw_text``;
2. normalises the text (:mod:`flashpoint.clean.normalize`), remembering for each character the
   raw offset it came from;
3. splits it into blocks (one block per non-empty line, see :func:`blocks_of`) and removes
   navigation lines and blocks repeated across different articles of the batch and of the
   stored history (:mod:`flashpoint.clean.boilerplate`), plus short label-like leftovers
   stranded between removed repeated blocks;
4. fills in title, URL, site and publication date.

The result depends only on the batch's items and the history, never on which of the items are
already stored (a stored item that is also in the batch counts once), so a re-run after a crash
cleans every item exactly as the interrupted run did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from flashpoint.clean.boilerplate import (
    ItemBlocks,
    Rules,
    block_key,
    item_blocks,
    load_rules,
    repeated_blocks,
)
from flashpoint.clean.dedup import sketch_of
from flashpoint.clean.html import Extracted, extract_html
from flashpoint.clean.normalize import Traced, normalize
from flashpoint.errors import MalformedInput
from flashpoint.records import BlockHistory, Document, OffsetMap, Rejection, SourceItem
from flashpoint.settings import Settings

__all__ = ["clean_batch", "blocks_of", "HistoryLookup"]


@dataclass(frozen=True)
class _Line:
    """One line of the normalised text: ``text == normalised[start:end]``."""

    start: int
    end: int
    text: str
    blank_before: bool  # a blank line separates it from the previous non-blank line


@dataclass(frozen=True)
class _Prepared:
    """An item read and normalised, waiting for the batch-wide boilerplate decision."""

    item: SourceItem
    raw_text: str
    traced: Traced
    lines: tuple[_Line, ...]
    page: Extracted | None


HistoryLookup = Callable[[set[str]], BlockHistory]


def clean_batch(
    items: Sequence[SourceItem], history: BlockHistory | HistoryLookup, settings: Settings
) -> list[Document | Rejection]:
    """One :class:`Document` or :class:`Rejection` per item, in the items' order.

    ``history`` is what the database has seen, or a function that returns it for a set of
    block keys (the store's ``block_history``): given the function, the batch is read and
    normalised once and the store is asked about exactly the batch's blocks.
    """
    rules = load_rules()
    prepared = [_prepare(item, rules) for item in items]
    blocks = {
        p.item.raw_hash: item_blocks(
            p.item.raw_hash, (line.text for line in p.lines), sketch_of(p.traced.text, settings)
        )
        for p in prepared
        if isinstance(p, _Prepared)
    }
    if callable(history):
        history = history({key for item in blocks.values() for key in item.blocks})
    boilerplate = repeated_blocks(list(blocks.values()), history, rules.same_article_containment)
    return [
        p if isinstance(p, Rejection) else _finish(p, blocks[p.item.raw_hash], boilerplate[p.item.raw_hash], rules, settings)
        for p in prepared
    ]


def blocks_of(source: str | Document | SourceItem) -> list[tuple[str, int]]:
    """The (block key, characters) pairs of a text, in order of first occurrence.

    Definition: the text is normalised (:func:`flashpoint.clean.normalize.normalize`); every
    non-empty line is a block; its key is ``stable_hash`` of the line lowercased with a leading
    ``"- "`` list marker dropped; the characters of a key are summed over its repeats. Given a
    :class:`Document`, its ``raw_text`` is used (normalisation is idempotent, so that is the
    text :func:`clean_batch` compared before removing boilerplate); given an HTML
    :class:`SourceItem`, the text trafilatura extracts. The pipeline stores these pairs, and
    ``BlockHistory.item_chars`` should be the sum of their characters.
    """
    if isinstance(source, Document):
        text = source.raw_text
    elif isinstance(source, SourceItem):
        text = extract_html(source.raw).text if source.is_html else source.raw
    else:
        text = source
    traced = normalize(text, load_rules().bullet_glyphs)
    return list(item_blocks("", (line.text for line in _lines(traced.text))).blocks.items())


def _prepare(item: SourceItem, rules: Rules) -> _Prepared | Rejection:
    page: Extracted | None = None
    raw_text = item.raw
    if item.is_html:
        try:
            page = extract_html(item.raw)
        except MalformedInput as exc:
            return Rejection(item.origin, exc.kind, exc.reason, item.locator)
        raw_text = page.text
    traced = normalize(raw_text, rules.bullet_glyphs)
    return _Prepared(item, raw_text, traced, tuple(_lines(traced.text)), page)


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    blank = False
    for part in text.split("\n"):
        end = start + len(part)
        if part:
            lines.append(_Line(start, end, part, blank and bool(lines)))
            blank = False
        else:
            blank = True
        start = end + 1
    return lines


def _finish(
    prep: _Prepared, blocks: ItemBlocks, repeated: frozenset[str], rules: Rules, settings: Settings
) -> Document | Rejection:
    item = prep.item
    lines = prep.lines
    if not lines:
        return Rejection(item.origin, "empty", "no text in the item", item.locator)
    nav = [rules.is_nav_line(line.text) for line in lines]
    repeats = [block_key(line.text) in repeated and not rules.is_dateline(line.text) for line in lines]
    rep = [r and len(line.text) >= settings.min_boilerplate_chars for r, line in zip(repeats, lines)]
    removed = [a or b for a, b in zip(nav, rep)]
    _remove_short_repeats_beside_furniture(repeats, removed)
    title_at = None
    title = item.title or (prep.page.title if prep.page else None)
    if title is None and item.format == "txt":
        title_at = next((k for k, gone in enumerate(removed) if not gone), None)
        if title_at is not None and rules.is_title_like(lines[title_at].text):
            title = lines[title_at].text
        else:
            title_at = None
    _remove_stranded(lines, rep, removed, title_at, rules)
    text, index = _assemble(prep.traced, lines, removed)
    if not text:
        reason = "nothing left once boilerplate is removed"
        return Rejection(item.origin, "empty", reason, item.locator)
    published, published_source = _published(item, prep.page, text, settings)
    return Document(
        doc_id=Document.id_for(text),
        text=text,
        raw_text=prep.raw_text,
        offsets=OffsetMap.from_pairs(index),
        origin=item.origin,
        raw_hash=item.raw_hash,
        format=item.format,
        locator=item.locator,
        url=item.url or (prep.page.url if prep.page else None),
        title=title,
        site=item.site or (prep.page.sitename if prep.page else None),
        published=published,
        published_source=published_source,
        removed_chars=sum(len(line.text) for line, gone in zip(lines, removed) if gone),
        blocks=tuple(blocks.blocks.items()),
        sketch=blocks.sketch,
    )


def _remove_short_repeats_beside_furniture(repeats: list[bool], removed: list[bool]) -> None:
    """Remove short repeated lines ("THE GULF LEDGER", "Sign in | Register") next to furniture.

    A line too short to be called boilerplate on its own repetition is furniture when other
    articles repeat it and it touches removed lines: a masthead above a menu, a login link
    inside one. Applied until nothing changes, so a run of such lines goes together.
    """
    changed = True
    while changed:
        changed = False
        for k, repeated in enumerate(repeats):
            if repeated and not removed[k] and (
                (k > 0 and removed[k - 1]) or (k + 1 < len(removed) and removed[k + 1])
            ):
                removed[k] = changed = True


def _remove_stranded(
    lines: Sequence[_Line], rep: list[bool], removed: list[bool], keep: int | None, rules: Rules
) -> None:
    """Remove short label-like runs of lines sitting between two removed repeated blocks.

    An agenda copied into several pages loses its repeated paragraphs; what is left between them
    (a heading that differs by one character, a speaker's "Name: Title" line) is furniture too.
    A run qualifies when both neighbours are repeated blocks, it has at most
    ``max_stranded_lines`` lines, none reads like a sentence, it is no longer than the removed
    text around it, and it does not hold the title.
    """
    k = 0
    n = len(lines)
    while k < n:
        if removed[k]:
            k += 1
            continue
        end = k
        while end < n and not removed[end]:
            end += 1
        if 0 < k and end < n and rep[k - 1] and rep[end]:
            gap = range(k, end)
            gap_chars = sum(len(lines[g].text) for g in gap)
            around = _removed_run_chars(lines, removed, k - 1, -1) + _removed_run_chars(
                lines, removed, end, 1
            )
            if (
                len(gap) <= rules.max_stranded_lines
                and (keep is None or keep not in gap)
                and gap_chars <= around
                and not any(rules.is_sentence(lines[g].text) for g in gap)
            ):
                for g in gap:
                    removed[g] = True
        k = end


def _removed_run_chars(lines: Sequence[_Line], removed: list[bool], k: int, step: int) -> int:
    chars = 0
    while 0 <= k < len(lines) and removed[k]:
        chars += len(lines[k].text)
        k += step
    return chars


def _assemble(
    traced: Traced, lines: Sequence[_Line], removed: list[bool]
) -> tuple[str, list[int]]:
    """The kept lines joined, with the raw offset of every character.

    Kept lines are separated by one line break, or by a blank line when a blank line lay
    anywhere between them in the normalised text; break characters map to the raw offset of
    the line break that ended the previous kept line.
    """
    parts: list[str] = []
    index: list[int] = []
    previous: _Line | None = None
    gap_blank = False
    for line, gone in zip(lines, removed):
        if gone:
            gap_blank = gap_blank or line.blank_before
            continue
        if previous is not None:
            sep = "\n\n" if (gap_blank or line.blank_before) else "\n"
            parts.append(sep)
            index.extend([traced.raw_index[previous.end]] * len(sep))
        parts.append(line.text)
        index.extend(traced.raw_index[line.start : line.end])
        previous = line
        gap_blank = False
    return "".join(parts), index


def _published(
    item: SourceItem, page: Extracted | None, text: str, settings: Settings
) -> tuple[str | None, str | None]:
    """Publication date and where it came from: metadata, then the option, then the text.

    Dates are normalised by :func:`flashpoint.ingest.dates.normalise_date`; a metadata date it
    cannot read counts as missing, so the next source is tried.
    """
    from flashpoint.ingest.dates import infer_published, normalise_date

    for value, source in (
        (item.published, "metadata"),
        (page.date if page is not None else None, "metadata"),
        (settings.published, "option"),
    ):
        date = normalise_date(value) if value else None
        if date:
            return date, source
    inferred = infer_published(text)
    return (inferred, "inferred") if inferred else (None, None)
