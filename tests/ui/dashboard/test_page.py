"""The 工作台 page: cards show the figure functions' numbers and open the list behind them."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from yichao.app.stats.dashboard import Card, dashboard_data
from yichao.models.journal import bulk_insert
from yichao.models.person import Person
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow
from yichao.ui.pages.dashboard.page import DashboardPage
from yichao.ui.widgets.chart_view import ChartView


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    """Let the worker finish, then collect garbage here: a Qt object collected by Python's GC on
    the worker thread (where the next query allocates) crashes the process."""
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()

def _wait_loaded(qtbot, page):
    qtbot.waitUntil(lambda: page.data is not None and not page._loading, timeout=10_000)


def test_cards_charts_and_todos_show_the_computed_figures(qtbot, workspace):
    make_application()
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}", "is_volunteer": i < 2} for i in range(5)])
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.show()  # a page counts once it is on the screen
    _wait_loaded(qtbot, page)
    shown = {card.card.key: card.value_label.text() for card in page.cards}
    assert shown["residents"] == "5" and shown["volunteers"] == "2"
    expected = dashboard_data(workspace)
    assert [c.card.key for c in page.cards] == [c.key for c in expected.cards]
    assert len(page.findChildren(ChartView)) == len(expected.charts) >= 1
    texts = [page.todo_list.item(i).text() for i in range(page.todo_list.count())]
    assert not any("数据包" in t for t in texts)  # a street set up today is not warned about 30 days


def test_a_page_counts_only_once_its_window_is_painted(qtbot, workspace):
    make_application()
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    qtbot.wait(50)
    assert page.data is None and not page._loading  # built but not shown: nothing counted yet
    page.show()
    _wait_loaded(qtbot, page)
    assert page.cards


def test_clicking_a_card_opens_its_page(qtbot, workspace):
    make_application()
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("dashboard")
    _wait_loaded(qtbot, page)
    page._fill_cards((Card("x", "测试", 3, "个", "int", "reports", ()),))
    card = page.cards[0]
    assert card.clickable
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("reports")
    window.show_page("dashboard")
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.current_page() is window.page("reports")


def test_a_card_whose_page_is_missing_is_not_clickable(qtbot, workspace):
    make_application()
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.show()  # a page counts once it is on the screen
    _wait_loaded(qtbot, page)
    page._fill_cards((Card("x", "测试", 1, "个", "int", "no_such_page", ()),))
    assert not page.cards[0].clickable


def test_the_records_behind_a_card_reach_its_page(qtbot, workspace):
    make_application()
    received = []
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}", "is_volunteer": i < 2} for i in range(5)])

    class FakeWindow:
        def show_page(self, key):
            class Target:
                def show_records(self, target, uids, caption):
                    received.append((key, target, len(uids), caption))
            return Target()

    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.show()  # a page counts once it is on the screen
    _wait_loaded(qtbot, page)
    page.window = lambda: FakeWindow()  # type: ignore[method-assign]
    page.open_list(Card("volunteers", "注册志愿者", 2, "人", "int", "residents", (("volunteers", "1"),)))
    assert received == [("residents", "people", 2, "工作台：注册志愿者 2 人")]


def test_refresh_recounts(qtbot, workspace):
    make_application()
    page = DashboardPage(workspace)
    qtbot.addWidget(page)
    page.show()  # a page counts once it is on the screen
    _wait_loaded(qtbot, page)
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": "新人"}])
    page.refresh()
    qtbot.waitUntil(lambda: {c.card.key: c.value_label.text() for c in page.cards}.get("residents") == "1",
                    timeout=10_000)
