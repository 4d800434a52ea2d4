"""sync: offices' records relayed upwards with their signatures, acknowledged end to end (issue 17)

Revision ID: 0024_sync_relay
Revises: 0007_sync
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0024_sync_relay"
down_revision: Union[str, Sequence[str], None] = "0007_sync"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "sync_seal",
        sa.Column("entity", sa.String(64), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("sig", sa.String(128), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("entity", "uid", name=op.f("pk_sync_seal")),
    )
    op.create_index("ix_sync_seal_origin", "sync_seal", ["origin"])
    op.create_table(
        "sync_relay",
        sa.Column("origin", sa.String(12), nullable=False),
        sa.Column("via", sa.String(12), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.Column("passed_hi", sa.Integer(), nullable=False),
        sa.Column("final_hi", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("origin", name=op.f("pk_sync_relay")),
    )


def downgrade() -> None:
    op.drop_table("sync_relay")
    op.drop_index("ix_sync_seal_origin", table_name="sync_seal")
    op.drop_table("sync_seal")
