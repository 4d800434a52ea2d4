"""A subsidy keeps its approval date and its payment date apart (issue 15 point 2): until now one
date column was overwritten, first by the approval, then by the payment. The date a subsidy has
today is copied to the column its status says it is: approved -> approved_on, paid -> paid_on.

Revision ID: 0017_subsidy_dates
Revises: 0015_import_memory
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0017_subsidy_dates"
down_revision: Union[str, Sequence[str], None] = "0015_import_memory"
branch_labels: Union[str, Sequence[str], None] = None
# org_subsidy is created by 0002_orgs, which 0015 does not descend from
depends_on: Union[str, Sequence[str], None] = "0002_orgs"


def upgrade() -> None:
    with op.batch_alter_table("org_subsidy") as b:
        b.add_column(sa.Column("approved_on", sa.Date(), nullable=True))
        b.add_column(sa.Column("paid_on", sa.Date(), nullable=True))
        b.create_index("ix_org_subsidy_paid_on", ["paid_on"], unique=False)
    op.execute("UPDATE org_subsidy SET approved_on = \"on\" WHERE status = 'approved'")
    op.execute("UPDATE org_subsidy SET paid_on = \"on\" WHERE status = 'paid'")


def downgrade() -> None:
    # the payment date is the date a paid subsidy had before, the approval date an approved one's
    op.execute("UPDATE org_subsidy SET \"on\" = paid_on WHERE status = 'paid' AND paid_on IS NOT NULL")
    op.execute("UPDATE org_subsidy SET \"on\" = approved_on WHERE status = 'approved' AND approved_on IS NOT NULL")
    with op.batch_alter_table("org_subsidy") as b:
        b.drop_index("ix_org_subsidy_paid_on")
        b.drop_column("paid_on")
        b.drop_column("approved_on")
