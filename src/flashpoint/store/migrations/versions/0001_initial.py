"""Initial schema: documents, sources, events, rejections, block sightings, signatures, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-21

Written out in full rather than built from ``schema.metadata``: a revision must keep creating
the schema *as it was*, whatever ``schema.py`` later becomes.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HASH = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", HASH, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("raw_hash", HASH, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("locator", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("site", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_source", sa.String(16)),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("offsets", sa.Text, nullable=False),
        sa.Column("group_id", HASH, nullable=False),
        sa.Column("similarity", sa.Float),
        sa.Column("removed_chars", sa.Integer, nullable=False),
        sa.Column("n_chars", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_documents"),
        sa.UniqueConstraint("seq", name="uq_documents_seq"),
        sa.UniqueConstraint("raw_hash", name="uq_documents_raw_hash"),
    )
    op.create_index("ix_documents_group_id", "documents", ["group_id"])

    op.create_table(
        "sources",
        sa.Column("raw_hash", HASH, nullable=False),
        sa.Column("doc_id", HASH, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("locator", sa.Text),
        sa.PrimaryKeyConstraint("raw_hash", name="pk_sources"),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.doc_id"], name="fk_sources_doc_id_documents"
        ),
    )
    op.create_index("ix_sources_doc_id", "sources", ["doc_id"])

    op.create_table(
        "events",
        sa.Column("event_id", HASH, nullable=False),
        sa.Column("doc_id", HASH, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(64)),
        sa.Column("source_text", sa.Text),
        sa.Column("source_name", sa.Text),
        sa.Column("source_country", sa.String(8)),
        sa.Column("source_sector", sa.String(64)),
        sa.Column("source_actor_id", sa.String(128)),
        sa.Column("target_text", sa.Text),
        sa.Column("target_name", sa.Text),
        sa.Column("target_country", sa.String(8)),
        sa.Column("target_sector", sa.String(64)),
        sa.Column("target_actor_id", sa.String(128)),
        sa.Column("date", sa.String(10)),
        sa.Column("loc_name", sa.Text),
        sa.Column("loc_country", sa.String(8)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("loc_precision", sa.String(16)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attribution", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cameo_root", sa.String(8)),
        sa.Column("quad_class", sa.Integer),
        sa.Column("goldstein", sa.Float),
        sa.Column("trigger", sa.Text),
        sa.Column("trigger_start", sa.Integer),
        sa.Column("trigger_end", sa.Integer),
        sa.Column("coder_version", sa.String(64), nullable=False),
        sa.Column("doc_path", sa.Text),
        sa.Column("doc_url", sa.Text),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.doc_id"], name="fk_events_doc_id_documents"
        ),
    )
    for column in ("doc_id", "event_type", "source_country", "target_country", "date", "status"):
        op.create_index(f"ix_events_{column}", "events", [column])

    op.create_table(
        "rejections",
        sa.Column("rejection_id", HASH, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("locator", sa.Text),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("rejection_id", name="pk_rejections"),
        sa.UniqueConstraint("seq", name="uq_rejections_seq"),
    )
    op.create_index("ix_rejections_kind", "rejections", ["kind"])

    op.create_table(
        "block_sightings",
        sa.Column("block_key", HASH, nullable=False),
        sa.Column("raw_hash", HASH, nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("block_key", "raw_hash", name="pk_block_sightings"),
    )
    op.create_index("ix_block_sightings_raw_hash", "block_sightings", ["raw_hash"])

    op.create_table(
        "signatures",
        sa.Column("doc_id", HASH, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_signatures"),
        sa.ForeignKeyConstraint(
            ["doc_id"], ["documents.doc_id"], name="fk_signatures_doc_id_documents"
        ),
    )

    op.create_table(
        "runs",
        sa.Column("run_id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("counts", sa.Text),
        sa.PrimaryKeyConstraint("run_id", name="pk_runs"),
    )


def downgrade() -> None:
    for table in (
        "runs",
        "signatures",
        "block_sightings",
        "rejections",
        "events",
        "sources",
        "documents",
    ):
        op.drop_table(table)
