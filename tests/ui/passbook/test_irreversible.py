"""Replacing or closing a passbook asks first and says what happens (the balance that carries over)."""

from __future__ import annotations

import pytest

from tests.ui.modal import answer, seen
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person


@pytest.fixture
def counter(qtbot, workspace):
    from yichao.ui.pages.passbook.page import PassbookPage

    page = PassbookPage(workspace)
    qtbot.addWidget(page)
    page.counter.kept_page = page  # the page owns the counter: keep it alive for the test
    return page.counter


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="刘芳", is_volunteer=True))
    row = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, row.number, 40, "楼道清扫")
    return row


def test_replace_says_the_balance_and_unprinted_lines_and_cancel_keeps_the_book(counter, workspace, book, monkeypatch):
    from yichao.ui.pages.passbook import counter as counter_mod

    counter.open_number(book.number)
    answer("confirm-cancel")
    counter.replace()
    assert "40" in seen[-1] and "1" in seen[-1] and book.number in seen[-1]
    assert pb.get_passbook(workspace, book.number).status == "active"

    monkeypatch.setattr(counter_mod.QMessageBox, "information", lambda *a, **k: None)
    answer("confirm-action")
    counter.replace()
    assert pb.get_passbook(workspace, book.number).status == "replaced"
    assert counter.current.number != book.number and counter.current.balance == 40


def test_close_asks_and_refuses_a_book_with_points(counter, workspace, book, monkeypatch):
    from yichao.ui.pages.passbook import counter as counter_mod

    shown: list[str] = []
    monkeypatch.setattr(counter_mod, "show_error", lambda parent, message: shown.append(message))
    import yichao.ui.operations as ops

    monkeypatch.setattr(ops, "show_error", lambda parent, message: shown.append(message))
    counter.open_number(book.number)
    answer("confirm-action")
    counter.close_book()
    assert shown and "还有 40 分" in shown[-1]
    assert pb.get_passbook(workspace, book.number).status == "active"
    pb.redeem(workspace, book.number, 40, "兑换大米")
    counter.open_number(book.number)
    answer("confirm-action")
    counter.close_book()
    assert pb.get_passbook(workspace, book.number).status == "closed"
