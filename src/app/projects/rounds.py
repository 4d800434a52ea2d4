"""Funding rounds (公益创投 / 微创投 / 小额资助): budget, fund sources, dates, and budget use.

Budget committed and disbursed are computed from projects and tranches every time they are shown,
so they can never drift from the records; approving beyond the budget is refused in
:mod:`.flow` through :func:`budget_use`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import FUND_LABELS
from yichao.app.projects.money import fen_to_yuan, parse_tranche_plan
from yichao.models.project import FUND_KINDS, PROGRAM_KINDS, FundSource, Program, Project, Tranche

# statuses whose approved amount is promised to the project
COMMITTING = ("approved", "running", "midterm", "closed")


@dataclass(frozen=True)
class FundSourceInput:
    kind: str
    amount_fen: int
    name: str = ""


@dataclass(frozen=True)
class ProgramInput:
    name: str
    kind: str
    year: int
    budget_fen: int
    sources: tuple[FundSourceInput, ...] = ()
    call_opens: date | None = None
    call_closes: date | None = None
    roadshow_on: date | None = None
    publicity_from: date | None = None
    publicity_until: date | None = None
    tranche_plan: str = "50,30,20"
    note: str = ""


@dataclass(frozen=True)
class FundSourceRow:
    uid: str
    kind: str
    name: str
    amount_fen: int


@dataclass(frozen=True)
class ProgramRow:
    uid: str
    name: str
    kind: str
    year: int
    budget_fen: int
    committed_fen: int
    disbursed_fen: int
    call_opens: date | None
    call_closes: date | None
    roadshow_on: date | None
    publicity_from: date | None
    publicity_until: date | None
    tranche_plan: str
    note: str
    project_count: int
    sources: tuple[FundSourceRow, ...] = field(default=())

    @property
    def remaining_fen(self) -> int:
        return self.budget_fen - self.committed_fen

    @property
    def budget_line(self) -> str:
        """'预算 300,000.00 元，已立项 120,000.00 元，已拨付 60,000.00 元，余 180,000.00 元'."""
        return (f"预算 {fen_to_yuan(self.budget_fen)} 元，已立项 {fen_to_yuan(self.committed_fen)} 元，"
                f"已拨付 {fen_to_yuan(self.disbursed_fen)} 元，余 {fen_to_yuan(self.remaining_fen)} 元")


def validate_program(data: ProgramInput) -> None:
    """Refuse, with one sentence naming the field, anything a round cannot be."""
    if not data.name.strip():
        raise UserError("资助项目（批次）名称不能为空。")
    if data.kind not in PROGRAM_KINDS:
        raise UserError(f"资助类型“{data.kind}”不认识，应为公益创投、微创投或小额资助。")
    if not 2000 <= data.year <= 2100:
        raise UserError(f"年度 {data.year} 不合理。")
    if data.budget_fen <= 0:
        raise UserError("预算必须大于 0 元。")
    parse_tranche_plan(data.tranche_plan)
    for source in data.sources:
        if source.kind not in FUND_KINDS:
            raise UserError(f"资金来源“{source.kind}”不认识，应为财政资金、社区基金或众筹。")
        if source.amount_fen <= 0:
            raise UserError(f"资金来源“{FUND_LABELS[source.kind]}”的金额必须大于 0 元。")
    if data.sources:
        total = sum(s.amount_fen for s in data.sources)
        if total != data.budget_fen:
            raise UserError(f"各资金来源合计 {fen_to_yuan(total)} 元，与预算 {fen_to_yuan(data.budget_fen)} 元不一致。")
    dates = [("征集开始", data.call_opens), ("征集截止", data.call_closes), ("路演", data.roadshow_on),
             ("公示开始", data.publicity_from), ("公示结束", data.publicity_until)]
    known = [(label, d) for label, d in dates if d is not None]
    for (a_label, a), (b_label, b) in zip(known, known[1:]):
        if b < a:
            raise UserError(f"{b_label}日期 {b} 早于{a_label}日期 {a}。")


def budget_use(session: Session, program_uid: str) -> tuple[int, int]:
    """(committed, disbursed) fen: approved grants of live projects, and tranches paid out.

    A terminated project keeps only what was already paid to it.
    """
    committed = session.scalar(
        select(func.coalesce(func.sum(Project.approved_fen), 0)).where(
            Project.program_uid == program_uid, Project.deleted.is_(False), Project.status.in_(COMMITTING))) or 0
    paid_q = (select(func.coalesce(func.sum(Tranche.amount_fen), 0))
              .join(Project, Project.uid == Tranche.project_uid)
              .where(Project.program_uid == program_uid, Project.deleted.is_(False),
                     Tranche.deleted.is_(False), Tranche.disbursed_on.is_not(None)))
    disbursed = session.scalar(paid_q) or 0
    terminated_paid = session.scalar(paid_q.where(Project.status == "terminated")) or 0
    return int(committed) + int(terminated_paid), int(disbursed)


def _row(session: Session, p: Program) -> ProgramRow:
    committed, disbursed = budget_use(session, p.uid)
    sources = tuple(
        FundSourceRow(s.uid, s.kind, s.name, s.amount_fen)
        for s in session.scalars(select(FundSource).where(FundSource.program_uid == p.uid,
                                                          FundSource.deleted.is_(False)).order_by(FundSource.kind)))
    count = session.scalar(select(func.count()).select_from(Project).where(
        Project.program_uid == p.uid, Project.deleted.is_(False))) or 0
    return ProgramRow(p.uid, p.name, p.kind, p.year, p.budget_fen, committed, disbursed, p.call_opens,
                      p.call_closes, p.roadshow_on, p.publicity_from, p.publicity_until, p.tranche_plan,
                      p.note, int(count), sources)


def _apply(p: Program, data: ProgramInput) -> None:
    p.name, p.kind, p.year, p.budget_fen = data.name.strip(), data.kind, data.year, data.budget_fen
    p.call_opens, p.call_closes, p.roadshow_on = data.call_opens, data.call_closes, data.roadshow_on
    p.publicity_from, p.publicity_until = data.publicity_from, data.publicity_until
    p.tranche_plan = ",".join(str(x) for x in parse_tranche_plan(data.tranche_plan))
    p.note = data.note


def _replace_sources(session: Session, program_uid: str, sources: tuple[FundSourceInput, ...]) -> None:
    for old in session.scalars(select(FundSource).where(FundSource.program_uid == program_uid,
                                                        FundSource.deleted.is_(False))):
        old.deleted = True
    for s in sources:
        session.add(FundSource(program_uid=program_uid, kind=s.kind, name=s.name.strip() or FUND_LABELS[s.kind],
                               amount_fen=s.amount_fen))


def create_program(ws: Workspace, data: ProgramInput) -> ProgramRow:
    ws.require("staff", "新建资助批次", work="projects")
    validate_program(data)
    with ws.unit() as session:
        p = Program()
        _apply(p, data)
        session.add(p)
        session.flush()
        _replace_sources(session, p.uid, data.sources)
        session.flush()
        return _row(session, p)


def update_program(ws: Workspace, uid: str, data: ProgramInput) -> ProgramRow:
    ws.require("staff", "修改资助批次", work="projects")
    validate_program(data)
    with ws.unit() as session:
        p = _get(session, uid)
        committed, _ = budget_use(session, uid)
        if data.budget_fen < committed:
            raise UserError(f"预算不能低于已立项的 {fen_to_yuan(committed)} 元。")
        _apply(p, data)
        _replace_sources(session, uid, data.sources)
        session.flush()
        return _row(session, p)


def _get(session: Session, uid: str) -> Program:
    p = session.get(Program, uid)
    if p is None or p.deleted:
        raise NotFound("找不到这个资助批次。")
    return p


def get_program(ws: Workspace, uid: str) -> ProgramRow:
    with ws.read() as session:
        return _row(session, _get(session, uid))


def list_programs(ws: Workspace) -> list[ProgramRow]:
    """Every round, newest year first."""
    with ws.read() as session:
        stmt = select(Program).where(Program.deleted.is_(False)).order_by(Program.year.desc(), Program.name)
        return [_row(session, p) for p in session.scalars(stmt)]
