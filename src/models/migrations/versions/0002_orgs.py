"""Organization files: organizations, editable lists, stage history, ratings, activities,
mentoring visits, subsidies and attachments.

Revision ID: 0002_orgs
Revises: 0001_foundation
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import yichao.models.base


revision: str = '0002_orgs'
down_revision: Union[str, Sequence[str], None] = '0001_foundation'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('owner_entity', sa.String(length=64), nullable=False),
    sa.Column('owner_uid', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_attachment'))
    )
    op.create_index(op.f('ix_attachment_deleted'), 'attachment', ['deleted'], unique=False)
    op.create_index(op.f('ix_attachment_origin'), 'attachment', ['origin'], unique=False)
    op.create_index(op.f('ix_attachment_owner_uid'), 'attachment', ['owner_uid'], unique=False)
    op.create_index(op.f('ix_attachment_sha256'), 'attachment', ['sha256'], unique=False)
    op.create_table('org_lookup',
    sa.Column('list_kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_lookup'))
    )
    op.create_index(op.f('ix_org_lookup_deleted'), 'org_lookup', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_lookup_list_kind'), 'org_lookup', ['list_kind'], unique=False)
    op.create_index(op.f('ix_org_lookup_origin'), 'org_lookup', ['origin'], unique=False)
    op.create_table('organization',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('name_initials', sa.String(length=100), nullable=False),
    sa.Column('search_text', sa.String(length=600), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('stage', sa.String(length=16), nullable=False),
    sa.Column('stage_since', sa.Date(), nullable=True),
    sa.Column('credit_code', sa.String(length=18), nullable=True),
    sa.Column('credit_code_waiver', sa.String(length=200), nullable=False),
    sa.Column('filing_number', sa.String(length=40), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('category_uid', sa.String(length=36), nullable=True),
    sa.Column('domain_uids', sa.String(length=400), nullable=False),
    sa.Column('community_uid', sa.String(length=36), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('leader', sa.String(length=64), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('volunteers', sa.Integer(), nullable=False),
    sa.Column('party_members', sa.Integer(), nullable=False),
    sa.Column('party_form', sa.String(length=24), nullable=False),
    sa.Column('resident', sa.Boolean(), nullable=False),
    sa.Column('workstation', sa.String(length=32), nullable=False),
    sa.Column('resident_since', sa.Date(), nullable=True),
    sa.Column('resident_until', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['category_uid'], ['org_lookup.uid'], name=op.f('fk_organization_category_uid_org_lookup')),
    sa.ForeignKeyConstraint(['community_uid'], ['community.uid'], name=op.f('fk_organization_community_uid_community')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_organization')),
    sa.UniqueConstraint('credit_code', name=op.f('uq_organization_credit_code'))
    )
    op.create_index(op.f('ix_organization_category_uid'), 'organization', ['category_uid'], unique=False)
    op.create_index(op.f('ix_organization_community_uid'), 'organization', ['community_uid'], unique=False)
    op.create_index(op.f('ix_organization_deleted'), 'organization', ['deleted'], unique=False)
    op.create_index(op.f('ix_organization_filing_number'), 'organization', ['filing_number'], unique=False)
    op.create_index(op.f('ix_organization_kind'), 'organization', ['kind'], unique=False)
    op.create_index(op.f('ix_organization_leader'), 'organization', ['leader'], unique=False)
    op.create_index(op.f('ix_organization_name'), 'organization', ['name'], unique=False)
    op.create_index(op.f('ix_organization_name_initials'), 'organization', ['name_initials'], unique=False)
    op.create_index(op.f('ix_organization_origin'), 'organization', ['origin'], unique=False)
    op.create_index(op.f('ix_organization_resident'), 'organization', ['resident'], unique=False)
    op.create_index(op.f('ix_organization_stage'), 'organization', ['stage'], unique=False)
    op.create_table('org_activity',
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('domain_uid', sa.String(length=36), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('beneficiaries', sa.Integer(), nullable=False),
    sa.Column('volunteer_hours', sa.Float(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['domain_uid'], ['org_lookup.uid'], name=op.f('fk_org_activity_domain_uid_org_lookup')),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_org_activity_org_uid_organization')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_activity'))
    )
    op.create_index(op.f('ix_org_activity_deleted'), 'org_activity', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_activity_on'), 'org_activity', ['on'], unique=False)
    op.create_index(op.f('ix_org_activity_org_uid'), 'org_activity', ['org_uid'], unique=False)
    op.create_index(op.f('ix_org_activity_origin'), 'org_activity', ['origin'], unique=False)
    op.create_table('org_mentoring',
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('visit_kind', sa.String(length=16), nullable=False),
    sa.Column('mentor', sa.String(length=64), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('follow_up_done', sa.Boolean(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_org_mentoring_org_uid_organization')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_mentoring'))
    )
    op.create_index(op.f('ix_org_mentoring_deleted'), 'org_mentoring', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_mentoring_follow_up_on'), 'org_mentoring', ['follow_up_on'], unique=False)
    op.create_index(op.f('ix_org_mentoring_org_uid'), 'org_mentoring', ['org_uid'], unique=False)
    op.create_index(op.f('ix_org_mentoring_origin'), 'org_mentoring', ['origin'], unique=False)
    op.create_table('org_rating',
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('rating_kind', sa.String(length=8), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('awarded_on', sa.Date(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=False),
    sa.Column('certificate_no', sa.String(length=40), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_org_rating_org_uid_organization')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_rating'))
    )
    op.create_index('ix_org_rating_latest', 'org_rating', ['org_uid', 'rating_kind', 'awarded_on'], unique=False)
    op.create_index(op.f('ix_org_rating_deleted'), 'org_rating', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_rating_org_uid'), 'org_rating', ['org_uid'], unique=False)
    op.create_index(op.f('ix_org_rating_origin'), 'org_rating', ['origin'], unique=False)
    op.create_index(op.f('ix_org_rating_valid_until'), 'org_rating', ['valid_until'], unique=False)
    op.create_table('org_stage_change',
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('from_stage', sa.String(length=16), nullable=False),
    sa.Column('to_stage', sa.String(length=16), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=400), nullable=False),
    sa.Column('by_user', sa.String(length=64), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_org_stage_change_org_uid_organization')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_stage_change'))
    )
    op.create_index(op.f('ix_org_stage_change_deleted'), 'org_stage_change', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_stage_change_org_uid'), 'org_stage_change', ['org_uid'], unique=False)
    op.create_index(op.f('ix_org_stage_change_origin'), 'org_stage_change', ['origin'], unique=False)
    op.create_table('org_subsidy',
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('subsidy_kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('on', sa.Date(), nullable=True),
    sa.Column('notes', sa.String(length=400), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_org_subsidy_org_uid_organization')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_org_subsidy'))
    )
    op.create_index(op.f('ix_org_subsidy_deleted'), 'org_subsidy', ['deleted'], unique=False)
    op.create_index(op.f('ix_org_subsidy_org_uid'), 'org_subsidy', ['org_uid'], unique=False)
    op.create_index(op.f('ix_org_subsidy_origin'), 'org_subsidy', ['origin'], unique=False)
    op.create_index(op.f('ix_org_subsidy_year'), 'org_subsidy', ['year'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_org_subsidy_year'), table_name='org_subsidy')
    op.drop_index(op.f('ix_org_subsidy_origin'), table_name='org_subsidy')
    op.drop_index(op.f('ix_org_subsidy_org_uid'), table_name='org_subsidy')
    op.drop_index(op.f('ix_org_subsidy_deleted'), table_name='org_subsidy')
    op.drop_table('org_subsidy')
    op.drop_index(op.f('ix_org_stage_change_origin'), table_name='org_stage_change')
    op.drop_index(op.f('ix_org_stage_change_org_uid'), table_name='org_stage_change')
    op.drop_index(op.f('ix_org_stage_change_deleted'), table_name='org_stage_change')
    op.drop_table('org_stage_change')
    op.drop_index(op.f('ix_org_rating_valid_until'), table_name='org_rating')
    op.drop_index(op.f('ix_org_rating_origin'), table_name='org_rating')
    op.drop_index(op.f('ix_org_rating_org_uid'), table_name='org_rating')
    op.drop_index('ix_org_rating_latest', table_name='org_rating')
    op.drop_index(op.f('ix_org_rating_deleted'), table_name='org_rating')
    op.drop_table('org_rating')
    op.drop_index(op.f('ix_org_mentoring_origin'), table_name='org_mentoring')
    op.drop_index(op.f('ix_org_mentoring_org_uid'), table_name='org_mentoring')
    op.drop_index(op.f('ix_org_mentoring_follow_up_on'), table_name='org_mentoring')
    op.drop_index(op.f('ix_org_mentoring_deleted'), table_name='org_mentoring')
    op.drop_table('org_mentoring')
    op.drop_index(op.f('ix_org_activity_origin'), table_name='org_activity')
    op.drop_index(op.f('ix_org_activity_org_uid'), table_name='org_activity')
    op.drop_index(op.f('ix_org_activity_on'), table_name='org_activity')
    op.drop_index(op.f('ix_org_activity_deleted'), table_name='org_activity')
    op.drop_table('org_activity')
    op.drop_index(op.f('ix_organization_stage'), table_name='organization')
    op.drop_index(op.f('ix_organization_resident'), table_name='organization')
    op.drop_index(op.f('ix_organization_origin'), table_name='organization')
    op.drop_index(op.f('ix_organization_name_initials'), table_name='organization')
    op.drop_index(op.f('ix_organization_name'), table_name='organization')
    op.drop_index(op.f('ix_organization_leader'), table_name='organization')
    op.drop_index(op.f('ix_organization_kind'), table_name='organization')
    op.drop_index(op.f('ix_organization_filing_number'), table_name='organization')
    op.drop_index(op.f('ix_organization_deleted'), table_name='organization')
    op.drop_index(op.f('ix_organization_community_uid'), table_name='organization')
    op.drop_index(op.f('ix_organization_category_uid'), table_name='organization')
    op.drop_table('organization')
    op.drop_index(op.f('ix_org_lookup_origin'), table_name='org_lookup')
    op.drop_index(op.f('ix_org_lookup_list_kind'), table_name='org_lookup')
    op.drop_index(op.f('ix_org_lookup_deleted'), table_name='org_lookup')
    op.drop_table('org_lookup')
    op.drop_index(op.f('ix_attachment_sha256'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_owner_uid'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_origin'), table_name='attachment')
    op.drop_index(op.f('ix_attachment_deleted'), table_name='attachment')
    op.drop_table('attachment')
