"""Community proposals (社区提案): the six-step loop 收集 -> 审议 -> 形成 -> 执行 -> 评估 -> 公示.

Each step is recorded once, in order, with its date, participants, decision and attached files
(minutes, sign-in sheets, photos, stored by the shared attachment store). A proposal that reached
形成 (adopted) can become a project; one dropped at 审议 stops there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import OUTCOME_LABELS, STEP_LABELS
from yichao.app.projects.records import ProjectInput, ProjectRow, apply_project
from yichao.models.project_proposal import PROPOSAL_STEPS, Proposal, ProposalStep
from yichao.models.site import Community


@dataclass(frozen=True)
class StepRow:
    uid: str
    step: str
    held_on: date
    participants: str
    decision: str


@dataclass(frozen=True)
class ProposalRow:
    uid: str
    title: str
    community_uid: str | None
    community_name: str
    proposer: str
    summary: str
    step: str
    outcome: str
    project_uid: str | None
    steps: tuple[StepRow, ...] = ()

    @property
    def next_step(self) -> str | None:
        """The step to record next, or None when the loop is finished or stopped."""
        if self.outcome != "open":
            return None
        done = {s.step for s in self.steps}
        return next((s for s in PROPOSAL_STEPS if s not in done), None)


def _steps(session: Session, uid: str) -> tuple[StepRow, ...]:
    order = {s: i for i, s in enumerate(PROPOSAL_STEPS)}
    rows = session.scalars(select(ProposalStep).where(ProposalStep.proposal_uid == uid,
                                                      ProposalStep.deleted.is_(False)))
    return tuple(sorted((StepRow(s.uid, s.step, s.held_on, s.participants, s.decision) for s in rows),
                        key=lambda s: order[s.step]))


def _row(session: Session, p: Proposal) -> ProposalRow:
    community = session.get(Community, p.community_uid) if p.community_uid else None
    return ProposalRow(p.uid, p.title, p.community_uid, community.name if community else "", p.proposer,
                       p.summary, p.step, p.outcome, p.project_uid, _steps(session, p.uid))


def _load(session: Session, uid: str) -> Proposal:
    p = session.get(Proposal, uid)
    if p is None or p.deleted:
        raise NotFound("找不到这条社区提案。")
    return p


def create_proposal(ws: Workspace, title: str, proposer: str, held_on: date, community_uid: str | None = None,
                    summary: str = "", participants: str = "") -> ProposalRow:
    """A proposal is collected (收集): its first step is recorded with it."""
    ws.require("staff", "登记社区提案", work="projects")
    if not title.strip():
        raise UserError("提案标题不能为空。")
    if not proposer.strip():
        raise UserError("请填写提案人。")
    with ws.unit() as session:
        if community_uid and session.get(Community, community_uid) is None:
            raise UserError("找不到所选社区。")
        p = Proposal(title=title.strip(), proposer=proposer.strip(), community_uid=community_uid or None,
                     summary=summary.strip(), step="collect", outcome="open")
        session.add(p)
        session.flush()
        session.add(ProposalStep(proposal_uid=p.uid, step="collect", held_on=held_on,
                                 participants=participants.strip() or proposer.strip(), decision="收集提案"))
        session.flush()
        return _row(session, p)


def record_step(ws: Workspace, proposal_uid: str, step: str, held_on: date, participants: str,
                decision: str, attachments: list[Path] | None = None, adopted: bool = True) -> ProposalRow:
    """Record the next step of the loop; at 审议 ``adopted=False`` drops the proposal."""
    ws.require("staff", "登记提案进程", work="projects")
    if step not in PROPOSAL_STEPS:
        raise UserError(f"提案步骤“{step}”不认识。")
    if not participants.strip():
        raise UserError(f"请填写“{STEP_LABELS[step]}”的参与人员。")
    if not decision.strip():
        raise UserError(f"请填写“{STEP_LABELS[step]}”的决定或结果。")
    with ws.unit() as session:
        p = _load(session, proposal_uid)
        row = _row(session, p)
        if row.next_step is None:
            raise UserError(f"提案“{p.title}”已{OUTCOME_LABELS[p.outcome]}，不能再登记步骤。")
        if step != row.next_step:
            raise UserError(f"提案的下一步应是“{STEP_LABELS[row.next_step]}”，不能跳到“{STEP_LABELS[step]}”。")
        last = row.steps[-1].held_on if row.steps else None
        if last and held_on < last:
            raise UserError(f"日期 {held_on} 早于上一步的日期 {last}。")
        if not adopted and step != "deliberate":
            raise UserError("只有在审议时才能决定不采纳提案。")
        s = ProposalStep(proposal_uid=p.uid, step=step, held_on=held_on, participants=participants.strip(),
                         decision=decision.strip())
        session.add(s)
        p.step = step
        if not adopted:
            p.outcome = "dropped"
        elif step == "publicize":
            p.outcome = "done"
        session.flush()
        step_uid = s.uid
    for path in attachments or []:
        attach_file(ws, step_uid, path)
    return get_proposal(ws, proposal_uid)


def attach_file(ws: Workspace, step_uid: str, path: Path) -> None:
    """Attach minutes, a sign-in sheet or a photo to a recorded step (shared attachment store)."""
    from yichao.app.core.attachments import add_attachment  # the organizations module's content-addressed store

    max_mb = int(ws.settings.get("attachment_max_mb") or 20)
    add_attachment(ws, "proposal_step", step_uid, path, max_bytes=max_mb * 1024 * 1024)


def to_project(ws: Workspace, proposal_uid: str, data: ProjectInput) -> ProjectRow:
    """An adopted proposal becomes a project (applied by the organization that will carry it out)."""
    ws.require("staff", "提案转为项目", work="projects")
    with ws.unit() as session:
        p = _load(session, proposal_uid)
        done = {s.step for s in _steps(session, p.uid)}
        if p.outcome == "dropped" or "adopt" not in done:
            raise UserError("提案形成（通过审议并形成方案）之后才能转为项目。")
        if p.project_uid:
            raise UserError("这条提案已经转为项目了。")
        project = apply_project(ws, data, proposal_uid=p.uid, session=session)
        p.project_uid = project.uid
        return project


def get_proposal(ws: Workspace, uid: str) -> ProposalRow:
    with ws.read() as session:
        return _row(session, _load(session, uid))


def count_proposals(ws: Workspace, outcome: str | None = None) -> int:
    with ws.read() as session:
        stmt = select(func.count()).select_from(Proposal).where(Proposal.deleted.is_(False))
        if outcome:
            stmt = stmt.where(Proposal.outcome == outcome)
        return int(session.scalar(stmt) or 0)


def query_proposals(ws: Workspace, offset: int = 0, limit: int = 100, outcome: str | None = None) -> list[ProposalRow]:
    """A page of proposals, newest first (steps included: a page is small)."""
    with ws.read() as session:
        stmt = select(Proposal).where(Proposal.deleted.is_(False))
        if outcome:
            stmt = stmt.where(Proposal.outcome == outcome)
        stmt = stmt.order_by(Proposal.updated_at.desc(), Proposal.uid).offset(offset).limit(limit)
        return [_row(session, p) for p in session.scalars(stmt)]
