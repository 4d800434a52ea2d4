"""Print pending lines (补登), confirm them, reprint a damaged page, print the calibration page.

Printing never marks anything: :func:`print_pending` only writes the PDF and returns a
:class:`PrintJob`. Only :func:`confirm_printed`, called when the operator says the paper came out
right, records the lines (:class:`PrintedLine`) and moves the passbook's next free line. If the
operator says no, nothing changes and the same lines print again next time. Because every printed
line is recorded with its page and line, a damaged page is reproduced exactly.

Printing lines again (重打: an already printed page, or the same pending lines a second time) is a
deliberate act with a reason, damaged, lost or corrected (:data:`REPRINT_REASON_LABELS`), that the
journal keeps with the passbook, the page and the operator (:func:`record_reprint`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.maintenance import store_settings
from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import PassbookRow, load_book, passbook_row
from yichao.app.passbook.labels import REPRINT_REASON_LABELS, STATUS_LABELS
from yichao.app.passbook.layout import PassbookLayout, Placement, load_layout, place
from yichao.app.passbook.merge import rederive_shared
from yichao.app.passbook.page_pdf import PrintLine, line_sheets, passbook_calibration_sheet
from yichao.app.pdf.sheet import Sheet, write_pdf
from yichao.models.journal import record_event
from yichao.models.passbook import LedgerEntry, Passbook, PrintedLine
from yichao.models.person import Person

CARRY_MEMO = "承前页"


@dataclass(frozen=True)
class PrintJob:
    """What a PDF of pending lines holds; pass it back to :func:`confirm_printed`."""

    number: str
    path: Path | None
    from_seq: int  # first entry printed
    to_seq: int  # last entry printed
    start_page: int
    start_line: int
    pages: tuple[int, ...]  # passbook page numbers, one PDF page each
    entry_lines: int
    next_page: int
    next_line: int
    sheets: tuple[Sheet, ...] = ()  # what the PDF shows, one per passbook page: the GUI prints these 1:1

    @property
    def empty(self) -> bool:
        return self.entry_lines == 0

    @property
    def page_turns(self) -> int:
        """How many times the operator turns the page during this job."""
        return max(0, len(self.pages) - 1)


def offset_of(ws: Workspace) -> tuple[float, float]:
    """This PC's calibration offset in mm (right, down)."""
    try:
        return float(ws.settings.get("passbook_offset_x_mm") or 0), float(ws.settings.get("passbook_offset_y_mm") or 0)
    except (TypeError, ValueError):
        return 0.0, 0.0


def set_offset(ws: Workspace, x_mm: float, y_mm: float) -> None:
    """Store the calibration offset of this PC (±20 mm is far more than any printer is off)."""
    ws.require("staff", "设置存折打印偏移")
    for value in (x_mm, y_mm):
        if not -20 <= float(value) <= 20:
            raise UserError("打印偏移应在 -20 到 20 毫米之间。")

    store_settings(ws, {"passbook_offset_x_mm": round(float(x_mm), 1),
                        "passbook_offset_y_mm": round(float(y_mm), 1)})


PRINT_LAYOUT_SETTING = "passbook_print_layout"  # per PC: "" (the passbook's own) or e.g. "a4_template"


def paper_layout(ws: Workspace, book_layout: str) -> PassbookLayout:
    """Where this PC puts the lines on the sheet: the passbook's profile, or this PC's choice (an
    ordinary printer with the A4 template). Line placement always follows the passbook's profile."""
    chosen = ws.settings.get(PRINT_LAYOUT_SETTING) or ""
    layout = load_layout(chosen or book_layout)
    if layout.lines_per_page != load_layout(book_layout).lines_per_page:
        raise UserError(f"打印版式“{layout.label}”每页行数与存折不同，请在打印校准里换一个版式。")
    return layout


def set_paper_layout(ws: Workspace, name: str) -> None:
    ws.require("staff", "设置存折打印版式")
    if name:
        load_layout(name)  # refuses an unknown profile

    store_settings(ws, {PRINT_LAYOUT_SETTING: name})


def _pending(session: Session, book: Passbook, to_seq: int | None = None) -> list[LedgerEntry]:
    stmt = select(LedgerEntry).where(LedgerEntry.passbook_uid == book.uid, LedgerEntry.seq > book.printed_seq)
    if to_seq is not None:
        stmt = stmt.where(LedgerEntry.seq <= to_seq)
    return list(session.scalars(stmt.order_by(LedgerEntry.seq)))


def _plan(
    book: Passbook, pending: list[LedgerEntry], layout: PassbookLayout
) -> tuple[list[Placement], tuple[int, int]]:
    return place([e.balance_after - e.points for e in pending], book.next_page, book.next_line, layout.lines_per_page)


def _line(p: Placement, entry: LedgerEntry | None, staff: dict[str, str]) -> PrintLine:
    """One printed line; the operator by the name the holder knows (the CLI as 命令行)."""
    if entry is None:
        return PrintLine(p.page, p.line, None, CARRY_MEMO, None, None, p.carried_balance, "")
    return PrintLine(
        p.page,
        p.line,
        entry.on,
        entry.memo,
        entry.points if entry.points > 0 else None,
        -entry.points if entry.points < 0 else None,
        entry.balance_after,
        staff_label(staff, entry.operator),
    )


def _printable(book: Passbook) -> None:
    if book.status != "active":
        raise UserError(f"存折 {book.number} {STATUS_LABELS[book.status]}，不能补登。")


def print_pending(ws: Workspace, number: str, out: Path) -> PrintJob:
    """Write the unprinted entries, in order, from the passbook's next free line; marks nothing."""
    ws.require("staff", "补登爱心存折")
    with ws.read() as session:
        book = load_book(session, number)
        _printable(book)
        layout = load_layout(book.layout)
        pending = _pending(session, book)
        placements, (next_page, next_line) = _plan(book, pending, layout)
        if not pending:
            return PrintJob(
                book.number, None, 0, 0, book.next_page, book.next_line, (), 0, book.next_page, book.next_line
            )
        staff = staff_names_in(session)
        lines = [_line(p, None if p.is_carry else pending[p.entry_index], staff) for p in placements]
        sheets = tuple(line_sheets(paper_layout(ws, book.layout), lines, offset_of(ws)))
        write_pdf(Path(out), sheets, f"爱心存折 {book.number} 补登")
        pages = sorted({pl.page for pl in lines})
        return PrintJob(book.number, Path(out), pending[0].seq, pending[-1].seq, book.next_page, book.next_line,
                        tuple(pages), len(pending), next_page, next_line, sheets)


def confirm_printed(ws: Workspace, job: PrintJob) -> PassbookRow:
    """The paper came out right: record each line of ``job`` and move the next free line."""
    ws.require("staff", "确认存折补登")
    if job.empty:
        raise UserError("这次没有打印任何行，不需要确认。")
    with ws.unit() as session:
        book = load_book(session, job.number)
        _printable(book)
        if (book.printed_seq + 1, book.next_page, book.next_line) != (job.from_seq, job.start_page, job.start_line):
            raise UserError(f"存折 {book.number} 在打印之后已经补登过，这次打印不能再确认，请重新补登。")
        layout = load_layout(book.layout)
        pending = _pending(session, book, job.to_seq)
        placements, (next_page, next_line) = _plan(book, pending, layout)
        today = date.today()
        for p in placements:
            session.add(PrintedLine(
                passbook_uid=book.uid, page=p.page, line=p.line, printed_on=today,
                entry_uid=None if p.is_carry else pending[p.entry_index].uid, carried_balance=p.carried_balance,
            ))
        book.printed_seq = job.to_seq
        book.next_page, book.next_line = next_page, next_line
        rederive_shared(session, [book.uid])  # another counter's lines or entries: the merged order
        return passbook_row(book, session.get(Person, book.holder_uid))


def printed_page_lines(session: Session, book: Passbook, page: int) -> list[PrintLine]:
    rows = list(session.scalars(select(PrintedLine).where(
        PrintedLine.passbook_uid == book.uid, PrintedLine.page == page).order_by(PrintedLine.line)))
    uids = [r.entry_uid for r in rows if r.entry_uid]
    by_uid = {e.uid: e for e in session.scalars(select(LedgerEntry).where(LedgerEntry.uid.in_(uids)))} if uids else {}
    staff = staff_names_in(session)
    return [_line(Placement(r.page, r.line, 0 if r.entry_uid else -1, r.carried_balance), by_uid.get(r.entry_uid or ""),
                  staff) for r in rows]


def reprint_reason(reason: str) -> str:
    """The code of a reprint's reason, given as the code or its word (damaged or 损坏); refused when
    there is none, so no page is printed again without saying why."""
    text = (reason or "").strip()
    for code, word in REPRINT_REASON_LABELS.items():
        if text in (code, word):
            return code
    raise UserError(f"重打须说明原因：{'、'.join(REPRINT_REASON_LABELS.values())}。")


def _journal_reprint(session: Session, book: Passbook, job: PrintJob, reason: str, note: str) -> None:
    detail: dict[str, object] = {"number": book.number, "pages": "、".join(str(p) for p in job.pages),
                                 "lines": job.entry_lines, "reason": reason}
    if note.strip():
        detail["note"] = note.strip()[:200]
    if job.to_seq:  # pending lines sent again before the paper was confirmed
        detail["unconfirmed"] = True
    record_event(session, "reprint", "passbook", book.uid, detail)


def record_reprint(ws: Workspace, job: PrintJob, reason: str, note: str = "") -> None:
    """Journal that ``job``'s lines went to the printer again, and why (the print dialog calls this
    when the same lines are printed a second time)."""
    ws.require("staff", "重打存折页")
    code = reprint_reason(reason)
    if job.empty:
        raise UserError("这次没有打印任何行。")
    with ws.unit() as session:
        _journal_reprint(session, load_book(session, job.number), job, code, note)


def reprint_job(ws: Workspace, number: str, page: int, out: Path, reason: str = "", note: str = "") -> PrintJob:
    """A printed page again, line for line (a damaged, lost or corrected sheet): its PDF and sheet.

    ``reason`` (damaged / lost / corrected, or 损坏 / 遗失 / 更正) is required and journaled with
    the page. Nothing is confirmed afterwards: the lines are already recorded as printed.
    """
    ws.require("staff", "重打存折页")
    code = reprint_reason(reason)
    with ws.unit() as session:
        book = load_book(session, number)
        lines = printed_page_lines(session, book, page)
        if not lines:
            raise UserError(f"存折 {book.number} 第 {page} 页还没有打印过任何行。")
        sheets = tuple(line_sheets(paper_layout(ws, book.layout), lines, offset_of(ws)))
        write_pdf(Path(out), sheets, f"爱心存折 {book.number} 第{page}页 重打")
        job = PrintJob(book.number, Path(out), 0, 0, page, 1, (page,), len(lines), page, 1, sheets)
        _journal_reprint(session, book, job, code, note)
        return job


def reprint_page(ws: Workspace, number: str, page: int, out: Path, reason: str = "", note: str = "") -> int:
    """Reproduce a printed page into ``out`` (with the reason, journaled); returns its line count."""
    return reprint_job(ws, number, page, out, reason, note).entry_lines


def calibration_sheet(ws: Workspace, layout_name: str = "standard") -> Sheet:
    """This PC's calibration page for a passbook model, on the paper this PC prints on."""
    return passbook_calibration_sheet(paper_layout(ws, layout_name), offset_of(ws))


def calibration_page(ws: Workspace, out: Path, layout_name: str = "standard") -> Path:
    write_pdf(Path(out), [calibration_sheet(ws, layout_name)], "存折打印校准页")
    return Path(out)
