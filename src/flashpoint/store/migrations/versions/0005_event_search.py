"""Indexes for the web API's event filters, and full-text search over events' sentences and actors.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21

``events (doc_id, char_start, trigger_start, event_id)`` is document order within a document
(it replaces the index on ``doc_id`` alone, which it serves as well) and, with
``documents (seq, doc_id)``, lets a page of events be read by walking documents in ingest order
without sorting (:mod:`flashpoint.store.queries`). ``(lat, lon)`` serves ``bbox`` and the box
around ``near``; ``(event_type, date)`` the most common pair of filters (what happened, when;
it replaces the index on ``event_type`` alone).
Full-text search is backend-specific:

* PostgreSQL: a GIN index on ``to_tsvector('english', sentence)``, which
  ``plainto_tsquery('english', ...)`` queries use (:func:`flashpoint.store.queries._text_match`).
* SQLite: ``events_fts`` over ``events.sentence`` (words) and ``events_actor_fts`` over the
  actors' texts and names (trigrams, for the ``actor`` substring filter): FTS5 external-content
  tables (they store the index only, keyed by the events' rowid) kept in step by triggers. They
  are not on ``schema.metadata``: ``schema.SQLITE_SEARCH_TABLES`` names them and their shadow
  tables. Where SQLite lacks FTS5 they are not created and searches fall back to ``LIKE``.
  A ``VACUUM`` may renumber the rowids of ``events`` (its key is a string), after which each
  index must be rebuilt: ``INSERT INTO events_fts (events_fts) VALUES ('rebuild')``.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import OperationalError

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_FTS_INDEX = "ix_events_sentence_fts"

#: SQLite full-text tables: name -> (indexed columns of ``events``, FTS5 tokenizer). Sentences
#: are searched by word (Porter stems, as PostgreSQL's english configuration does); actors by
#: substring (trigrams: ``actor=hezbollah`` finds "Kata'ib Hezbollah" as LIKE would).
SQLITE_FTS = {
    "events_fts": (("sentence",), "porter unicode61"),
    "events_actor_fts": (("source_text", "source_name", "target_text", "target_name"), "trigram"),
}


def _fts_statements(name: str, columns: tuple[str, ...], tokenize: str) -> list[str]:
    """An external-content FTS5 table over ``events`` (it stores the index only, keyed by the
    events' rowid), the triggers that keep it in step, and the indexing of stored events."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    forget = f"INSERT INTO {name} ({name}, rowid, {cols}) VALUES ('delete', old.rowid, {old});"
    learn = f"INSERT INTO {name} (rowid, {cols}) VALUES (new.rowid, {new});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='events', "
        f"content_rowid='rowid', tokenize='{tokenize}')",
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON events BEGIN {learn} END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON events BEGIN {forget} END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {cols} ON events BEGIN {forget} {learn} END",
        f"INSERT INTO {name} ({name}) VALUES ('rebuild')",
    ]


def upgrade() -> None:
    op.create_index(
        "ix_events_doc_order", "events", ["doc_id", "char_start", "trigger_start", "event_id"]
    )
    op.drop_index("ix_events_doc_id", "events")
    op.create_index("ix_documents_seq_doc_id", "documents", ["seq", "doc_id"])
    op.create_index("ix_events_lat_lon", "events", ["lat", "lon"])
    op.create_index("ix_events_event_type_date", "events", ["event_type", "date"])
    op.drop_index("ix_events_event_type", "events")
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            f"CREATE INDEX {PG_FTS_INDEX} ON events "
            "USING gin (to_tsvector('english', sentence))"
        )
    elif dialect == "sqlite":
        _sqlite_fts()


def _sqlite_fts() -> None:
    """The FTS5 tables and their triggers; none where this SQLite lacks FTS5 (or the trigram
    tokenizer, SQLite 3.34+), and then searches fall back to ``LIKE``."""
    for name, (columns, tokenize) in SQLITE_FTS.items():
        statements = _fts_statements(name, columns, tokenize)
        try:
            op.execute(statements[0])
        except OperationalError as exc:
            if "fts5" not in str(exc).lower() and "tokenizer" not in str(exc).lower():
                raise
            continue
        for statement in statements[1:]:
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_FTS_INDEX}")
    elif dialect == "sqlite":
        for name in SQLITE_FTS:
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_{action}")
            op.execute(f"DROP TABLE IF EXISTS {name}")
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.drop_index("ix_events_event_type_date", "events")
    op.drop_index("ix_events_lat_lon", "events")
    op.drop_index("ix_documents_seq_doc_id", "documents")
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.drop_index("ix_events_doc_order", "events")
