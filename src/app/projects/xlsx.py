"""Excel exports of funding rounds and projects (`yichao xlsx export projects FILE`)."""

from __future__ import annotations

from pathlib import Path

from yichao.app.core.excel import Column, write_xlsx
from yichao.app.core.workspace import Workspace
from yichao.app.projects.labels import FUND_LABELS, PROGRAM_KIND_LABELS
from yichao.app.projects.records import count_projects, query_projects
from yichao.app.projects.rounds import list_programs

PROJECT_COLUMNS = (
    Column("title", "项目名称", 28), Column("org", "申报组织", 26), Column("program", "资助批次", 26),
    Column("domain", "服务领域", 10), Column("status", "状态", 8), Column("status_on", "状态日期", 11),
    Column("applied_on", "申报日期", 11), Column("requested", "申请金额（元）", 13),
    Column("approved", "立项金额（元）", 13), Column("spent", "实际支出（元）", 13),
    Column("planned", "计划受益人数", 12), Column("actual", "实际受益人数", 12),
)
PROGRAM_COLUMNS = (
    Column("name", "资助批次", 28),
    Column("kind", "类型", 10),
    Column("year", "年度", 6),
    Column("budget", "预算（元）", 13),
    Column("committed", "已立项（元）", 13),
    Column("disbursed", "已拨付（元）", 13),
    Column("remaining", "预算余额（元）", 13),
    Column("sources", "资金来源", 40),
    Column("call", "征集期", 24),
    Column("roadshow", "路演日期", 11),
    Column("publicity", "公示期", 24),
    Column("projects", "项目数", 8),
)


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def export_projects(ws: Workspace, path: Path) -> int:
    """Every project, one row each, money in 元 as numbers (so Excel can sum them)."""
    ws.require("viewer", "导出项目")
    total = count_projects(ws)

    def rows():
        for offset in range(0, total, 1000):
            for r in query_projects(ws, offset, 1000, "applied_on", False):
                yield {"title": r.title, "org": r.org_name, "program": r.program_name, "domain": r.domain,
                       "status": r.status_label, "status_on": r.status_on, "applied_on": r.applied_on,
                       "requested": _yuan(r.requested_fen), "approved": _yuan(r.approved_fen),
                       "spent": _yuan(r.spent_fen), "planned": r.planned_beneficiaries,
                       "actual": r.actual_beneficiaries}

    return write_xlsx(path, PROJECT_COLUMNS, rows(), sheet_title="项目", title="项目一览")


def _span(a: object, b: object) -> str:
    return f"{a or ''} 至 {b or ''}" if a or b else ""


def _source(kind: str, name: str, fen: int) -> str:
    label = FUND_LABELS.get(kind, kind)
    return f"{label}{'（' + name + '）' if name and name != label else ''} {_yuan(fen):,.2f} 元"


def export_programs(ws: Workspace, path: Path) -> int:
    """Every funding round with its budget use and fund sources."""
    ws.require("viewer", "导出资助批次")
    rows = [
        {
            "name": p.name,
            "kind": PROGRAM_KIND_LABELS.get(p.kind, p.kind),
            "year": p.year,
            "budget": _yuan(p.budget_fen),
            "committed": _yuan(p.committed_fen),
            "disbursed": _yuan(p.disbursed_fen),
            "remaining": _yuan(p.remaining_fen),
            "sources": "；".join(_source(s.kind, s.name, s.amount_fen) for s in p.sources),
            "call": _span(p.call_opens, p.call_closes),
            "roadshow": p.roadshow_on,
            "publicity": _span(p.publicity_from, p.publicity_until),
            "projects": p.project_count,
        }
        for p in list_programs(ws)
    ]
    return write_xlsx(path, PROGRAM_COLUMNS, rows, sheet_title="资助批次", title="资助批次与预算使用")
