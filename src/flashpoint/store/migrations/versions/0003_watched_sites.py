"""Watched sites: points with a radius and the nations present, seeded from data/sites.yaml.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21

The table starts empty: seeding is data, not schema, and a revision must build the same thing
whatever the packaged facilities file later holds. :mod:`flashpoint.store.sites` seeds it the
first time a ``sites`` command finds it empty, or on ``flashpoint sites seed``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "watched_sites",
        sa.Column("site_id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32)),
        sa.Column("country", sa.String(8)),
        sa.Column("region", sa.Text),
        sa.Column("lat", sa.Float, nullable=False),
        sa.Column("lon", sa.Float, nullable=False),
        sa.Column("radius_km", sa.Float, nullable=False),
        sa.Column("nations", sa.Text, nullable=False),
        sa.Column("aliases", sa.Text, nullable=False),
        sa.Column("notes", sa.Text),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("edited_at", sa.String(32)),
        sa.Column("removed_at", sa.String(32)),
        sa.PrimaryKeyConstraint("site_id", name="pk_watched_sites"),
        sa.CheckConstraint("source IN ('curated', 'user')", name="ck_watched_sites_source"),
        sa.CheckConstraint(
            "lat >= -90 AND lat <= 90 AND lon >= -180 AND lon <= 180 AND radius_km > 0",
            name="ck_watched_sites_position",
        ),
    )
    op.create_index("ix_watched_sites_country", "watched_sites", ["country"])


def downgrade() -> None:
    op.drop_index("ix_watched_sites_country", table_name="watched_sites")
    op.drop_table("watched_sites")
