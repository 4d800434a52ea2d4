"""The column mapping a clerk confirms in 导入组织 is remembered for the file's layout (issue 21 point 2):
next month's roster of the same template opens with those columns chosen, and the CLI's import, which
asks nothing, reads it the same way."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QMessageBox

from yichao.app.orgs import import_orgs
from yichao.app.orgs.query import query_orgs
from yichao.ui.pages.orgs.import_dialog import OrgImportDialog

HEADER = ["序号", "队伍", "带头人", "联系电话"]  # 队伍 and 带头人 are words no guess knows


def roster(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(["甸柳街道群众团队名册"])
    wb.active.append(HEADER)
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def test_the_confirmed_columns_are_remembered_for_the_layout(qtbot, workspace, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: QMessageBox.StandardButton.Ok))
    first = roster(tmp_path / "五月.xlsx", [[1, "红帆服务社", "王五", "13812345678"]])
    dialog = OrgImportDialog(workspace, str(first))
    qtbot.addWidget(dialog)
    assert dialog.combos[1].currentData() == "" and dialog.combos[2].currentData() == ""  # not guessed
    dialog.combos[1].setCurrentIndex(dialog.combos[1].findData("name"))
    dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("leader"))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.applied == 1, timeout=10000)

    second = roster(tmp_path / "六月.xlsx", [[1, "夕阳红志愿服务队", "李明", "13912345678"]])
    again = OrgImportDialog(workspace, str(second))
    qtbot.addWidget(again)
    assert (again.combos[1].currentData(), again.combos[2].currentData()) == ("name", "leader")
    assert import_orgs(workspace, second).applied == 1  # the CLI's call, no mapping given
    assert {(o.name, o.leader) for o in query_orgs(workspace)} == {("红帆服务社", "王五"), ("夕阳红志愿服务队", "李明")}
