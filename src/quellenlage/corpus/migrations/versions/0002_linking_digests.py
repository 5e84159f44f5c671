"""Linking: one digest per revision (what the linking layer compares across articles).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = ("linking",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_digests",
        sa.Column("revision_id", sa.Integer, sa.ForeignKey("revisions.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("digest", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_digests")
