"""The district's residents statistics name the street of each community and can be built for one
street (issue 14, point 5): two streets may both have a 第一社区, and neither is merged into the
other's row. A street's own report and page stay as they were."""

from __future__ import annotations

import gc
import random

import pytest

from tests.unit.sync.support import add_community, add_people, district_with_two_streets
from yichao.app.stats.build import build_report
from yichao.app.stats.period import Period


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()


def _fill(ws) -> None:
    rng = random.Random(int(ws.site.code))
    add_people(ws, 3 if ws.site.code.endswith("1") else 2, rng, add_community(ws, "第一社区"))
    if ws.site.code.endswith("1"):
        add_people(ws, 4, rng, add_community(ws, "山水社区"))


def _cells(page, key: str) -> list[tuple[str, ...]]:
    view = next(page.tabs.widget(i) for i in range(page.tabs.count())
                if page.tabs.widget(i).objectName() == f"table_{key}")
    model = view.model()
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_district_residents_by_community_name_the_street_and_filter_by_it(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.reports.page import ReportsPage

    a, b, d = district_with_two_streets(make_workspace, tmp_path, _fill)
    page = ReportsPage(d)
    qtbot.addWidget(page)
    assert not page.street.isHidden()
    with qtbot.waitSignal(page.report_ready, timeout=20_000):
        page.build_button.click()
    table = page.report.table("residents_by_community")
    assert [c.title for c in table.columns] == ["社区", "街道", "数量（人）"]
    assert _cells(page, "residents_by_community") == [
        ("山水社区", "甸柳街道", "4"), ("第一社区", "甸柳街道", "3"), ("第一社区", "姚家街道", "2"), ("合计", "", "9")]

    page.street.setCurrentIndex(page.street.findData(b.site.code))
    with qtbot.waitSignal(page.report_ready, timeout=20_000):
        page.build_button.click()
    assert "姚家街道" in page.report.title
    assert _cells(page, "residents_by_community") == [("第一社区", "姚家街道", "2"), ("合计", "", "2")]
    stock = page.report.table("stock")
    assert [c.title for c in stock.columns][2:] == ["姚家街道"] and stock.row("登记居民")[2] == 2

    own = build_report(a, Period("month", 2026, 12))  # a street's own report: no 街道 column
    assert [c.title for c in own.table("residents_by_community").columns] == ["社区", "数量（人）"]
    street_page = ReportsPage(a)
    qtbot.addWidget(street_page)
    assert street_page.street.isHidden()
