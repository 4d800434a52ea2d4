"""sync: keys, peers, bundle history, received hashes

Revision ID: 0007_sync
Revises: 0001_foundation
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import yichao.models.base

revision: str = "0007_sync"
down_revision: Union[str, Sequence[str], None] = "0001_foundation"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "sync_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sign_private", sa.String(length=64), nullable=False),
        sa.Column("box_private", sa.String(length=64), nullable=False),
        sa.Column("hash_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", yichao.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_key")),
    )
    op.create_table(
        "sync_peer",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("sign_public", sa.String(length=64), nullable=False),
        sa.Column("box_public", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("trusted_at", yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column("trusted_by", sa.String(length=64), nullable=False),
        sa.Column("out_seq", sa.Integer(), nullable=False),
        sa.Column("acked_journal_id", sa.Integer(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("in_seq", sa.Integer(), nullable=False),
        sa.Column("in_journal_hi", sa.Integer(), nullable=False),
        sa.Column("last_sent_at", yichao.models.base.UTCDateTime(), nullable=True),
        sa.Column("last_received_at", yichao.models.base.UTCDateTime(), nullable=True),
        sa.Column("policy", sa.Text(), nullable=False),
        sa.Column("hash_key", sa.String(length=64), nullable=False),
        sa.Column("acked_hash_key_id", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_sync_peer")),
    )
    op.create_table(
        "sync_bundle",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("peer_code", sa.String(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column("user", sa.String(length=64), nullable=False),
        sa.Column("journal_lo", sa.Integer(), nullable=False),
        sa.Column("journal_hi", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("hash_key_id", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_bundle")),
    )
    with op.batch_alter_table("sync_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_bundle_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_bundle_direction"), ["direction"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_bundle_peer_code"), ["peer_code"], unique=False)
    op.create_table(
        "sync_hash",
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("column", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.PrimaryKeyConstraint("entity", "uid", "column", name=op.f("pk_sync_hash")),
    )
    with op.batch_alter_table("sync_hash", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_hash_digest"), ["digest"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_hash_origin"), ["origin"], unique=False)


def downgrade() -> None:
    op.drop_table("sync_hash")
    op.drop_table("sync_bundle")
    op.drop_table("sync_peer")
    op.drop_table("sync_key")
