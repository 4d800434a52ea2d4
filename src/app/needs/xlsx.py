"""Needs in and out: `yichao list needs`, Excel import of need lists, export of any filtered list.

An imported need starts as a draft, or published when its 状态 says 已发布; every row is checked
first and reported with its sheet row number, and all rows are applied or none.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from yichao.app.core.communities import community_names
from yichao.app.core.community_match import RosterCommunities
from yichao.app.core.errors import UserError, message_of
from yichao.app.core.excel import Column, ImportReport, parse_date, read_table, write_xlsx
from yichao.app.core.import_memory import annotate_rejections, mapped_table, questions_for, remember
from yichao.app.core.value_map import FixedList, ValueMap, ValueQuestion
from yichao.app.core.workspace import Workspace
from yichao.app.needs.labels import (
    CATEGORY_SYNONYMS,
    CLAIMANT_KIND_LABELS,
    STATUS_LABELS,
    URGENCY_LABELS,
    URGENCY_SYNONYMS,
)
from yichao.app.needs.records import (
    NeedInput,
    NeedsFilter,
    clean_need,
    count_needs,
    query_needs,
    refresh_statistics,
)
from yichao.models.base import new_uid, utcnow
from yichao.models.identifiers import IdentifierError, validate_id_number
from yichao.models.journal import bulk_insert, record_event
from yichao.models.need import CATEGORIES, Need, NeedStep
from yichao.models.person import Person

PAGE = 5000


def need_rows(ws: Workspace, flt: NeedsFilter = NeedsFilter()) -> Iterator[dict[str, Any]]:
    """`yichao list needs`: one JSON-ready dict per need (always "uid")."""
    names = community_names(ws)
    total = count_needs(ws, flt)
    for offset in range(0, total, PAGE):
        for n in query_needs(ws, flt, offset, PAGE, sort="status_at"):
            yield {"uid": n.uid, "title": n.title, "category": n.category, "status": n.status,
                   "community": names.get(n.community_uid or "", ""), "requester": n.requester_name,
                   "urgency": n.urgency, "due_date": n.due_date.isoformat() if n.due_date else None,
                   "reward_points": n.reward_points, "claimant_kind": n.claimant_kind,
                   "claimant": n.claimant_name, "satisfaction": n.satisfaction, "overdue": n.overdue}


# ------------------------------------------------------------------------------------- import

ALIASES: dict[str, list[str]] = {
    "title": ["需求标题", "标题", "需求名称", "需求"],
    "description": ["需求描述", "描述", "具体内容", "详细说明"],
    "category": ["类别", "需求类别", "分类"],
    "community": ["社区", "所属社区"],
    "requester": ["求助居民", "提出人", "需求人", "居民姓名", "姓名"],
    "requester_id": ["身份证号码", "身份证号", "求助人身份证"],
    "urgency": ["紧急程度", "紧急"],
    "due_date": ["截止日期", "完成期限", "期限"],
    "reward_points": ["奖励积分", "积分"],
    "status": ["状态"],
}


def _requester(session: Any, record: dict[str, str], community_uid: str | None) -> str | None:
    id_text = record.get("requester_id", "").strip()
    if id_text:
        number = validate_id_number(id_text)
        uid = session.scalar(select(Person.uid).where(Person.id_number == number, Person.deleted.is_(False)))
        if uid is None:
            raise UserError("该身份证号码对应的居民尚未登记，请先导入居民。")
        return uid
    name = record.get("requester", "").strip()
    if not name:
        return None
    stmt = select(Person.uid).where(Person.name == name, Person.deleted.is_(False))
    if community_uid:
        stmt = stmt.where(Person.community_uid == community_uid)
    found = list(session.scalars(stmt.limit(2)))
    if not found:
        raise UserError(f"居民“{name}”尚未登记，请先登记或导入居民。")
    if len(found) > 1:
        raise UserError(f"有不止一位名叫“{name}”的居民，请填写身份证号码区分。")
    return found[0]


def _points(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    try:
        value = float(text)
    except ValueError:
        raise UserError(f"奖励积分应为整数，现为“{text}”。") from None
    if not value.is_integer():
        raise UserError(f"奖励积分应为整数，现为“{text}”。")
    return int(value)


# the columns with a fixed list of values, and the words street lists use for them
FIXED_LISTS = (
    FixedList("category", "需求类别", CATEGORIES, other="其他", synonyms=CATEGORY_SYNONYMS),
    FixedList("urgency", "紧急程度", tuple(URGENCY_LABELS.values()), synonyms=URGENCY_SYNONYMS),
    FixedList("status", "状态", (STATUS_LABELS["draft"], STATUS_LABELS["published"]), synonyms={
        "发布": STATUS_LABELS["published"], "已公布": STATUS_LABELS["published"], "未发布": STATUS_LABELS["draft"]}),
)


def value_questions(ws: Workspace, path: Path) -> list[ValueQuestion]:
    """The values of this need list's fixed-list columns that the clerk must still map."""
    return questions_for(ws, "needs", read_table(Path(path), ALIASES), FIXED_LISTS)


def import_needs(ws: Workspace, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
                 add_communities: bool = False, value_map: ValueMap | None = None) -> ImportReport:
    """Import a need list; all rows or none, unless ``skip_invalid``. Nothing on a dry run. With
    ``add_communities`` the communities it names and the site lacks are created with the rows."""
    user = ws.require("staff", "导入居民需求")
    path = Path(path)
    table, used_map = mapped_table(ws, "needs", read_table(path, ALIASES), FIXED_LISTS, value_map)
    if "title" not in table.mapping.values():
        raise UserError(f"文件 {path.name} 中找不到“需求标题”一栏，无法导入需求。")
    statuses = {
        "": "draft",
        STATUS_LABELS["draft"]: "draft",
        STATUS_LABELS["published"]: "published",
        "发布": "published",
    }
    valid: list[dict[str, Any]] = []
    rejected: list[tuple[int, str]] = []
    with ws.read() as session:
        communities = RosterCommunities.load(session, add_communities)
        known = set(communities.known.values())
        for number, record in table.records():
            try:
                community_uid = communities.resolve(record.get("community", ""))
                status = statuses.get(record.get("status", "").strip())
                if status is None:
                    raise UserError("导入的需求状态只能是 草稿 或 已发布。")
                values = clean_need(NeedInput(
                    record.get("title", ""), record.get("category", ""), record.get("description", ""),
                    community_uid, _requester(session, record, community_uid if community_uid in known else None),
                    record.get("urgency", ""),
                    parse_date(record.get("due_date", ""), "截止日期"), _points(record.get("reward_points", ""))))
            except (UserError, IdentifierError) as exc:
                rejected.append((number, message_of(exc)))
                continue
            values["status"] = status
            valid.append(values)
    rejected = annotate_rejections(rejected, table, FIXED_LISTS)
    total = len(valid) + len(rejected)
    found: dict[str, Any] = dict(new_communities=communities.missing(), communities_added=add_communities)
    if dry_run or (rejected and not skip_invalid) or not valid:
        return ImportReport(total, len(valid), 0, tuple(rejected), table.skipped, dry_run, **found)
    now = utcnow()
    steps = []
    for values in valid:
        values["uid"], values["status_at"] = new_uid(), now
        steps.append({"need_uid": values["uid"], "from_status": "", "to_status": "draft", "at": now,
                      "by_user": user.username, "note": f"从 {path.name} 导入"})
        if values["status"] == "published":
            steps.append({"need_uid": values["uid"], "from_status": "draft", "to_status": "published",
                          "at": now, "by_user": user.username, "note": ""})
    with ws.unit() as session:
        communities.create(session, ws.site.code)
        bulk_insert(session, Need, valid)
        bulk_insert(session, NeedStep, steps)
        record_event(session, "import", "need", "", {"file": path.name, "rows": len(valid)})
        refresh_statistics(session)
    remember(ws, "needs", table.headers, table.mapping, used_map)
    return ImportReport(total, len(valid), len(valid), tuple(rejected), table.skipped, False, **found)


# ------------------------------------------------------------------------------------- export

EXPORT_COLUMNS = [
    Column("title", "需求标题", 28), Column("category", "类别", 10), Column("community", "社区", 16),
    Column("requester", "求助居民", 10), Column("urgency", "紧急程度", 8), Column("due_date", "截止日期", 12),
    Column("reward_points", "奖励积分", 8), Column("status", "状态", 8), Column("overdue", "逾期", 6),
    Column("claimant_kind", "揭榜方类型", 10), Column("claimant", "揭榜方", 20),
    Column("satisfaction", "满意度", 8), Column("review_comment", "评价", 30), Column("description", "需求描述", 40),
]


def export_needs(ws: Workspace, path: Path, flt: NeedsFilter = NeedsFilter()) -> int:
    """Write the (filtered) needs to .xlsx."""
    ws.require("viewer", "导出居民需求")
    names = community_names(ws)

    def rows() -> Iterator[dict[str, Any]]:
        total = count_needs(ws, flt)
        for offset in range(0, total, PAGE):
            for n in query_needs(ws, flt, offset, PAGE):
                yield {
                    "title": n.title,
                    "category": n.category,
                    "community": names.get(n.community_uid or "", ""),
                    "requester": n.requester_name,
                    "urgency": n.urgency_label,
                    "due_date": n.due_date,
                    "reward_points": n.reward_points,
                    "status": STATUS_LABELS[n.status],
                    "overdue": "是" if n.overdue else "",
                    "claimant_kind": CLAIMANT_KIND_LABELS.get(n.claimant_kind, ""),
                    "claimant": n.claimant_name,
                    "satisfaction": n.satisfaction,
                    "review_comment": n.review_comment,
                    "description": n.description,
                }

    title = f"{ws.site.name} 居民需求清单（{date.today():%Y-%m-%d} 导出）"
    count = write_xlsx(path, EXPORT_COLUMNS, rows(), sheet_title="需求清单", title=title)
    with ws.unit() as session:
        record_event(session, "export", "need", "", {"file": Path(path).name, "rows": count})
    return count
