"""The score grid: keyboard-only entry, range checked as you type, blind second typing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.unit.projects.test_flow import make_program, make_project
from yichao.app.core.workspace import CurrentUser
from yichao.app.projects.flow import advance
from yichao.app.roadshow.scores import load_grid, roadshow_result
from yichao.app.roadshow.setup import CriterionSpec, add_entries, create_roadshow
from yichao.ui.launch import make_application
from yichao.ui.models.score_grid_model import ScoreGridModel
from yichao.ui.pages.projects.roadshow import RoadshowTab

CRITERIA = [CriterionSpec("需求", 0.6, 10), CriterionSpec("可行", 0.4, 20)]


@pytest.fixture
def tab(qtbot, workspace):
    make_application()
    program = make_program(workspace, budget=1_000_000_00)
    uids = []
    for title in ("P1", "P2"):
        uid = make_project(workspace, program, title=title)
        advance(workspace, uid, "screened", date(2026, 4, 1))
        uids.append(uid)
    r = create_roadshow(workspace, "春季路演", date(2026, 4, 10), "会议室", CRITERIA, ["甲", "乙"], program)
    add_entries(workspace, r.uid, uids)
    workspace.user = CurrentUser("wang", "staff", "王")
    widget = RoadshowTab(workspace)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def enter(qtbot, editor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits and closes through queued calls


def type_cells(qtbot, view, text_per_cell: list[str]) -> None:
    """Digits then Enter per cell, the keyboard only."""
    for text in text_per_cell:
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit):
            qtbot.keyClicks(editor, text)
        else:
            qtbot.keyClicks(view, text[0])  # the first key opens the editor
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit)
            qtbot.keyClicks(editor, text[1:])
        enter(qtbot, editor)


def test_model_passes_qt_model_tester(qtmodeltester, tab):
    assert isinstance(tab.model, ScoreGridModel)
    qtmodeltester.check(tab.model)


def test_keyboard_entry_saves_rows_and_refuses_out_of_range(qtbot, tab):
    view = tab.view
    view.start()
    assert view.currentIndex().row() == 0 and view.currentIndex().column() == 0
    type_cells(qtbot, view, ["8", "15"])  # row P1 complete -> saved for judge 甲
    grid = load_grid(tab.ws, tab.roadshow_uid)
    judge = grid.judges[0].uid
    assert grid.sheets[(judge, grid.entries[0].project_uid)].scores == (8.0, 15.0)
    # the cursor went on to P2's first criterion; 12 is above the maximum of 10
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 0)
    editor = QApplication.focusWidget()  # Enter opened the next cell's editor: typing goes on
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "12")
    assert editor.property("invalid") is True and "10" in tab.message.text()
    enter(qtbot, editor)
    assert QApplication.focusWidget() is editor  # not left behind
    editor.selectAll()
    qtbot.keyClicks(editor, "9.5")
    assert editor.property("invalid") is False
    enter(qtbot, editor)
    type_cells(qtbot, view, ["20"])
    grid = load_grid(tab.ws, tab.roadshow_uid)
    assert grid.sheets[(judge, grid.entries[1].project_uid)].scores == (9.5, 20.0)
    assert tab.model.data(tab.model.index(1, 2)) == "97.00"  # 100*(0.6*0.95 + 0.4*1)
    # Ctrl+PgDown: the next judge's sheet
    qtbot.keyClick(view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tab.judges.currentIndex() == 1
    assert "暂定" in tab.status.text()


def test_second_typing_is_blind_and_must_match(qtbot, tab):
    view = tab.view
    view.start()
    type_cells(qtbot, view, ["8", "15"])
    tab.ws.user = CurrentUser("li", "staff", "李")
    tab.confirm_mode.setChecked(True)
    assert tab.model.data(tab.model.index(0, 0)) == ""  # the first typing is not shown
    view.start()
    type_cells(qtbot, view, ["8", "16"])
    assert tab.model.state(0) == "mismatch" and "第一次是 15" in tab.message.text()
    assert (
        not load_grid(tab.ws, tab.roadshow_uid)
        .sheets[(tab.grid.judges[0].uid, tab.grid.entries[0].project_uid)]
        .confirmed
    )
    view.setCurrentIndex(tab.model.index(0, 0))
    type_cells(qtbot, view, ["8", "15"])
    assert tab.model.state(0) == "confirmed"
    assert roadshow_result(tab.ws, tab.roadshow_uid).grid.confirmed_count() == 1
    assert tab.results.rowCount() == 1 and tab.results.item(0, 1).text() == "P1"
