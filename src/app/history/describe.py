"""One journal entry in a clerk's words: who (display name), what (新增/修改/…), which kind of
record and which record (by name), and each changed field with its before and after value.

Every view of the journal (系统管理 › 操作日志, an organization's 变更记录) shows these, so a
table name, field name, UUID, ``None`` or ``False`` never reaches a label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.journal_log import JournalFilter, JournalRow, journal_entities, journal_users, query_journal
from yichao.app.core.staff import staff_label, staff_names, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.history.fields import (
    EVENT_FIELD_LABELS,
    FIELD_LABELS,
    HIDDEN,
    SETTING_LABELS,
    entity_label,
    field_label,
)
from yichao.app.history.references import Names
from yichao.app.history.values import LOGIN_REASON_LABELS, ROLE_LABELS, show_value
from yichao.app.passbook import REPRINT_REASON_LABELS
from yichao.models.site import Site

OP_LABELS = {
    "insert": "新增", "update": "修改", "delete": "删除", "login": "登录", "login_failed": "登录失败",
    "denied": "权限拒绝", "reveal": "查看完整证件号", "backup": "备份", "restore": "恢复", "import": "导入",
    "export": "导出", "settings": "修改设置", "bundle_export": "导出数据包", "bundle_import": "导入数据包",
    "key_trust": "信任密钥", "unlock": "解锁账号", "logout": "退出登录", "print": "打印",
    "reprint": "重打", "data_key_export": "导出身份证号码密钥", "data_key_import": "导入身份证号码密钥",
    "overdraw_found": "发现合并透支", "overdraw_settled": "冲正结清透支", "overdraw_reversed": "冲正透支（尚未结清）",
}
CHANGE_OPS = ("insert", "update", "delete")
# the kind of thing an event without a table is about
_EVENT_KINDS = {"backup": "数据库", "restore": "数据库", "settings": "设置", "denied": "权限",
                "data_key_export": "身份证号码密钥", "data_key_import": "身份证号码密钥"}
_COUNT_WORDS = {"new": "新增", "changed": "更新", "deleted": "删除", "unchanged": "未变"}


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class DescribedEntry:
    id: int
    at: datetime
    username: str  # the login name, for filtering
    user: str  # who, as staff know them
    op: str
    action: str
    kind: str
    record: str
    rev: int
    changes: tuple[Change, ...]

    def summary_lines(self) -> list[str]:
        """One line per change: "阶段：苗圃培育 → 加速孵化"."""
        parts = []
        for c in self.changes:
            if self.op == "update":
                parts.append(f"{c.field}：{c.before or '（空）'} → {c.after or '（空）'}")
            elif c.after:
                parts.append(f"{c.field}：{c.after}")
        return parts

    def summary(self) -> str:
        """The changes on one line: "阶段：苗圃培育 → 加速孵化；负责人：王芳"."""
        return "；".join(self.summary_lines())


def describe_rows(ws: Workspace, rows: Iterable[JournalRow]) -> list[DescribedEntry]:
    """Describe journal rows, resolving every referenced record in one read."""
    rows = list(rows)
    with ws.read() as session:
        return describe_in(session, rows)


def describe_in(session: Session, rows: list[JournalRow]) -> list[DescribedEntry]:
    names = Names()
    for row in rows:
        if row.op in CHANGE_OPS:
            names.want_record(row.entity, row.after)
            names.want_record(row.entity, row.before | {k: v for k, v in row.after.items() if k not in row.before})
            names.want(row.entity, [row.uid])
        elif row.entity == "user_account" or row.entity == "person":
            names.want(row.entity, [row.uid])
    names.load(session)
    staff = staff_names_in(session)
    sites = {code: name for code, name in session.execute(select(Site.code, Site.name))}
    return [_describe(row, names, staff, sites) for row in rows]


def described_journal(ws: Workspace, flt: JournalFilter, offset: int = 0, limit: int = 200,
                      descending: bool = True) -> list[DescribedEntry]:
    """A page of the journal, described (the paged 操作日志 and the per-record change logs)."""
    return describe_rows(ws, query_journal(ws, flt, offset, limit, descending))


def user_choices(ws: Workspace) -> list[tuple[str, str]]:
    """(login name, display name) of everyone in the journal, for the filter's drop-down."""
    staff = staff_names(ws)
    return [(u, staff_label(staff, u)) for u in journal_users(ws)]


def entity_choices(ws: Workspace) -> list[tuple[str, str]]:
    """(table, its name in words) of the kinds of record in the journal, sorted by the words."""
    return sorted(((e, entity_label(e)) for e in journal_entities(ws)), key=lambda p: p[1])


def _describe(row: JournalRow, names: Names, staff: dict[str, str], sites: dict[str, str]) -> DescribedEntry:
    action = OP_LABELS.get(row.op, "其他操作")
    if row.op in CHANGE_OPS:
        kind = entity_label(row.entity)
        record = names.label(row.entity, row.after or row.before, row.uid)
        changes = _record_changes(row, names, staff)
    else:
        kind = entity_label(row.entity) if row.entity else _EVENT_KINDS.get(row.op, "")
        record = _event_record(row, names, staff, sites)
        changes = tuple(Change(EVENT_FIELD_LABELS.get(k, "其他信息"), "", _event_value(k, v, staff, sites))
                        for k, v in sorted(row.after.items()))
    return DescribedEntry(row.id, row.at, row.user, staff_label(staff, row.user), row.op, action, kind, record,
                          row.rev, changes)


def _record_changes(row: JournalRow, names: Names, staff: dict[str, str]) -> tuple[Change, ...]:
    table = row.entity
    if row.op == "update":
        before_record = {**row.after, **row.before}
        return tuple(
            Change(field_label(table, f), show_value(table, f, b, before_record, names, staff),
                   show_value(table, f, row.after.get(f), row.after, names, staff))
            for f, b in _in_order(table, row.before.items()) if f not in HIDDEN
        )
    if row.op == "delete":
        return ()
    return tuple(
        Change(field_label(table, f), "", show_value(table, f, v, row.after, names, staff))
        for f, v in _in_order(table, row.after.items()) if f not in HIDDEN and v not in (None, "", [])
    )


def _in_order(table: str, items: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Fields in the order a form shows them (the order of :data:`FIELD_LABELS`)."""
    order = {f: i for i, f in enumerate(FIELD_LABELS.get(table, {}))}
    return sorted(items, key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def _event_record(row: JournalRow, names: Names, staff: dict[str, str], sites: dict[str, str]) -> str:
    detail = row.after
    if row.entity in ("user_account", "person") and row.uid:
        return names.name(row.entity, row.uid)
    if row.entity == "user_account":  # a sign-out, or a failed sign-in under a name no account has
        return staff_label(staff, str(detail.get("username", "")))
    if row.entity == "sync_peer":
        return sites.get(row.uid, "") or str(detail.get("name") or row.uid)
    if "file" in detail:
        return str(detail["file"]).replace("\\", "/").rsplit("/", 1)[-1]
    if "key" in detail:
        return SETTING_LABELS.get(str(detail["key"]), "其他设置")
    if "number" in detail:  # a passbook (重打)
        return str(detail["number"])
    return str(detail.get("action", ""))


def _event_value(key: str, value: Any, staff: dict[str, str], sites: dict[str, str]) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if key == "reason":
        return LOGIN_REASON_LABELS.get(str(value)) or REPRINT_REASON_LABELS.get(str(value), str(value))
    if key == "by":  # who lifted a lock-out: staff by display name (the command line as 命令行)
        return staff_label(staff, str(value))
    if key == "role":
        return ROLE_LABELS.get(str(value), "")
    if key == "key":
        return SETTING_LABELS.get(str(value), "其他设置")
    if key in ("to", "from", "site"):
        return sites.get(str(value), str(value))
    if key == "counts" and isinstance(value, dict):
        return "；".join(_counted(table, counts) for table, counts in sorted(value.items())
                        if isinstance(counts, dict))
    if isinstance(value, (dict, list)):
        return "（详见数据）"
    return str(value)


def _counted(table: str, counts: dict[str, Any]) -> str:
    """A bundle's counts for one kind of record: "社会组织 新增 3、更新 1"."""
    return f"{entity_label(table)} " + "、".join(f"{_COUNT_WORDS.get(w, '其他')} {n}" for w, n in counts.items() if n)
