"""`yichao check`: database integrity, journal coverage and every module's own invariants.

A module registers a check with :func:`register` (e.g. the passbook's ledger sums); each check
returns a list of problems as Chinese sentences, empty when all is well.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, text

from yichao.app.core.workspace import Workspace
from yichao.models.base import table_of
from yichao.models.journal import JournalEntry, journaled_models

CheckFn = Callable[[Workspace], list[str]]
_CHECKS: dict[str, CheckFn] = {}


def register(name: str) -> Callable[[CheckFn], CheckFn]:
    def deco(fn: CheckFn) -> CheckFn:
        _CHECKS[name] = fn
        return fn

    return deco


@dataclass(frozen=True)
class CheckResult:
    name: str
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


@register("数据库完整性")
def _integrity(ws: Workspace) -> list[str]:
    if not ws.is_sqlite:
        return []
    with ws.engine.connect() as conn:
        result = conn.execute(text("PRAGMA integrity_check")).scalar()
        fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
    problems = [] if result == "ok" else [f"SQLite 完整性检查：{result}"]
    if fk:
        problems.append(f"有 {len(fk)} 条记录引用了不存在的记录（外键）。")
    return problems


@register("操作日志")
def _journal_covers_records(ws: Workspace) -> list[str]:
    """Every synced record's current revision has its journal row."""
    problems = []
    with ws.read() as session:
        for model in journaled_models():
            table = model.__tablename__
            columns = table_of(model).c
            missing = session.scalar(
                select(func.count()).select_from(model).where(
                    ~select(JournalEntry.id).where(
                        JournalEntry.entity == table, JournalEntry.uid == columns.uid,
                        JournalEntry.rev == columns.rev,
                    ).exists()
                )
            )
            if missing:
                problems.append(f"表 {table} 有 {missing} 条记录的最新修改没有操作日志。")
    return problems


def load_module_checks() -> None:
    """Import the modules that register checks (kept lazy so start-up stays light)."""
    for name in CHECK_MODULES:
        importlib.import_module(name)


# the domains that register checks
CHECK_MODULES: tuple[str, ...] = (
    "yichao.app.projects.check",
    "yichao.app.passbook.check",
    "yichao.app.needs.check",
    "yichao.app.certificates.integrity",
    "yichao.app.orgs.check",
)


def run_checks(ws: Workspace) -> list[CheckResult]:
    load_module_checks()
    return [CheckResult(name, fn(ws)) for name, fn in _CHECKS.items()]
