"""The 统计报表 page: builds off the GUI thread, shows the report's tables, saves PDF and XLSX."""

from __future__ import annotations

import gc

import pytest

from yichao.app.stats.period import Period
from yichao.models.journal import bulk_insert
from yichao.models.person import Person
from yichao.ui.launch import make_application
from yichao.ui.models.report_table import RAW_ROLE, ReportTableModel
from yichao.ui.pages.reports.page import ReportsPage


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    """Let the worker finish, then collect garbage here: a Qt object collected by Python's GC on
    the worker thread (where the next query allocates) crashes the process."""
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()

def test_build_show_and_save(qtbot, workspace, tmp_path):
    make_application()
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": f"居民{i}"} for i in range(1234)])
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    assert not page.pdf_button.isEnabled()
    page.set_period(Period("quarter", 2026, 4))
    assert page.period() == Period("quarter", 2026, 4)
    with qtbot.waitSignal(page.report_ready, timeout=15_000):
        page.build_button.click()
    report = page.report
    assert report.period == Period("quarter", 2026, 4) and page.pdf_button.isEnabled()
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[: len(report.tables)] == [t.title for t in report.tables]
    stock_view = page.tabs.widget(titles.index("现状"))
    model = stock_view.model()
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("登记居民")
    assert model.index(row, 2).data() == "1,234" and model.index(row, 2).data(RAW_ROLE) == 1234
    for suffix in (".pdf", ".xlsx"):
        with qtbot.waitSignal(page.saved, timeout=15_000):
            page.save_to(tmp_path / f"r{suffix}")
        assert (tmp_path / f"r{suffix}").stat().st_size > 1000


def test_table_model_passes_the_model_tester(qtmodeltester, workspace):
    from yichao.app.stats.build import build_report

    report = build_report(workspace, Period("month", 2026, 10))
    for table in report.tables:
        qtmodeltester.check(ReportTableModel(table))


def test_period_controls_follow_the_kind(qtbot, workspace):
    make_application()
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    page.set_period(Period("year", 2025))
    assert page.period() == Period("year", 2025) and page.number.isHidden()
    page.set_period(Period("month", 2026, 12))
    assert page.number.maximum() == 12 and page.period() == Period("month", 2026, 12)
