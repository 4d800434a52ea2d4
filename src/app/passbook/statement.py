"""The A4 statement (对账单) of a passbook, for counters without a passbook printer.

It lists the whole ledger (or a period) with points in and out, the balance after each entry and the
service hours, under a header with the holder, the passbook number, the balance and the star level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import load_book
from yichao.app.passbook.hours import star_level, volunteer_hours
from yichao.app.passbook.labels import ENTRY_KIND_LABELS, STATUS_LABELS
from yichao.app.pdf.fonts import register_cjk_font
from yichao.models.passbook import LedgerEntry
from yichao.models.person import Person


@dataclass(frozen=True)
class StatementInfo:
    path: Path
    entries: int
    pages: int


def write_statement(
    ws: Workspace, number: str, out: Path, start: date | None = None, end: date | None = None
) -> StatementInfo:
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = register_cjk_font()
    with ws.read() as session:
        book = load_book(session, number)
        holder = session.get(Person, book.holder_uid)
        stmt = select(LedgerEntry).where(LedgerEntry.passbook_uid == book.uid)
        if start:
            stmt = stmt.where(LedgerEntry.on >= start)
        if end:
            stmt = stmt.where(LedgerEntry.on <= end)
        entries = list(session.scalars(stmt.order_by(LedgerEntry.seq)))
        staff = staff_names_in(session)
    hours = volunteer_hours(ws, book.holder_uid)
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1)
    body = ParagraphStyle("b", fontName=font, fontSize=9.5, leading=14)
    period = f"{start or '开户'} 至 {end or date.today()}"
    story = [
        Paragraph("爱心存折对账单", title),
        Spacer(1, 4 * mm),
        Paragraph(
            f"存折号码：{book.number}　　持折人：{holder.name if holder else ''}　　"
            f"志愿者编号：{holder.volunteer_number if holder else ''}",
            body,
        ),
        Paragraph(
            f"开户网点：{book.site_code}　　状态：{STATUS_LABELS.get(book.status, book.status)}　　对账期间：{period}",
            body,
        ),
        Paragraph(
            f"当前余额：{book.balance} 分　　累计服务时长：{hours:g} 小时　　星级：{'★' * star_level(hours) or '—'}"
            f"　　打印日期：{date.today():%Y-%m-%d}",
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    data = [["序号", "日期", "类别", "摘要", "存入", "支取", "余额", "时长(小时)", "经办"]]
    for e in entries:
        data.append(
            [
                str(e.seq),
                f"{e.on:%Y-%m-%d}",
                ENTRY_KIND_LABELS.get(e.kind, e.kind),
                e.memo[:24],
                str(e.points) if e.points > 0 else "",
                str(-e.points) if e.points < 0 else "",
                str(e.balance_after),
                f"{e.minutes / 60:g}" if e.minutes else "",
                staff_label(staff, e.operator)[:8],
            ]
        )
    if len(data) == 1:
        data.append(["", "", "", "本期间没有记录", "", "", "", "", ""])
    table = Table(data, repeatRows=1, colWidths=[10 * mm, 21 * mm, 11 * mm, 54 * mm, 14 * mm, 14 * mm,
                                                  15 * mm, 18 * mm, 17 * mm])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 8.5), ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3e5e5")), ("ALIGN", (4, 1), (7, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story.append(table)
    story += [
        Spacer(1, 6 * mm),
        Paragraph("积分与服务时长分别记录，兑换积分不减少服务时长。本对账单由益巢系统生成。", body),
    ]
    pages: list[int] = []

    def count_page(canvas, doc) -> None:
        pages.append(doc.page)
        canvas.setFont(font, 8)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"第 {doc.page} 页")

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=15 * mm,
                            bottomMargin=16 * mm, title=f"爱心存折对账单 {book.number}", creator="益巢 Yichao")
    doc.build(story, onFirstPage=count_page, onLaterPages=count_page)
    return StatementInfo(Path(out), len(entries), len(pages))
