"""The 项目与路演 page: tabs, the budget in view, filters, and form dialogs that validate as you type."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox

from tests.unit.projects.test_flow import make_program, make_project, to_running
from yichao.app.projects.flow import advance
from yichao.ui.launch import make_application
from yichao.ui.models.paged_table_model import ROW_ROLE
from yichao.ui.pages.projects.page import ProjectsPage
from yichao.ui.widgets.form import Field, FormDialog


def test_page_shows_budget_and_filters(qtbot, workspace):
    make_application()
    program = make_program(workspace)
    uid = make_project(workspace, program)
    to_running(workspace, uid, 40_000_00)
    other = make_project(workspace, program, title="社区花园")
    advance(workspace, other, "rejected", date(2026, 4, 1), note="不符合")
    page = ProjectsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    tab = page.projects
    assert tab.model.rowCount() == 2
    tab.program.setCurrentIndex(tab.program.findData(program))
    assert "已立项 40,000.00 元" in tab.budget_text.text() and tab.budget.value() == 40_000
    tab.status.setCurrentIndex(tab.status.findData("running"))
    assert tab.model.rowCount() == 1
    tab.view.selectRow(0)
    assert "邻里互助食堂" in tab.detail.toPlainText() and "立项后" in tab.detail.toPlainText()
    assert tab.buttons["step"].isEnabled()
    page.tabs.setCurrentIndex(2)
    assert page.roadshow.roadshows.count() == 1  # the roadshow the project pitched at


def test_form_names_the_wrong_field_as_you_type(qtbot):
    make_application()
    dialog = FormDialog("申报", [Field("title", "项目名称", required=True), Field("amount", "申请金额", "money")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "项目名称" in dialog.error.text()
    dialog.widgets["title"].setText("四点半课堂")
    qtbot.keyClicks(dialog.widgets["amount"], "12.345")
    assert "申请金额" in dialog.error.text() and not ok.isEnabled()
    dialog.widgets["amount"].clear()
    qtbot.keyClicks(dialog.widgets["amount"], "12000")
    assert ok.isEnabled() and dialog.values()["amount"] == 12_000_00


def test_rubric_dialog_checks_weights_as_you_type(qtbot):
    from PySide6.QtWidgets import QTableWidgetItem

    from yichao.app.roadshow.setup import CriterionSpec
    from yichao.ui.pages.projects.rubric_dialog import RubricDialog

    make_application()
    dialog = RubricDialog((CriterionSpec("需求", 0.6, 10), CriterionSpec("可行", 0.4, 20)))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.error.text() == ""
    dialog.table.setItem(1, 1, QTableWidgetItem("0.3"))
    assert not ok.isEnabled() and "权重之和" in dialog.error.text()
    dialog.add_row("创新", "0.1", "10")
    assert ok.isEnabled()
    assert [c.name for c in dialog.criteria()] == ["需求", "可行", "创新"]


def _drive(monkeypatch, script):
    """Run ``script(dialog)`` in place of the modal loop of the next form dialogs; what it leaves
    decides the answer, exactly as a clerk's clicks would."""
    seen = []

    def exec_(self):
        seen.append(self)
        script(self)
        return self.result()

    monkeypatch.setattr(FormDialog, "exec", exec_)
    return seen


def _page_on(qtbot, workspace, uid):
    page = ProjectsPage(workspace)
    qtbot.addWidget(page)
    tab = page.projects
    for row in range(tab.model.rowCount()):
        if tab.model.data(tab.model.index(row, 0), ROW_ROLE).uid == uid:
            tab.view.selectRow(row)
    assert tab.current().uid == uid
    return page, tab


def test_next_step_with_approved_amount_above_the_request_keeps_the_form(qtbot, workspace, monkeypatch):
    from tests.unit.projects.test_flow import to_pitched
    from yichao.app.projects import get_project

    make_application()
    uid = make_project(workspace, make_program(workspace), requested=50_000_00)
    to_pitched(workspace, uid)
    page, tab = _page_on(qtbot, workspace, uid)

    def clerk(dialog):
        dialog.to.setCurrentIndex(dialog.to.findData("approved"))
        dialog.amount.setText("60000")
        dialog.note.setPlainText("评审会通过")
        dialog.accept()  # 下一步: the service refuses 60,000 above the 50,000 asked for
        assert dialog.result() == 0 and "立项金额" in dialog.error.text() and dialog.problem_key == "amount"
        assert dialog.amount.text() == "60000" and dialog.note.toPlainText() == "评审会通过"
        assert get_project(workspace, uid).status == "pitched"
        dialog.amount.setText("四万五")
        assert not dialog.ok_button.isEnabled() and "45000" in dialog.error.text()
        dialog.amount.setText("45000元")
        dialog.accept()

    seen = _drive(monkeypatch, clerk)
    tab.actions_.step()
    assert len(seen) == 1 and seen[0].result() == 1
    p = get_project(workspace, uid)
    assert p.status == "approved" and p.approved_fen == 45_000_00


def test_disbursing_before_the_midterm_evaluation_keeps_the_form(qtbot, workspace, monkeypatch):
    from yichao.app.projects import disburse, list_tranches

    make_application()
    uid = make_project(workspace, make_program(workspace))
    to_running(workspace, uid, 40_000_00)
    first = list_tranches(workspace, uid)[0]
    disburse(workspace, first.uid, date(2026, 5, 2))
    page, tab = _page_on(qtbot, workspace, uid)

    def clerk(dialog):
        dialog.note.setText("第二笔按计划拨付")
        dialog.accept()
        assert dialog.result() == 0 and "中期评估" in dialog.error.text()
        assert dialog.note.text() == "第二笔按计划拨付"
        dialog.reject()

    seen = _drive(monkeypatch, clerk)
    tab.actions_.disburse()
    assert len(seen) == 1 and [t.disbursed_on is not None for t in list_tranches(workspace, uid)][:2] == [True, False]
