"""Score sheets with double entry, and the roadshow's (provisional) result.

Each paper sheet (one judge, one project) is typed once by a staff member and typed again by a
second one; only when both typings agree does the sheet count (as debate-tabulation software does).
The ranking is computed from confirmed sheets only and stays *provisional* until every sheet of
every non-recused judge is confirmed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.roadshow.rank import RankedProject, exact, parse_rank_input, rank
from yichao.app.roadshow.setup import CriterionSpec, RoadshowRow, load_roadshow
from yichao.models.base import utcnow
from yichao.models.organization import Organization
from yichao.models.project import Project
from yichao.models.project_roadshow import (
    Recusal,
    RoadshowCriterion,
    RoadshowEntry,
    RoadshowJudge,
    ScoreSheet,
)


@dataclass(frozen=True)
class JudgeRow:
    uid: str
    name: str
    affiliation: str


@dataclass(frozen=True)
class EntryRow:
    project_uid: str
    title: str
    org_name: str
    seq: int


@dataclass(frozen=True)
class SheetRow:
    uid: str
    judge_uid: str
    project_uid: str
    scores: tuple[float, ...]
    entered_by: str
    confirmed_by: str

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by)


@dataclass(frozen=True)
class ScoreGrid:
    """Everything the score grid and the result sheet show, read in one go."""

    roadshow: RoadshowRow
    criteria: tuple[CriterionSpec, ...]
    judges: tuple[JudgeRow, ...]
    entries: tuple[EntryRow, ...]
    sheets: dict[tuple[str, str], SheetRow] = field(default_factory=dict)  # (judge, project)
    recusals: dict[tuple[str, str], str] = field(default_factory=dict)  # (judge, project) -> reason

    def expected(self) -> int:
        return len(self.judges) * len(self.entries) - len(self.recusals)

    def confirmed_count(self) -> int:
        return sum(1 for k, s in self.sheets.items() if s.confirmed and k not in self.recusals)


def load_grid(ws: Workspace, roadshow_uid: str) -> ScoreGrid:
    with ws.read() as session:
        return grid_of(session, roadshow_uid)


def grid_of(session: Session, roadshow_uid: str) -> ScoreGrid:
    r = load_roadshow(session, roadshow_uid)
    live = lambda model: model.deleted.is_(False)  # noqa: E731
    criteria = tuple(CriterionSpec(c.name, c.weight, c.max_score) for c in session.scalars(
        select(RoadshowCriterion).where(RoadshowCriterion.roadshow_uid == r.uid, live(RoadshowCriterion))
        .order_by(RoadshowCriterion.seq)))
    judges = tuple(JudgeRow(j.uid, j.name, j.affiliation) for j in session.scalars(
        select(RoadshowJudge).where(RoadshowJudge.roadshow_uid == r.uid, live(RoadshowJudge))
        .order_by(RoadshowJudge.seq)))
    entries = tuple(EntryRow(p.uid, p.title, org, e.seq) for e, p, org in session.execute(
        select(RoadshowEntry, Project, Organization.name)
        .join(Project, Project.uid == RoadshowEntry.project_uid)
        .join(Organization, Organization.uid == Project.org_uid)
        .where(RoadshowEntry.roadshow_uid == r.uid, live(RoadshowEntry)).order_by(RoadshowEntry.seq)))
    sheets = {(s.judge_uid, s.project_uid): _sheet_row(s) for s in session.scalars(
        select(ScoreSheet).where(ScoreSheet.roadshow_uid == r.uid, live(ScoreSheet)))}
    recusals = {(x.judge_uid, x.project_uid): x.reason for x in session.scalars(
        select(Recusal).where(Recusal.roadshow_uid == r.uid, live(Recusal)))}
    return ScoreGrid(RoadshowRow(r.uid, r.name, r.held_on, r.venue, r.program_uid), criteria, judges, entries,
                     sheets, recusals)


def _sheet_row(s: ScoreSheet) -> SheetRow:
    return SheetRow(s.uid, s.judge_uid, s.project_uid, tuple(json.loads(s.scores)), s.entered_by, s.confirmed_by)


def check_scores(grid: ScoreGrid, judge_uid: str, project_uid: str, scores: list[float]) -> tuple[str, str]:
    """Refuse a sheet that cannot be typed: unknown judge or project, recusal, wrong count, range."""
    judge = next((j for j in grid.judges if j.uid == judge_uid), None)
    entry = next((e for e in grid.entries if e.project_uid == project_uid), None)
    if judge is None or entry is None:
        raise UserError("评委或项目不在本场路演。")
    if (judge_uid, project_uid) in grid.recusals:
        raise UserError(f"评委“{judge.name}”已声明回避项目“{entry.title}”，不能为其评分。")
    if len(scores) != len(grid.criteria):
        raise UserError(f"每张评分单应有 {len(grid.criteria)} 项得分。")
    for value, c in zip(scores, grid.criteria):
        if value is None or not 0 <= exact(value) <= exact(c.max):
            raise UserError(f"评委“{judge.name}”对“{entry.title}”的“{c.name}”得分应在 0～{c.max:g} 之间。")
    return judge.name, entry.title


def _sheet(session: Session, roadshow_uid: str, judge_uid: str, project_uid: str) -> ScoreSheet | None:
    return session.scalars(select(ScoreSheet).where(
        ScoreSheet.roadshow_uid == roadshow_uid, ScoreSheet.judge_uid == judge_uid,
        ScoreSheet.project_uid == project_uid, ScoreSheet.deleted.is_(False))).first()


def _enter(session: Session, grid: ScoreGrid, username: str, judge_uid: str, project_uid: str,
           scores: list[float]) -> ScoreSheet:
    check_scores(grid, judge_uid, project_uid, scores)
    s = _sheet(session, grid.roadshow.uid, judge_uid, project_uid)
    values = [float(v) for v in scores]
    if s is None:
        s = ScoreSheet(roadshow_uid=grid.roadshow.uid, judge_uid=judge_uid, project_uid=project_uid)
        session.add(s)
    elif json.loads(s.scores) == values:
        return s
    s.scores, s.entered_by = json.dumps(values), username
    s.confirmed_by, s.confirmed_at = "", None
    session.flush()
    return s


def _confirm(session: Session, grid: ScoreGrid, username: str, judge_uid: str, project_uid: str,
             scores: list[float]) -> ScoreSheet:
    judge, title = check_scores(grid, judge_uid, project_uid, scores)
    s = _sheet(session, grid.roadshow.uid, judge_uid, project_uid)
    if s is None:
        raise UserError(f"评委“{judge}”对“{title}”的评分单还没有录入，不能确认。")
    if s.entered_by == username:
        raise UserError("评分单须由另一位工作人员再录一遍确认，录入人不能自己确认。")
    for a, b, c in zip(json.loads(s.scores), scores, grid.criteria):
        if exact(a) != exact(float(b)):
            raise UserError(f"两次录入不一致：评委“{judge}”对“{title}”的“{c.name}”第一次是 {a:g}，"
                            f"这次是 {float(b):g}，请核对纸质评分表。")
    if not s.confirmed_by:
        s.confirmed_by, s.confirmed_at = username, utcnow()
        session.flush()
    return s


def enter_sheet(ws: Workspace, roadshow_uid: str, judge_uid: str, project_uid: str,
                scores: list[float]) -> SheetRow:
    """First typing of a paper sheet. Changing a confirmed sheet makes it wait for confirmation again."""
    user = ws.require("staff", "录入路演评分", work="roadshow")
    with ws.unit() as session:
        return _sheet_row(_enter(session, grid_of(session, roadshow_uid), user.username, judge_uid,
                                 project_uid, scores))


def confirm_sheet(ws: Workspace, roadshow_uid: str, judge_uid: str, project_uid: str,
                  scores: list[float]) -> SheetRow:
    """Second typing by another staff member: it must match the first exactly."""
    user = ws.require("staff", "确认路演评分", work="roadshow")
    with ws.unit() as session:
        return _sheet_row(_confirm(session, grid_of(session, roadshow_uid), user.username, judge_uid,
                                   project_uid, scores))


def enter_sheets(ws: Workspace, roadshow_uid: str, items: list[tuple[str, str, list[float]]],
                 confirm: bool = False) -> int:
    """Many sheets at once (an imported scoring sheet), all or nothing; ``confirm`` = second typing."""
    user = ws.require("staff", "确认路演评分" if confirm else "录入路演评分", work="roadshow")
    with ws.unit() as session:
        grid = grid_of(session, roadshow_uid)
        step = _confirm if confirm else _enter
        for judge_uid, project_uid, scores in items:
            step(session, grid, user.username, judge_uid, project_uid, scores)
        return len(items)


# -- results --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ResultLine:
    project_uid: str
    title: str
    org_name: str
    ranked: RankedProject  # keyed by judge uid in ``totals``


@dataclass(frozen=True)
class RoadshowResult:
    grid: ScoreGrid
    lines: tuple[ResultLine, ...]
    provisional: bool
    unscored: tuple[str, ...]  # titles with no confirmed sheet yet

    @property
    def status_line(self) -> str:
        done, total = self.grid.confirmed_count(), self.grid.expected()
        if not self.provisional:
            return f"全部 {total} 张评分单已确认，结果为正式结果。"
        return f"暂定结果：已确认 {done} / {total} 张评分单。"


def rank_input(grid: ScoreGrid) -> dict[str, Any]:
    """The section-7 shape of the confirmed sheets (judges and projects by uid).

    A judge without a confirmed sheet for a project is left out of it like a recused judge, so a
    provisional ranking can be shown during the event.
    """
    projects, scores, recusals = [], {}, []
    for e in grid.entries:
        row = {}
        for j in grid.judges:
            sheet = grid.sheets.get((j.uid, e.project_uid))
            if (j.uid, e.project_uid) in grid.recusals or sheet is None or not sheet.confirmed:
                recusals.append([j.uid, e.project_uid])
            else:
                row[j.uid] = list(sheet.scores)
        if row:
            projects.append(e.project_uid)
            scores[e.project_uid] = row
    recusals = [r for r in recusals if r[1] in scores]
    return {"criteria": [{"name": c.name, "weight": c.weight, "max": c.max} for c in grid.criteria],
            "judges": [j.uid for j in grid.judges], "projects": projects, "scores": scores,
            "recusals": recusals}


def roadshow_result(ws: Workspace, roadshow_uid: str) -> RoadshowResult:
    with ws.read() as session:
        grid = grid_of(session, roadshow_uid)
    data = rank_input(grid)
    ranked = rank(parse_rank_input(data)) if data["projects"] else []
    by_uid = {e.project_uid: e for e in grid.entries}
    lines = tuple(ResultLine(r.project, by_uid[r.project].title, by_uid[r.project].org_name, r) for r in ranked)
    unscored = tuple(e.title for e in grid.entries if e.project_uid not in data["scores"])
    provisional = grid.confirmed_count() < grid.expected() or not grid.entries
    return RoadshowResult(grid, lines, provisional, unscored)


def weighted_total(criteria: tuple[CriterionSpec, ...], scores: tuple[float, ...]) -> float:
    """One sheet's weighted total out of 100 (shown beside the row while typing)."""
    total = 100 * sum((exact(c.weight) * exact(s) / exact(c.max) for c, s in zip(criteria, scores)), Fraction(0))
    return round(float(total), 2)
