"""certificates: the certificate register and its prints

Revision ID: 0006_certificates
Revises: 0001_foundation
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import yichao.models.base

revision: str = "0006_certificates"
down_revision: Union[str, Sequence[str], None] = "0001_foundation"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("updated_at", yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "certificate",
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_uid", sa.String(length=36), nullable=False),
        sa.Column("dedupe_key", sa.String(length=120), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issuer", sa.String(length=120), nullable=False),
        sa.Column("issued_by", sa.String(length=64), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("revoked_by", sa.String(length=64), nullable=False),
        sa.Column("print_count", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_certificate")),
        sa.UniqueConstraint("code", name=op.f("uq_certificate_code")),
        sa.UniqueConstraint("origin", "serial", name="uq_certificate_origin_serial"),
        sa.UniqueConstraint("origin", "kind", "year", "seq", name="uq_certificate_origin_kind_year_seq"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        for column in ("deleted", "dedupe_key", "issued_on", "kind", "origin", "recipient", "serial",
                       "status", "subject_uid", "year"):
            batch_op.create_index(batch_op.f(f"ix_certificate_{column}"), [column], unique=False)

    op.create_table(
        "certificate_print",
        sa.Column("certificate_uid", sa.String(length=36), nullable=False),
        sa.Column("printed_at", yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("layout", sa.String(length=40), nullable=False),
        sa.Column("preprinted", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["certificate_uid"], ["certificate.uid"],
                                name=op.f("fk_certificate_print_certificate_uid_certificate")),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_certificate_print")),
    )
    with op.batch_alter_table("certificate_print", schema=None) as batch_op:
        for column in ("certificate_uid", "deleted", "origin"):
            batch_op.create_index(batch_op.f(f"ix_certificate_print_{column}"), [column], unique=False)


def downgrade() -> None:
    op.drop_table("certificate_print")
    op.drop_table("certificate")
