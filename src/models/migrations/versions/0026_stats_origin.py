"""Indexes for the roll-up by site (issue 17 point 5): ledger sums and hours per counter, residents and books per site.

Revision ID: 0026_stats_origin
Revises: 0021_attachment_blob
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

revision: str = "0026_stats_origin"
down_revision: Union[str, Sequence[str], None] = "0021_attachment_blob"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = ("0004_passbook", "0008_stats")


def upgrade() -> None:
    op.create_index("ix_stats_passbook_entry_kind_on_origin", "passbook_entry",
                    ["kind", "on", "origin", "points", "minutes", "deleted"])
    op.create_index("ix_stats_person_origin", "person", ["origin", "deleted", "is_volunteer"])
    op.create_index("ix_stats_passbook_origin", "passbook", ["origin", "status", "deleted", "balance"])


def downgrade() -> None:
    op.drop_index("ix_stats_passbook_origin", table_name="passbook")
    op.drop_index("ix_stats_person_origin", table_name="person")
    op.drop_index("ix_stats_passbook_entry_kind_on_origin", table_name="passbook_entry")
