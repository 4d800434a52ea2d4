"""Projects and proposals as paged tables: sources over the services, and their columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from yichao.app.core import Workspace
from yichao.app.projects import (
    OUTCOME_LABELS,
    STEP_LABELS,
    count_projects,
    count_proposals,
    fen_to_yuan,
    query_projects,
    query_proposals,
)
from yichao.ui.models.paged_table_model import Column

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
STATUS_COLORS = {"rejected": "#9e9e9e", "terminated": "#c62828", "closed": "#2e7d32", "running": "#1565c0",
                 "midterm": "#1565c0"}


@dataclass
class ProjectsSource:
    ws: Workspace
    status: str | None = None
    program_uid: str | None = None
    search: str = ""
    uids: tuple[str, ...] | None = None  # the projects behind a dashboard figure, if shown
    origin: str = ""  # a district: only one street's projects

    def count(self) -> int:
        return count_projects(self.ws, self.status, self.program_uid, self.search, self.uids, self.origin)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_projects(self.ws, offset, limit, sort_key or "applied_on", descending, self.status,
                              self.program_uid, self.search, self.uids, self.origin)


def project_columns(street: Sequence[Column] = ()) -> list[Column]:
    """The projects list's columns; ``street`` (a district): the 街道 column, after the title."""
    return [
        Column("title", QCoreApplication.translate("ProjectTable", "Project"), lambda p: p.title),
        *street,
        Column("org", QCoreApplication.translate("ProjectTable", "Applicant"), lambda p: p.org_name),
        Column(
            "status",
            QCoreApplication.translate("ProjectTable", "Status"),
            lambda p: p.status_label,
            color=lambda p: STATUS_COLORS.get(p.status),
        ),
        Column(
            "requested",
            QCoreApplication.translate("ProjectTable", "Requested"),
            lambda p: fen_to_yuan(p.requested_fen),
            RIGHT,
        ),
        Column(
            "approved",
            QCoreApplication.translate("ProjectTable", "Approved"),
            lambda p: fen_to_yuan(p.approved_fen) if p.approved_fen else "",
            RIGHT,
        ),
        Column(
            "applied_on",
            QCoreApplication.translate("ProjectTable", "Applied"),
            lambda p: p.applied_on.isoformat() if p.applied_on else "",
        ),
        Column("program", QCoreApplication.translate("ProjectTable", "Round"), lambda p: p.program_name),
    ]


@dataclass
class ProposalsSource:
    ws: Workspace
    outcome: str | None = None

    def count(self) -> int:
        return count_proposals(self.ws, self.outcome)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_proposals(self.ws, offset, limit, self.outcome)


def proposal_columns() -> list[Column]:
    return [
        Column("", QCoreApplication.translate("ProjectTable", "Proposal"), lambda p: p.title),
        Column("", QCoreApplication.translate("ProjectTable", "Proposer"), lambda p: p.proposer),
        Column("", QCoreApplication.translate("ProjectTable", "Community"), lambda p: p.community_name),
        Column(
            "",
            QCoreApplication.translate("ProjectTable", "Step reached"),
            lambda p: STEP_LABELS.get(p.steps[-1].step, "") if p.steps else "",
        ),
        Column(
            "",
            QCoreApplication.translate("ProjectTable", "Outcome"),
            lambda p: OUTCOME_LABELS.get(p.outcome, p.outcome),
            color=lambda p: "#9e9e9e" if p.outcome == "dropped" else None,
        ),
    ]
