"""sync: never a blocked site — held records, conflicts, resend requests, notices; natural keys
unique per site only (credit code, passbook number, site code)

Revision ID: 0012_sync_conflicts
Revises: 0005_projects, 0006_certificates, 0007_sync, 0008_stats
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import yichao.models.base

revision: str = "0012_sync_conflicts"
down_revision: Union[str, Sequence[str], None] = ("0005_projects", "0006_certificates", "0007_sync", "0008_stats")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UTC = yichao.models.base.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table("organization") as b:
        b.drop_constraint("uq_organization_credit_code", type_="unique")
        b.create_index("ix_organization_credit_code", ["credit_code"], unique=False)
    with op.batch_alter_table("passbook") as b:
        b.drop_constraint("uq_passbook_number", type_="unique")
        b.create_index("ix_passbook_number", ["number"], unique=False)
    with op.batch_alter_table("site") as b:
        b.drop_constraint("uq_site_code", type_="unique")
        b.create_index("ix_site_code", ["code"], unique=False)
    with op.batch_alter_table("sync_peer") as b:
        b.add_column(sa.Column("in_created_at", sa.String(length=40), nullable=False, server_default=""))
        b.add_column(sa.Column("resend", sa.Text(), nullable=False, server_default="{}"))
        b.add_column(sa.Column("give_back", sa.Boolean(), nullable=False, server_default=sa.false()))
        b.add_column(sa.Column("give_back_seq", sa.Integer(), nullable=False, server_default="0"))
        b.add_column(sa.Column("ask_all", sa.Boolean(), nullable=False, server_default=sa.false()))
        b.add_column(sa.Column("last_refusal", sa.Text(), nullable=False, server_default=""))
        b.add_column(sa.Column("last_refusal_at", UTC(), nullable=True))
    op.create_table(
        "sync_held",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("peer_code", sa.String(length=12), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("missing_entity", sa.String(length=64), nullable=False),
        sa.Column("missing_uid", sa.String(length=36), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "uid", name=op.f("pk_sync_held")),
    )
    op.create_index("ix_sync_held_peer_code", "sync_held", ["peer_code"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("key_name", sa.String(length=32), nullable=False),
        sa.Column("match_key", sa.String(length=128), nullable=False),
        sa.Column("shown_key", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", UTC(), nullable=True),
        sa.Column("created_at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("entity", "match_key", name="uq_sync_conflict_entity_match_key"),
    )
    op.create_index("ix_sync_conflict_status", "sync_conflict", ["status"])
    op.create_table(
        "sync_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_code", sa.String(length=12), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("uids", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("at", UTC(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_notice")),
    )
    op.create_index("ix_sync_notice_peer_code", "sync_notice", ["peer_code"])


def downgrade() -> None:
    op.drop_table("sync_notice")
    op.drop_table("sync_conflict")
    op.drop_table("sync_held")
    with op.batch_alter_table("sync_peer") as b:
        for col in ("last_refusal_at", "last_refusal", "ask_all", "give_back_seq", "give_back", "resend",
                    "in_created_at"):
            b.drop_column(col)
    with op.batch_alter_table("site") as b:
        b.drop_index("ix_site_code")
        b.create_unique_constraint("uq_site_code", ["code"])
    with op.batch_alter_table("passbook") as b:
        b.drop_index("ix_passbook_number")
        b.create_unique_constraint("uq_passbook_number", ["number"])
    with op.batch_alter_table("organization") as b:
        b.drop_index("ix_organization_credit_code")
        b.create_unique_constraint("uq_organization_credit_code", ["credit_code"])
