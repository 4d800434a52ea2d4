"""needs: residents' need lists, their status steps, and the resident's offers (能人库)

Revision ID: 0003_needs
Revises: 0001_foundation
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import yichao.models.base


revision: str = '0003_needs'
down_revision: Union[str, Sequence[str], None] = '0001_foundation'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column('uid', sa.String(length=36), nullable=False),
        sa.Column('origin', sa.String(length=12), nullable=False),
        sa.Column('rev', sa.Integer(), nullable=False),
        sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column('deleted', sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('offers', sa.Text(), nullable=False, server_default=''))
        batch_op.create_index('ix_person_live_initials',
                                 ['deleted', 'name_initials', 'uid', 'name', 'is_volunteer', 'household_head'],
                                 unique=False)
        batch_op.create_index('ix_person_live_skills', ['deleted', 'skills', 'offers'], unique=False)
        batch_op.create_index('ix_person_phone', ['phone'], unique=False)
        batch_op.create_index('ix_person_volunteer_number', ['volunteer_number'], unique=False)

    op.create_table(
        'need',
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('title_initials', sa.String(length=200), nullable=False),
        sa.Column('description', sa.Text(), nullable=False),
        sa.Column('category', sa.String(length=16), nullable=False),
        sa.Column('community_uid', sa.String(length=36), nullable=True),
        sa.Column('requester_uid', sa.String(length=36), nullable=True),
        sa.Column('urgency', sa.String(length=12), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.Column('reward_points', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('status_at', yichao.models.base.UTCDateTime(), nullable=True),
        sa.Column('claimant_kind', sa.String(length=16), nullable=False),
        sa.Column('claimant_uid', sa.String(length=36), nullable=True),
        sa.Column('claimant_name', sa.String(length=200), nullable=False),
        sa.Column('satisfaction', sa.Integer(), nullable=True),
        sa.Column('review_comment', sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['community_uid'], ['community.uid'], name=op.f('fk_need_community_uid_community')),
        sa.ForeignKeyConstraint(['requester_uid'], ['person.uid'], name=op.f('fk_need_requester_uid_person')),
        sa.PrimaryKeyConstraint('uid', name=op.f('pk_need')),
    )
    with op.batch_alter_table('need', schema=None) as batch_op:
        for column in ('category', 'claimant_uid', 'community_uid', 'deleted', 'due_date', 'origin',
                       'requester_uid', 'status', 'title_initials'):
            batch_op.create_index(batch_op.f(f'ix_need_{column}'), [column], unique=False)
        batch_op.create_index('ix_need_live_status', ['deleted', 'status', 'due_date', 'uid'], unique=False)
        batch_op.create_index('ix_need_live_due', ['deleted', 'due_date', 'uid', 'status', 'title', 'claimant_name'],
                              unique=False)
        batch_op.create_index('ix_need_live_title', ['deleted', 'title_initials', 'uid'], unique=False)

    op.create_table(
        'need_step',
        sa.Column('need_uid', sa.String(length=36), nullable=False),
        sa.Column('from_status', sa.String(length=12), nullable=False),
        sa.Column('to_status', sa.String(length=12), nullable=False),
        sa.Column('at', yichao.models.base.UTCDateTime(), nullable=False),
        sa.Column('by_user', sa.String(length=64), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(['need_uid'], ['need.uid'], name=op.f('fk_need_step_need_uid_need')),
        sa.PrimaryKeyConstraint('uid', name=op.f('pk_need_step')),
    )
    with op.batch_alter_table('need_step', schema=None) as batch_op:
        for column in ('deleted', 'need_uid', 'origin'):
            batch_op.create_index(batch_op.f(f'ix_need_step_{column}'), [column], unique=False)


def downgrade() -> None:
    op.drop_table('need_step')
    op.drop_table('need')
    with op.batch_alter_table('person', schema=None) as batch_op:
        for name in ('ix_person_live_initials', 'ix_person_live_skills', 'ix_person_phone',
                     'ix_person_volunteer_number'):
            batch_op.drop_index(name)
        batch_op.drop_column('offers')
