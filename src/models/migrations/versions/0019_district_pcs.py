"""district PCs on one database: journal.pc, site_pc, site_secret, admin_key (issue 19)

Revision ID: 0019_district_pcs
Revises: 0011_community, 0012_sync_conflicts, 0017_subsidy_dates, 0018_title_sort
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.base import UTCDateTime

revision: str = "0019_district_pcs"
# one line: migrate.shipped_heads reads it as text
down_revision = ("0011_community", "0012_sync_conflicts", "0017_subsidy_dates", "0018_title_sort")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("journal") as batch:
        batch.add_column(sa.Column("pc", sa.String(36), nullable=False, server_default=""))
    op.create_table(
        "site_pc",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("joined_at", UTCDateTime(), nullable=False),
        sa.Column("joined_by", sa.String(64), nullable=False),
        sa.Column("last_seen", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(64), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_pc")),
    )
    op.create_table(
        "site_secret",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_site_secret")),
    )
    op.create_table(
        "admin_key",
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_admin_key")),
    )


def downgrade() -> None:
    op.drop_table("admin_key")
    op.drop_table("site_secret")
    op.drop_table("site_pc")
    with op.batch_alter_table("journal") as batch:
        batch.drop_column("pc")
