"""The 工作台 of a street with community savings offices shows each office's figures of this month
and the total (issue 17 point 5); a street without offices shows no such table."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from yichao.models.journal import bulk_insert
from yichao.models.person import Person
from yichao.models.site import Site
from yichao.ui.launch import make_application
from yichao.ui.pages.dashboard.page import DashboardPage


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()


def _shown(qtbot, ws) -> DashboardPage:
    make_application()
    page = DashboardPage(ws)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.data is not None and not page._loading, timeout=10_000)
    return page


def test_each_office_s_row_and_the_total(qtbot, workspace):
    with workspace.unit() as s:
        s.add(Site(code="370102001003", name="甸柳新村社区储蓄所", role="community", parent_code="370102001",
                   origin="370102001003"))
        bulk_insert(s, Person, [{"name": f"居民{i}", "origin": "370102001003" if i < 3 else "370102001"}
                                for i in range(7)])
    page = _shown(qtbot, workspace)
    assert page.sites_box.isVisibleTo(page)
    model = page.sites_view.model()
    cells = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert cells == [["甸柳街道本级", "街道本级", "4"], ["　甸柳新村社区储蓄所", "社区储蓄所", "3"], ["合计", "", "7"]]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "登记居民（人）"


def test_a_street_without_offices_shows_none(qtbot, workspace):
    page = _shown(qtbot, workspace)
    assert not page.sites_box.isVisibleTo(page)
