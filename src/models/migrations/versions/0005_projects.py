"""projects: proposals, programs, fund sources, projects, tranches, evaluations, roadshows

Revision ID: 0005_projects
Revises: 0002_orgs
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

import yichao.models.base


revision: str = "0005_projects"
down_revision: Union[str, Sequence[str], None] = "0002_orgs"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('program',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('budget_fen', sa.Integer(), nullable=False),
    sa.Column('call_opens', sa.Date(), nullable=True),
    sa.Column('call_closes', sa.Date(), nullable=True),
    sa.Column('roadshow_on', sa.Date(), nullable=True),
    sa.Column('publicity_from', sa.Date(), nullable=True),
    sa.Column('publicity_until', sa.Date(), nullable=True),
    sa.Column('tranche_plan', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_program'))
    )
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_program_year'), ['year'], unique=False)

    op.create_table('rubric_template',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_rubric_template'))
    )
    with op.batch_alter_table('rubric_template', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rubric_template_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_rubric_template_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_rubric_template_origin'), ['origin'], unique=False)

    op.create_table('fund_source',
    sa.Column('program_uid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['program_uid'], ['program.uid'], name=op.f('fk_fund_source_program_uid_program')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_fund_source'))
    )
    with op.batch_alter_table('fund_source', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_source_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_source_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_fund_source_program_uid'), ['program_uid'], unique=False)

    op.create_table('proposal',
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('community_uid', sa.String(length=36), nullable=True),
    sa.Column('proposer', sa.String(length=100), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('step', sa.String(length=12), nullable=False),
    sa.Column('outcome', sa.String(length=8), nullable=False),
    sa.Column('project_uid', sa.String(length=36), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['community_uid'], ['community.uid'], name=op.f('fk_proposal_community_uid_community')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_proposal'))
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_community_uid'), ['community_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_outcome'), ['outcome'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_step'), ['step'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_title'), ['title'], unique=False)

    op.create_table('roadshow',
    sa.Column('program_uid', sa.String(length=36), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['program_uid'], ['program.uid'], name=op.f('fk_roadshow_program_uid_program')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_roadshow'))
    )
    with op.batch_alter_table('roadshow', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadshow_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_program_uid'), ['program_uid'], unique=False)

    op.create_table('project',
    sa.Column('program_uid', sa.String(length=36), nullable=True),
    sa.Column('org_uid', sa.String(length=36), nullable=False),
    sa.Column('proposal_uid', sa.String(length=36), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('title_initials', sa.String(length=100), nullable=False),
    sa.Column('domain', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('status_on', sa.Date(), nullable=True),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('requested_fen', sa.Integer(), nullable=False),
    sa.Column('approved_fen', sa.Integer(), nullable=False),
    sa.Column('spent_fen', sa.Integer(), nullable=False),
    sa.Column('planned_beneficiaries', sa.Integer(), nullable=False),
    sa.Column('actual_beneficiaries', sa.Integer(), nullable=False),
    sa.Column('tranche_plan', sa.String(length=64), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_uid'], ['organization.uid'], name=op.f('fk_project_org_uid_organization')),
    sa.ForeignKeyConstraint(['program_uid'], ['program.uid'], name=op.f('fk_project_program_uid_program')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project'))
    )
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_applied_on'), ['applied_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_org_uid'), ['org_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_program_uid'), ['program_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_proposal_uid'), ['proposal_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_title'), ['title'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_title_initials'), ['title_initials'], unique=False)

    op.create_table('proposal_step',
    sa.Column('proposal_uid', sa.String(length=36), nullable=False),
    sa.Column('step', sa.String(length=12), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['proposal_uid'], ['proposal.uid'], name=op.f('fk_proposal_step_proposal_uid_proposal')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_proposal_step'))
    )
    with op.batch_alter_table('proposal_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_step_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_step_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposal_step_proposal_uid'), ['proposal_uid'], unique=False)

    op.create_table('roadshow_criterion',
    sa.Column('roadshow_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('max_score', sa.Float(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['roadshow_uid'], ['roadshow.uid'], name=op.f('fk_roadshow_criterion_roadshow_uid_roadshow')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_roadshow_criterion'))
    )
    with op.batch_alter_table('roadshow_criterion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadshow_criterion_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_criterion_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_criterion_roadshow_uid'), ['roadshow_uid'], unique=False)

    op.create_table('roadshow_judge',
    sa.Column('roadshow_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('affiliation', sa.String(length=200), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['roadshow_uid'], ['roadshow.uid'], name=op.f('fk_roadshow_judge_roadshow_uid_roadshow')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_roadshow_judge'))
    )
    with op.batch_alter_table('roadshow_judge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadshow_judge_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_judge_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_judge_roadshow_uid'), ['roadshow_uid'], unique=False)

    op.create_table('project_activity',
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_project_activity_project_uid_project')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project_activity'))
    )
    with op.batch_alter_table('project_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_activity_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_activity_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_activity_project_uid'), ['project_uid'], unique=False)

    op.create_table('project_evaluation',
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('evaluator', sa.String(length=100), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_project_evaluation_project_uid_project')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project_evaluation'))
    )
    with op.batch_alter_table('project_evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_evaluation_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_evaluation_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_evaluation_project_uid'), ['project_uid'], unique=False)

    op.create_table('project_milestone',
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_project_milestone_project_uid_project')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project_milestone'))
    )
    with op.batch_alter_table('project_milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_milestone_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_milestone_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_milestone_project_uid'), ['project_uid'], unique=False)

    op.create_table('project_tranche',
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('condition', sa.String(length=16), nullable=False),
    sa.Column('milestone_uid', sa.String(length=36), nullable=True),
    sa.Column('disbursed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_project_tranche_project_uid_project')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project_tranche'))
    )
    with op.batch_alter_table('project_tranche', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_tranche_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_tranche_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_tranche_project_uid'), ['project_uid'], unique=False)

    op.create_table('project_transition',
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_project_transition_project_uid_project')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_project_transition'))
    )
    with op.batch_alter_table('project_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_transition_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_transition_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_project_transition_project_uid'), ['project_uid'], unique=False)

    op.create_table('roadshow_entry',
    sa.Column('roadshow_uid', sa.String(length=36), nullable=False),
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_roadshow_entry_project_uid_project')),
    sa.ForeignKeyConstraint(['roadshow_uid'], ['roadshow.uid'], name=op.f('fk_roadshow_entry_roadshow_uid_roadshow')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_roadshow_entry'))
    )
    with op.batch_alter_table('roadshow_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadshow_entry_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_entry_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_entry_project_uid'), ['project_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_entry_roadshow_uid'), ['roadshow_uid'], unique=False)

    op.create_table('roadshow_recusal',
    sa.Column('roadshow_uid', sa.String(length=36), nullable=False),
    sa.Column('judge_uid', sa.String(length=36), nullable=False),
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['judge_uid'], ['roadshow_judge.uid'], name=op.f('fk_roadshow_recusal_judge_uid_roadshow_judge')),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_roadshow_recusal_project_uid_project')),
    sa.ForeignKeyConstraint(['roadshow_uid'], ['roadshow.uid'], name=op.f('fk_roadshow_recusal_roadshow_uid_roadshow')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_roadshow_recusal'))
    )
    with op.batch_alter_table('roadshow_recusal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roadshow_recusal_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_recusal_judge_uid'), ['judge_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_recusal_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_recusal_project_uid'), ['project_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_roadshow_recusal_roadshow_uid'), ['roadshow_uid'], unique=False)

    op.create_table('score_sheet',
    sa.Column('roadshow_uid', sa.String(length=36), nullable=False),
    sa.Column('judge_uid', sa.String(length=36), nullable=False),
    sa.Column('project_uid', sa.String(length=36), nullable=False),
    sa.Column('scores', sa.Text(), nullable=False),
    sa.Column('entered_by', sa.String(length=64), nullable=False),
    sa.Column('confirmed_by', sa.String(length=64), nullable=False),
    sa.Column('confirmed_at', yichao.models.base.UTCDateTime(), nullable=True),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('origin', sa.String(length=12), nullable=False),
    sa.Column('rev', sa.Integer(), nullable=False),
    sa.Column('updated_at', yichao.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['judge_uid'], ['roadshow_judge.uid'], name=op.f('fk_score_sheet_judge_uid_roadshow_judge')),
    sa.ForeignKeyConstraint(['project_uid'], ['project.uid'], name=op.f('fk_score_sheet_project_uid_project')),
    sa.ForeignKeyConstraint(['roadshow_uid'], ['roadshow.uid'], name=op.f('fk_score_sheet_roadshow_uid_roadshow')),
    sa.PrimaryKeyConstraint('uid', name=op.f('pk_score_sheet'))
    )
    with op.batch_alter_table('score_sheet', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_sheet_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheet_judge_uid'), ['judge_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheet_origin'), ['origin'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheet_project_uid'), ['project_uid'], unique=False)
        batch_op.create_index(batch_op.f('ix_score_sheet_roadshow_uid'), ['roadshow_uid'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('score_sheet', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_sheet_roadshow_uid'))
        batch_op.drop_index(batch_op.f('ix_score_sheet_project_uid'))
        batch_op.drop_index(batch_op.f('ix_score_sheet_origin'))
        batch_op.drop_index(batch_op.f('ix_score_sheet_judge_uid'))
        batch_op.drop_index(batch_op.f('ix_score_sheet_deleted'))

    op.drop_table('score_sheet')
    with op.batch_alter_table('roadshow_recusal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadshow_recusal_roadshow_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_recusal_project_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_recusal_origin'))
        batch_op.drop_index(batch_op.f('ix_roadshow_recusal_judge_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_recusal_deleted'))

    op.drop_table('roadshow_recusal')
    with op.batch_alter_table('roadshow_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadshow_entry_roadshow_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_entry_project_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_entry_origin'))
        batch_op.drop_index(batch_op.f('ix_roadshow_entry_deleted'))

    op.drop_table('roadshow_entry')
    with op.batch_alter_table('project_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_transition_project_uid'))
        batch_op.drop_index(batch_op.f('ix_project_transition_origin'))
        batch_op.drop_index(batch_op.f('ix_project_transition_deleted'))

    op.drop_table('project_transition')
    with op.batch_alter_table('project_tranche', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_tranche_project_uid'))
        batch_op.drop_index(batch_op.f('ix_project_tranche_origin'))
        batch_op.drop_index(batch_op.f('ix_project_tranche_deleted'))

    op.drop_table('project_tranche')
    with op.batch_alter_table('project_milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_milestone_project_uid'))
        batch_op.drop_index(batch_op.f('ix_project_milestone_origin'))
        batch_op.drop_index(batch_op.f('ix_project_milestone_deleted'))

    op.drop_table('project_milestone')
    with op.batch_alter_table('project_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_evaluation_project_uid'))
        batch_op.drop_index(batch_op.f('ix_project_evaluation_origin'))
        batch_op.drop_index(batch_op.f('ix_project_evaluation_deleted'))

    op.drop_table('project_evaluation')
    with op.batch_alter_table('project_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_activity_project_uid'))
        batch_op.drop_index(batch_op.f('ix_project_activity_origin'))
        batch_op.drop_index(batch_op.f('ix_project_activity_deleted'))

    op.drop_table('project_activity')
    with op.batch_alter_table('roadshow_judge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadshow_judge_roadshow_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_judge_origin'))
        batch_op.drop_index(batch_op.f('ix_roadshow_judge_deleted'))

    op.drop_table('roadshow_judge')
    with op.batch_alter_table('roadshow_criterion', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadshow_criterion_roadshow_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_criterion_origin'))
        batch_op.drop_index(batch_op.f('ix_roadshow_criterion_deleted'))

    op.drop_table('roadshow_criterion')
    with op.batch_alter_table('proposal_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_step_proposal_uid'))
        batch_op.drop_index(batch_op.f('ix_proposal_step_origin'))
        batch_op.drop_index(batch_op.f('ix_proposal_step_deleted'))

    op.drop_table('proposal_step')
    with op.batch_alter_table('project', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_title_initials'))
        batch_op.drop_index(batch_op.f('ix_project_title'))
        batch_op.drop_index(batch_op.f('ix_project_status'))
        batch_op.drop_index(batch_op.f('ix_project_proposal_uid'))
        batch_op.drop_index(batch_op.f('ix_project_program_uid'))
        batch_op.drop_index(batch_op.f('ix_project_origin'))
        batch_op.drop_index(batch_op.f('ix_project_org_uid'))
        batch_op.drop_index(batch_op.f('ix_project_deleted'))
        batch_op.drop_index(batch_op.f('ix_project_applied_on'))

    op.drop_table('project')
    with op.batch_alter_table('roadshow', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roadshow_program_uid'))
        batch_op.drop_index(batch_op.f('ix_roadshow_origin'))
        batch_op.drop_index(batch_op.f('ix_roadshow_held_on'))
        batch_op.drop_index(batch_op.f('ix_roadshow_deleted'))

    op.drop_table('roadshow')
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_title'))
        batch_op.drop_index(batch_op.f('ix_proposal_step'))
        batch_op.drop_index(batch_op.f('ix_proposal_outcome'))
        batch_op.drop_index(batch_op.f('ix_proposal_origin'))
        batch_op.drop_index(batch_op.f('ix_proposal_deleted'))
        batch_op.drop_index(batch_op.f('ix_proposal_community_uid'))

    op.drop_table('proposal')
    with op.batch_alter_table('fund_source', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_source_program_uid'))
        batch_op.drop_index(batch_op.f('ix_fund_source_origin'))
        batch_op.drop_index(batch_op.f('ix_fund_source_deleted'))

    op.drop_table('fund_source')
    with op.batch_alter_table('rubric_template', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rubric_template_origin'))
        batch_op.drop_index(batch_op.f('ix_rubric_template_name'))
        batch_op.drop_index(batch_op.f('ix_rubric_template_deleted'))

    op.drop_table('rubric_template')
    with op.batch_alter_table('program', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_year'))
        batch_op.drop_index(batch_op.f('ix_program_origin'))
        batch_op.drop_index(batch_op.f('ix_program_name'))
        batch_op.drop_index(batch_op.f('ix_program_kind'))
        batch_op.drop_index(batch_op.f('ix_program_deleted'))

    op.drop_table('program')
