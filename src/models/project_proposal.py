"""Community proposals (社区提案) and the six steps of their loop."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin

# 收集 -> 审议 -> 形成 -> 执行 -> 评估 -> 公示
PROPOSAL_STEPS = ("collect", "deliberate", "adopt", "execute", "evaluate", "publicize")
PROPOSAL_OUTCOMES = ("open", "done", "dropped")


class Proposal(SyncMixin, Base):
    __tablename__ = "proposal"

    title: Mapped[str] = mapped_column(String(200), index=True)
    community_uid: Mapped[str | None] = mapped_column(ForeignKey("community.uid"), nullable=True, index=True)
    proposer: Mapped[str] = mapped_column(String(100), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    step: Mapped[str] = mapped_column(String(12), default="collect", index=True)
    outcome: Mapped[str] = mapped_column(String(8), default="open", index=True)
    project_uid: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ProposalStep(SyncMixin, Base):
    """What happened at one step: date, who took part, the decision, attached files."""

    __tablename__ = "proposal_step"

    proposal_uid: Mapped[str] = mapped_column(ForeignKey("proposal.uid"), index=True)
    step: Mapped[str] = mapped_column(String(12))
    held_on: Mapped[date] = mapped_column(Date)
    participants: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[str] = mapped_column(Text, default="")
    # files (minutes, photos, sign-in sheets) are shared Attachment rows owned by "proposal_step"
