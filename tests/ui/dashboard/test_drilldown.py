"""Every figure and to-do of the 工作台 opens its list filtered to exactly what it counts; a record
saved while such a filter is active is shown and selected; the lists' keyboard."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from PySide6.QtCore import Qt

from yichao.app.core.workspace import CLI_USER, CurrentUser
from yichao.app.stats import dashboard_data
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow

ADMIN = CurrentUser("admin", "admin", "管理员")


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()


@pytest.fixture
def street(workspace):
    from yichao.app.demo import run_demo

    workspace.user = CLI_USER
    run_demo(workspace, residents=60, seed=11)
    workspace.user = ADMIN
    return workspace


def _rows(page_list_model) -> int:
    return page_list_model.rowCount()


def test_cards_and_todos_open_exactly_what_they_count(qtbot, street):
    make_application()
    window = MainWindow(street, remember_geometry=False)
    qtbot.addWidget(window)
    dashboard = window.show_page("dashboard")
    data = dashboard_data(street)
    cards = {c.key: c for c in data.cards}
    todos = {t.key: t for t in data.todos}

    overdue = cards["needs_overdue"]
    dashboard.open_list(overdue)
    residents = window.current_page()
    needs_tab = residents.needs_tab
    assert residents.tabs.currentWidget() is needs_tab and needs_tab.stack.currentIndex() == 1
    assert needs_tab.model.rowCount() == overdue.value > 0
    assert needs_tab.banner.isVisibleTo(residents) and "逾期需求" in needs_tab.banner.label.text()
    needs_tab.banner.button.click()  # 显示全部
    assert needs_tab.model.rowCount() > overdue.value

    volunteers = cards["volunteers"]
    dashboard.open_list(volunteers)
    assert residents.tabs.currentWidget() is residents.people_tab
    assert residents.people_tab.model.rowCount() == volunteers.value

    incubating = cards["orgs_incubating"]
    dashboard.open_list(incubating)
    orgs_page = window.current_page()
    assert orgs_page.list.model.rowCount() == incubating.value

    running = cards["projects_running"]
    dashboard.open_list(running)
    projects_page = window.current_page()
    assert projects_page.projects.model.rowCount() == running.value

    pending = todos["passbooks_pending"]
    dashboard.open_list(pending)
    passbook_page = window.current_page()
    assert passbook_page.tabs.currentWidget() is passbook_page.passbooks
    assert passbook_page.passbooks.model.rowCount() == pending.count


def test_an_overdue_follow_up_opens_its_organization(qtbot, workspace):
    from yichao.app.orgs import OrgInput, add_mentoring, create_org

    make_application()
    org = create_org(workspace, OrgInput("向阳志愿服务队", leader="李明", phone="13900000000"))
    create_org(workspace, OrgInput("另一个团队"))
    add_mentoring(workspace, org.uid, date(2026, 1, 5), "supervision", "李工", "建立台账",
                  follow_up_on=date(2026, 2, 1))
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    dashboard = window.show_page("dashboard")
    todo = next(t for t in dashboard_data(workspace).todos if t.key == "followups_overdue")
    dashboard.open_list(todo)
    page = window.current_page()
    assert page.list.model.rowCount() == 1
    assert page.detail.org is not None and page.detail.org.uid == org.uid
    assert page.buttons["edit"].isEnabled()


def test_a_new_record_saved_under_a_filter_is_shown_and_selected(qtbot, workspace):
    from yichao.app.orgs import OrgInput, create_org

    make_application()
    first = create_org(workspace, OrgInput("第一个团队"))
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    page = window.show_page("orgs")
    page.list.show_records((first.uid,), "工作台：测试")
    page.list.search.setText("第一")
    page.list.apply_filter()
    new = create_org(workspace, OrgInput("新来的团队"))
    page._after(new)  # what the New dialog's OK leads to
    assert page.list.current() is not None and page.list.current().uid == new.uid
    assert page.detail.org is not None and page.detail.org.uid == new.uid
    assert page.buttons["edit"].isEnabled() and page.buttons["delete"].isEnabled()
    assert not page.list.banner.isVisibleTo(page)


def test_search_box_enter_and_down_move_into_the_results_enter_opens_delete_asks(qtbot, workspace, monkeypatch):
    from yichao.app.orgs import OrgInput, create_org
    from yichao.ui.pages.orgs.page import OrgsPage

    make_application()
    create_org(workspace, OrgInput("百合互助会"))
    create_org(workspace, OrgInput("常青藤"))
    opened, deleted = [], []
    monkeypatch.setattr(OrgsPage, "edit", lambda self: opened.append(self.list.current().name))
    monkeypatch.setattr(OrgsPage, "delete", lambda self: deleted.append(self.list.current().name))
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("orgs")
    page.list.search.setFocus()
    qtbot.keyClick(page.list.search, Qt.Key.Key_Down)
    assert window.focusWidget() is page.list.view and page.list.view.currentIndex().row() == 0
    qtbot.keyClick(page.list.view, Qt.Key.Key_Down)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Return)
    qtbot.keyClick(page.list.view, Qt.Key.Key_Delete)
    assert opened == deleted == [page.list.current().name]
    page.list.search.setText("cqt")  # pinyin initials of 常青藤
    qtbot.keyClick(page.list.search, Qt.Key.Key_Return)  # searched at once, then into the results
    assert window.focusWidget() is page.list.view and page.list.model.rowCount() == 1
