"""Item sketches: MinHash signature and shingle count of each stored item's text.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

Cleaning asks whether a new item and a stored one are copies of one article by their shingle
containment; block sightings alone cannot tell a reworded syndicated copy from another article
sharing the page template. Items stored before this revision have no sketch and fall back to
block containment.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "item_sketches",
        sa.Column("raw_hash", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("shingles", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("raw_hash", name="pk_item_sketches"),
        sa.ForeignKeyConstraint(
            ["raw_hash"], ["sources.raw_hash"], name="fk_item_sketches_raw_hash_sources"
        ),
    )


def downgrade() -> None:
    op.drop_table("item_sketches")
