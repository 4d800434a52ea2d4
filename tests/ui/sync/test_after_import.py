"""After a bundle is imported through the 数据同步 page, the window shows it at once (issue 14,
point 5): the status bar names the exchange instead of 从未, and the 工作台 recounts without 刷新."""

from __future__ import annotations

import gc
import random

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.unit.sync.support import add_people, move, pair
from yichao.ui.launch import make_application


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread():
    yield
    from yichao.ui.operations import pool

    pool().waitForDone(10_000)
    gc.collect()


def _residents(dashboard) -> int:
    return next(int(c.value or 0) for c in dashboard.data.cards if c.key == "residents")


def test_import_refreshes_the_status_bar_and_the_dashboard(qtbot, make_workspace, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    from yichao.ui.main_window import MainWindow

    make_application()
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    add_people(street, 7, random.Random(5))
    bundle = move(street, district, tmp_path, apply=False)

    window = MainWindow(district, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard._loading, timeout=20_000)
    assert _residents(dashboard) == 0
    assert "从未" in window.exchange_label.text() and window.exchange_label.styleSheet() == ""  # a new site

    page = window.show_page("sync")
    page.preview(bundle, confirm=False)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "从未" not in window.exchange_label.text()
    qtbot.waitUntil(lambda: not dashboard._loading and _residents(dashboard) == 7, timeout=20_000)
