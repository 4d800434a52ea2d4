"""The 组织档案 page: list search and filters, detail tabs, profile and stage dialogs, import."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from yichao.app.core.communities import add_community
from yichao.app.orgs.profile import OrgInput, create_org, get_org
from yichao.app.orgs.query import OrgFilter, count_orgs
from yichao.app.orgs.records import add_activity, add_mentoring
from yichao.models.identifiers import make_credit_code
from yichao.models.org_records import OrgRating
from yichao.ui.models.org_table import OrgSource, org_columns
from yichao.ui.models.paged_table_model import PagedTableModel
from yichao.ui.pages.orgs.edit_dialog import OrgDialog
from yichao.ui.pages.orgs.import_dialog import OrgImportDialog
from yichao.ui.pages.orgs.page import OrgsPage
from yichao.ui.pages.orgs.stage_dialogs import StageDialog

CODE = make_credit_code("5", "2", "370102", "MJ000501")


def _fill(ws) -> dict[str, str]:
    c = add_community(ws, "甸柳第一社区")
    a = create_org(ws, OrgInput(name="夕阳情艺术团", leader="张三", phone="13812345678", community_uid=c.uid))
    b = create_org(ws, OrgInput(name="阳光社工服务中心", kind="service_agency", credit_code=CODE, leader="李四",
                                phone="13912345678"))
    create_org(ws, OrgInput(name="邻里守望队"))
    add_activity(ws, a.uid, date.today(), "重阳节演出", participants=30)
    add_mentoring(ws, a.uid, date.today() - timedelta(days=30), "supervision", "赵老师", "台账不全",
                  follow_up_on=date.today() - timedelta(days=3))
    with ws.unit() as session:
        session.info["sync_apply"] = True
        session.add(OrgRating(uid="r-1", origin="370102", rev=1, org_uid=b.uid, level=4,
                              awarded_on=date(2024, 3, 1), valid_until=date(2029, 2, 28)))
    return {"a": a.uid, "b": b.uid}


def test_table_model_passes_qt_model_checks(qtmodeltester, workspace) -> None:
    _fill(workspace)
    model = PagedTableModel(OrgSource(workspace, OrgFilter()), org_columns({}))
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_search_filters_and_detail(qtbot, workspace) -> None:
    uids = _fill(workspace)
    page = OrgsPage(workspace)
    qtbot.addWidget(page)
    panel = page.list
    assert panel.model.rowCount() == 3
    panel.search.setText("xqt")
    panel.apply_filter()
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 0)) == "夕阳情艺术团"
    panel.view.selectRow(0)
    assert page.detail.org is not None and page.detail.org.uid == uids["a"]
    assert "夕阳情艺术团" in page.detail.title.text()
    assert page.detail.activities.model.rowCount() == 1
    assert "1" in page.detail.mentoring.summary.text()  # one overdue follow-up
    panel.search.setText("")
    panel.kind.setCurrentIndex(panel.kind.findData("service_agency"))
    assert panel.model.rowCount() == 1
    panel.view.selectRow(0)
    profile = page.detail.profile.text()
    assert "4A" in profile and "2029-02-28" in profile
    panel.kind.setCurrentIndex(0)
    panel.rating.setCurrentIndex(panel.rating.findData("none"))
    assert panel.model.rowCount() == 2
    assert "2" in panel.count_label.text()
    added = create_org(workspace, OrgInput(name="新来的队"))
    panel.reload(added.uid)
    assert panel.model.rowCount() == 3 and page.detail.org is not None and page.detail.org.uid == added.uid


def test_sorting_runs_in_sql(qtbot, workspace) -> None:
    _fill(workspace)
    page = OrgsPage(workspace)
    qtbot.addWidget(page)
    model = page.list.model
    model.sort(page.list.column_of("name"))
    first = [model.data(model.index(r, 0)) for r in range(3)]
    model.sort(page.list.column_of("name"), Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, 0)) for r in range(3)] == first[::-1]


def test_profile_dialog_names_the_wrong_field(qtbot, workspace, monkeypatch) -> None:
    from yichao.ui import operations

    shown: list[str] = []
    monkeypatch.setattr(operations, "show_error", lambda _p, message: shown.append(message))
    from yichao.ui.launch import make_application

    make_application()  # the shipped zh_CN translation, as a clerk sees it (and whatever ran before)
    dialog = OrgDialog(workspace, None)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and dialog.error.text().startswith("名称")
    dialog.name.setText("红帆服务社")
    qtbot.keyClicks(dialog.phone, "1381234567")
    assert not save.isEnabled() and dialog.error.text().startswith("联系电话")
    qtbot.keyClicks(dialog.phone, "8")
    assert save.isEnabled() and dialog.error.text() == ""
    dialog.credit_code.setText(CODE[:17] + ("0" if CODE[17] != "0" else "1"))
    assert not save.isEnabled() and dialog.error.text().startswith("统一社会信用代码")
    dialog.credit_code.setText("")
    dialog.save()
    assert shown == [] and dialog.saved is not None and count_orgs(workspace) == 1
    assert get_org(workspace, dialog.saved.uid).phone == "13812345678"


def test_stage_dialog_shows_the_rule_before_saving(qtbot, workspace) -> None:
    org = create_org(workspace, OrgInput(name="广场舞队"))
    dialog = StageDialog(workspace, org)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.target.setCurrentIndex(dialog.target.findData("accelerating"))
    dialog.reason.setText("活动稳定")
    assert not ok.isEnabled() and "负责人" in dialog.error.text()
    dialog.target.setCurrentIndex(dialog.target.findData("exited"))
    assert ok.isEnabled()
    dialog.save()
    assert get_org(workspace, org.uid).stage == "exited"


def test_import_dialog_guesses_mapping_checks_then_imports(qtbot, workspace, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    path = tmp_path / "名单.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["社会组织名单"])
    wb.active.append(["序号", "组织名称", "负责人", "联系电话"])
    wb.active.append([1, "红帆服务社", "王五", 13812345678])
    wb.active.append([2, "短号队", "赵六", "1381234567"])
    wb.save(path)
    dialog = OrgImportDialog(workspace, str(path))
    qtbot.addWidget(dialog)
    assert dialog.combos[1].currentData() == "name" and dialog.combos[3].currentData() == "phone"
    assert dialog.combos[0].currentData() == ""
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.check_view.errors.count() == 1 and "第4行" in dialog.check_view.errors.item(0).text()
    assert not dialog.import_button.isEnabled()
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.applied == 1, timeout=10000)
    assert count_orgs(workspace) == 1


def test_lists_dialog_edits_categories(qtbot, workspace, monkeypatch) -> None:
    from yichao.app.orgs.lookups import list_lookups
    from yichao.ui.pages.orgs.lookups_dialog import LookupsDialog
    from yichao.ui.widgets.form import FormDialog

    dialog = LookupsDialog(workspace)
    qtbot.addWidget(dialog)
    before = dialog.categories.entries.count()

    def type_name(form):
        form.name.setText("生活服务类")  # already in the list: refused, the form stays with the name typed
        form.accept()
        assert form.result() == 0 and "已经存在" in form.error.text() and form.name.text() == "生活服务类"
        form.name.setText("社区治理类")
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", type_name)
    dialog.categories.add()
    assert dialog.categories.entries.count() == before + 1
    assert "社区治理类" in [e.name for e in list_lookups(workspace, "category")]
    dialog.categories.entries.setCurrentRow(before)
    from tests.ui.modal import answer

    answer("confirm-action")  # retiring asks first
    dialog.categories.retire()
    assert "社区治理类" not in [e.name for e in list_lookups(workspace, "category")]


def test_grades_are_entered_at_the_district_only(qtbot, make_workspace) -> None:
    from yichao.ui.pages.orgs.records_dialogs import RatingDialog

    street = make_workspace()
    page = OrgsPage(street)
    qtbot.addWidget(page)
    assert page.buttons["rating"].isHidden()
    district = make_workspace(role="district", code="370102", name="历下区", parent="")
    org = create_org(district, OrgInput(name="区属基金会", kind="foundation",
                                        credit_code=make_credit_code("5", "3", "370102", "MJ000901")))
    page = OrgsPage(district)
    qtbot.addWidget(page)
    assert not page.buttons["rating"].isHidden()
    dialog = RatingDialog(district, org.uid)
    qtbot.addWidget(dialog)
    dialog.level.setCurrentIndex(dialog.level.findData(4))
    dialog.save()
    assert dialog.saved is not None and dialog.saved.label == "4A" and not dialog.saved.expired
