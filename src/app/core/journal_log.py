"""Reading the journal (操作日志): filter by user, entity, date range and text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select

from yichao.app.core.workspace import Workspace
from yichao.models.journal import JournalEntry

OP_LABELS = {
    "insert": "新增", "update": "修改", "delete": "删除", "login": "登录",
    "login_failed": "登录失败", "denied": "权限拒绝", "reveal": "查看完整证件号",
    "backup": "备份", "restore": "恢复", "import": "导入", "export": "导出",
}


@dataclass(frozen=True)
class JournalFilter:
    user: str = ""
    entity: str = ""
    uid: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""
    ops: tuple[str, ...] = ()


@dataclass(frozen=True)
class JournalRow:
    id: int
    at: datetime
    user: str
    entity: str
    uid: str
    rev: int
    op: str
    op_label: str
    after: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)

    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) of an update; every field of an insert with before None."""
        if self.op == "update":
            return [(k, v, self.after.get(k)) for k, v in sorted(self.before.items())]
        return [(k, None, v) for k, v in sorted(self.after.items())]


def _local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone(UTC)


def _filtered(stmt: Select[Any], flt: JournalFilter) -> Select[Any]:
    if flt.user:
        stmt = stmt.where(JournalEntry.user == flt.user)
    if flt.entity:
        stmt = stmt.where(JournalEntry.entity == flt.entity)
    if flt.uid:
        stmt = stmt.where(JournalEntry.uid == flt.uid)
    if flt.ops:
        stmt = stmt.where(JournalEntry.op.in_(flt.ops))
    if flt.since:
        stmt = stmt.where(JournalEntry.at >= _local_day_start(flt.since))
    if flt.until:
        stmt = stmt.where(JournalEntry.at < _local_day_start(flt.until + timedelta(days=1)))
    if flt.text:
        like = f"%{flt.text.strip()}%"
        stmt = stmt.where(or_(JournalEntry.data.like(like), JournalEntry.before.like(like),
                              JournalEntry.uid.like(like)))
    return stmt


def count_journal(ws: Workspace, flt: JournalFilter) -> int:
    with ws.read() as session:
        return session.scalar(_filtered(select(func.count(JournalEntry.id)), flt)) or 0


def query_journal(ws: Workspace, flt: JournalFilter, offset: int = 0, limit: int = 200,
                  descending: bool = True) -> list[JournalRow]:
    """A page of journal rows, newest first by default."""
    order = JournalEntry.id.desc() if descending else JournalEntry.id.asc()
    stmt = _filtered(select(JournalEntry), flt).order_by(order).offset(offset).limit(limit)
    with ws.read() as session:
        return [_row(e) for e in session.scalars(stmt)]


def journal_users(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [u for u in session.scalars(select(JournalEntry.user).distinct().order_by(JournalEntry.user)) if u]


def journal_entities(ws: Workspace) -> list[str]:
    with ws.read() as session:
        return [e for e in session.scalars(select(JournalEntry.entity).distinct().order_by(JournalEntry.entity)) if e]


def _row(e: JournalEntry) -> JournalRow:
    return JournalRow(e.id, e.at, e.user, e.entity, e.uid, e.rev, e.op, OP_LABELS.get(e.op, e.op),
                      _loads(e.data), _loads(e.before))


def _loads(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
