"""The database schema, as SQLAlchemy Core tables on one :data:`metadata`.

Only generic SQLAlchemy types are used so the same tables work on SQLite and PostgreSQL.
Ids are the content hashes of :mod:`flashpoint.records`, so writing the same thing twice hits
the same primary key and changes nothing. Dates are ISO strings (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``): string order is date order, which keeps date filters portable.

This module describes the *current* schema. The Alembic revisions under ``migrations/`` build
it step by step; a test checks that the two agree.
"""

from __future__ import annotations

import sqlalchemy.dialects.postgresql  # noqa: F401  registers to_tsvector() for the GIN index below
from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    literal_column,
)

__all__ = [
    "metadata",
    "documents",
    "sources",
    "events",
    "rejections",
    "block_sightings",
    "signatures",
    "item_sketches",
    "runs",
    "watched_sites",
    "incidents",
    "incident_events",
    "chain_links",
    "merge_decisions",
    "SQLITE_SEARCH_TABLES",
]

#: SQLite's full-text indexes over events' sentences and actors (revision 0005): the FTS5
#: tables and the shadow tables FTS5 keeps for them. Backend-specific, so not on
#: :data:`metadata`; schema comparisons leave these out.
SQLITE_SEARCH_TABLES = frozenset(
    f"{table}{suffix}"
    for table in ("events_fts", "events_actor_fts")
    for suffix in ("", "_config", "_data", "_docsize", "_idx")
)

#: Constraint names are spelled out so that later migrations can refer to them on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

HASH = String(64)  # stable_hash digests are 16 or 32 hex characters; leave room

#: One row per cleaned document. ``seq`` is the ingest ordinal (1, 2, 3, ... in write order),
#: assigned as ``1 + max(seq)`` inside the write transaction, so a rolled-back write leaves no
#: gap and a re-run after a crash numbers documents exactly as an uninterrupted run would.
documents = Table(
    "documents",
    metadata,
    Column("doc_id", HASH, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("raw_hash", HASH, nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("locator", Text),
    Column("url", Text),
    Column("title", Text),
    Column("site", Text),
    Column("published", String(32)),
    Column("published_source", String(16)),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("offsets", Text, nullable=False),  # OffsetMap.to_json()
    Column(
        "group_id", HASH, nullable=False, index=True
    ),  # the canonical's doc_id (own id if canonical)
    Column("similarity", Float),
    Column("removed_chars", Integer, nullable=False, default=0),
    Column("n_chars", Integer, nullable=False),
    # revision 0005: walking documents in ingest order reads this index, not the wide rows
    Index("ix_documents_seq_doc_id", "seq", "doc_id"),
)

#: Every input item that became, or turned out to equal, a stored document. An item whose
#: cleaned text matches a stored document gets a row here and nothing else.
sources = Table(
    "sources",
    metadata,
    Column("raw_hash", HASH, primary_key=True),
    Column("doc_id", HASH, ForeignKey("documents.doc_id"), nullable=False, index=True),
    Column("origin", Text, nullable=False),
    Column("locator", Text),
)

events = Table(
    "events",
    metadata,
    Column("event_id", HASH, primary_key=True),
    Column("doc_id", HASH, ForeignKey("documents.doc_id"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("mode", String(64)),
    Column("source_text", Text),
    Column("source_name", Text),
    Column("source_country", String(8), index=True),
    Column("source_sector", String(64)),
    Column("source_actor_id", String(128)),
    Column("target_text", Text),
    Column("target_name", Text),
    Column("target_country", String(8), index=True),
    Column("target_sector", String(64)),
    Column("target_actor_id", String(128)),
    Column("date", String(10), index=True),
    Column("loc_name", Text),
    Column("loc_country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("loc_precision", String(16)),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("status", String(16), nullable=False, index=True),
    Column("attribution", Text),
    Column("confidence", Float, nullable=False),
    Column("cameo_root", String(8)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("trigger", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("coder_version", String(64), nullable=False),
    Column("doc_path", Text),
    Column("doc_url", Text),
    # revision 0005: document order (a document's events in reading order) and type-and-date
    # (they replaced the indexes on doc_id and on event_type alone), places, and full-text search
    # over ``sentence``: a GIN index on PostgreSQL (below), an FTS5 table on SQLite (built by
    # the revision only, see SQLITE_SEARCH_TABLES).
    Index("ix_events_doc_order", "doc_id", "char_start", "trigger_start", "event_id"),
    Index("ix_events_lat_lon", "lat", "lon"),
    Index("ix_events_event_type_date", "event_type", "date"),
    Index(
        "ix_events_sentence_fts",
        func.to_tsvector(literal_column("'english'"), literal_column("sentence")),
        postgresql_using="gin",
    ).ddl_if(dialect="postgresql"),
)

#: Input items that could not become documents. ``seq`` keeps them in the order recorded.
rejections = Table(
    "rejections",
    metadata,
    Column("rejection_id", HASH, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("origin", Text, nullable=False),
    Column("locator", Text),
    Column("kind", String(32), nullable=False, index=True),
    Column("reason", Text, nullable=False),
)

#: Which stored item held which text block (``length`` sums repeats within the item), so
#: later batches can tell boilerplate from near-duplicates (see records.BlockHistory).
block_sightings = Table(
    "block_sightings",
    metadata,
    Column("block_key", HASH, primary_key=True),
    Column("raw_hash", HASH, primary_key=True, index=True),
    Column("length", Integer, nullable=False),
)

#: MinHash signatures of stored documents, read back (in ``documents.seq`` order) by dedup.
signatures = Table(
    "signatures",
    metadata,
    Column("doc_id", HASH, ForeignKey("documents.doc_id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

#: Shingle sketches of stored input items' text before boilerplate removal (MinHash signature
#: and shingle count), read back by cleaning to tell copies of one article from articles that
#: share page furniture (``BlockHistory.item_sketches``).
item_sketches = Table(
    "item_sketches",
    metadata,
    Column("raw_hash", HASH, ForeignKey("sources.raw_hash"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
    Column("shingles", Integer, nullable=False),
)

#: Ingest runs. The one table whose content depends on how often a job was interrupted.
runs = Table(
    "runs",
    metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("counts", Text),  # JSON object
)

#: Places the user watches: a point, a radius in km and the nations present there. ``source``
#: says where a site came from: ``'curated'`` (seeded from a facilities file, refreshed by later
#: seeding) or ``'user'`` (added by hand). A user's change to a curated site sets ``edited_at``
#: and its removal sets ``removed_at`` (the row stays as a tombstone), and seeding leaves such
#: rows alone, so a user's decision survives reseeding. Readers want ``removed_at IS NULL``
#: (:func:`flashpoint.store.sites.list_sites` does that). ``nations`` is a JSON list of
#: ``{nation, from, to, note}`` as in the file's ``hosted``; ``aliases`` a JSON list of names.
watched_sites = Table(
    "watched_sites",
    metadata,
    Column("site_id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32)),
    Column("country", String(8), index=True),
    Column("region", Text),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("radius_km", Float, nullable=False),
    Column("nations", Text, nullable=False),  # JSON list of {nation, from, to, note}
    Column("aliases", Text, nullable=False),  # JSON list of strings
    Column("notes", Text),  # the file's references ("sources"), or the user's note
    Column("source", String(16), nullable=False),  # 'curated' | 'user'
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Column("edited_at", String(32)),  # a user changed this curated site: seeding leaves it
    Column("removed_at", String(32)),  # a user removed this curated site: seeding leaves it
    CheckConstraint("source IN ('curated', 'user')", name="ck_watched_sites_source"),
    CheckConstraint(
        "lat >= -90 AND lat <= 90 AND lon >= -180 AND lon <= 180 AND radius_km > 0",
        name="ck_watched_sites_position",
    ),
)

# -- analysis: merged incidents, action-reaction links, merge decisions ---------------------------
# Derived from ``events`` by :mod:`flashpoint.analysis` and rebuilt from it at any time (never the
# other way round): ``events`` keeps every report; these tables only group and link them.

#: One real-world event: the asserted events (reports) merged into it. Fields describe the
#: representative report; where reports disagree, ``disagreements`` (JSON object: field -> list of
#: ``{"value", "event_ids"}``) keeps each report's own figure. ``source_sponsor``/``target_sponsor``
#: are the ISO3 state backers of the actors (from the actor knowledge base), used by chains.
incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", HASH, primary_key=True),
    Column("representative_event_id", HASH, nullable=False),
    Column("event_type", String(32), nullable=False, index=True),
    Column("mode", String(64)),
    Column("date", String(10), index=True),
    Column("source_name", Text),
    Column("source_country", String(8), index=True),
    Column("source_sector", String(64)),
    Column("source_actor_id", String(128)),
    Column("source_sponsor", String(8)),
    Column("target_name", Text),
    Column("target_country", String(8), index=True),
    Column("target_sector", String(64)),
    Column("target_actor_id", String(128)),
    Column("target_sponsor", String(8)),
    Column("loc_name", Text),
    Column("loc_country", String(8), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("loc_precision", String(16)),
    Column("fatalities", Integer),
    Column("injuries", Integer),
    Column("status", String(16), nullable=False),
    Column("goldstein", Float),
    Column("quad_class", Integer),
    Column("cameo_root", String(8)),
    Column("confidence", Float, nullable=False),
    Column("n_events", Integer, nullable=False),  # reports merged (events)
    Column("n_docs", Integer, nullable=False),  # documents carrying it, near-duplicates included
    Column("disagreements", Text, nullable=False),  # JSON object, {} when reports agree
    Column("analysis_version", String(32), nullable=False),
)

#: Which event (report) belongs to which incident, and why it was merged there: ``reason`` is
#: a JSON object naming the representative it matched and the tests passed (same type, dates,
#: distance, actors); null for the representative itself.
incident_events = Table(
    "incident_events",
    metadata,
    Column("event_id", HASH, ForeignKey("events.event_id"), primary_key=True),
    Column("incident_id", HASH, nullable=False, index=True),
    Column("reason", Text),
)

#: ``response_id`` answers ``cause_id`` (both incidents). ``kind`` is ``text`` (the report says so:
#: "in retaliation for") or ``structure`` (a hostile act by B against A soon after one by A
#: against B). ``explanation`` is a sentence a person can check.
chain_links = Table(
    "chain_links",
    metadata,
    Column("link_id", HASH, primary_key=True),
    Column("cause_id", HASH, nullable=False, index=True),
    Column("response_id", HASH, nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("cue", Text),
    Column("gap_days", Integer),
    Column("score", Float, nullable=False),
    Column("explanation", Text, nullable=False),
    CheckConstraint("kind IN ('text', 'structure')", name="ck_chain_links_kind"),
)

#: A person's decision about merging, kept across rebuilds so merges are reversible:
#: ``split`` keeps ``event_a`` and ``event_b`` in different incidents (``event_b`` null: take
#: ``event_a`` out into an incident of its own); ``join`` puts them in one.
merge_decisions = Table(
    "merge_decisions",
    metadata,
    Column("decision_id", HASH, primary_key=True),
    Column("action", String(8), nullable=False),
    Column("event_a", HASH, nullable=False, index=True),
    Column("event_b", HASH),
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
    CheckConstraint("action IN ('split', 'join')", name="ck_merge_decisions_action"),
)
