"""值对照 in the GUI: each value the lists lack is shown once with its proposal; the clerk's choice
maps every row, and files of the same layout are not asked again."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from tests.unit.core.test_value_map import ROWS, needs_sheet
from tests.unit.projects.test_flow import make_org
from tests.unit.projects.test_history_xlsx import past_ledger
from yichao.app.needs import import_needs, query_needs
from yichao.app.needs import value_questions as need_questions
from yichao.app.projects import query_projects
from yichao.ui.launch import make_application
from yichao.ui.pages.projects.page import ProjectsPage
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog
from yichao.ui.widgets.value_mapping import ValueMappingDialog


def test_the_dialog_proposes_and_the_clerk_changes_one(qtbot, workspace, tmp_path):
    make_application()
    path = needs_sheet(tmp_path / "n.xlsx", ROWS)
    dialog = ValueMappingDialog(need_questions(workspace, path))
    qtbot.addWidget(dialog)
    shown = [(dialog.table.item(r, 1).text(), dialog.combos[r].currentText()) for r in range(dialog.table.rowCount())]
    assert shown == [("助老服务", "助老"), ("便民维修", "维修"), ("生活服务", "其他"), ("急", "较急")]
    assert dialog.table.horizontalHeaderItem(3).text() == "对应为"
    dialog.combos[2].setCurrentIndex(dialog.combos[2].findData("邻里互助"))  # 生活服务 here means 邻里互助
    dialog.combos[1].setCurrentIndex(0)  # 便民维修 left unmapped: its row stays an error
    answers = dialog.value_map()
    assert answers == {"需求类别": {"助老服务": "助老", "生活服务": "邻里互助"}, "紧急程度": {"急": "较急"}}
    report = import_needs(workspace, path, value_map=answers, skip_invalid=True)
    assert report.applied == 4 and [row for row, _ in report.rejected] == [4]
    assert sorted(n.category for n in query_needs(workspace, limit=10)) == ["助老", "助老", "文体", "邻里互助"]


def test_an_import_asks_the_values_before_checking_the_rows(qtbot, workspace, tmp_path, monkeypatch):
    make_application()
    make_org(workspace, "夕阳红志愿服务队")
    path = past_ledger(tmp_path / "往年.xlsx", [
        [1, 2021, "", "夕阳红志愿服务队", "助老餐桌", "", "8000", "圆满结项", 88, None]])
    asked: list[list[str]] = []

    def confirm(dialog: ValueMappingDialog) -> int:
        asked.append([dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())])
        dialog.combos[0].setCurrentIndex(dialog.combos[0].findData("已结项"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ValueMappingDialog, "exec", confirm)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    page = ProjectsPage(workspace)
    qtbot.addWidget(page)
    page.projects.buttons["history"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert asked == [["圆满结项"]]
    assert [p.status for p in query_projects(workspace)] == ["closed"]


def test_a_roster_import_asks_the_genders_it_does_not_know(qtbot, workspace, tmp_path, monkeypatch):
    import openpyxl

    from yichao.app.people import query_people
    from yichao.ui.pages.residents.page import ResidentsPage

    make_application()
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "性别", "联系电话"])
    wb.active.append(["周明", "男性", "13800001111"])
    wb.active.append(["吴芳", "女性", "13800002222"])
    wb.save(tmp_path / "花名册.xlsx")
    asked: list[list[tuple[str, str]]] = []

    def confirm(dialog: ValueMappingDialog) -> int:
        asked.append([(dialog.table.item(r, 1).text(), dialog.combos[r].currentText())
                      for r in range(dialog.table.rowCount())])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ValueMappingDialog, "exec", confirm)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    page = ResidentsPage(workspace)
    qtbot.addWidget(page)
    page.people_tab.import_roster(str(tmp_path / "花名册.xlsx"))
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert asked == [[("男性", "男"), ("女性", "女")]]
    assert sorted((p.name, p.gender) for p in query_people(workspace)) == [("吴芳", "female"), ("周明", "male")]


def test_a_need_list_imports_from_the_needs_tab_with_its_values_and_communities(qtbot, workspace, tmp_path,
                                                                                 monkeypatch):
    from yichao.ui.pages.residents.page import ResidentsPage

    make_application()
    path = needs_sheet(tmp_path / "需求.xlsx", [["帮王奶奶买菜", "助老服务", "一般", "甸柳第九社区"]],
                       header=("需求标题", "需求类别", "紧急程度", "社区"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(ValueMappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    ticked: list[bool] = []

    def tick_communities(dialog: ImportPreviewDialog) -> int:
        assert dialog.check.add_communities.isVisible() or dialog.report.new_communities
        dialog.check.add_communities.setChecked(True)  # 新建这些社区: checked again with them created
        qtbot.waitUntil(lambda: dialog.report.communities_added, timeout=20000)
        ticked.append(dialog.report.valid == 1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", tick_communities)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text: said.append(text)))
    page = ResidentsPage(workspace)
    qtbot.addWidget(page)
    needs_tab = page.needs_tab
    needs_tab.buttons["import"].click()
    qtbot.waitUntil(lambda: bool(said), timeout=30000)
    assert ticked == [True] and "已导入 1 条需求" in said[0]
    assert [n.category for n in query_needs(workspace, limit=5)] == ["助老"]
