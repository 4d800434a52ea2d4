"""Roadshow winners and the facts an award certificate (荣誉证书) prints.

Read by the certificates package (award certificates and their candidate list). Only final results
count: while any sheet of a roadshow is unconfirmed, nobody has won it yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.app.roadshow.scores import roadshow_result
from yichao.models.project import Program
from yichao.models.project_roadshow import Roadshow, RoadshowEntry

WINNER_RANKS = 3  # the first three places receive an award certificate
_NUMERALS = "一二三四五六七八九十"


def rank_label(rank: int) -> str:
    """1 -> '第一名' (up to ten, then digits)."""
    return f"第{_NUMERALS[rank - 1]}名" if 1 <= rank <= 10 else f"第{rank}名"


@dataclass(frozen=True)
class AwardSubject:
    project_uid: str
    project_name: str
    org_name: str
    rank: int
    award: str  # e.g. "2026年春季公益创投路演第一名"
    rank_label: str
    score: float
    roadshow_uid: str
    roadshow_name: str
    roadshow_date: date
    program_name: str

    @property
    def recipient(self) -> str:
        return self.org_name


def _roadshows_of(ws: Workspace, project_uid: str) -> list[tuple[str, str, date, str]]:
    with ws.read() as session:
        rows = session.execute(
            select(Roadshow.uid, Roadshow.name, Roadshow.held_on, Program.name)
            .join(RoadshowEntry, RoadshowEntry.roadshow_uid == Roadshow.uid)
            .outerjoin(Program, Program.uid == Roadshow.program_uid)
            .where(RoadshowEntry.project_uid == project_uid, RoadshowEntry.deleted.is_(False),
                   Roadshow.deleted.is_(False))
            .order_by(Roadshow.held_on.desc()))
        return [(uid, name, on, program or "") for uid, name, on, program in rows]


def _subjects(ws: Workspace, roadshow_uid: str, name: str, on: date, program: str) -> list[AwardSubject]:
    result = roadshow_result(ws, roadshow_uid)
    if result.provisional:
        return []
    return [AwardSubject(line.project_uid, line.title, line.org_name, line.ranked.rank,
                         f"{name}{rank_label(line.ranked.rank)}", rank_label(line.ranked.rank), line.ranked.score,
                         roadshow_uid, name, on, program)
            for line in result.lines if line.ranked.rank <= WINNER_RANKS]


def project_award_subject(ws: Workspace, project_uid: str) -> AwardSubject | None:
    """The project's award at its latest roadshow with a final result, or None if it won nothing.

    Refuses with a sentence while that roadshow's result is still provisional.
    """
    for uid, name, on, program in _roadshows_of(ws, project_uid):
        if roadshow_result(ws, uid).provisional:
            raise UserError(f"路演“{name}”的结果还是暂定的，全部评分单确认后才能颁发荣誉证书。")
        for subject in _subjects(ws, uid, name, on, program):
            if subject.project_uid == project_uid:
                return subject
        return None
    return None


def award_winners(ws: Workspace) -> list[AwardSubject]:
    """Every winner of every roadshow with a final result, newest roadshow first."""
    with ws.read() as session:
        shows = session.execute(
            select(Roadshow.uid, Roadshow.name, Roadshow.held_on, Program.name)
            .outerjoin(Program, Program.uid == Roadshow.program_uid)
            .where(Roadshow.deleted.is_(False)).order_by(Roadshow.held_on.desc())).all()
    out: list[AwardSubject] = []
    for uid, name, on, program in shows:
        out.extend(_subjects(ws, uid, name, on, program or ""))
    return out
