"""Passbook accounts and the ledger: deposits, redemptions, reversals, losses, replacements, takeovers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.core.check import run_checks
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.passbook import accounts as pb
from yichao.app.passbook import lifecycle as life
from yichao.app.passbook import passbook_rows
from yichao.app.passbook.hours import hours_to_next_star, star_level, volunteer_hours
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.journal import JournalEntry
from yichao.models.passbook import LedgerEntry, Passbook


@pytest.fixture
def holder(workspace):
    return create_person(workspace, PersonInput(name="李秀英", is_volunteer=True, volunteer_number="V001"))


@pytest.fixture
def book(workspace, holder):
    return pb.open_passbook(workspace, holder.uid)


def test_open_numbers_by_issuing_site(workspace, holder):
    first = pb.open_passbook(workspace, holder.uid)
    assert first.number == "370102001-000001"
    assert (first.status, first.balance, first.pending_lines, first.next_page, first.next_line) == (
        "active",
        0,
        0,
        1,
        1,
    )
    other = create_person(workspace, PersonInput(name="王建国"))
    office = pb.open_passbook(workspace, other.uid, "370102001003")
    assert office.number == "370102001003-000001"
    with pytest.raises(UserError, match="已有存折"):
        pb.open_passbook(workspace, holder.uid)


def test_deposit_and_redeem_keep_balance_and_hours_apart(workspace, book):
    e1 = pb.deposit(workspace, book.number, 30, "社区清扫", hours=2.5)
    e2 = pb.redeem(workspace, book.number, 20, "兑换大米")
    assert (e1.seq, e1.kind, e1.points, e1.balance_after, e1.minutes, e1.operator) == (
        1,
        "deposit",
        30,
        30,
        150,
        "admin",
    )
    assert (e2.seq, e2.kind, e2.points, e2.balance_after, e2.minutes) == (2, "redeem", -20, 10, 0)
    row = pb.get_passbook(workspace, book.number.lower() + " ")
    assert (row.balance, row.minutes, row.pending_lines) == (10, 150, 2)
    assert volunteer_hours(workspace, book.holder_uid) == 2.5  # redemption never reduces hours


def test_redeem_beyond_balance_is_refused_with_the_balance_and_changes_nothing(workspace, book):
    pb.deposit(workspace, book.number, 30, "助老")
    with pytest.raises(UserError, match="余额只有 30 分"):
        pb.redeem(workspace, book.number, 31, "兑换")
    with workspace.read() as session:
        assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 1
        assert session.scalar(select(Passbook.balance)) == 30


@pytest.mark.parametrize("points,memo,hours,message", [
    (0, "x", None, "大于 0"), (-5, "x", None, "大于 0"), (10, "  ", None, "摘要不能为空"),
    (10, "x", -1, "不能为负数"), (10**6, "x", None, "最多"), (10, "x" * 101, None, "最多 100"),
])
def test_deposit_validation(workspace, book, points, memo, hours, message):
    with pytest.raises(UserError, match=message):
        pb.deposit(workspace, book.number, points, memo, hours)


def test_unknown_number_and_viewer_are_refused(workspace, book):
    with pytest.raises(NotFound, match="找不到号码"):
        pb.deposit(workspace, "999-1", 10, "x")
    workspace.user = CurrentUser("view", "viewer")
    with pytest.raises(UserError):
        pb.deposit(workspace, book.number, 10, "x")


def test_reversal_names_the_original_and_cannot_repeat(workspace, book):
    pb.deposit(workspace, book.number, 40, "活动", hours=2)
    rev = pb.reverse(workspace, book.number, 1, "登记重复")
    assert (rev.kind, rev.points, rev.minutes, rev.balance_after) == ("reversal", -40, -120, 0)
    entries = pb.entries(workspace, book.number, newest_first=False)
    assert rev.reverses_uid == entries[0].uid
    assert entries[0].points == 40  # the original is untouched
    with pytest.raises(UserError, match="已经冲正过"):
        pb.reverse(workspace, book.number, 1)
    with pytest.raises(UserError, match="不能冲正"):
        pb.reverse(workspace, book.number, 2)
    assert volunteer_hours(workspace, book.holder_uid) == 0


def test_reversing_a_deposit_already_spent_is_refused(workspace, book):
    pb.deposit(workspace, book.number, 40, "活动")
    pb.redeem(workspace, book.number, 30, "兑换")
    with pytest.raises(UserError, match="余额只有 10 分"):
        pb.reverse(workspace, book.number, 1)


def test_loss_blocks_at_once_and_replacement_carries_the_balance(workspace, book):
    pb.deposit(workspace, book.number, 50, "服务", hours=3)
    life.report_lost(workspace, book.number)
    with pytest.raises(UserError, match="已挂失"):
        pb.deposit(workspace, book.number, 10, "x")
    with pytest.raises(UserError, match="已挂失"):
        pb.redeem(workspace, book.number, 10, "x")
    new = life.replace(workspace, book.number)
    assert new.number == "370102001-000002" and new.balance == 50 and new.replaces_uid == book.uid
    first = pb.entries(workspace, new.number)[0]
    assert (first.kind, first.points, first.memo) == ("carried_forward", 50, f"承前 原折{book.number}")
    old = pb.get_passbook(workspace, book.number)
    assert (old.status, old.balance, old.replaced_by_uid) == ("replaced", 0, new.uid)
    assert volunteer_hours(workspace, book.holder_uid) == 3  # hours are not doubled by the carry
    assert all(r.ok for r in run_checks(workspace))
    # the old book never prints again: it leaves the pending-lines list and its count
    from yichao.app.passbook import PassbookFilter, count_passbooks, query_passbooks

    assert old.pending_lines == 0
    pending = [b.number for b in query_passbooks(workspace, PassbookFilter(pending_only=True))]
    assert book.number not in pending and new.number in pending
    assert count_passbooks(workspace, PassbookFilter(pending_only=True)) == 1


def test_lift_loss_and_close(workspace, book):
    life.report_lost(workspace, book.number)
    life.lift_loss(workspace, book.number)
    pb.deposit(workspace, book.number, 5, "x")
    with pytest.raises(UserError, match="还有 5 分"):
        life.close(workspace, book.number)
    pb.redeem(workspace, book.number, 5, "y")
    assert life.close(workspace, book.number).status == "closed"
    with pytest.raises(UserError, match="已销户"):
        pb.deposit(workspace, book.number, 5, "x")


def test_take_over_keeps_number_balance_hours_and_next_line(workspace, holder):
    row = life.take_over(workspace, "lx-00077", holder.uid, balance=120, hours=130, page=3, line=7)
    assert (row.number, row.balance, row.pending_lines, row.next_page, row.next_line) == ("LX-00077", 120, 0, 3, 7)
    assert volunteer_hours(workspace, holder.uid) == 130
    assert star_level(130) == 1
    with pytest.raises(UserError, match="已经登记过"):
        other = create_person(workspace, PersonInput(name="赵六"))
        life.take_over(workspace, "LX-00077", other.uid, balance=0, hours=0, page=1, line=1)


def test_star_levels():
    assert [star_level(h) for h in (0, 99.9, 100, 299, 300, 600, 999, 1000, 1499, 1500, 5000)] == [
        0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5]
    assert hours_to_next_star(250) == 50 and hours_to_next_star(1600) is None


def test_every_change_is_journaled_and_check_catches_a_tampered_balance(workspace, book):
    pb.deposit(workspace, book.number, 10, "x")
    with workspace.read() as session:
        ops = session.execute(select(JournalEntry.entity, JournalEntry.op).where(
            JournalEntry.entity.in_(("passbook", "passbook_entry")))).all()
    # the entry is the change; the passbook's totals follow from the ledger (derived, issue 17 point 3:
    # every counter moves them, so they are no change of the issuing site's record)
    assert ("passbook_entry", "insert") in ops and ("passbook", "update") not in ops
    assert all(r.ok for r in run_checks(workspace))
    with workspace.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE passbook SET balance = 99")
    problems = {r.name: r.problems for r in run_checks(workspace)}["爱心存折余额"]
    assert problems == [f"存折 {book.number} 的余额 99 分与账页合计 10 分不符。"]


def test_list_rows_carry_number_balance_pending(workspace, book):
    pb.deposit(workspace, book.number, 10, "x")
    rows = list(passbook_rows(workspace))
    assert rows == [{"uid": book.uid, "number": book.number, "holder": "李秀英", "status": "active",
                     "balance": 10, "hours": 0, "pending_lines": 1}]


def test_entry_dates_are_today(workspace, book):
    assert pb.deposit(workspace, book.number, 10, "x").on == date.today()


def test_bulk_posting_is_all_or_nothing_and_keeps_running_balances(workspace, book):
    from yichao.app.passbook.ledger import Posting, append_many

    with workspace.unit() as session:
        assert append_many(session, [Posting(book.uid, "deposit", "a", 10), Posting(book.uid, "redeem", "b", -4),
                                     Posting(book.uid, "deposit", "c", 1, 30)], "t", chunk=2) == 3
    assert [(e.seq, e.balance_after) for e in pb.entries(workspace, book.number, newest_first=False)] == [
        (1, 10), (2, 6), (3, 7)]
    with pytest.raises(UserError, match="余额只有 12 分"), workspace.unit() as session:  # at that point
        append_many(session, [Posting(book.uid, "deposit", "d", 5), Posting(book.uid, "redeem", "e", -20)], "t")
    row = pb.get_passbook(workspace, book.number)
    assert (row.balance, row.minutes, row.pending_lines) == (7, 30, 3)
