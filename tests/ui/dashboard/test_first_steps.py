"""A new street's 工作台 says what to set up first, opens where it is done, and forgets it once done."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from tests.unit.sync.support import pair
from yichao.app.core import add_community
from yichao.app.orgs import OrgInput, create_org
from yichao.app.stats.dashboard import dashboard_data
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()


def first_steps(ws) -> list[str]:
    return [t.key for t in dashboard_data(ws).todos if t.key.startswith("first_")]


def test_a_fresh_street_is_led_through_its_first_steps(make_workspace, tmp_path):
    street = make_workspace()
    assert first_steps(street) == ["first_communities", "first_orgs", "first_key"]
    assert dashboard_data(street).todos[0].key == "first_communities"  # they lead the list
    community = add_community(street, "文化东路社区")
    assert first_steps(street) == ["first_orgs", "first_key"]
    create_org(street, OrgInput(name="山泉志愿服务队", community_uid=community.uid))
    assert first_steps(street) == ["first_key"]
    district = make_workspace("district", "370102", "历下区", "")
    assert first_steps(district) == ["first_street_keys"]
    pair(street, district, tmp_path)
    assert first_steps(street) == [] and first_steps(district) == []


def test_the_communities_step_opens_the_communities_tab(qtbot, make_workspace):
    make_application()
    street = make_workspace()
    window = MainWindow(street, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    qtbot.waitUntil(lambda: page.data is not None and not page._loading, timeout=10_000)
    first = page.todo_list.item(0)
    assert first.text().startswith("开始使用：添加本街道的社区")
    page.todo_list.setCurrentItem(first)
    qtbot.keyClick(page.todo_list, Qt.Key.Key_Return)
    admin = window.show_page("admin")
    assert window.current_page() is admin
    assert admin.tabs.currentWidget() is admin.communities_tab
