"""Roadshows (路演): judges, the weighted rubric, the pitching projects, recusals and score sheets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime


class RubricTemplate(SyncMixin, Base):
    """A reusable rubric the user edits; a roadshow copies it into its own criteria."""

    __tablename__ = "rubric_template"

    name: Mapped[str] = mapped_column(String(100), index=True)
    # JSON list of {"name", "weight", "max"}
    criteria: Mapped[str] = mapped_column(Text, default="[]")


class Roadshow(SyncMixin, Base):
    __tablename__ = "roadshow"

    program_uid: Mapped[str | None] = mapped_column(ForeignKey("program.uid"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    venue: Mapped[str] = mapped_column(String(200), default="")


class RoadshowJudge(SyncMixin, Base):
    __tablename__ = "roadshow_judge"

    roadshow_uid: Mapped[str] = mapped_column(ForeignKey("roadshow.uid"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(64))
    affiliation: Mapped[str] = mapped_column(String(200), default="")


class RoadshowCriterion(SyncMixin, Base):
    __tablename__ = "roadshow_criterion"

    roadshow_uid: Mapped[str] = mapped_column(ForeignKey("roadshow.uid"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(64))
    weight: Mapped[float] = mapped_column(Float)
    max_score: Mapped[float] = mapped_column(Float)


class RoadshowEntry(SyncMixin, Base):
    """A project pitching at the roadshow, in pitching order."""

    __tablename__ = "roadshow_entry"

    roadshow_uid: Mapped[str] = mapped_column(ForeignKey("roadshow.uid"), index=True)
    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class Recusal(SyncMixin, Base):
    """A judge's declared conflict of interest: excluded from scoring that project."""

    __tablename__ = "roadshow_recusal"

    roadshow_uid: Mapped[str] = mapped_column(ForeignKey("roadshow.uid"), index=True)
    judge_uid: Mapped[str] = mapped_column(ForeignKey("roadshow_judge.uid"), index=True)
    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class ScoreSheet(SyncMixin, Base):
    """One judge's scores for one project, as typed from the paper sheet.

    It counts only once a second staff member has typed it again identically (``confirmed_by``).
    """

    __tablename__ = "score_sheet"

    roadshow_uid: Mapped[str] = mapped_column(ForeignKey("roadshow.uid"), index=True)
    judge_uid: Mapped[str] = mapped_column(ForeignKey("roadshow_judge.uid"), index=True)
    project_uid: Mapped[str] = mapped_column(ForeignKey("project.uid"), index=True)
    # JSON list of numbers, one per criterion in criterion order
    scores: Mapped[str] = mapped_column(Text, default="[]")
    entered_by: Mapped[str] = mapped_column(String(64), default="")
    confirmed_by: Mapped[str] = mapped_column(String(64), default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
