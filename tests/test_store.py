"""The store on real databases: a SQLite file and a private PostgreSQL server (tests/pg.py)."""

from __future__ import annotations

import multiprocessing
import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select

from flashpoint.errors import ConfigError, StoreError
from flashpoint.records import (
    Actor,
    Document,
    Event,
    Location,
    OffsetMap,
    Rejection,
    stable_hash,
)
from flashpoint.store import (
    EventFilter,
    Store,
    get_document,
    iter_export_records,
    list_documents,
    list_events,
    list_rejections,
    schema,
    stats,
    timeline,
)
from flashpoint.store.engine import normalize_url
from flashpoint.store.store import alembic_config

CODER = "test-coder-1"


# -- builders ----------------------------------------------------------------------------------


def make_doc(
    text: str, *, raw: str | None = None, origin: str = "report.txt", **extra: Any
) -> Document:
    raw = text if raw is None else raw
    return Document(
        doc_id=Document.id_for(text),
        text=text,
        raw_text=raw,
        offsets=OffsetMap.from_pairs(list(range(len(text)))),
        origin=origin,
        raw_hash=stable_hash(raw, length=32),
        format="txt",
        **extra,
    )


def make_event(doc: Document, start: int = 0, **fields: Any) -> Event:
    fields.setdefault("event_type", "ASSAULT")
    end = min(len(doc.text), start + 40)
    return Event(
        doc_id=doc.doc_id,
        sentence=doc.text[start:end],
        char_start=start,
        char_end=end,
        coder_version=CODER,
        trigger_start=start + 1,
        **fields,
    )


def write(store: Store, doc: Document, events: list[Event] | None = None, blocks=None) -> bool:
    blocks = blocks if blocks is not None else [(stable_hash(doc.text[:10]), 10)]
    return store.write_document(doc, events or [], blocks, signature=doc.doc_id.encode() * 4)


def table_counts(store: Store) -> dict[str, int]:
    with store.read() as conn:
        return {
            name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in schema.metadata.tables.items()
        }


@pytest.fixture
def store(store_url: str):
    with Store.open(store_url) as opened:
        yield opened


# -- opening and migrating ---------------------------------------------------------------------


def test_open_creates_every_table_and_matches_the_schema(store: Store) -> None:
    with store.read() as conn:
        # SQLite's FTS5 search tables are backend-specific and kept off the metadata on purpose
        search = schema.SQLITE_SEARCH_TABLES if conn.dialect.name == "sqlite" else frozenset()
        tables = set(inspect(conn).get_table_names())
        assert search <= tables
        assert tables - search == set(schema.metadata.tables) | {"alembic_version"}
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert MigrationContext.configure(conn).get_current_revision() == head
        # the hand-written revisions build exactly what schema.py describes
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), schema.metadata
        )
        assert [d for d in diff if not _is_search_table(d, search)] == []


def _is_search_table(diff: object, search: frozenset[str]) -> bool:
    """A schema difference that is one of SQLite's FTS5 tables (built by revision 0005 only)."""
    return isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name in search


def test_reopening_keeps_the_data(store_url: str) -> None:
    doc = make_doc("Shelling was reported near the border town on Monday.")
    with Store.open(store_url) as first:
        assert write(first, doc)
    with Store.open(store_url) as second:
        assert second.known_raw_hashes([doc.raw_hash, "nope"]) == {doc.raw_hash}


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "plain-path.db")) as store, store.read() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("foreign_keys") == 1
        assert int(pragma("busy_timeout") or 0) > 0


@pytest.mark.parametrize(
    "url",
    ["mysql://user@localhost/db", "sqlite:////no/such/folder/x.db", "postgresql+nodriver://x/y"],
)
def test_unusable_urls_raise_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        Store.open(url)


def test_unreachable_postgres_raises_store_error() -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="cannot"):
        Store.open(f"postgresql://nobody@127.0.0.1:{port}/nothing")


def test_plain_postgresql_urls_use_psycopg3() -> None:
    assert normalize_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgres://u@h/db").drivername == "postgresql+psycopg"


def _open_and_write(url: str, barrier: Any, n: int) -> None:
    barrier.wait(timeout=60)
    with Store.open(url) as store:
        doc = make_doc(f"Process {n} reports a convoy was attacked at dawn.")
        write(store, doc, [make_event(doc)])


def test_processes_opening_a_fresh_database_at_once_all_succeed(store_url: str) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(3)
    procs = [ctx.Process(target=_open_and_write, args=(store_url, barrier, n)) for n in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [proc.exitcode for proc in procs] == [0, 0, 0]
    with Store.open(store_url) as store, store.read() as conn:
        assert conn.scalar(select(func.count()).select_from(schema.events)) == 3
        seqs = sorted(conn.scalars(select(schema.documents.c.seq)))
        assert seqs == [1, 2, 3]  # writers were serialised: no duplicate or missing ordinal


def _crash_inside_a_write(url: str, text: str) -> None:
    """Die (no commit, no rollback, no cleanup) with a document row written but uncommitted."""
    import os

    store = Store.open(url)
    doc = make_doc(text)
    with store.write() as conn:
        conn.execute(
            schema.documents.insert().values(
                doc_id=doc.doc_id,
                seq=99,
                raw_hash=doc.raw_hash,
                origin=doc.origin,
                format="txt",
                text=doc.text,
                raw_text=doc.raw_text,
                offsets="[]",
                group_id=doc.doc_id,
                removed_chars=0,
                n_chars=len(doc.text),
            )
        )
        os._exit(3)


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but ``runs``, as sorted rows."""
    with store.read() as conn:
        return {
            name: sorted(tuple(row) for row in conn.execute(select(table)))
            for name, table in schema.metadata.tables.items()
            if name != "runs"
        }


def test_a_rerun_after_a_crash_ends_where_an_uninterrupted_run_does(
    store_url: str, tmp_path: Path
) -> None:
    texts = [f"Item {n}: the ministry reported an attack on a checkpoint." for n in range(4)]
    docs = [make_doc(t, origin=f"{n}.txt") for n, t in enumerate(texts)]

    def ingest(store: Store) -> None:
        known = store.known_raw_hashes(d.raw_hash for d in docs)
        for doc in docs:
            if doc.raw_hash not in known:
                write(store, doc, [make_event(doc, date="2024-05")])
        store.record_rejection(Rejection(origin="bad.json", kind="malformed", reason="bad"))

    with Store.open(str(tmp_path / "uninterrupted.db")) as store:
        store.start_run()
        ingest(store)
        expected = dump(store)

    with Store.open(store_url) as store:
        store.start_run()
        for doc in docs[:2]:
            write(store, doc, [make_event(doc, date="2024-05")])
    crash = multiprocessing.get_context("spawn").Process(
        target=_crash_inside_a_write, args=(store_url, texts[2])
    )
    crash.start()
    crash.join(timeout=60)
    assert crash.exitcode == 3
    with Store.open(store_url) as store:
        assert len(list_documents(store)) == 2  # the crashed write left nothing
        store.start_run()
        ingest(store)
        assert dump(store) == expected  # same rows, same seq numbers, on either backend
        assert stats(store)["runs"] == 2


# -- writing -----------------------------------------------------------------------------------


def test_write_document_is_idempotent(store: Store) -> None:
    doc = make_doc("Rebels fired rockets at the airbase. Two soldiers were wounded.")
    events = [make_event(doc, 0), make_event(doc, 37, event_type="COERCE")]
    blocks = [("k1", 36), ("k2", 27)]
    assert store.write_document(doc, events, blocks, b"sig")
    once = table_counts(store)
    assert not store.write_document(doc, events, blocks, b"sig")
    assert table_counts(store) == once
    assert once["documents"] == 1 and once["events"] == 2 and once["block_sightings"] == 2


def test_same_text_from_another_item_adds_a_source_row_only(store: Store) -> None:
    text = "Police dispersed a protest outside the ministry."
    first = make_doc(text, raw="<p>" + text, origin="a.html")
    second = make_doc(text, raw=text + "\n", origin="b.txt")
    assert first.doc_id == second.doc_id and first.raw_hash != second.raw_hash
    write(store, first, [make_event(first, event_type="PROTEST")])
    before = table_counts(store)
    assert write(store, second, [make_event(second, event_type="PROTEST")], blocks=[])
    after = table_counts(store)
    assert after["sources"] == before["sources"] + 1
    assert {k: v for k, v in after.items() if k != "sources"} == {
        k: v for k, v in before.items() if k != "sources"
    }
    assert store.known_raw_hashes([first.raw_hash, second.raw_hash]) == {
        first.raw_hash,
        second.raw_hash,
    }
    stored = get_document(store, first.doc_id)
    assert stored is not None and stored["origin"] == "a.html"
    assert sorted(s["origin"] for s in stored["sources"]) == ["a.html", "b.txt"]


def test_a_failed_write_leaves_nothing_and_no_gap_in_the_ordinal(store: Store) -> None:
    one, two, three = (make_doc(f"Report number {n} on the strike.") for n in (1, 2, 3))
    write(store, one)
    # sentence is NOT NULL: the write fails after the document row went in
    broken = replace(make_event(two), sentence=None)  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.write_document(two, [broken], [("b", 5)], b"x")
    with pytest.raises(StoreError, match="events of documents"):
        store.write_document(three, [make_event(one)], [], b"x")
    assert store.known_raw_hashes([two.raw_hash, three.raw_hash]) == set()
    assert get_document(store, two.doc_id) is None
    assert store.block_history(["b"]).sightings == {}
    write(store, three)
    assert [d["seq"] for d in list_documents(store)] == [1, 2]


def test_record_rejection_is_idempotent(store: Store) -> None:
    bad = Rejection(origin="feed.jsonl", kind="malformed", reason="not JSON", locator="line 3")
    empty = Rejection(origin="blank.html", kind="empty", reason="no text left")
    assert store.record_rejection(bad)
    assert store.record_rejection(empty)
    assert not store.record_rejection(bad)
    rows = list_rejections(store)
    assert [r["rejection_id"] for r in rows] == [bad.rejection_id, empty.rejection_id]
    assert rows[0]["locator"] == "line 3"
    assert stats(store)["rejections_by_kind"] == {"empty": 1, "malformed": 1}


def test_block_history_round_trips(store: Store) -> None:
    a = make_doc("First article text about a ceasefire.")
    b = make_doc("Second article text about an airstrike.")
    # a repeats k2: item_chars counts every block of the item, repeats included
    store.write_document(a, [], [("k1", 10), ("k2", 20), ("k2", 20)], b"a")
    store.write_document(b, [], [("k1", 10), ("k3", 5)], b"b")
    history = store.block_history(["k1", "missing"])
    assert history.sightings == {"k1": frozenset({a.raw_hash, b.raw_hash})}
    assert history.item_chars == {a.raw_hash: 50, b.raw_hash: 15}
    history = store.block_history(["k3"])
    assert history.sightings == {"k3": frozenset({b.raw_hash})}
    assert history.item_chars == {b.raw_hash: 15}


def test_block_history_carries_item_sketches(store: Store) -> None:
    a = make_doc("A sketched article about a drone attack.")
    b = make_doc("An article stored without a sketch.")
    store.write_document(a, [], [("k1", 10)], b"a", sketch=(b"\x01\x02\x03\x04", 7))
    store.write_document(b, [], [("k1", 10)], b"b")
    history = store.block_history(["k1"])
    assert history.item_sketches == {a.raw_hash: (b"\x01\x02\x03\x04", 7)}
    assert not store.write_document(a, [], [("k1", 10)], b"a", sketch=(b"\x01\x02\x03\x04", 7))


def test_block_history_handles_more_keys_than_one_in_list(store: Store) -> None:
    doc = make_doc("A long page with very many blocks.")
    keys = [f"block-{i:04d}" for i in range(1200)]
    store.write_document(doc, [], [(k, 3) for k in keys], b"s")
    history = store.block_history(keys + ["other"])
    assert len(history.sightings) == 1200
    assert history.item_chars == {doc.raw_hash: 3600}


def test_signatures_come_back_in_ingest_order(store: Store) -> None:
    docs = [make_doc(f"Dispatch {n}: troops moved toward the river.") for n in range(6)]
    assert [d.doc_id for d in docs] != sorted(d.doc_id for d in docs)
    for doc in docs:
        write(store, doc)
    assert list(store.signatures()) == [(d.doc_id, d.doc_id.encode() * 4) for d in docs]


def test_runs_are_recorded(store: Store) -> None:
    run_id = store.start_run()
    store.finish_run(run_id, {"documents": 3, "rejections": 1})
    last = stats(store)["last_run"]
    assert last["run_id"] == run_id and last["finished_at"] is not None
    assert last["counts"] == {"documents": 3, "rejections": 1}
    with pytest.raises(StoreError):
        store.finish_run(run_id + 100, {})


# -- reading -----------------------------------------------------------------------------------


DATED = ["2021", "2021-03", "2021-03-15", "2021-04-02", "2020-12-31", None]


@pytest.fixture
def dated_store(store: Store) -> Store:
    """One document with an event per date of DATED, with varied types, actors, countries."""
    doc = make_doc("x" * 400, url="https://example.org/a")
    events = [
        make_event(
            doc,
            start=40 * n,
            date=date,
            event_type="ASSAULT" if n % 2 == 0 else "PROTEST",
            source=Actor(text="Hamas fighters", name="Hamas", country="PSE") if n == 1 else None,
            target=Actor(text="the 50% brigade", country="IRQ") if n == 2 else None,
            status="claimed" if n == 3 else "actual",
        )
        for n, date in enumerate(DATED)
    ]
    write(store, doc, events)
    return store


def dates(records: list[dict[str, Any]]) -> list[str | None]:
    return [r["date"] for r in records]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2021-03", None, ["2021", "2021-03", "2021-03-15", "2021-04-02"]),
        (None, "2021-03", ["2021", "2021-03", "2021-03-15", "2020-12-31"]),
        ("2021-03-16", "2021-03-31", ["2021", "2021-03"]),
        ("2021-03-15", "2021-03-15", ["2021", "2021-03", "2021-03-15"]),
        ("2021", "2021", ["2021", "2021-03", "2021-03-15", "2021-04-02"]),
        ("2022", None, []),
        (None, "2020", ["2020-12-31"]),
    ],
)
def test_date_filters_keep_events_that_may_fall_in_the_range(
    dated_store: Store, since: str | None, until: str | None, expected: list[str]
) -> None:
    assert dates(list_events(dated_store, EventFilter(since=since, until=until))) == expected


def test_event_filters(dated_store: Store) -> None:
    def pick(**kw: Any) -> list[str | None]:
        return dates(list_events(dated_store, EventFilter(**kw)))

    assert pick() == DATED
    assert pick(event_type="protest") == ["2021-03", "2021-04-02", None]
    assert pick(actor="HAMAS") == ["2021-03"]
    assert pick(actor="hamas", country="PSE", event_type="PROTEST") == ["2021-03"]
    assert pick(actor="50%") == ["2021-03-15"]
    assert pick(actor="_") == pick(actor="Hamas%") == []  # wildcards are matched literally
    assert pick(country="irq") == ["2021-03-15"]
    assert pick(country="PSE", event_type="ASSAULT") == []
    assert pick(status="claimed") == ["2021-04-02"]
    assert pick(limit=2, offset=1) == ["2021-03", "2021-03-15"]
    assert pick(since="2021", limit=1) == ["2021"]
    assert pick(doc_id="nope") == []
    for bad in ("March 2021", "2020-13", "2021-02-30"):  # not a date, not a month, not a day
        with pytest.raises(ConfigError):
            EventFilter(since=bad)


def test_timeline_orders_by_date_with_undated_last(dated_store: Store) -> None:
    other = make_doc("y" * 80)
    write(dated_store, other, [make_event(other, date="2021-03")])
    records = timeline(dated_store)
    assert dates(records) == [
        "2020-12-31",
        "2021",
        "2021-03",
        "2021-03",
        "2021-03-15",
        "2021-04-02",
        None,
    ]
    same_month = [r["doc_id"] for r in records if r["date"] == "2021-03"]
    assert same_month[1] == other.doc_id  # then document order


def _spec_fields(spec: str) -> list[str]:
    """Field names of the spec's "Exported event" table."""
    section = spec.split("## Exported event", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([a-z_]+)`", line.split("|")[1])
    return names


def test_export_records_follow_the_spec(store: Store, shared_dir: Path) -> None:
    canonical = make_doc("Militants fired rockets at the base, officials said.", origin="a.txt")
    copy = make_doc(
        "Militants fired rockets at the base, officials said on Monday.",
        origin="b.txt",
        group_id=canonical.doc_id,
        similarity=0.8,
    )
    event = make_event(
        canonical,
        mode="explosives",
        source=Actor(text="Militants", name="militants", country="IRQ", sector="rebel"),
        target=Actor(text="the base", country="USA", id="usa-mil"),
        date="2021-07-05",
        location=Location(
            name="Al-Asad Airbase", country="IRQ", lat=33.786, lon=42.441, precision="site"
        ),
        fatalities=0,
        attribution="officials",
        confidence=0.81234,
        cameo_root="19",
        quad_class=4,
        goldstein=-10.0,
        trigger="fired",
        trigger_end=12,
        doc_path="a.txt",
    )
    write(store, canonical, [event])
    write(store, copy)

    records = list(iter_export_records(store))
    assert len(records) == 1
    record = records[0]
    expected = event.to_record()
    assert list(record) == list(expected)  # same keys, same order as Event.to_record
    spec_fields = _spec_fields((shared_dir / "spec" / "event-record.md").read_text())
    assert len(spec_fields) > 15 and set(spec_fields) <= set(record)
    assert {**record, "mentions": 1, "doc_ids": [canonical.doc_id]} == expected
    assert record["mentions"] == 2 and record["doc_ids"] == [canonical.doc_id, copy.doc_id]
    assert record["event_id"] == event.event_id
    assert list_events(store) == records


def test_documents_stats_and_detail(store: Store) -> None:
    a = make_doc("Alpha: an agreement was signed in the capital.", title="Alpha")
    b = make_doc("Alpha: an agreement was signed in the capital today.", group_id=a.doc_id)
    c = make_doc("Gamma: sanctions were announced against the firm.")
    write(store, a, [make_event(a, event_type="AGREE"), make_event(a, 20, event_type="AGREE")])
    write(store, b)
    write(store, c, [make_event(c, event_type="SANCTION", status="threatened")])
    store.record_rejection(Rejection(origin="z.bin", kind="binary", reason="NUL bytes"))

    docs = list_documents(store)
    assert [
        (d["doc_id"], d["seq"], d["is_canonical"], d["n_reports"], d["n_events"]) for d in docs
    ] == [
        (a.doc_id, 1, True, 2, 2),
        (b.doc_id, 2, False, 2, 0),
        (c.doc_id, 3, True, 1, 1),
    ]
    assert docs[0]["title"] == "Alpha" and "text" not in docs[0]
    assert [d["doc_id"] for d in list_documents(store, limit=1, offset=1)] == [b.doc_id]

    assert stats(store) == {
        "documents": 3,
        "canonical_documents": 2,
        "duplicates": 1,
        "groups": 2,
        "duplicate_groups": 1,
        "sources": 3,
        "events": 3,
        "events_by_type": {"AGREE": 2, "SANCTION": 1},
        "events_by_status": {"actual": 2, "threatened": 1},
        "rejections": 1,
        "rejections_by_kind": {"binary": 1},
        "runs": 0,
        "last_run": None,
    }

    detail = get_document(store, b.doc_id)
    assert detail is not None
    assert detail["text"] == b.text and detail["group"] == [a.doc_id, b.doc_id]
    assert OffsetMap(tuple(map(tuple, detail["offsets"]))) == b.offsets
    assert detail["events"] == [] and get_document(store, "missing") is None


def test_queries_accept_an_open_connection(dated_store: Store) -> None:
    with dated_store.read() as conn:
        assert len(list_events(conn, EventFilter(event_type="ASSAULT"))) == 3
        assert stats(conn)["events"] == len(DATED)


# -- concurrency on SQLite ---------------------------------------------------------------------


def test_sqlite_reader_is_not_blocked_by_an_open_write_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    committed = make_doc("Committed: the army withdrew from the valley.")
    with Store.open(url) as writer:
        write(writer, committed)
        with writer.write() as conn:
            conn.execute(schema.runs.insert().values(started_at="2026-01-01T00:00:00+00:00"))
            conn.execute(
                schema.rejections.insert().values(
                    rejection_id="r1", seq=1, origin="x", kind="empty", reason="pending"
                )
            )
            started = time.monotonic()
            # opened, read and queried while the write lock is held: nothing waits
            with Store.open(url, busy_timeout_ms=200) as reader:
                assert reader.known_raw_hashes([committed.raw_hash]) == {committed.raw_hash}
                assert [d["doc_id"] for d in list_documents(reader)] == [committed.doc_id]
                assert stats(reader)["runs"] == 0 and list_rejections(reader) == []
                # the lock is really held: a second writer gives up after its busy timeout
                with pytest.raises(StoreError, match="locked"):
                    reader.record_rejection(Rejection(origin="y", kind="empty", reason="r"))
            assert time.monotonic() - started < 5
        with Store.open(url) as reader:
            assert stats(reader)["runs"] == 1 and len(list_rejections(reader)) == 1
