"""Proposals (社区提案), funding rounds (公益创投), projects with their tranches, evaluations and close-out.

The names below are the use cases pages and the CLI call; the modules behind them are private
to this package (tests may reach into them)."""

from yichao.app.projects.closeout import closeout_report_pdf
from yichao.app.projects.evaluations import (
    list_activities,
    list_evaluations,
    record_activity,
    record_evaluation,
    record_outcome,
)
from yichao.app.projects.flow import NEEDS_REASON, advance, list_transitions, next_statuses
from yichao.app.projects.history_xlsx import import_projects, value_questions
from yichao.app.projects.labels import (
    CONDITION_LABELS,
    EVALUATION_KIND_LABELS,
    FUND_LABELS,
    OUTCOME_LABELS,
    PROGRAM_KIND_LABELS,
    STATUS_LABELS,
    STEP_LABELS,
)
from yichao.app.projects.money import fen_to_yuan, yuan_to_fen
from yichao.app.projects.proposals import (
    count_proposals,
    create_proposal,
    query_proposals,
    record_step,
    to_project,
)
from yichao.app.projects.records import (
    ProjectInput,
    ProjectRow,
    applicant_choices,
    apply_project,
    count_projects,
    get_project,
    project_rows,
    query_projects,
)
from yichao.app.projects.rounds import (
    FundSourceInput,
    ProgramInput,
    ProgramRow,
    create_program,
    list_programs,
    update_program,
    validate_program,
)
from yichao.app.projects.tranches import (
    add_milestone,
    complete_milestone,
    disburse,
    list_milestones,
    list_tranches,
    replan_tranches,
    tranche_summary,
)
from yichao.app.projects.xlsx import export_programs, export_projects
from yichao.models.project import PROJECT_STATUSES

__all__ = [
    "import_projects",
    "value_questions",
    "CONDITION_LABELS",
    "project_rows",
    "FUND_LABELS",
    "FundSourceInput",
    "EVALUATION_KIND_LABELS",
    "PROGRAM_KIND_LABELS",
    "NEEDS_REASON",
    "OUTCOME_LABELS",
    "PROJECT_STATUSES",
    "ProgramInput",
    "ProgramRow",
    "ProjectInput",
    "ProjectRow",
    "STATUS_LABELS",
    "STEP_LABELS",
    "add_milestone",
    "advance",
    "applicant_choices",
    "apply_project",
    "closeout_report_pdf",
    "complete_milestone",
    "count_projects",
    "count_proposals",
    "create_program",
    "create_proposal",
    "disburse",
    "export_programs",
    "export_projects",
    "fen_to_yuan",
    "get_project",
    "list_activities",
    "list_evaluations",
    "list_milestones",
    "list_programs",
    "list_tranches",
    "list_transitions",
    "next_statuses",
    "query_projects",
    "query_proposals",
    "record_activity",
    "record_evaluation",
    "record_outcome",
    "record_step",
    "replan_tranches",
    "to_project",
    "tranche_summary",
    "update_program",
    "validate_program",
    "yuan_to_fen",
]
