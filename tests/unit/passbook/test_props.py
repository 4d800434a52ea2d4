"""Property-based: any sequence of counter operations keeps every ledger whole and every line single.

Random deposits, redemptions, reversals, losses (and lifting them), replacements, and prints that are
confirmed or not: after every step each passbook's stored balance equals its ledger sum and matches
a plain model, nothing is negative, and the printed lines of a passbook are consecutive — never two
entries on one line, never a skipped line.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.passbook import accounts as pb
from yichao.app.passbook import lifecycle as life
from yichao.app.passbook.layout import place
from yichao.app.passbook.ledger import ledger_problems
from yichao.app.passbook.printing import confirm_printed, print_pending
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.passbook import Passbook, PrintedLine

_names = itertools.count()

OPS = st.lists(
    st.tuples(
        st.sampled_from(["deposit", "deposit", "redeem", "reverse", "lost", "lift", "replace", "print", "print_no"]),
        st.integers(0, 2),  # which holder
        st.integers(1, 60),  # points, or which entry to reverse
    ),
    min_size=1, max_size=30,
)


def _consecutive(positions: list[tuple[int, int]], lines_per_page: int) -> bool:
    for (p1, l1), (p2, l2) in zip(positions, positions[1:]):
        if not ((p2, l2) == (p1, l1 + 1) or (l1 >= lines_per_page and (p2, l2) == (p1 + 1, 1))):
            return False
    return True


@given(
    balances=st.lists(st.integers(0, 10_000), max_size=80),
    start_page=st.integers(1, 5), start_line=st.integers(1, 21), lines_per_page=st.integers(2, 20),
)
def test_place_never_doubles_nor_skips_a_line(balances, start_page, start_line, lines_per_page):
    placements, (next_page, next_line) = place(balances, start_page, start_line, lines_per_page)
    positions = [(p.page, p.line) for p in placements]
    assert len(set(positions)) == len(positions)
    assert [p.entry_index for p in placements if not p.is_carry] == list(range(len(balances)))
    assert all(1 <= line <= lines_per_page for _, line in positions)
    assert _consecutive(positions, lines_per_page) or start_line > lines_per_page + 1
    for p in placements:
        if p.is_carry:  # a 承前页 line opens a page and carries the balance before the next entry
            assert p.line == 1
            assert p.carried_balance == balances[placements[placements.index(p) + 1].entry_index]
    if placements:
        last = placements[-1]
        assert (next_page, next_line) == (last.page, last.line + 1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_random_counter_work_keeps_ledgers_whole(workspace, tmp_path, ops):
    holders = [create_person(workspace, PersonInput(name=f"测{next(_names)}")).uid for _ in range(3)]
    books = [pb.open_passbook(workspace, uid).number for uid in holders]
    model = [0, 0, 0]  # expected points per holder (carried over on replacement)
    for op, who, amount in ops:
        number = books[who]
        try:
            if op == "deposit":
                pb.deposit(workspace, number, amount, "存", hours=amount / 10)
                model[who] += amount
            elif op == "redeem":
                pb.redeem(workspace, number, amount, "取")
                model[who] -= amount
            elif op == "reverse":
                entry = pb.reverse(workspace, number, amount % 8 + 1)
                model[who] += entry.points
            elif op == "lost":
                life.report_lost(workspace, number)
            elif op == "lift":
                life.lift_loss(workspace, number)
            elif op == "replace":
                books[who] = life.replace(workspace, number).number
            else:
                job = print_pending(workspace, number, tmp_path / "p.pdf")
                if op == "print" and not job.empty:
                    confirm_printed(workspace, job)
        except UserError:
            pass  # refused: must have changed nothing, which the checks below prove
        for i, n in enumerate(books):
            row = pb.get_passbook(workspace, n)
            assert row.balance == model[i] >= 0
    with workspace.read() as session:
        assert ledger_problems(session) == []
        for book in session.scalars(select(Passbook).where(Passbook.holder_uid.in_(holders))):
            lines = list(session.execute(select(PrintedLine.page, PrintedLine.line, PrintedLine.entry_uid)
                                         .where(PrintedLine.passbook_uid == book.uid)
                                         .order_by(PrintedLine.page, PrintedLine.line)))
            positions = [(p, ln) for p, ln, _ in lines]
            assert positions[:1] in ([], [(1, 1)])
            assert _consecutive(positions, 20)
            entry_uids = [u for _, _, u in lines if u]
            assert len(entry_uids) == len(set(entry_uids)) == book.printed_seq
            if positions:
                page, line = positions[-1]
                assert (book.next_page, book.next_line) == (page, line + 1)
