"""Subsidies as a spreadsheet or a PDF table (one organization's, or every organization's): kind,
year, amount, status and the three dates side by side (registered, approved, paid). Journaled."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.core.excel import Column, write_xlsx
from yichao.app.core.money import format_yuan
from yichao.app.core.workspace import Workspace
from yichao.app.orgs.labels import SUBSIDY_LABELS, SUBSIDY_STATUS_LABELS
from yichao.app.pdf.tables import build, grid, para
from yichao.models.journal import record_event
from yichao.models.org_records import OrgSubsidy
from yichao.models.organization import Organization

SUBSIDY_COLUMNS = [
    Column("org", "组织名称", 28), Column("year", "年度", 8), Column("kind", "补贴类型", 14),
    Column("amount", "金额（元）", 14), Column("status", "状态", 10), Column("on", "登记日期", 12),
    Column("approved_on", "批准日期", 12), Column("paid_on", "拨付日期", 12), Column("notes", "备注", 30),
]


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def subsidy_rows(ws: Workspace, org_uid: str = "") -> list[dict[str, Any]]:
    """The subsidies (of ``org_uid``, or all), newest year first, as the export's rows."""
    stmt = (select(OrgSubsidy, Organization.name).join(Organization, Organization.uid == OrgSubsidy.org_uid)
            .where(OrgSubsidy.deleted.is_not(True), Organization.deleted.is_not(True)))
    if org_uid:
        stmt = stmt.where(OrgSubsidy.org_uid == org_uid)
    stmt = stmt.order_by(OrgSubsidy.year.desc(), Organization.name_sort, OrgSubsidy.on.desc(), OrgSubsidy.uid)
    with ws.read() as session:
        return [{"org": name, "year": s.year, "kind": SUBSIDY_LABELS.get(s.subsidy_kind, ""),
                 "amount_fen": s.amount_fen, "status": SUBSIDY_STATUS_LABELS.get(s.status, ""), "on": _iso(s.on),
                 "approved_on": _iso(s.approved_on), "paid_on": _iso(s.paid_on), "notes": s.notes}
                for s, name in session.execute(stmt)]


def export_subsidies(ws: Workspace, path: str | Path, org_uid: str = "") -> int:
    """Write the subsidies to ``path``: .xlsx (amounts as numbers) or .pdf (an A4 landscape table)."""
    ws.require("viewer", "导出组织补贴")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UserError("请保存为 .xlsx 或 .pdf 文件。")
    rows = subsidy_rows(ws, org_uid)
    if suffix == ".xlsx":
        count = write_xlsx(path, SUBSIDY_COLUMNS, [{**r, "amount": Decimal(r["amount_fen"]) / 100} for r in rows],
                           sheet_title="组织补贴")
    else:
        count = _pdf(path, rows, rows[0]["org"] if org_uid and rows else "")
    with ws.unit() as session:
        record_event(session, "export", "org_subsidy", org_uid, {"file": path.name, "rows": count})
    return count


def _pdf(path: Path, rows: list[dict[str, Any]], org_name: str) -> int:
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.units import mm

    title = f"{org_name}补贴资助" if org_name else "组织补贴资助"
    header = [c.header for c in SUBSIDY_COLUMNS]
    body = [[para(r["org"]), str(r["year"]), r["kind"], format_yuan(r["amount_fen"]), r["status"], r["on"],
             r["approved_on"], r["paid_on"], para(r["notes"])] for r in rows]
    total = sum(r["amount_fen"] for r in rows if r["paid_on"])
    story: list[Any] = [
        para(title, "title"),
        para(f"共 {len(rows)} 笔，已拨付合计 {format_yuan(total)} 元　导出日期：{date.today().isoformat()}",
             "subtitle"),
        grid([header, *body] if rows else [header, ["没有登记补贴。", "", "", "", "", "", "", "", ""]],
             [55 * mm, 14 * mm, 26 * mm, 26 * mm, 16 * mm, 22 * mm, 22 * mm, 22 * mm, 64 * mm]),
    ]
    build(path, story, landscape_page=True, title=title)
    return len(rows)
