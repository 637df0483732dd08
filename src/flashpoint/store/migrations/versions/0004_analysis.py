"""Analysis tables: incidents (merged reports), their member events, chain links, merge decisions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21

Everything here but ``merge_decisions`` is derived from ``events`` and rebuilt by
:func:`flashpoint.analysis.refresh`; the tables start empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HASH = sa.String(64)


def upgrade() -> None:
    _incidents()
    op.create_table(
        "incident_events",
        sa.Column("event_id", HASH, nullable=False),
        sa.Column("incident_id", HASH, nullable=False),
        sa.Column("reason", sa.Text),
        sa.PrimaryKeyConstraint("event_id", name="pk_incident_events"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.event_id"], name="fk_incident_events_event_id_events"
        ),
    )
    op.create_index("ix_incident_events_incident_id", "incident_events", ["incident_id"])
    _chain_links()
    _merge_decisions()


def _incidents() -> None:
    op.create_table(
        "incidents",
        sa.Column("incident_id", HASH, nullable=False),
        sa.Column("representative_event_id", HASH, nullable=False),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("mode", sa.String(64)),
        sa.Column("date", sa.String(10)),
        *_actor_columns("source"),
        *_actor_columns("target"),
        sa.Column("loc_name", sa.Text),
        sa.Column("loc_country", sa.String(8)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("loc_precision", sa.String(16)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("injuries", sa.Integer),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("goldstein", sa.Float),
        sa.Column("quad_class", sa.Integer),
        sa.Column("cameo_root", sa.String(8)),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_docs", sa.Integer, nullable=False),
        sa.Column("disagreements", sa.Text, nullable=False),
        sa.Column("analysis_version", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("incident_id", name="pk_incidents"),
    )
    for column in ("event_type", "date", "source_country", "target_country", "loc_country"):
        op.create_index(f"ix_incidents_{column}", "incidents", [column])


def _actor_columns(role: str) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column(f"{role}_name", sa.Text),
        sa.Column(f"{role}_country", sa.String(8)),
        sa.Column(f"{role}_sector", sa.String(64)),
        sa.Column(f"{role}_actor_id", sa.String(128)),
        sa.Column(f"{role}_sponsor", sa.String(8)),
    ]


def _chain_links() -> None:
    op.create_table(
        "chain_links",
        sa.Column("link_id", HASH, nullable=False),
        sa.Column("cause_id", HASH, nullable=False),
        sa.Column("response_id", HASH, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("gap_days", sa.Integer),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("link_id", name="pk_chain_links"),
        sa.CheckConstraint("kind IN ('text', 'structure')", name="ck_chain_links_kind"),
    )
    op.create_index("ix_chain_links_cause_id", "chain_links", ["cause_id"])
    op.create_index("ix_chain_links_response_id", "chain_links", ["response_id"])


def _merge_decisions() -> None:
    op.create_table(
        "merge_decisions",
        sa.Column("decision_id", HASH, nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("event_a", HASH, nullable=False),
        sa.Column("event_b", HASH),
        sa.Column("note", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("decision_id", name="pk_merge_decisions"),
        sa.CheckConstraint("action IN ('split', 'join')", name="ck_merge_decisions_action"),
    )
    op.create_index("ix_merge_decisions_event_a", "merge_decisions", ["event_a"])


def downgrade() -> None:
    for table in ("merge_decisions", "chain_links", "incident_events", "incidents"):
        op.drop_table(table)
