"""Setting up a roadshow (路演): date, venue, judges, the rubric from an editable template, the
pitching projects, and judges' declared conflicts of interest.

Score entry and results are in :mod:`.scores`; the arithmetic in :mod:`.rank`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.roadshow.rank import parse_rank_input
from yichao.models.project import Project
from yichao.models.project_roadshow import (
    Recusal,
    Roadshow,
    RoadshowCriterion,
    RoadshowEntry,
    RoadshowJudge,
    RubricTemplate,
    ScoreSheet,
)

DEFAULT_TEMPLATE = "公益创投路演评分标准"
DEFAULT_CRITERIA = (
    ("需求与目标", 0.20, 20), ("项目设计", 0.25, 25), ("执行能力", 0.20, 20),
    ("预算合理性", 0.15, 15), ("创新与可持续", 0.20, 20),
)
ENTERABLE = ("screened", "pitched")  # projects that may be put on a roadshow


@dataclass(frozen=True)
class CriterionSpec:
    name: str
    weight: float
    max: float


@dataclass(frozen=True)
class TemplateRow:
    uid: str
    name: str
    criteria: tuple[CriterionSpec, ...]


@dataclass(frozen=True)
class RoadshowRow:
    uid: str
    name: str
    held_on: date
    venue: str
    program_uid: str | None


def check_criteria(criteria: list[CriterionSpec] | tuple[CriterionSpec, ...]) -> tuple[CriterionSpec, ...]:
    """The same rules as the ranking: names, positive maxima, weights summing to 1."""
    names = [c.name.strip() for c in criteria]
    if len(set(names)) != len(names):
        raise UserError("评分标准的名称不能重复。")
    parse_rank_input({"criteria": [{"name": c.name.strip(), "weight": c.weight, "max": c.max} for c in criteria],
                      "judges": [], "projects": [], "scores": {}, "recusals": []})
    return tuple(CriterionSpec(c.name.strip(), float(c.weight), float(c.max)) for c in criteria)


# -- templates ------------------------------------------------------------------------------

def _template_row(t: RubricTemplate) -> TemplateRow:
    return TemplateRow(t.uid, t.name, tuple(CriterionSpec(c["name"], c["weight"], c["max"])
                                            for c in json.loads(t.criteria)))


def list_templates(ws: Workspace) -> list[TemplateRow]:
    """Every rubric template; the built-in one is offered when there is none yet."""
    with ws.read() as session:
        rows = [_template_row(t) for t in session.scalars(
            select(RubricTemplate).where(RubricTemplate.deleted.is_(False)).order_by(RubricTemplate.name))]
    return rows or [TemplateRow("", DEFAULT_TEMPLATE, tuple(CriterionSpec(*c) for c in DEFAULT_CRITERIA))]


def save_template(ws: Workspace, name: str, criteria: list[CriterionSpec], uid: str = "") -> TemplateRow:
    ws.require("staff", "保存评分模板", work="roadshow")
    if not name.strip():
        raise UserError("模板名称不能为空。")
    specs = check_criteria(criteria)
    with ws.unit() as session:
        t = session.get(RubricTemplate, uid) if uid else None
        if t is None:
            t = RubricTemplate()
            session.add(t)
        t.name = name.strip()
        t.criteria = json.dumps([c.__dict__ for c in specs], ensure_ascii=False)
        session.flush()
        return _template_row(t)


# -- roadshows ------------------------------------------------------------------------------

def create_roadshow(ws: Workspace, name: str, held_on: date, venue: str, criteria: list[CriterionSpec],
                    judges: list[str], program_uid: str | None = None) -> RoadshowRow:
    """A roadshow with its own copy of the rubric (a later template edit does not change it)."""
    ws.require("staff", "新建路演", work="roadshow")
    if not name.strip():
        raise UserError("路演名称不能为空。")
    specs = check_criteria(criteria)
    _check_judge_names(judges)
    with ws.unit() as session:
        r = Roadshow(name=name.strip(), held_on=held_on, venue=venue.strip(), program_uid=program_uid or None)
        session.add(r)
        session.flush()
        for seq, c in enumerate(specs, 1):
            session.add(RoadshowCriterion(roadshow_uid=r.uid, seq=seq, name=c.name, weight=c.weight, max_score=c.max))
        for seq, judge in enumerate(judges, 1):
            session.add(RoadshowJudge(roadshow_uid=r.uid, seq=seq, name=judge.strip()))
        session.flush()
        return RoadshowRow(r.uid, r.name, r.held_on, r.venue, r.program_uid)


def _check_judge_names(judges: list[str]) -> None:
    names = [j.strip() for j in judges]
    if any(not n for n in names):
        raise UserError("评委姓名不能为空。")
    if len(set(names)) != len(names):
        raise UserError("评委姓名不能重复；同名时请加上单位区分。")


def load_roadshow(session: Session, uid: str) -> Roadshow:
    r = session.get(Roadshow, uid)
    if r is None or r.deleted:
        raise NotFound("找不到这场路演。")
    return r


def list_roadshows(ws: Workspace) -> list[RoadshowRow]:
    with ws.read() as session:
        return [RoadshowRow(r.uid, r.name, r.held_on, r.venue, r.program_uid) for r in session.scalars(
            select(Roadshow).where(Roadshow.deleted.is_(False)).order_by(Roadshow.held_on.desc()))]


def _has_sheets(session: Session, roadshow_uid: str) -> bool:
    return session.scalars(select(ScoreSheet.uid).where(
        ScoreSheet.roadshow_uid == roadshow_uid, ScoreSheet.deleted.is_(False))).first() is not None


def set_criteria(ws: Workspace, roadshow_uid: str, criteria: list[CriterionSpec]) -> None:
    """Replace the rubric; refused once any score is typed, so sheets always match their rubric."""
    ws.require("staff", "修改路演评分标准", work="roadshow")
    specs = check_criteria(criteria)
    with ws.unit() as session:
        load_roadshow(session, roadshow_uid)
        if _has_sheets(session, roadshow_uid):
            raise UserError("已经录入了评分，不能再修改评分标准。")
        for old in session.scalars(select(RoadshowCriterion).where(
                RoadshowCriterion.roadshow_uid == roadshow_uid, RoadshowCriterion.deleted.is_(False))):
            old.deleted = True
        for seq, c in enumerate(specs, 1):
            session.add(RoadshowCriterion(roadshow_uid=roadshow_uid, seq=seq, name=c.name, weight=c.weight,
                                          max_score=c.max))


def add_judge(ws: Workspace, roadshow_uid: str, name: str, affiliation: str = "") -> str:
    ws.require("staff", "添加评委", work="roadshow")
    with ws.unit() as session:
        load_roadshow(session, roadshow_uid)
        existing = list(session.scalars(select(RoadshowJudge).where(
            RoadshowJudge.roadshow_uid == roadshow_uid, RoadshowJudge.deleted.is_(False))))
        _check_judge_names([j.name for j in existing] + [name])
        j = RoadshowJudge(roadshow_uid=roadshow_uid, seq=len(existing) + 1, name=name.strip(),
                          affiliation=affiliation.strip())
        session.add(j)
        session.flush()
        return j.uid


def add_entries(ws: Workspace, roadshow_uid: str, project_uids: list[str]) -> int:
    """Put screened projects on the roadshow, in the given pitching order."""
    ws.require("staff", "安排路演项目", work="roadshow")
    with ws.unit() as session:
        load_roadshow(session, roadshow_uid)
        present = {e.project_uid for e in session.scalars(select(RoadshowEntry).where(
            RoadshowEntry.roadshow_uid == roadshow_uid, RoadshowEntry.deleted.is_(False)))}
        seq = len(present)
        added = 0
        for uid in project_uids:
            p = session.get(Project, uid)
            if p is None or p.deleted:
                raise NotFound("找不到要安排路演的项目。")
            if p.status not in ENTERABLE:
                raise UserError(f"项目“{p.title}”还没有通过初审，不能参加路演。")
            if uid in present:
                continue
            seq += 1
            present.add(uid)
            session.add(RoadshowEntry(roadshow_uid=roadshow_uid, project_uid=uid, seq=seq))
            added += 1
        return added


def declare_recusal(ws: Workspace, roadshow_uid: str, judge_uid: str, project_uid: str, reason: str) -> None:
    """A judge declares a conflict of interest (利益回避): their sheet for that project never counts."""
    ws.require("staff", "登记评委回避", work="roadshow")
    if not reason.strip():
        raise UserError("请写明回避原因。")
    with ws.unit() as session:
        load_roadshow(session, roadshow_uid)
        judge = session.get(RoadshowJudge, judge_uid)
        if judge is None or judge.deleted or judge.roadshow_uid != roadshow_uid:
            raise UserError("这位评委不在本场路演。")
        entry = session.scalars(select(RoadshowEntry).where(
            RoadshowEntry.roadshow_uid == roadshow_uid, RoadshowEntry.project_uid == project_uid,
            RoadshowEntry.deleted.is_(False))).first()
        if entry is None:
            raise UserError("这个项目不在本场路演。")
        exists = session.scalars(select(Recusal).where(
            Recusal.roadshow_uid == roadshow_uid, Recusal.judge_uid == judge_uid,
            Recusal.project_uid == project_uid, Recusal.deleted.is_(False))).first()
        if exists is None:
            session.add(Recusal(roadshow_uid=roadshow_uid, judge_uid=judge_uid, project_uid=project_uid,
                                reason=reason.strip()))
        for sheet in session.scalars(select(ScoreSheet).where(
                ScoreSheet.roadshow_uid == roadshow_uid, ScoreSheet.judge_uid == judge_uid,
                ScoreSheet.project_uid == project_uid, ScoreSheet.deleted.is_(False))):
            sheet.deleted = True  # a sheet typed before the declaration is void
