"""Start-up does not wait for what the user does not need yet: icons follow the window.

The icon font's import (qtawesome and its qtpy layer) waits for the GUI thread's first idle moment;
the main window is shown without icons and gets them when the import is done. A window that is gone
by then is left alone. The import never runs beside the head start's import on its thread.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from yichao.ui import icons
from yichao.ui.launch import make_application, show_main_window


class HeldImport:
    """The scheduled icon import, held until the test calls :meth:`set` (later ones then run at once,
    on the next turn of the event loop as for real)."""

    def __init__(self) -> None:
        self.waiting: list = []
        self.released = False

    def schedule(self, work, delay_ms: int) -> None:
        if self.released:
            QTimer.singleShot(delay_ms, work)
        else:
            self.waiting.append(work)

    def set(self) -> None:
        self.released = True
        while self.waiting:
            self.waiting.pop(0)()


@pytest.fixture
def slow_icons(monkeypatch):
    """The icon import held until the test releases it, with the module's state reset."""
    held = HeldImport()
    monkeypatch.setattr(icons, "_schedule", held.schedule)
    monkeypatch.setattr(icons, "_loader", None)
    monkeypatch.setattr(icons, "_started", False)
    monkeypatch.setattr(icons, "_done", threading.Event())
    return held


def test_main_window_is_shown_before_the_icons_and_gets_them_after(qtbot, workspace, slow_icons):
    make_application()
    window = show_main_window(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert not icons.ready()
    assert window.nav.count() >= 1
    assert all(window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert window.nav.item(0).text() == "工作台"  # usable: the words are there at once
    slow_icons.set()
    qtbot.waitUntil(lambda: not window.nav.item(0).icon().isNull(), timeout=10_000)
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    assert not window.windowIcon().isNull()
    dashboard = window.current_page()
    qtbot.waitUntil(lambda: not dashboard.refresh_button.icon().isNull(), timeout=10_000)


def test_a_receiver_deleted_before_the_icons_arrive_is_not_called(qtbot, slow_icons):
    from PySide6.QtCore import QObject

    make_application()
    icons.preload()
    calls: list[str] = []
    gone, kept = QObject(), QObject()
    icons.when_ready(gone, lambda: calls.append("gone"))
    icons.when_ready(kept, lambda: calls.append("kept"))
    gone.deleteLater()
    qtbot.wait(10)
    assert calls == []
    slow_icons.set()
    qtbot.waitUntil(lambda: calls == ["kept"], timeout=10_000)
    qtbot.wait(20)
    assert calls == ["kept"]  # once only


def test_without_a_deferred_start_icons_come_at_once(qtbot, monkeypatch):
    monkeypatch.setattr(icons, "_loader", None)
    monkeypatch.setattr(icons, "_started", False)
    monkeypatch.setattr(icons, "_done", threading.Event())
    make_application()
    assert icons.ready()
    calls: list[int] = []
    from PySide6.QtCore import QObject

    holder = QObject()
    icons.when_ready(holder, lambda: calls.append(1))
    assert calls == [1]
    assert not icons.icon("save").isNull()


def test_work_waits_for_the_first_paint_and_skips_closed_widgets(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from yichao.ui.first_paint import after_first_paint

    make_application()
    window = QWidget()
    qtbot.addWidget(window)
    kept, closed = QLabel("kept", window), QLabel("closed", window)
    layout = QVBoxLayout(window)
    layout.addWidget(kept)
    layout.addWidget(closed)
    calls: list[str] = []
    after_first_paint(kept, lambda: calls.append("kept"))
    after_first_paint(closed, lambda: calls.append("closed"))
    closed.deleteLater()
    qtbot.wait(30)
    assert calls == []  # not shown, not painted
    window.show()
    qtbot.waitUntil(lambda: calls == ["kept"], timeout=5_000)
    after_first_paint(kept, lambda: calls.append("later"))  # already painted: soon, not never
    qtbot.waitUntil(lambda: calls == ["kept", "later"], timeout=5_000)


def test_the_import_waits_while_the_head_start_imports_on_its_thread(qtbot, slow_icons):
    """PySide6 builds its lazy types unsafely from two threads at once (a SIGSEGV): the icon import
    tries again later while the launcher's head start holds the import lock."""
    from yichao.ui.background_imports import BACKGROUND_IMPORT

    make_application()
    icons.preload()
    with BACKGROUND_IMPORT:
        slow_icons.set()  # runs the import's first try: the lock is taken, so it is put off
        assert not icons.ready()
        qtbot.wait(3 * icons.RETRY_MS)  # and tried again, still locked
        assert not icons.ready()
    qtbot.waitUntil(icons.ready, timeout=5_000)
