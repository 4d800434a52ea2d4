"""passbook: passbooks, append-only ledger, printed lines, points rules, catalog, stock, activities

Revision ID: 0004_passbook
Revises: 0001_foundation
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import yichao.models.base

revision: str = "0004_passbook"
down_revision: Union[str, Sequence[str], None] = "0001_foundation"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('passbook_activity',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('activity_type', sa.String(length=50), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('posted_count', sa.Integer(), nullable=False),
    sa.Column('posted_at', yichao.models.base.UTCDateTime(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_activity'))
    )
    with op.batch_alter_table('passbook_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_activity_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_activity_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_activity_origin'), ['origin'], unique=False)

    op.create_table('passbook_item',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_item'))
    )
    with op.batch_alter_table('passbook_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_item_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_item_origin'), ['origin'], unique=False)

    op.create_table('passbook_rule',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('activity_type', sa.String(length=50), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('years', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_rule'))
    )
    with op.batch_alter_table('passbook_rule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_rule_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_rule_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_rule_origin'), ['origin'], unique=False)

    op.create_table('passbook_stock',
    sa.Column('item_uid', sa.String(length=36), nullable=False),
    sa.Column('site_code', sa.String(length=16), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_passbook_stock_quantity_not_negative')),
    sa.ForeignKeyConstraint(['item_uid'], ['passbook_item.uid'], name=op.f('fk_passbook_stock_item_uid_passbook_item')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_stock')),
    sa.UniqueConstraint('item_uid', 'site_code', name='uq_passbook_stock_item_site')
    )
    with op.batch_alter_table('passbook_stock', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_stock_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_stock_item_uid'), ['item_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_stock_origin'), ['origin'], unique=False)

    op.create_table('passbook',
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('site_code', sa.String(length=16), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('holder_uid', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('status_at', yichao.models.base.UTCDateTime(), nullable=True),
    sa.Column('status_note', sa.Text(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('replaces_uid', sa.String(length=36), nullable=True),
    sa.Column('replaced_by_uid', sa.String(length=36), nullable=True),
    sa.Column('layout', sa.String(length=32), nullable=False),
    sa.Column('balance', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('entry_count', sa.Integer(), nullable=False),
    sa.Column('printed_seq', sa.Integer(), nullable=False),
    sa.Column('next_page', sa.Integer(), nullable=False),
    sa.Column('next_line', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.CheckConstraint('balance >= 0', name=op.f('ck_passbook_balance_not_negative')),
    sa.ForeignKeyConstraint(['holder_uid'], ['person.uid'], name=op.f('fk_passbook_holder_uid_person')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook')),
    sa.UniqueConstraint('number', name=op.f('uq_passbook_number')),
    sa.UniqueConstraint('site_code', 'seq', name='uq_passbook_site_code_seq')
    )
    with op.batch_alter_table('passbook', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_holder_uid'), ['holder_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_site_code'), ['site_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_status'), ['status'], unique=False)

    op.create_table('passbook_entry',
    sa.Column('passbook_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('memo', sa.String(length=100), nullable=False),
    sa.Column('points', sa.Integer(), nullable=False),
    sa.Column('balance_after', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.String(length=16), nullable=False),
    sa.Column('source_uid', sa.String(length=36), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('reverses_uid', sa.String(length=36), nullable=True),
    sa.Column('operator', sa.String(length=64), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.CheckConstraint('balance_after >= 0', name=op.f('ck_passbook_entry_balance_after_not_negative')),
    sa.ForeignKeyConstraint(['passbook_uid'], ['passbook.uid'], name=op.f('fk_passbook_entry_passbook_uid_passbook')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_entry')),
    sa.UniqueConstraint('passbook_uid', 'seq', name='uq_passbook_entry_passbook_uid_seq')
    )
    with op.batch_alter_table('passbook_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_entry_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_entry_on'), ['on'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_entry_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_entry_reverses_uid'), ['reverses_uid'], unique=False)
        batch_op.create_index('ix_passbook_entry_source', ['source_uid', 'passbook_uid'], unique=False)

    op.create_table('passbook_printed_line',
    sa.Column('passbook_uid', sa.String(length=36), nullable=False),
    sa.Column('page', sa.Integer(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=False),
    sa.Column('entry_uid', sa.String(length=36), nullable=True),
    sa.Column('carried_balance', sa.Integer(), nullable=False),
    sa.Column('printed_on', sa.Date(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['passbook_uid'], ['passbook.uid'], name=op.f('fk_passbook_printed_line_passbook_uid_passbook')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_passbook_printed_line')),
    sa.UniqueConstraint('passbook_uid', 'page', 'line', name='uq_passbook_printed_line_position')
    )
    with op.batch_alter_table('passbook_printed_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passbook_printed_line_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_printed_line_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_passbook_printed_line_passbook_uid'), ['passbook_uid'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('passbook_printed_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_printed_line_passbook_uid'))
        batch_op.drop_index(batch_op.f('ix_passbook_printed_line_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_printed_line_deleted'))

    op.drop_table('passbook_printed_line')
    with op.batch_alter_table('passbook_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_passbook_entry_source')
        batch_op.drop_index(batch_op.f('ix_passbook_entry_reverses_uid'))
        batch_op.drop_index(batch_op.f('ix_passbook_entry_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_entry_on'))
        batch_op.drop_index(batch_op.f('ix_passbook_entry_deleted'))

    op.drop_table('passbook_entry')
    with op.batch_alter_table('passbook', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_status'))
        batch_op.drop_index(batch_op.f('ix_passbook_site_code'))
        batch_op.drop_index(batch_op.f('ix_passbook_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_holder_uid'))
        batch_op.drop_index(batch_op.f('ix_passbook_deleted'))

    op.drop_table('passbook')
    with op.batch_alter_table('passbook_stock', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_stock_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_stock_item_uid'))
        batch_op.drop_index(batch_op.f('ix_passbook_stock_deleted'))

    op.drop_table('passbook_stock')
    with op.batch_alter_table('passbook_rule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_rule_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_rule_kind'))
        batch_op.drop_index(batch_op.f('ix_passbook_rule_deleted'))

    op.drop_table('passbook_rule')
    with op.batch_alter_table('passbook_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_item_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_item_deleted'))

    op.drop_table('passbook_item')
    with op.batch_alter_table('passbook_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passbook_activity_origin'))
        batch_op.drop_index(batch_op.f('ix_passbook_activity_held_on'))
        batch_op.drop_index(batch_op.f('ix_passbook_activity_deleted'))

    op.drop_table('passbook_activity')
