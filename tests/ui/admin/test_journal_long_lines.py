"""A long change in an organization's change log and in 操作日志 can be read whole: the cell's tooltip
(wrapped) has every change, Enter on the change shows it, and the journal's detail rows wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.modal import answer, seen
from yichao.app.orgs import OrgInput, create_org, update_org
from yichao.ui.launch import make_application
from yichao.ui.pages.admin.journal import JournalTab
from yichao.ui.pages.orgs.detail import OrgDetailView

LONG = "每周三下午在社区活动室为独居老人测量血压、讲解用药常识，并安排志愿者结对上门探访。" * 4


def _long_story(ws):
    org = create_org(ws, OrgInput("百合邻里互助会", leader="王芳"))
    update_org(ws, org.uid, OrgInput("百合邻里互助会", leader="李娜", notes=LONG))
    return org


def test_an_organizations_long_change_is_read_whole(qtbot, workspace) -> None:
    make_application()
    org = _long_story(workspace)
    view = OrgDetailView(workspace)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_org(org.uid)
    model = view.journal
    row = next(r for r in range(model.rowCount()) if "李娜" in model.data(model.index(r, 3)))
    cell = model.index(row, 3)
    shown = view.journal_view.visualRect(cell).width()
    assert view.journal_view.fontMetrics().horizontalAdvance(model.data(cell)) > shown  # cut off in the cell
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>") and LONG in tip and "负责人：王芳 → 李娜" in tip  # whole, wrapped
    view.tabs.setCurrentWidget(view.journal_view)
    view.journal_view.setFocus()
    view.journal_view.setCurrentIndex(cell)
    answer(None, fill=lambda box: box.accept())
    qtbot.keyClick(view.journal_view, Qt.Key.Key_Return)
    assert LONG in seen[-1] and "负责人：王芳 → 李娜" in seen[-1]
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)


def test_the_journal_tab_shows_long_values_whole(qtbot, workspace) -> None:
    make_application()
    _long_story(workspace)
    tab = JournalTab(workspace)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.data(model.index(r, 2)) == "修改")
    tab.view.setCurrentIndex(model.index(row, 0))
    notes = next(r for r in range(tab.detail.rowCount()) if tab.detail.item(r, 0).text() == "备注")
    item = tab.detail.item(notes, 2)
    assert item.text() == LONG and LONG in item.toolTip()
    assert tab.detail.wordWrap() and tab.detail.rowHeight(notes) > 2 * tab.detail.fontMetrics().height()
    assert model.data(model.index(row, 4), Qt.ItemDataRole.ToolTipRole)  # the record's name whole, too
