"""Printing pending lines: placement, the 承前页 line, confirmation, exact reprint, calibration."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from yichao.app.core import JournalFilter
from yichao.app.core.errors import UserError
from yichao.app.history import described_journal
from yichao.app.passbook import accounts as pb
from yichao.app.passbook import lifecycle as life
from yichao.app.passbook.layout import layout_names, load_layout, place
from yichao.app.passbook.printing import (
    calibration_page,
    confirm_printed,
    offset_of,
    print_pending,
    record_reprint,
    reprint_page,
    set_offset,
)
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.passbook import PrintedLine


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="孙丽", is_volunteer=True))
    return pb.open_passbook(workspace, holder.uid)


def pdf_text(path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_layouts_load_with_fold_and_columns():
    assert {"standard", "a4_template"} <= set(layout_names())
    layout = load_layout("standard")
    assert layout.lines_per_page == 20
    assert layout.line_y_mm(2) - layout.line_y_mm(1) == layout.line_pitch_mm
    # the jump across the centre fold
    assert layout.line_y_mm(11) - layout.line_y_mm(10) == layout.line_pitch_mm + layout.fold_gap_mm


def test_place_continues_on_a_new_page_with_a_carry_line():
    placements, nxt = place([0, 10, 20, 30], next_page=1, next_line=4, lines_per_page=5)
    assert [(p.page, p.line, p.entry_index, p.carried_balance) for p in placements] == [
        (1, 4, 0, 0), (1, 5, 1, 0), (2, 1, -1, 20), (2, 2, 2, 0), (2, 3, 3, 0)]
    assert nxt == (2, 4)
    # a page filled exactly: the next entry opens the next page
    placements, nxt = place([7], 1, 6, 5)
    assert [(p.page, p.line, p.entry_index) for p in placements] == [(2, 1, -1), (2, 2, 0)] and nxt == (2, 3)


def test_print_marks_nothing_until_confirmed(workspace, book, tmp_path):
    pb.deposit(workspace, book.number, 30, "楼道清扫", hours=2)
    pb.redeem(workspace, book.number, 10, "兑换牙膏")
    job = print_pending(workspace, book.number, tmp_path / "a.pdf")
    assert (job.from_seq, job.to_seq, job.entry_lines, job.pages, job.next_page, job.next_line) == (1, 2, 2, (1,), 1, 3)
    text = pdf_text(tmp_path / "a.pdf")
    assert "楼道清扫" in text and "兑换牙膏" in text
    # the operator said no: the same lines print again
    again = print_pending(workspace, book.number, tmp_path / "b.pdf")
    assert (again.from_seq, again.start_line) == (1, 1)
    row = confirm_printed(workspace, again)
    assert (row.pending_lines, row.next_page, row.next_line) == (0, 1, 3)
    with pytest.raises(UserError, match="不能再确认"):
        confirm_printed(workspace, job)
    assert print_pending(workspace, book.number, tmp_path / "c.pdf").empty
    assert not (tmp_path / "c.pdf").exists()


def test_entries_after_printing_wait_for_their_own_confirmation(workspace, book, tmp_path):
    pb.deposit(workspace, book.number, 5, "一")
    job = print_pending(workspace, book.number, tmp_path / "a.pdf")
    pb.deposit(workspace, book.number, 6, "二")  # arrives between printing and confirming
    row = confirm_printed(workspace, job)
    assert (row.pending_lines, row.next_line) == (1, 2)
    job2 = print_pending(workspace, book.number, tmp_path / "b.pdf")
    assert (job2.from_seq, job2.start_line) == (2, 2)


def test_full_page_continues_with_carry_and_reprint_is_exact(workspace, book, tmp_path):
    for i in range(23):
        pb.deposit(workspace, book.number, i + 1, f"服务{i + 1}")
    job = print_pending(workspace, book.number, tmp_path / "a.pdf")
    assert job.pages == (1, 2) and job.page_turns == 1 and (job.next_page, job.next_line) == (2, 5)
    confirm_printed(workspace, job)
    with workspace.read() as session:
        lines = session.execute(select(PrintedLine.page, PrintedLine.line, PrintedLine.entry_uid,
                                       PrintedLine.carried_balance).order_by(PrintedLine.page, PrintedLine.line)).all()
    assert [(p, ln) for p, ln, _, _ in lines] == [(1, n) for n in range(1, 21)] + [(2, n) for n in range(1, 5)]
    carry = lines[20]
    assert carry.entry_uid is None and carry.carried_balance == sum(range(1, 21))
    count = reprint_page(workspace, book.number, 2, tmp_path / "p2.pdf", "damaged")
    assert count == 4
    original = pdf_text(tmp_path / "a.pdf").split("\f")[1]
    assert pdf_text(tmp_path / "p2.pdf").split("\f")[0] == original
    assert "承前页" in original
    with pytest.raises(UserError, match="还没有打印过"):
        reprint_page(workspace, book.number, 3, tmp_path / "p3.pdf", "damaged")


def _reprints(workspace):
    return described_journal(workspace, JournalFilter(ops=("reprint",)), descending=False)


def test_a_reprint_needs_a_reason_and_the_journal_keeps_it(workspace, book, tmp_path):
    """重打 is deliberate: without a reason (损坏 / 遗失 / 更正) nothing is written; with one, the journal
    names the passbook, the page, the lines and the reason in words."""
    pb.deposit(workspace, book.number, 6, "陪老人就医")
    confirm_printed(workspace, print_pending(workspace, book.number, tmp_path / "a.pdf"))
    for reason in ("", "  ", "因为想打", "damage"):
        with pytest.raises(UserError, match="^重打须说明原因：损坏、遗失、更正。$"):
            reprint_page(workspace, book.number, 1, tmp_path / "p.pdf", reason)
    assert not (tmp_path / "p.pdf").exists() and _reprints(workspace) == []
    assert reprint_page(workspace, book.number, 1, tmp_path / "p.pdf", "遗失", "持折人把存折丢了") == 1
    assert reprint_page(workspace, book.number, 1, tmp_path / "q.pdf", "corrected") == 1
    first, second = _reprints(workspace)
    assert (first.action, first.kind, first.record) == ("重打", "爱心存折", book.number)
    assert "原因：遗失" in first.summary() and "存折页：1" in first.summary() and "持折人把存折丢了" in first.summary()
    assert "原因：更正" in second.summary()


def test_pending_lines_sent_again_are_journaled_as_an_unconfirmed_reprint(workspace, book, tmp_path):
    pb.deposit(workspace, book.number, 3, "整理图书角")
    job = print_pending(workspace, book.number, tmp_path / "a.pdf")
    with pytest.raises(UserError, match="重打须说明原因"):
        record_reprint(workspace, job, "")
    record_reprint(workspace, job, "损坏", "卡纸")
    (entry,) = _reprints(workspace)
    assert "原因：损坏" in entry.summary() and "补登尚未确认：是" in entry.summary() and "卡纸" in entry.summary()
    assert pb.get_passbook(workspace, book.number).pending_lines == 1  # still waits for its confirmation


def test_takeover_prints_from_the_given_line(workspace, tmp_path):
    holder = create_person(workspace, PersonInput(name="周强"))
    row = life.take_over(workspace, "OLD-1", holder.uid, balance=80, hours=10, page=2, line=19)
    pb.deposit(workspace, row.number, 5, "a")
    pb.deposit(workspace, row.number, 5, "b")
    pb.deposit(workspace, row.number, 5, "c")
    job = print_pending(workspace, row.number, tmp_path / "t.pdf")
    assert (job.start_page, job.start_line, job.pages, job.next_page, job.next_line) == (2, 19, (2, 3), 3, 3)


def test_lost_passbook_is_not_printed(workspace, book, tmp_path):
    pb.deposit(workspace, book.number, 5, "a")
    life.report_lost(workspace, book.number)
    with pytest.raises(UserError, match="不能补登"):
        print_pending(workspace, book.number, tmp_path / "x.pdf")


def test_calibration_offset_moves_the_lines(workspace, tmp_path):
    set_offset(workspace, 1.5, -2)
    assert offset_of(workspace) == (1.5, -2.0)
    with pytest.raises(UserError, match="-20 到 20"):
        set_offset(workspace, 25, 0)
    out = calibration_page(workspace, tmp_path / "cal.pdf")
    text = pdf_text(out)
    assert "校准页" in text and "中缝" in text and "20" in text


def test_a_pc_with_an_ordinary_printer_prints_on_the_a4_template(workspace, book, tmp_path):
    from yichao.app.passbook.printing import set_paper_layout

    pb.deposit(workspace, book.number, 5, "模板打印")
    set_paper_layout(workspace, "a4_template")
    job = print_pending(workspace, book.number, tmp_path / "a4.pdf")
    info = __import__("subprocess").run(["pdfinfo", str(tmp_path / "a4.pdf")], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info  # A4 sheet; the passbook sits in the template's frame
    assert (job.start_line, job.next_line) == (1, 2)  # placement still follows the passbook
    with pytest.raises(UserError, match="找不到存折版式"):
        set_paper_layout(workspace, "nope")
