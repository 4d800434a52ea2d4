"""attachment bytes in a shared database: attachment_blob (issue 19, every district PC has them)

Revision ID: 0021_attachment_blob
Revises: 0019_district_pcs
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.base import UTCDateTime

revision: str = "0021_attachment_blob"
down_revision: Union[str, Sequence[str], None] = "0019_district_pcs"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = "0002_orgs"


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )


def downgrade() -> None:
    op.drop_table("attachment_blob")
