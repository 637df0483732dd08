"""The ingest job: read, clean, deduplicate, parse, code and store, in that order.

Results are computed first, then written, one document per transaction, in a fixed order that
depends only on the inputs and on what the database already holds. That is what makes a run
idempotent (stored items are skipped by content hash) and crash-safe (a run killed at any point
leaves whole documents; the re-run computes the same remaining documents and writes them in the
same order, so it ends with the database an uninterrupted run leaves).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterator, Sequence, TextIO

from flashpoint.records import Document, Event, Rejection, SourceItem
from flashpoint.settings import Settings

if TYPE_CHECKING:
    from flashpoint.store import Store

__all__ = ["IngestSummary", "CodedBatch", "run_ingest", "code_paths", "clean_paths", "ProgressHook", "EXIT_OK",
           "EXIT_SKIPPED"]

#: Exit status of ``flashpoint ingest`` when every item was stored (or already present).
EXIT_OK = 0
#: Exit status when some items were skipped as bad input (the good ones are stored).
EXIT_SKIPPED = 3

#: Called as ``hook(stage, done, total)`` while documents are written.
ProgressHook = Callable[[str, int, int], None]


@dataclass
class IngestSummary:
    """What one ingest run did; ``to_dict`` is the ``--json`` output of ``flashpoint ingest``."""

    items: int = 0
    already_present: int = 0
    new_documents: int = 0
    new_duplicates: int = 0
    events: int = 0
    tokens: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int | None = None
    #: ``RefreshSummary.to_dict()`` of the analysis rebuild after a run that stored documents
    analysis: dict[str, object] | None = None

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    @property
    def exit_code(self) -> int:
        return EXIT_SKIPPED if self.rejections else EXIT_OK

    def to_dict(self) -> dict[str, object]:
        return {
            "items": self.items,
            "already_present": self.already_present,
            "new_documents": self.new_documents,
            "new_duplicates": self.new_duplicates,
            "events": self.events,
            "tokens": self.tokens,
            "rejected": self.rejected,
            "rejections": [
                {"where": r.where, "kind": r.kind, "reason": r.reason} for r in self.rejections
            ],
            "seconds": round(self.seconds, 3),
            "run_id": self.run_id,
            "analysis": self.analysis,
        }


def run_ingest(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: TextIO | BinaryIO | None = None,
    progress: ProgressHook | None = None,
) -> IngestSummary:
    """Ingest ``paths`` (files, folders, globs, ``-``) into the database of ``settings``."""
    from flashpoint.store import Store

    started = time.perf_counter()
    summary = IngestSummary()
    with Store.open(settings.db_url) as store:
        summary.run_id = store.start_run()
        items = _read_items(paths, settings, stdin, summary)
        documents = _clean_items(items, store, settings, summary)
        _record_rejections(store, summary.rejections)
        new_docs = _skip_stored(documents, store, summary)
        signatures = _group(new_docs, store, settings)
        _code_and_write(new_docs, signatures, store, settings, summary, progress)
        if summary.new_documents or _analysis_stale(store):
            summary.analysis = _refresh_analysis(store, settings)
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, summary.to_dict())
    return summary


def _refresh_analysis(store: "Store", settings: Settings) -> dict[str, object]:
    """Rebuild incidents and chain links so they include what this run stored (new events, or
    a new copy of a stored article, which changes its incidents' ``n_docs``)."""
    from flashpoint.analysis.refresh import refresh

    return refresh(store, settings.analysis).to_dict()


def _analysis_stale(store: "Store") -> bool:
    """Whether stored events were never analysed: a run killed between writing its documents and
    the rebuild left them so, and its re-run stores nothing new but must still rebuild."""
    from flashpoint.analysis.refresh import is_stale

    with store.read() as conn:
        return is_stale(conn)


def _read_items(
    paths: Sequence[str],
    settings: Settings,
    stdin: TextIO | BinaryIO | None,
    summary: IngestSummary,
) -> list[SourceItem]:
    """All readable items in input order; bad ones go to the summary's rejections."""
    from flashpoint.ingest import iter_sources

    items: list[SourceItem] = []
    for item in iter_sources(paths, settings, stdin=stdin):
        if isinstance(item, Rejection):
            summary.rejections.append(item)
        else:
            items.append(item)
    summary.items = len(items) + len(summary.rejections)
    return items


def _clean_items(
    items: list[SourceItem], store: "Store", settings: Settings, summary: IngestSummary
) -> list[Document]:
    """Clean every item of the batch, stored ones included, so results never depend on them."""
    from flashpoint.clean import clean_batch

    documents: list[Document] = []
    for result in clean_batch(items, store.block_history, settings):
        if isinstance(result, Rejection):
            summary.rejections.append(result)
        else:
            documents.append(result)
    return documents


def _record_rejections(store: "Store", rejections: list[Rejection]) -> None:
    for rejection in rejections:
        store.record_rejection(rejection)


def _skip_stored(documents: list[Document], store: "Store", summary: IngestSummary) -> list[Document]:
    """Drop documents whose input item is already stored: that is what makes ingest idempotent."""
    known = store.known_raw_hashes(d.raw_hash for d in documents)
    summary.already_present = sum(1 for d in documents if d.raw_hash in known)
    return [d for d in documents if d.raw_hash not in known]


def _group(new_docs: list[Document], store: "Store", settings: Settings) -> list[bytes]:
    from flashpoint.clean.dedup import assign_groups

    return assign_groups(new_docs, store.signatures(), settings)


def _code_and_write(
    new_docs: list[Document],
    signatures: list[bytes],
    store: "Store",
    settings: Settings,
    summary: IngestSummary,
    progress: ProgressHook | None,
) -> None:
    """Parse and code canonical copies, then write every document in batch order."""
    coded = _coded_stream([d for d in new_docs if d.is_canonical], settings, summary)
    for done, (doc, signature) in enumerate(zip(new_docs, signatures), start=1):
        events: list[Event] = []
        if doc.is_canonical:
            coded_doc, events = next(coded)
            assert coded_doc is doc, "parse stream out of step with the batch"
        else:
            summary.new_duplicates += 1
        outcome = store.write_document(doc, events, doc.blocks, signature, doc.sketch)
        if outcome.new_document:
            summary.new_documents += 1
            summary.events += len(events)
        if progress:
            progress("store", done, len(new_docs))


def _coded_stream(
    canonical: list[Document], settings: Settings, summary: IngestSummary
) -> Iterator[tuple[Document, list[Event]]]:
    """Lazily parse, code and place canonical documents, in order, streaming through ``nlp.pipe``."""
    if not canonical:
        return iter(())
    from flashpoint.events import load_coder
    from flashpoint.events.counterparts import place_named_sides
    from flashpoint.geo import home_country, load_gazetteer, locate_events
    from flashpoint.nlp import load_nlp, parse

    nlp = load_nlp(settings)
    coder = load_coder(settings)
    gazetteer = load_gazetteer(settings)

    def stream() -> Iterator[tuple[Document, list[Event]]]:
        for doc, parsed in parse(canonical, nlp, settings):
            summary.tokens += len(parsed)
            located = locate_events(doc, parsed, coder.code(doc, parsed), gazetteer)
            yield doc, place_named_sides(located, coder.actors.place_words,
                                         home_country(doc, parsed, gazetteer))

    return stream()


@dataclass
class CodedBatch:
    """Documents and their events, coded in memory without touching a database."""

    documents: list[Document]
    events: list[Event]
    rejections: list[Rejection]


def code_paths(paths: Sequence[str], settings: Settings) -> CodedBatch:
    """Read, clean, parse and code every document of ``paths`` in memory, duplicates included.

    This is the coder as ``flashpoint eval`` and the benchmarks see it: the same stages as an
    ingest, but every document is coded (a gold set scores each text) and nothing is stored.
    """
    summary = IngestSummary()
    documents = _read_and_clean(paths, settings, summary)
    events = [event for _, coded in _coded_stream(documents, settings, summary) for event in coded]
    return CodedBatch(documents, events, summary.rejections)


def clean_paths(paths: Sequence[str], settings: Settings) -> CodedBatch:
    """Read and clean every document of ``paths`` in memory, as an ingest does before parsing;
    the batch has no events (what ``bench/selective.py`` parses, without coding it)."""
    summary = IngestSummary()
    return CodedBatch(_read_and_clean(paths, settings, summary), [], summary.rejections)


def _read_and_clean(paths: Sequence[str], settings: Settings, summary: IngestSummary) -> list[Document]:
    """The canonical documents of ``paths``; bad items go to the summary's rejections."""
    from flashpoint.clean import clean_batch
    from flashpoint.records import BlockHistory

    documents = []
    for result in clean_batch(_read_items(paths, settings, None, summary), BlockHistory(), settings):
        if isinstance(result, Rejection):
            summary.rejections.append(result)
        else:
            documents.append(result)
    return documents
