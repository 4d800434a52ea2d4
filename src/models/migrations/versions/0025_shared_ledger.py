"""One passbook, several counters (issue 17 point 3): entries keep their writer's own order
(``origin_seq``, filled from ``seq`` for the entries a database has: until now one site wrote a
passbook's ledger), ``seq`` is no longer unique (each site numbers its merged ledger), a merged
balance may show a negative overdraw, printed lines are unique per counter; the street's per-office
redemption limits and its list of overdraws.

Revision ID: 0025_shared_ledger
Revises: 0004_passbook
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from yichao.models.base import UTCDateTime

revision: str = "0025_shared_ledger"
down_revision: Union[str, Sequence[str], None] = "0004_passbook"
branch_labels: Union[str, Sequence[str], None] = None
# 0012 rebuilds the passbook table too: after it, so neither undoes the other
depends_on: Union[str, Sequence[str], None] = "0012_sync_conflicts"


def upgrade() -> None:
    with op.batch_alter_table("passbook") as b:
        b.drop_constraint(op.f("ck_passbook_balance_not_negative"), type_="check")
    with op.batch_alter_table("passbook_entry") as b:
        b.add_column(sa.Column("origin_seq", sa.Integer(), nullable=False, server_default="0"))
        b.drop_constraint("uq_passbook_entry_passbook_uid_seq", type_="unique")
        b.drop_constraint(op.f("ck_passbook_entry_balance_after_not_negative"), type_="check")
        b.create_index("ix_passbook_entry_passbook_seq", ["passbook_uid", "seq"], unique=False)
    op.execute("UPDATE passbook_entry SET origin_seq = seq")
    with op.batch_alter_table("passbook_printed_line") as b:
        b.drop_constraint("uq_passbook_printed_line_position", type_="unique")
        b.create_unique_constraint("uq_passbook_printed_line_origin_position",
                                   ["passbook_uid", "origin", "page", "line"])
    op.create_table(
        "passbook_office_limit",
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_passbook_office_limit")),
    )
    with op.batch_alter_table("passbook_office_limit") as b:
        b.create_index(b.f("ix_passbook_office_limit_deleted"), ["deleted"], unique=False)
        b.create_index(b.f("ix_passbook_office_limit_office_code"), ["office_code"], unique=False)
        b.create_index(b.f("ix_passbook_office_limit_origin"), ["origin"], unique=False)
    op.create_table(
        "passbook_overdraw",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("passbook_uid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("balance", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("found_at", UTCDateTime(), nullable=False),
        sa.Column("settled_by", sa.String(length=64), nullable=False),
        sa.Column("settled_at", UTCDateTime(), nullable=True),
        sa.Column("reversal_uid", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passbook_overdraw")),
    )
    with op.batch_alter_table("passbook_overdraw") as b:
        b.create_index(b.f("ix_passbook_overdraw_passbook_uid"), ["passbook_uid"], unique=False)
        b.create_index(b.f("ix_passbook_overdraw_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("passbook_overdraw")
    op.drop_table("passbook_office_limit")
    with op.batch_alter_table("passbook_printed_line") as b:
        b.drop_constraint("uq_passbook_printed_line_origin_position", type_="unique")
        b.create_unique_constraint("uq_passbook_printed_line_position", ["passbook_uid", "page", "line"])
    with op.batch_alter_table("passbook_entry") as b:
        b.drop_index("ix_passbook_entry_passbook_seq")
        b.create_unique_constraint("uq_passbook_entry_passbook_uid_seq", ["passbook_uid", "seq"])
        b.create_check_constraint("balance_after_not_negative", "balance_after >= 0")
        b.drop_column("origin_seq")
    with op.batch_alter_table("passbook") as b:
        b.create_check_constraint("balance_not_negative", "balance >= 0")
