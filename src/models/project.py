"""Funding rounds and projects (公益创投): programs, fund sources, projects and what hangs off them.

Money is kept in integer fen (分): exact, portable between SQLite and PostgreSQL, and free of
float drift when tranches are summed. Proposals live in :mod:`.project_proposal`, roadshows in
:mod:`.project_roadshow`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin

PROGRAM_KINDS = ("venture", "micro_venture", "seed_grant")
FUND_KINDS = ("fiscal", "community_fund", "crowdfunding")
PROJECT_STATUSES = ("applied", "screened", "pitched", "approved", "running", "midterm", "closed",
                    "rejected", "terminated")
TRANCHE_CONDITIONS = ("approval", "milestone", "midterm", "final")
EVALUATION_KINDS = ("midterm", "final")


class Program(SyncMixin, Base):
    """A funding round: 公益创投 venture, 微创投 micro_venture, 小额资助 seed_grant."""

    __tablename__ = "program"

    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="venture", index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    budget_fen: Mapped[int] = mapped_column(Integer, default=0)
    call_opens: Mapped[date | None] = mapped_column(Date, nullable=True)
    call_closes: Mapped[date | None] = mapped_column(Date, nullable=True)
    roadshow_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    publicity_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    publicity_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the default tranche split for its projects, percent, e.g. "50,30,20"
    tranche_plan: Mapped[str] = mapped_column(String(64), default="50,30,20")
    note: Mapped[str] = mapped_column(Text, default="")


class FundSource(SyncMixin, Base):
    """Where a round's money comes from: 财政资金 fiscal, 社区基金 community_fund, 众筹 crowdfunding."""

    __tablename__ = "fund_source"

    program_uid: Mapped[str] = mapped_column(ForeignKey("program.uid"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="fiscal")
    name: Mapped[str] = mapped_column(String(200), default="")
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)


class Project(SyncMixin, Base):
    """An organization's project in a round (or born from a community proposal)."""

    __tablename__ = "project"
    __sort_keys__ = {"title_sort": "title"}

    program_uid: Mapped[str | None] = mapped_column(ForeignKey("program.uid"), nullable=True, index=True)
    org_uid: Mapped[str] = mapped_column(ForeignKey("organization.uid"), index=True)
    proposal_uid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    title_initials: Mapped[str] = mapped_column(String(100), default="", index=True)
    # full pinyin, filled by yichao.models.sort_key: the list's order (陈 < 程 < 崔)
    title_sort: Mapped[str] = mapped_column(String(200), default="", index=True)
    domain: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="applied", index=True)
    status_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    applied_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    requested_fen: Mapped[int] = mapped_column(Integer, default=0)
    approved_fen: Mapped[int] = mapped_column(Integer, default=0)
    spent_fen: Mapped[int] = mapped_column(Integer, default=0)
    planned_beneficiaries: Mapped[int] = mapped_column(Integer, default=0)
    actual_beneficiaries: Mapped[int] = mapped_column(Integer, default=0)
    tranche_plan: Mapped[str] = mapped_column(String(64), default="")


class ProjectTransition(SyncMixin, Base):
    """One step of the status flow with its date and reason: the trail a district can follow."""

    __tablename__ = "project_transition"

    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16))
    on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class Milestone(SyncMixin, Base):
    __tablename__ = "project_milestone"

    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Tranche(SyncMixin, Base):
    """One disbursement (拨付) of an approved grant, released when its condition is met."""

    __tablename__ = "project_tranche"

    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    percent: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    condition: Mapped[str] = mapped_column(String(16), default="approval")
    milestone_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    disbursed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class Evaluation(SyncMixin, Base):
    """Midterm or final evaluation (中期评估 / 结项评估): a score out of 100 and comments."""

    __tablename__ = "project_evaluation"

    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    on: Mapped[date] = mapped_column(Date)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    evaluator: Mapped[str] = mapped_column(String(100), default="")
    comment: Mapped[str] = mapped_column(Text, default="")


class Activity(SyncMixin, Base):
    """A service activity of a running project, for the close-out report."""

    __tablename__ = "project_activity"

    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(200))
    participants: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")
