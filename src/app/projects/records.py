"""Projects (项目): applying, editing, paged queries and the full detail of one project.

The status flow lives in :mod:`.flow`, tranches and milestones in :mod:`.tranches`, evaluations and
activities in :mod:`.evaluations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVarTuple

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.pinyin import initials
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import STATUS_LABELS
from yichao.app.projects.money import fen_to_yuan, parse_tranche_plan
from yichao.models.organization import Organization
from yichao.models.project import PROJECT_STATUSES, Program, Project, ProjectTransition  # noqa: F401 - re-exported by the facade

EDITABLE = ("applied", "screened")


@dataclass(frozen=True)
class ProjectInput:
    org_uid: str
    title: str
    requested_fen: int
    program_uid: str | None = None
    domain: str = ""
    summary: str = ""
    planned_beneficiaries: int = 0
    applied_on: date | None = None
    tranche_plan: str = ""  # empty: the round's plan


@dataclass(frozen=True)
class ProjectRow:
    uid: str
    title: str
    org_uid: str
    org_name: str
    program_uid: str | None
    program_name: str
    domain: str
    summary: str
    status: str
    status_on: date | None
    applied_on: date | None
    requested_fen: int
    approved_fen: int
    spent_fen: int
    planned_beneficiaries: int
    actual_beneficiaries: int
    tranche_plan: str
    proposal_uid: str | None
    origin: str = ""  # the site that keeps the record (a district lists every street's)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def _row(p: Project, org_name: str, program_name: str) -> ProjectRow:
    return ProjectRow(p.uid, p.title, p.org_uid, org_name, p.program_uid, program_name, p.domain, p.summary,
                      p.status, p.status_on, p.applied_on, p.requested_fen, p.approved_fen, p.spent_fen,
                      p.planned_beneficiaries, p.actual_beneficiaries, p.tranche_plan, p.proposal_uid, p.origin)


def _select() -> Select[Project, str, str]:
    return (select(Project, Organization.name, func.coalesce(Program.name, ""))
            .join(Organization, Organization.uid == Project.org_uid)
            .outerjoin(Program, Program.uid == Project.program_uid)
            .where(Project.deleted.is_(False)))


def load_project(session: Session, uid: str) -> Project:
    p = session.get(Project, uid)
    if p is None or p.deleted:
        raise NotFound("找不到这个项目。")
    return p


def row_of(session: Session, uid: str) -> ProjectRow:
    found = session.execute(_select().where(Project.uid == uid)).first()
    if found is None:
        raise NotFound("找不到这个项目。")
    return _row(*found)


def validate_project(session: Session, data: ProjectInput) -> Program | None:
    """Check the applicant, the round and the figures; returns the round (or None)."""
    if not data.title.strip():
        raise UserError("项目名称不能为空。")
    org = session.get(Organization, data.org_uid) if data.org_uid else None
    if org is None or org.deleted:
        raise UserError("请选择申报的社会组织。")
    if org.stage == "exited":
        raise UserError(f"“{org.name}”已退出孵化，不能申报项目。")
    if data.requested_fen <= 0:
        raise UserError("申请金额必须大于 0 元。")
    if data.planned_beneficiaries < 0:
        raise UserError("计划受益人数不能是负数。")
    if data.tranche_plan:
        parse_tranche_plan(data.tranche_plan)
    program = None
    if data.program_uid:
        program = session.get(Program, data.program_uid)
        if program is None or program.deleted:
            raise UserError("找不到所选的资助批次。")
        if data.requested_fen > program.budget_fen:
            raise UserError(f"申请金额超过了该批次的总预算 {fen_to_yuan(program.budget_fen)} 元。")
        on = data.applied_on
        if on and program.call_opens and on < program.call_opens:
            raise UserError(f"申报日期 {on} 早于征集开始日期 {program.call_opens}。")
        if on and program.call_closes and on > program.call_closes:
            raise UserError(f"申报日期 {on} 晚于征集截止日期 {program.call_closes}，已不能申报。")
    return program


def apply_project(ws: Workspace, data: ProjectInput, proposal_uid: str | None = None,
                  session: Session | None = None) -> ProjectRow:
    """An organization applies (申报): the project starts in status 'applied'."""
    ws.require("staff", "登记项目申报", work="projects")
    if session is not None:
        return _apply(session, data, proposal_uid)
    with ws.unit() as own:
        return _apply(own, data, proposal_uid)


def _apply(session: Session, data: ProjectInput, proposal_uid: str | None) -> ProjectRow:
    on = data.applied_on or date.today()
    validate_project(session, replace(data, applied_on=on))  # an undated application is made today
    p = Project(org_uid=data.org_uid, program_uid=data.program_uid or None, title=data.title.strip(),
                title_initials=initials(data.title.strip()), domain=data.domain.strip(),
                summary=data.summary.strip(), requested_fen=data.requested_fen,
                planned_beneficiaries=data.planned_beneficiaries, status="applied", status_on=on,
                applied_on=on, tranche_plan=data.tranche_plan, proposal_uid=proposal_uid)
    session.add(p)
    session.flush()
    session.add(ProjectTransition(project_uid=p.uid, from_status="", to_status="applied", on=on, note="申报"))
    session.flush()
    return row_of(session, p.uid)


def update_project(ws: Workspace, uid: str, data: ProjectInput) -> ProjectRow:
    """Edit the application; the applicant, round and request are fixed once it is pitched."""
    ws.require("staff", "修改项目", work="projects")
    with ws.unit() as session:
        p = load_project(session, uid)
        validate_project(session, data)
        if p.status not in EDITABLE and (
                data.org_uid != p.org_uid or (data.program_uid or None) != p.program_uid
                or data.requested_fen != p.requested_fen):
            raise UserError(f"项目已{STATUS_LABELS[p.status]}，申报单位、批次和申请金额不能再改。")
        p.org_uid, p.program_uid, p.requested_fen = data.org_uid, data.program_uid or None, data.requested_fen
        p.title, p.title_initials = data.title.strip(), initials(data.title.strip())
        p.domain, p.summary = data.domain.strip(), data.summary.strip()
        p.planned_beneficiaries, p.tranche_plan = data.planned_beneficiaries, data.tranche_plan
        session.flush()
        return row_of(session, uid)


SORT_KEYS = {"title": Project.title_sort, "org": Organization.name_sort, "status": Project.status,
             "requested": Project.requested_fen, "approved": Project.approved_fen,
             "applied_on": Project.applied_on, "program": Program.name, "origin": Project.origin}


_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back


def _filtered(stmt: Select[*_Ts], status: str | None, program_uid: str | None, search: str,
              uids: tuple[str, ...] | None = None, origin: str = "") -> Select[*_Ts]:
    if origin:  # a district: only the projects of this street
        stmt = stmt.where(Project.origin == origin)
    if uids is not None:  # the projects behind a dashboard figure
        stmt = stmt.where(Project.uid.in_(uids))
    if status:
        stmt = stmt.where(Project.status == status)
    if program_uid:
        stmt = stmt.where(Project.program_uid == program_uid)
    text = search.strip()
    if text:
        like = f"%{text.lower()}%" if text.isascii() else f"%{text}%"
        stmt = stmt.where(or_(Project.title.like(like), Project.title_initials.like(like),
                              Organization.name.like(like)))
    return stmt


def count_projects(ws: Workspace, status: str | None = None, program_uid: str | None = None,
                   search: str = "", uids: tuple[str, ...] | None = None, origin: str = "") -> int:
    with ws.read() as session:
        stmt = _filtered(select(func.count()).select_from(Project)
                         .join(Organization, Organization.uid == Project.org_uid)
                         .outerjoin(Program, Program.uid == Project.program_uid)
                         .where(Project.deleted.is_(False)), status, program_uid, search, uids, origin)
        return int(session.scalar(stmt) or 0)


def query_projects(ws: Workspace, offset: int = 0, limit: int = 100, sort_key: str = "applied_on",
                   descending: bool = True, status: str | None = None, program_uid: str | None = None,
                   search: str = "", uids: tuple[str, ...] | None = None,
                   origin: str = "") -> list[ProjectRow]:
    """One page of projects, filtered and sorted in SQL (``origin``: only one street's, at a district)."""
    column = SORT_KEYS.get(sort_key, Project.applied_on)
    order = column.desc() if descending else column.asc()
    with ws.read() as session:
        stmt = _filtered(_select(), status, program_uid, search, uids, origin).order_by(order, Project.uid)
        return [_row(*r) for r in session.execute(stmt.offset(offset).limit(limit))]


def get_project(ws: Workspace, uid: str) -> ProjectRow:
    with ws.read() as session:
        return row_of(session, uid)


def project_rows(ws: Workspace) -> Iterator[dict[str, Any]]:
    """`yichao list projects`: one JSON-ready dict per project (money in 元)."""
    page, offset = 1000, 0
    while True:
        rows = query_projects(ws, offset, page, "applied_on", False)
        for r in rows:
            yield {"uid": r.uid, "title": r.title, "org": r.org_name, "org_uid": r.org_uid,
                   "program": r.program_name, "status": r.status, "status_label": r.status_label,
                   "requested": r.requested_fen / 100, "approved": r.approved_fen / 100,
                   "applied_on": r.applied_on.isoformat() if r.applied_on else ""}
        if len(rows) < page:
            return
        offset += page


def applicant_choices(ws: Workspace) -> list[tuple[str, str]]:
    """(uid, name) of organizations that may apply (not exited), by name."""
    with ws.read() as session:
        rows = session.execute(select(Organization.uid, Organization.name).where(
            Organization.deleted.is_(False), Organization.stage != "exited").order_by(Organization.name_sort))
        return [(uid, name) for uid, name in rows]
