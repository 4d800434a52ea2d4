"""The passbook page with several counters (issue 17 point 3): a merged overdraw is flagged in the
list and at the counter (no redemption), listed on the 多网点 tab with its settle action; the street
sets an office's limit there and the office sees it."""

from __future__ import annotations

from tests.unit.sync.support import move, pair
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.ui.launch import make_application
from yichao.ui.pages.passbook import counters_tab

STREET, OFFICE = "370102001", "370102001003"


def _overdrawn(make_workspace, tmp_path):
    street = make_workspace("street", STREET, "甸柳街道", "370102")
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", STREET)
    pair(street, office, tmp_path)
    number = pb.open_passbook(street, create_person(street, PersonInput(name="孙丽", is_volunteer=True)).uid).number
    pb.deposit(street, number, 50, "开户存入")
    move(street, office, tmp_path)
    pb.redeem(office, number, 40, "兑换大米")
    pb.redeem(street, number, 40, "兑换食用油")
    move(office, street, tmp_path)
    return street, office, number


def _texts(model, column: int) -> list[str]:
    return [model.data(model.index(i, column)) for i in range(model.rowCount())]


def test_the_flag_and_the_settle_action_are_there(qtbot, make_workspace, tmp_path, monkeypatch):
    from yichao.ui.pages.passbook.page import PassbookPage

    make_application()  # the Chinese translators, as users get them
    street, office, number = _overdrawn(make_workspace, tmp_path)
    page = PassbookPage(street)
    qtbot.addWidget(page)
    page.passbooks.refresh()
    assert _texts(page.passbooks.model, 2) == ["正常，合并透支待冲正"]
    page.open_in_counter(number)
    assert page.counter.status.text() == "正常，合并透支待冲正"
    assert not page.counter.redeem_box.isEnabled() and page.counter.service_box.isEnabled()
    tab = page.counters
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "多网点"
    assert tab.settle_action.text() == "冲正结清…" and tab.settle_action in tab.overdraw_bar.actions()
    assert not tab.overdraw_table.isHidden() and not tab.limit_bar.isHidden()
    assert _texts(tab.overdraws, 0) == [number] and _texts(tab.overdraws, 2) == ["待冲正"]
    asked = {}

    def fake_ask(parent, title, fields, check=None, note="", submit=None):
        asked["choices"] = [label for _, label in fields[0].choices]
        asked["note"] = note
        seq = next(value for value, label in fields[0].choices if "兑换食用油" in label)
        return submit({"seq": seq, "memo": "重复兑换"})

    monkeypatch.setattr(counters_tab, "ask", fake_ask)
    tab.overdraw_table.setCurrentIndex(tab.overdraws.index(0, 0))
    tab.settle()
    assert len(asked["choices"]) == 2 and "透支 30 分" in asked["note"]
    assert tab.overdraws.rowCount() == 0  # settled: off the open list
    tab.show_settled.setChecked(True)
    assert _texts(tab.overdraws, 2) == ["已冲正结清"]
    assert page.counter.status.text() == "正常" and page.counter.redeem_box.isEnabled()
    assert _texts(page.passbooks.model, 2) == ["正常"]
    # the office's limit: set at the street, seen at the office
    assert _texts(tab.limits, 0) == [OFFICE] and _texts(tab.limits, 2) == ["未设定（以余额为限）"]
    monkeypatch.setattr(counters_tab, "ask", lambda parent, title, fields, check=None, note="", submit=None:
                        submit({"lift": False, "points": 60}))
    tab.limit_table.setCurrentIndex(tab.limits.index(0, 0))
    tab.set_limit()
    assert _texts(tab.limits, 2) == ["60 分"]
    move(street, office, tmp_path)
    at_office = PassbookPage(office)
    qtbot.addWidget(at_office)
    assert at_office.counters.overdraw_table.isHidden() and at_office.counters.limit_bar.isHidden()
    assert _texts(at_office.counters.limits, 2) == ["60 分"]
