"""Indexes for the statistics (issue #9): ledger sums by kind and date, need steps by date.

Revision ID: 0008_stats
Revises: 0003_needs, 0004_passbook
"""

from __future__ import annotations

from typing import Sequence, Union

from alembic import op

revision: str = "0008_stats"
down_revision: Union[str, Sequence[str], None] = ("0003_needs", "0004_passbook")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_stats_passbook_entry_kind_on", "passbook_entry", ["kind", "on", "passbook_uid", "points", "deleted"])
    op.create_index("ix_stats_need_step_from_at", "need_step", ["from_status", "at", "need_uid", "deleted"])
    op.create_index("ix_stats_need_step_to_at", "need_step", ["to_status", "at", "need_uid", "deleted"])


def downgrade() -> None:
    op.drop_index("ix_stats_need_step_to_at", table_name="need_step")
    op.drop_index("ix_stats_need_step_from_at", table_name="need_step")
    op.drop_index("ix_stats_passbook_entry_kind_on", table_name="passbook_entry")
