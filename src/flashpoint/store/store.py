"""The :class:`Store`: the only code that writes flashpoint's database.

Each stored document is written with everything derived from it (source row, events, block
sightings, MinHash signature) in one transaction, keyed by content hashes, so a job killed at
any point leaves whole documents only and a re-run writes exactly what is missing.

Writers are serialised: on SQLite by ``BEGIN IMMEDIATE`` (the write lock is taken up front and
a second writer waits on the busy timeout), on PostgreSQL by a transaction-scoped advisory lock.
Under that lock the ingest ordinal ``documents.seq`` is ``1 + max(seq)``: a rolled-back write
consumes no number, so an interrupted-then-rerun ingest numbers documents exactly as an
uninterrupted one (unlike SQLite AUTOINCREMENT or PostgreSQL sequences, which keep gaps).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, Table, func, select, tuple_, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.exc import DBAPIError

from flashpoint.errors import StoreError
from flashpoint.records import BlockHistory, Document, Event, Rejection
from flashpoint.store import schema
from flashpoint.store.engine import BEGIN_OPTION, DEFAULT_BUSY_TIMEOUT_MS, create_engine

__all__ = ["Store", "MIGRATIONS_DIR", "alembic_config", "insert_ignore", "chunked", "reading"]

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")

#: PostgreSQL advisory lock key taken by every write transaction (and so by migrations).
WRITE_LOCK = 0x666C_6173_6870

#: Largest IN list sent at once (SQLite's historic limit is 999 bound parameters).
IN_CHUNK = 500


class Store:
    """A flashpoint database: open it with :meth:`open`, use it as a context manager."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Store:
        """Connect to ``url`` and migrate the schema to the latest revision.

        Safe when several processes open a fresh database at once: the migration runs under a
        lock (SQLite write lock, PostgreSQL advisory lock) and re-checks the revision inside it.
        """
        engine = create_engine(url, busy_timeout_ms=busy_timeout_ms)
        store = cls(engine)
        try:
            store._migrate()
        except BaseException:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @property
    def engine(self) -> Engine:
        return self._engine

    @property
    def url(self) -> str:
        """The database URL, password hidden (for messages)."""
        return self._engine.url.render_as_string(hide_password=True)

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction: one consistent snapshot, never blocked by writers."""
        with self._errors("read"), self._engine.connect() as conn:
            if conn.dialect.name == "postgresql":  # SQLite's WAL readers get a snapshot anyway
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a write transaction holding the store's write lock.

        Commits when the block ends, rolls back (and raises :class:`StoreError`) on failure.
        PostgreSQL stays at READ COMMITTED: statements after the lock must see what the previous
        writer committed while this one waited (``max(seq)``, the schema revision).
        """
        with self._errors("write to"), self._engine.connect() as conn:
            conn.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
                yield conn

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            raise StoreError(f"cannot {doing} database {self.url}: {_reason(exc)}") from exc

    # -- migrations ----------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Upgrade to head unless already there (the check needs no lock, so readers never wait)."""
        config = alembic_config()
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.read() as conn:
            if _current_revision(conn) == head:
                return
        try:
            with self.write() as conn:
                if _current_revision(conn) != head:  # another process may have just done it
                    command.upgrade(alembic_config(conn), "head")
        except CommandError as exc:
            raise StoreError(
                f"cannot migrate database {self.url}: {exc} "
                "(was it written by a newer version of flashpoint?)"
            ) from exc

    # -- reads used by the pipeline ------------------------------------------------------------

    def known_raw_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of ``hashes`` whose items are already stored (and so are skipped)."""
        column = schema.sources.c.raw_hash
        found: set[str] = set()
        with self.read() as conn:
            for chunk in chunked(sorted(set(hashes)), IN_CHUNK):
                found.update(conn.scalars(select(column).where(column.in_(chunk))))
        return found

    def block_history(self, keys: Iterable[str]) -> BlockHistory:
        """Stored sightings of ``keys``, with the total block characters of each sighting item."""
        table = schema.block_sightings
        sightings: dict[str, set[str]] = {}
        with self.read() as conn:
            for chunk in chunked(sorted(set(keys)), IN_CHUNK):
                rows = conn.execute(
                    select(table.c.block_key, table.c.raw_hash).where(table.c.block_key.in_(chunk))
                )
                for key, raw_hash in rows:
                    sightings.setdefault(key, set()).add(raw_hash)
            items = sorted({h for hashes in sightings.values() for h in hashes})
            item_chars: dict[str, int] = {}
            for chunk in chunked(items, IN_CHUNK):
                rows = conn.execute(
                    select(table.c.raw_hash, func.sum(table.c.length))
                    .where(table.c.raw_hash.in_(chunk))
                    .group_by(table.c.raw_hash)
                )
                item_chars.update((raw_hash, int(total)) for raw_hash, total in rows)
            sketches = _item_sketches(conn, items)
        return BlockHistory(
            sightings={key: frozenset(hashes) for key, hashes in sightings.items()},
            item_chars=item_chars,
            item_sketches=sketches,
        )

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """``(doc_id, signature)`` of every stored document, in ingest order (``documents.seq``)."""
        sig, doc = schema.signatures, schema.documents
        query = (
            select(sig.c.doc_id, sig.c.signature)
            .join(doc, doc.c.doc_id == sig.c.doc_id)
            .order_by(doc.c.seq)
        )
        with self.read() as conn:
            result = conn.execute(query.execution_options(yield_per=IN_CHUNK))
            for doc_id, signature in result:
                yield doc_id, bytes(signature)

    # -- writes --------------------------------------------------------------------------------

    def write_document(
        self,
        doc: Document,
        events: Sequence[Event],
        blocks: Sequence[tuple[str, int]],
        signature: bytes,
        sketch: tuple[bytes, int] | None = None,
    ) -> "WriteOutcome":
        """Write a document with everything derived from it, in one transaction.

        Rows already present are left alone, so writing the same thing twice changes nothing.
        The outcome says whether a document row and how many rows in all were new (it is truthy
        when anything was). A document whose ``doc_id`` is stored (the same cleaned text read
        from another item) adds only its ``sources`` row and its block sightings; the events and
        signature of the stored copy stand.
        """
        strays = sorted({e.doc_id for e in events} - {doc.doc_id})
        if strays:
            raise StoreError(f"events of documents {strays} passed with document {doc.doc_id}")
        with self.write() as conn:
            stored_as = conn.scalar(
                select(schema.sources.c.doc_id).where(schema.sources.c.raw_hash == doc.raw_hash)
            )
            if stored_as is not None and stored_as != doc.doc_id:
                raise StoreError(
                    f"item {doc.raw_hash} ({doc.origin}) is stored as document {stored_as}, "
                    f"not {doc.doc_id}: stored items must be skipped, not cleaned again"
                )
            new_document = _insert_document(conn, doc)
            # Rows keyed by a new document or a new item cannot be stored yet (they are written
            # only here, with their document and source rows), so nothing needs looking up.
            new_item = stored_as is None
            written = new_document
            written += _insert_new(conn, schema.sources, [_source_row(doc)], fresh=new_item)
            written += _insert_new(
                conn, schema.events, [_event_row(e) for e in events], fresh=bool(new_document)
            )
            written += _insert_new(
                conn, schema.block_sightings, _block_rows(doc.raw_hash, blocks), fresh=new_item
            )
            written += _insert_new(
                conn, schema.signatures, [{"doc_id": doc.doc_id, "signature": bytes(signature)}],
                fresh=bool(new_document),
            )
            if sketch is not None:
                row = {"raw_hash": doc.raw_hash, "signature": bytes(sketch[0]), "shingles": sketch[1]}
                written += _insert_new(conn, schema.item_sketches, [row], fresh=new_item)
        return WriteOutcome(new_document=bool(new_document), new_rows=written)

    def record_rejection(self, rejection: Rejection) -> bool:
        """Record a rejected item once (keyed by ``rejection_id``); whether it was new."""
        table = schema.rejections
        with self.write() as conn:
            key = table.c.rejection_id == rejection.rejection_id
            if conn.scalar(select(table.c.seq).where(key)) is not None:
                return False
            conn.execute(
                table.insert().values(
                    rejection_id=rejection.rejection_id,
                    seq=_next_seq(conn, table),
                    origin=rejection.origin,
                    locator=rejection.locator,
                    kind=rejection.kind,
                    reason=rejection.reason,
                )
            )
        return True

    def start_run(self) -> int:
        """Record the start of an ingest run; its id for :meth:`finish_run`."""
        with self.write() as conn:
            key = conn.execute(schema.runs.insert().values(started_at=_now())).inserted_primary_key
            if key is None:
                raise StoreError(f"no run id came back from {self.url}")
            return int(key[0])

    def finish_run(self, run_id: int, counts: Mapping[str, Any]) -> None:
        """Record the end of a run with its counts (a JSON object)."""
        table = schema.runs
        with self.write() as conn:
            result = conn.execute(
                update(table)
                .where(table.c.run_id == run_id)
                .values(finished_at=_now(), counts=json.dumps(dict(counts), sort_keys=True))
            )
            if result.rowcount != 1:
                raise StoreError(f"no run {run_id} in {self.url}")


# -- helpers (module level so that queries and migrations can share them) ----------------------


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration built in code: no ``alembic.ini`` is needed at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextmanager
def reading(target: Store | Connection) -> Iterator[Connection]:
    """A connection to read from: ``target`` itself, or a read transaction of a :class:`Store`.

    Query functions take either, so the CLI and the web app pass a store while a caller that
    needs several reads in one snapshot passes the connection of its own ``store.read()``.
    """
    if isinstance(target, Connection):
        yield target
    else:
        with target.read() as conn:
            yield conn


def chunked(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_ignore(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """``INSERT ... ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL alike."""
    if not rows:
        return
    dialects = {"sqlite": sqlite_dialect, "postgresql": pg_dialect}
    try:
        dialect = dialects[conn.dialect.name]
    except KeyError:
        raise StoreError(f"unsupported database {conn.dialect.name!r}") from None
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def _insert_new(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], *, fresh: bool = False
) -> int:
    """Insert the rows whose primary key is not stored yet; how many that was.

    Runs under the write lock, so "select the stored keys, insert the rest" is exact; the
    insert still ignores conflicts so that a mistake costs nothing worse than a no-op.
    ``fresh`` says that none of the keys can be stored (the caller knows), so none is looked up.
    """
    key_columns = list(table.primary_key.columns)
    unique: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for row in rows:
        unique.setdefault(tuple(row[c.name] for c in key_columns), row)
    if fresh:
        insert_ignore(conn, table, list(unique.values()))
        return len(unique)
    stored: set[tuple[Any, ...]] = set()
    keys = list(unique)
    for chunk in chunked(keys, IN_CHUNK):
        if len(key_columns) == 1:
            query = select(key_columns[0]).where(key_columns[0].in_([k[0] for k in chunk]))
        else:
            query = select(*key_columns).where(tuple_(*key_columns).in_(list(chunk)))
        stored.update(tuple(row) for row in conn.execute(query))
    new_rows = [row for key, row in unique.items() if key not in stored]
    insert_ignore(conn, table, new_rows)
    return len(new_rows)


def _item_sketches(conn: Connection, raw_hashes: Sequence[str]) -> dict[str, tuple[bytes, int]]:
    """``raw_hash -> (signature, shingles)`` of the given stored items that have a sketch."""
    table = schema.item_sketches
    out: dict[str, tuple[bytes, int]] = {}
    for chunk in chunked(list(raw_hashes), IN_CHUNK):
        query = select(table.c.raw_hash, table.c.signature, table.c.shingles).where(
            table.c.raw_hash.in_(chunk)
        )
        out.update((h, (bytes(sig), int(n))) for h, sig, n in conn.execute(query))
    return out


@dataclass(frozen=True)
class WriteOutcome:
    """What :meth:`Store.write_document` added: a new document row, and new rows in all."""

    new_document: bool
    new_rows: int

    def __bool__(self) -> bool:
        return self.new_rows > 0


def _insert_document(conn: Connection, doc: Document) -> int:
    table = schema.documents
    if conn.scalar(select(table.c.seq).where(table.c.doc_id == doc.doc_id)) is not None:
        return 0
    conn.execute(table.insert().values(seq=_next_seq(conn, table), **_document_row(doc)))
    return 1


def _next_seq(conn: Connection, table: Table) -> int:
    """``1 + max(seq)``: gap-free, and exact because writers hold the write lock."""
    return int(conn.scalar(select(func.coalesce(func.max(table.c.seq), 0))) or 0) + 1


def _current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "raw_hash": doc.raw_hash,
        "origin": doc.origin,
        "locator": doc.locator,
        "url": doc.url,
        "title": doc.title,
        "site": doc.site,
        "published": doc.published,
        "published_source": doc.published_source,
        "format": doc.format,
        "text": doc.text,
        "raw_text": doc.raw_text,
        "offsets": doc.offsets.to_json(),
        "group_id": doc.group_id or doc.doc_id,
        "similarity": doc.similarity,
        "removed_chars": doc.removed_chars,
        "n_chars": len(doc.text),
    }


def _source_row(doc: Document) -> dict[str, Any]:
    return {
        "raw_hash": doc.raw_hash,
        "doc_id": doc.doc_id,
        "origin": doc.origin,
        "locator": doc.locator,
    }


def _event_row(event: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence": event.sentence,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "event_type": event.event_type,
        "mode": event.mode,
        "date": event.date,
        "fatalities": event.fatalities,
        "injuries": event.injuries,
        "status": event.status,
        "attribution": event.attribution,
        "confidence": event.confidence,
        "cameo_root": event.cameo_root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "coder_version": event.coder_version,
        "doc_path": event.doc_path,
        "doc_url": event.doc_url,
    }
    for role, actor in (("source", event.source), ("target", event.target)):
        row[f"{role}_text"] = actor.text if actor else None
        row[f"{role}_name"] = actor.name if actor else None
        row[f"{role}_country"] = actor.country if actor else None
        row[f"{role}_sector"] = actor.sector if actor else None
        row[f"{role}_actor_id"] = actor.id if actor else None
    loc = event.location
    row["loc_name"] = loc.name if loc else None
    row["loc_country"] = loc.country if loc else None
    row["lat"] = loc.lat if loc else None
    row["lon"] = loc.lon if loc else None
    row["loc_precision"] = loc.precision if loc else None
    return row


def _block_rows(raw_hash: str, blocks: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    """One row per distinct block key; a block repeated within the item sums its lengths, so
    ``sum(length)`` over an item's rows is its total block characters."""
    lengths: dict[str, int] = {}
    for key, length in blocks:
        lengths[key] = lengths.get(key, 0) + int(length)
    return [{"block_key": k, "raw_hash": raw_hash, "length": n} for k, n in lengths.items()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _reason(exc: DBAPIError) -> str:
    """The driver's message, first line only (the SQL statement is noise for users)."""
    message = str(exc.orig) if exc.orig is not None else str(exc)
    return message.strip().splitlines()[0] if message.strip() else type(exc).__name__
