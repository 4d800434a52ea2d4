"""One passbook, several counters (issue 17 point 3): the street and an office write and print the
same passbook offline; after real bundles both ways every counter shows one ledger. A double
redemption is listed once at the street, settled with a reversal, and the settlement reaches the
office. An office redeems within the street's limit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from yichao.app.core.errors import UserError
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.limits import office_limits, set_office_limit
from yichao.app.passbook.overdraw import list_overdraws, settle_overdraw
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.importer import import_bundle
from yichao.models.journal import JournalEntry

from .support import counter_view, make_street_and_office, move, print_at_counter

STREET, OFFICE = "370102001", "370102001003"


@pytest.fixture
def street_and_office(make_workspace, tmp_path):
    return make_street_and_office(make_workspace, tmp_path)


def _book(at, name: str = "孙丽") -> str:
    person = create_person(at, PersonInput(name=name, is_volunteer=True, phone="13812345678"))
    return pb.open_passbook(at, person.uid).number


def _exchange(a, b, tmp_path) -> None:
    move(a, b, tmp_path)
    move(b, a, tmp_path)


def test_entries_and_lines_of_two_counters_merge_into_one_ledger(street_and_office, tmp_path):
    street, office = street_and_office
    number = _book(street)
    pb.deposit(street, number, 100, "开户存入")
    print_at_counter(street, number, tmp_path)  # line 1 at the street
    move(street, office, tmp_path)
    # offline: the resident brings the book to the office (it prints there), the street credits an activity
    pb.deposit(office, number, 20, "助老服务", hours=2)
    pb.redeem(office, number, 30, "兑换毛巾")
    print_at_counter(office, number, tmp_path)  # lines 2 and 3 at the office
    pb.deposit(street, number, 10, "环境清洁")
    pb.deposit(street, number, 5, "垃圾分类")
    assert pb.get_passbook(street, number).balance == 115  # what the street has seen
    _exchange(office, street, tmp_path)
    shown = counter_view(street, number)
    assert counter_view(office, number) == shown
    lines, balance, next_line, pending = shown
    assert balance == 105 and next_line == (1, 4) and pending == 2
    # the paper first, in its order; then the street's two entries nobody printed, in the street's order
    assert [(p, b) for _, _, p, b in lines] == [(100, 100), (20, 120), (-30, 90), (10, 100), (5, 105)]
    assert [s for _, s, _, _ in lines] == [1, 2, 3, 4, 5]
    # the book comes back to the street: the two pending lines print on lines 4 and 5 there
    print_at_counter(street, number, tmp_path)
    _exchange(street, office, tmp_path)
    assert counter_view(office, number) == counter_view(street, number)
    assert counter_view(office, number)[2:] == ((1, 6), 0)


def test_lines_both_counters_printed_offline_put_the_next_line_after_the_highest(street_and_office, tmp_path):
    street, office = street_and_office
    number = _book(office)  # issued at the office this time: the street writes on the office's book
    pb.deposit(office, number, 50, "助老服务")
    move(office, street, tmp_path)
    pb.deposit(street, number, 7, "街道活动")
    print_at_counter(street, number, tmp_path)  # the street prints lines 1 and 2 (the office's entry and its own)
    for memo in ("一", "二", "三"):
        pb.deposit(office, number, 1, memo)
    print_at_counter(office, number, tmp_path)  # the office, not knowing, prints lines 1 to 4
    _exchange(street, office, tmp_path)
    shown = counter_view(office, number)
    assert counter_view(street, number) == shown
    assert shown[1] == 60 and shown[2] == (1, 5) and shown[3] == 0
    # same counters, same answers after a duplicate bundle too
    move(street, office, tmp_path)
    assert counter_view(office, number) == shown


def _overdraws_found(ws) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.op == "overdraw_found"))


def test_a_double_redemption_is_listed_once_settled_at_the_street_and_the_settlement_reaches_the_office(
        street_and_office, tmp_path):
    street, office = street_and_office
    number = _book(street)
    pb.deposit(street, number, 50, "开户存入")
    move(street, office, tmp_path)
    # both counters spend the same 40 points offline
    pb.redeem(office, number, 40, "兑换大米")
    pb.redeem(street, number, 40, "兑换食用油")
    bundle = move(office, street, tmp_path)
    (case,) = list_overdraws(street)
    assert (case.number, case.balance_found, case.balance_now, case.status) == (number, -30, -30, "open")
    import_bundle(street, bundle)  # the same stick again
    pb.deposit(office, number, 1, "签到")
    move(office, street, tmp_path)  # a later bundle touching the same passbook
    assert len(list_overdraws(street)) == 1 and _overdraws_found(street) == 1
    row = pb.get_passbook(street, number)
    assert row.balance == -29 and row.overdrawn
    with pytest.raises(UserError, match="透支 29 分，须由街道冲正"):
        pb.redeem(street, number, 1, "再兑换")
    move(street, office, tmp_path)
    assert pb.get_passbook(office, number).overdrawn  # flagged at the office too, but not listed there
    assert list_overdraws(office) == []
    with pytest.raises(UserError, match="须由街道冲正"):
        pb.redeem(office, number, 1, "再兑换")
    with pytest.raises(UserError, match="由街道冲正结清"):
        settle_overdraw(office, case.id, 3)
    street_redeem = next(e for e in pb.entries(street, number) if e.memo == "兑换食用油")
    deposit = next(e for e in pb.entries(street, number) if e.kind == "deposit")
    with pytest.raises(UserError, match="不是支取"):
        settle_overdraw(street, case.id, deposit.seq)
    assert list_overdraws(street)[0].status == "open"  # a refused settlement changes nothing
    settled = settle_overdraw(street, case.id, street_redeem.seq, "重复兑换，退回积分")
    assert (settled.status, settled.balance_now) == ("settled", 11)
    assert not pb.get_passbook(street, number).overdrawn
    with street.read() as session:
        ops = [op for (op,) in session.execute(select(JournalEntry.op).where(JournalEntry.op.like("overdraw_%")))]
    assert ops == ["overdraw_found", "overdraw_settled"]
    with pytest.raises(UserError, match="已经冲正结清"):
        settle_overdraw(street, case.id, street_redeem.seq)
    move(street, office, tmp_path)
    at_office = pb.get_passbook(office, number)
    assert (at_office.balance, at_office.overdrawn) == (11, False)
    assert counter_view(office, number) == counter_view(street, number)
    assert pb.redeem(office, number, 5, "兑换毛巾").balance_after == 6


def test_an_office_redeems_within_the_street_s_limit_until_the_street_has_seen_it(street_and_office, tmp_path):
    street, office = street_and_office
    number = _book(street)
    pb.deposit(street, number, 200, "开户存入")
    assert [(r.office_code, r.points) for r in office_limits(street)] == [(OFFICE, None)]
    set_office_limit(street, OFFICE, 50)
    with pytest.raises(UserError, match="由街道设定"):
        set_office_limit(office, OFFICE, 500)
    with pytest.raises(UserError, match="不是本街道"):
        set_office_limit(street, "370102002003", 50)
    with pytest.raises(UserError, match="0 到"):
        set_office_limit(street, OFFICE, -1)
    move(street, office, tmp_path)
    assert [(r.office_code, r.points) for r in office_limits(office)] == [(OFFICE, 50)]
    pb.redeem(office, number, 30, "兑换大米")
    with pytest.raises(UserError, match="离线支取限额是每本存折 50 分，本所在这本存折上尚未经街道确认的支取已有 30 分"):
        pb.redeem(office, number, 30, "兑换食用油")
    assert pb.get_passbook(office, number).balance == 170  # refused: nothing written
    _exchange(office, street, tmp_path)  # the street has seen the first one, and says so
    assert pb.redeem(office, number, 30, "兑换食用油").balance_after == 140
    set_office_limit(street, OFFICE, None)  # lifted: within the balance alone
    move(street, office, tmp_path)
    assert pb.redeem(office, number, 100, "兑换被子").balance_after == 40


def test_an_overdrawn_book_still_takes_deposits(street_and_office, tmp_path):
    """The flag stops redemptions only: a volunteer who serves again while the street has not yet
    settled earns the points (they were refused with 余额只有 -30 分，不够支取 -5 分 before)."""
    street, office = street_and_office
    number = _book(street)
    pb.deposit(street, number, 50, "开户存入")
    move(street, office, tmp_path)
    pb.redeem(office, number, 40, "兑换大米")
    pb.redeem(street, number, 40, "兑换食用油")
    move(office, street, tmp_path)
    pb.deposit(street, number, 5, "助老服务", hours=1)
    row = pb.get_passbook(street, number)
    assert (row.balance, row.overdrawn) == (-25, True)
    with pytest.raises(UserError, match="透支 25 分，须由街道冲正"):
        pb.redeem(street, number, 1, "再兑换")
