"""Past venture projects from the street's ledger (往年创投项目台账): `yichao xlsx import projects`.

A street that adopts Yichao has run venture rounds for years; its ledger lists per project the year,
the round, the organization, the title, the amounts requested and granted, how it ended and its
evaluation score. Each row becomes a project in its round (a round missing from Yichao is created
from the sheet as closed history), with its status trail, its grant paid out as one tranche when it
closed, and its final evaluation, so that statistics and reports cover the years before Yichao.
A date the ledger does not give is taken as the end of the project's year (or its close-out date,
if earlier) and said so in the trail.

Like every import: every row is checked first and reported with its sheet row number; all rows are
applied in one transaction or none (unless ``skip_invalid``); nothing on a dry run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError, message_of
from yichao.app.core.excel import ImportReport, clean_text, parse_date, read_table
from yichao.app.core.import_memory import annotate_rejections, mapped_table, questions_for, remember
from yichao.app.core.pinyin import initials
from yichao.app.core.value_map import FixedList, ValueMap, ValueQuestion
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import PROGRAM_KIND_LABELS, STATUS_LABELS
from yichao.app.projects.money import yuan_to_fen
from yichao.models.identifiers import IdentifierError
from yichao.models.journal import record_event
from yichao.models.organization import Organization
from yichao.models.project import Evaluation, Program, Project, ProjectTransition, Tranche

ALIASES: dict[str, list[str]] = {
    "year": ["年度", "年份", "项目年度", "创投年度"],
    "round": ["批次", "资助批次", "轮次", "创投批次", "项目批次", "大赛名称"],
    "org": ["申报单位", "申报组织", "社会组织", "组织名称", "实施单位", "承接组织"],
    "title": ["项目名称", "项目"],
    "requested": ["申请金额", "申请资助金额", "申报金额"],
    "granted": ["资助金额", "立项金额", "批准金额", "获资助金额"],
    "paid": ["已拨付金额", "拨付金额", "实际拨付"],
    "status": ["项目状态", "状态", "结果", "完成情况"],
    "score": ["评估得分", "结项评估", "评估分数", "得分", "评估结果"],
    "approved_on": ["立项日期", "立项时间"],
    "closed_on": ["结项日期", "结项时间", "终止日期"],
    "domain": ["服务领域", "项目领域", "领域"],
}
STATUS_WORDS: dict[str, str] = {
    **{STATUS_LABELS[code]: code for code in ("closed", "terminated", "rejected", "running", "approved")},
    "结项": "closed", "完成": "closed", "已完成": "closed", "验收合格": "closed",
    "合格": "closed", "优秀": "closed", "良好": "closed",
    "终止": "terminated", "中止": "terminated",
    "未立项": "rejected", "落选": "rejected", "未获资助": "rejected",
    "实施中": "running", "在执行": "running",
}
GRANTED_STATUSES = ("closed", "terminated", "running", "approved")
_STATUS_WORDS_SHOWN = tuple(STATUS_LABELS[code] for code in ("closed", "terminated", "rejected", "running", "approved"))
FIXED_LISTS = (
    FixedList("status", "项目状态", _STATUS_WORDS_SHOWN, accepted=frozenset(STATUS_WORDS)),
)
_WAN = re.compile(r"^\s*([\d.,，]+)\s*万\s*元?\s*$")


@dataclass(frozen=True)
class _PastProject:
    row: int
    year: int
    round_name: str
    round_kind: str
    org_uid: str
    title: str
    requested_fen: int
    granted_fen: int
    paid_fen: int
    status: str
    score: float | None
    approved_on: date
    closed_on: date | None
    dated: bool
    domain: str


def parse_yuan(text: str, what: str) -> int:
    """A ledger's money in fen: "50,000", "5万", "5.5万元", "30000.00元"; empty is 0."""
    s = clean_text(text)
    if not s:
        return 0
    wan = _WAN.match(s)
    if wan:
        return yuan_to_fen(str(float(wan[1].replace(",", "").replace("，", "")) * 10000), what)
    return yuan_to_fen(s, what)


def _round_kind(name: str) -> str:
    if PROGRAM_KIND_LABELS["micro_venture"] in name:
        return "micro_venture"
    if "小额" in name:
        return "seed_grant"
    return "venture"


def _year(text: str) -> int:
    s = clean_text(text).removesuffix("年度").removesuffix("年")
    if not re.fullmatch(r"\d{4}", s) or not 2000 <= int(s) <= date.today().year:
        raise UserError(f"年度“{text}”不对，请写四位年份，例如 2022。")
    return int(s)


class _Checker:
    def __init__(self, session: Session, site_name: str) -> None:
        self.session = session
        self.site_name = site_name
        self.orgs: dict[str, str] = {name: uid for uid, name in session.execute(
            select(Organization.uid, Organization.name).where(Organization.deleted.is_(False)))}
        self.seen: dict[tuple[int, str, str], int] = {}

    def check(self, row: int, record: dict[str, str]) -> _PastProject:
        year = _year(record.get("year", ""))
        title = clean_text(record.get("title", ""))
        if not title:
            raise UserError("项目名称为空。")
        org_name = clean_text(record.get("org", ""))
        if not org_name:
            raise UserError("没有填写申报单位。")
        org_uid = self.orgs.get(org_name)
        if org_uid is None:
            raise UserError(f"组织“{org_name}”还没有建档，请先导入组织台账或新建组织。")
        key = (year, org_uid, title)
        if key in self.seen:
            raise UserError(f"与第{self.seen[key]}行是同一个项目。")
        if self._exists(org_uid, title, year):
            raise UserError(f"{year}年“{title}”已经登记过了。")
        round_name = clean_text(record.get("round", "")) or f"{year}年{self.site_name}公益创投（往年台账）"
        status_text = clean_text(record.get("status", ""))
        status = STATUS_WORDS.get(status_text, "") if status_text else "closed"
        if not status:
            raise UserError(f"项目状态“{status_text}”不认识，可写：已结项、已终止、未立项、执行中。")
        requested = parse_yuan(record.get("requested", ""), "申请金额")
        granted = parse_yuan(record.get("granted", ""), "资助金额")
        if status == "rejected" and granted:
            raise UserError("未立项的项目不应有资助金额。")
        if status in GRANTED_STATUSES and not granted:
            raise UserError("已立项的项目须填写资助金额。")
        if requested and granted > requested:
            raise UserError("资助金额不能高于申请金额。")
        paid_text = record.get("paid", "")
        paid = parse_yuan(paid_text, "已拨付金额") if clean_text(paid_text) else (granted if status == "closed" else 0)
        if paid > granted:
            raise UserError("已拨付金额不能高于资助金额。")
        score = self._score(record.get("score", ""))
        approved_on = parse_date(record.get("approved_on", ""), "立项日期")
        closed_on = parse_date(record.get("closed_on", ""), "结项日期")
        dated = approved_on is not None
        year_end = date(year, 12, 31)
        approved_on = approved_on or min(closed_on or year_end, year_end, date.today())
        if status in ("closed", "terminated"):
            closed_on = closed_on or approved_on
        if closed_on and closed_on < approved_on:
            raise UserError("结项日期早于立项日期。")
        self.seen[key] = row
        return _PastProject(row, year, round_name, _round_kind(round_name), org_uid, title, requested or granted,
                            granted, paid, status, score, approved_on, closed_on, dated,
                            clean_text(record.get("domain", ""))[:64])

    def _exists(self, org_uid: str, title: str, year: int) -> bool:
        stmt = (select(Project.uid).join(Program, Program.uid == Project.program_uid)
                .where(Project.org_uid == org_uid, Project.title == title, Program.year == year,
                       Project.deleted.is_(False)))
        return self.session.scalar(stmt.limit(1)) is not None

    @staticmethod
    def _score(text: str) -> float | None:
        s = clean_text(text).removesuffix("分")
        if not s:
            return None
        words = {"优秀": 90.0, "良好": 80.0, "合格": 70.0, "不合格": 50.0}
        if s in words:
            return words[s]
        try:
            value = float(s)
        except ValueError:
            raise UserError(f"评估得分“{text}”应为 0 到 100 的数字，或 优秀、良好、合格、不合格。") from None
        if not 0 <= value <= 100:
            raise UserError(f"评估得分 {s} 应在 0 到 100 之间。")
        return value


def _trail(p: _PastProject) -> list[tuple[str, str, date]]:
    """(from, to, on) of the status steps the ledger implies."""
    steps = [("", "applied", p.approved_on)]
    if p.status == "rejected":
        return [*steps, ("applied", "rejected", p.approved_on)]
    steps.append(("applied", "approved", p.approved_on))
    if p.status in ("running", "closed", "terminated"):
        steps.append(("approved", "running", p.approved_on))
    if p.status in ("closed", "terminated"):
        assert p.closed_on is not None
        steps.append(("running", p.status, p.closed_on))
    return steps


def _rounds(session: Session, books: list[_PastProject]) -> dict[tuple[int, str], str]:
    """uid of each (year, round name), creating the rounds the database lacks as closed history
    (their call closed, so no new application lands in a past year's round)."""
    uids: dict[tuple[int, str], str] = {}
    for p in books:
        key = (p.year, p.round_name)
        if key in uids:
            continue
        found = session.scalar(select(Program.uid).where(
            Program.year == p.year, Program.name == p.round_name, Program.deleted.is_(False)))
        if found is None:
            members = [b for b in books if (b.year, b.round_name) == key]
            # closed history: its call closed with the last application the ledger has
            program = Program(name=p.round_name, kind=p.round_kind, year=p.year,
                              budget_fen=sum(b.granted_fen for b in members),
                              call_closes=max(b.approved_on for b in members), note="往年台账导入的历史批次")
            session.add(program)
            session.flush()
            found = program.uid
        uids[key] = found
    return uids


def value_questions(ws: Workspace, path: Path) -> list[ValueQuestion]:
    """The values of this ledger's fixed-list columns that the clerk must still map."""
    return questions_for(ws, "projects", read_table(Path(path), ALIASES), FIXED_LISTS)


def import_projects(ws: Workspace, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
                    value_map: ValueMap | None = None) -> ImportReport:
    """Import past venture projects into their rounds; all rows or none unless ``skip_invalid``."""
    ws.require("staff", "导入往年创投项目", work="projects")
    path = Path(path)
    table, used_map = mapped_table(ws, "projects", read_table(path, ALIASES), FIXED_LISTS, value_map)
    found = set(table.mapping.values())
    needed = (("year", "年度"), ("org", "申报单位"), ("title", "项目名称"))
    missing = [label for key, label in needed if key not in found]
    if missing:
        raise UserError(f"文件 {path.name} 中找不到“{'、'.join(missing)}”一栏，无法导入往年项目。")
    books: list[_PastProject] = []
    rejected: list[tuple[int, str]] = []
    with ws.read() as session:
        checker = _Checker(session, ws.site.name)
        for row, record in table.records():
            try:
                books.append(checker.check(row, record))
            except (UserError, IdentifierError) as exc:
                rejected.append((row, message_of(exc)))
    rejected = annotate_rejections(rejected, table, FIXED_LISTS)
    total = len(books) + len(rejected)
    if dry_run or (rejected and not skip_invalid) or not books:
        return ImportReport(total, len(books), 0, tuple(rejected), table.skipped, dry_run)
    with ws.unit() as session:
        rounds = _rounds(session, books)
        for p in books:
            steps = _trail(p)
            project = Project(program_uid=rounds[(p.year, p.round_name)], org_uid=p.org_uid, title=p.title,
                              title_initials=initials(p.title), domain=p.domain, status=p.status,
                              status_on=steps[-1][2], applied_on=p.approved_on, requested_fen=p.requested_fen,
                              approved_fen=p.granted_fen if p.status != "rejected" else 0, spent_fen=p.paid_fen,
                              tranche_plan="100")
            session.add(project)
            session.flush()
            note = "往年台账导入" if p.dated else "往年台账导入（台账未写日期，按年度末记）"
            for from_status, to_status, on in steps:
                session.add(ProjectTransition(project_uid=project.uid, from_status=from_status,
                                              to_status=to_status, on=on, note=note))
            if p.paid_fen:
                session.add(Tranche(project_uid=project.uid, seq=1, percent=100, amount_fen=p.paid_fen,
                                    condition="approval", disbursed_on=p.closed_on or p.approved_on, note=note))
            if p.score is not None:
                session.add(Evaluation(project_uid=project.uid, kind="final", on=p.closed_on or p.approved_on,
                                       score=p.score, evaluator="", comment=note))
        session.flush()
        record_event(session, "import", "project", "", {"file": path.name, "rows": len(books),
                                                        "rounds": len(set(rounds.values())),
                                                        "rejected": len(rejected)})
    remember(ws, "projects", table.headers, table.mapping, used_map)
    return ImportReport(total, len(books), len(books), tuple(rejected), table.skipped, False)
