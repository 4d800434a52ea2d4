"""A counter's own entries of one passbook are numbered once each (issue 17 point 3): two clerks of one
counter posting on the same book at the same moment no longer both win (the race guard that the
unique entry number per passbook was, before several counters wrote one ledger).

Revision ID: 0029_entry_race
Revises: 0025_shared_ledger
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0029_entry_race"
down_revision: Union[str, Sequence[str], None] = "0025_shared_ledger"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

WHERE = sa.text("origin_seq > 0")  # 0: entries written in bulk without a counter's number (demo)


def upgrade() -> None:
    op.create_index("uq_passbook_entry_origin_seq", "passbook_entry", ["passbook_uid", "origin", "origin_seq"],
                    unique=True, sqlite_where=WHERE, postgresql_where=WHERE)


def downgrade() -> None:
    op.drop_index("uq_passbook_entry_origin_seq", table_name="passbook_entry")
