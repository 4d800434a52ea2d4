"""导入往年项目 from the projects page: checked first, then the rounds and the list show them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.unit.projects.test_flow import make_org
from tests.unit.projects.test_history_xlsx import ROWS, past_ledger
from yichao.ui.launch import make_application
from yichao.ui.pages.projects.page import ProjectsPage
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog


def test_past_projects_imported_from_the_projects_page(qtbot, workspace, tmp_path, monkeypatch):
    make_application()
    for name in ("夕阳红志愿服务队", "阳光社工服务中心"):
        make_org(workspace, name)
    path = past_ledger(tmp_path / "往年.xlsx", ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    page = ProjectsPage(workspace)
    qtbot.addWidget(page)
    page.projects.buttons["history"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert "已将 3 个往年项目导入" in said[0]
    rounds = [page.projects.program.itemText(i) for i in range(page.projects.program.count())]
    assert "2022年甸柳街道公益创投" in rounds and "2023年微创投" in rounds
    assert page.projects.model.rowCount() == 3
