"""A street's first day, as a clerk goes through it, without the demo: the set-up wizard (with the
street's communities) -> 系统管理 → 社区 -> the street's own messy rosters (organizations, then
residents), each naming a community the site lacks -> the first passbooks, printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWizard

from tests.ui.modal import answer
from yichao.app import passbook, people
from yichao.app.core import list_communities, login
from yichao.app.orgs.query import OrgFilter, count_orgs, query_orgs
from yichao.models.identifiers import make_credit_code, make_id_number
from yichao.ui.dialogs.setup_wizard import SetupWizard
from yichao.ui.launch import make_application
from yichao.ui.pages.admin.communities import open_communities
from yichao.ui.pages.orgs import import_dialog as org_import
from yichao.ui.pages.residents import people as people_page

AGENCY = make_credit_code("5", "2", "370102", "MJ000301")


def org_roster(path: Path) -> Path:
    """The street's organization roster as its clerks keep it: a merged title, a note row, numbers
    typed as numbers, filed groups without filing numbers, founding dates on teams, a community the
    site lacks (千佛山东), a 合计 row and a signature under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["甸柳街道社区社会组织花名册（2026年）"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：甸柳街道社会组织服务中心", None, None, None, None, None, "填报日期：2026年1月"])
    ws.append([])
    ws.append(["序号", "组织名称", "组织类型", "统一社会信用代码", "备案编号", "成立日期", "所属社区", "负责人",
               "联系电话"])
    ws.append([1, "甸柳舞蹈队", "社区社会组织", None, None, "2019-03-01", "甸柳第一社区", "王秀英", 13812345678])
    ws.append([2, "燕山书画社", "社区社会组织", None, "历下备2020003", date(2020, 1, 6), "燕山", "李建国",
               "0531-86012345"])
    ws.append([3, "夕阳红合唱团", "未登记团队", None, None, date(2021, 5, 4), "燕山社区居委会", "赵凤兰", None])
    ws.append([4, "千佛山东邻里守望队", "群众团队", None, None, "2022.9.1", "千佛山东", "孙立", None])
    ws.append([5, "阳光社工服务中心", "社会服务机构", AGENCY, None, "2018-06-01", "千佛山社区", "周明",
               "13912345678"])
    ws.append([6, "千佛山东调解队", "社区社会组织", None, None, None, "千佛山东社区", "吴刚", None])
    ws.append(["合计", "6个"])
    ws.append(["填表人：张三", None, "审核人：李四"])
    wb.save(path)
    return path


PEOPLE = [("王秀英", "女", 901), ("李建国", "男", 902), ("陈晨", "女", 903), ("程小红", "女", 904),
          ("崔丽", "女", 905), ("曹操", "男", 906)]


def people_roster(path: Path) -> list[str]:
    """A community's 花名册: a title, identity numbers as text, yes/no ticks, communities spelled as
    the community writes them, and one (甸柳第二社区) the site does not have yet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["甸柳街道居民志愿者花名册"])
    ws.append(["序号", "姓名", "性别", "身份证号码", "联系电话", "社区", "是否志愿者"])
    numbers = []
    for i, (name, gender, seq) in enumerate(PEOPLE, start=1):
        number = make_id_number("370102", date(1960 + i, 3, 1), seq - seq % 2 + (0 if gender == "女" else 1))
        numbers.append(number)
        community = ["燕山", "甸柳第一社区居委会", "千佛山东社区", "甸柳第二社区", "燕山社区", "千佛山"][i - 1]
        ws.append([i, name, gender, number, f"1380000000{i}", community, "是" if i <= 4 else ""])
    wb.save(path)
    return numbers


def test_wizard_communities_rosters_first_passbooks(qtbot, tmp_path, monkeypatch) -> None:
    make_application()
    told: list[str] = []
    monkeypatch.setattr(org_import.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(people_page.QMessageBox, "information", lambda *a: told.append(str(a[-1])))

    # -- the set-up wizard, with the street's communities ------------------------------------
    wizard = SetupWizard(tmp_path / "site")
    qtbot.addWidget(wizard)
    wizard.show()
    site = wizard.site_page
    qtbot.keyClicks(site.code, "370102001")
    site.name.setText("甸柳街道")
    qtbot.keyClicks(site.parent_code, "370102")
    site.parent_name.setText("历下区")
    wizard.next()
    assert wizard.currentPage() is wizard.communities_page
    page = wizard.communities_page
    page.lines.setPlainText("甸柳第一社区\t370102001001\n燕山社区 37010200100")
    assert "12位数字" in page.status.text() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page.lines.setPlainText("甸柳第一社区\t370102001001\n燕山社区  370102001002\n千佛山社区\n")
    assert page.status.text() == "将添加 3 个社区。"
    wizard.grab().save(str(tmp_path / "wizard-communities.png"))
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    qtbot.keyClicks(wizard.admin_page.password, "secret123")
    qtbot.keyClicks(wizard.admin_page.repeat, "secret123")
    wizard.accept()
    ws = wizard.workspace
    assert ws is not None
    try:
        ws.user = login(ws, "admin", "secret123")
        assert [c.name for c in list_communities(ws)] == ["甸柳第一社区", "千佛山社区", "燕山社区"]
        _day_one(qtbot, ws, tmp_path, told)
    finally:
        ws.close()


def _day_one(qtbot, ws, tmp_path: Path, told: list[str]) -> None:
    from yichao.ui.main_window import MainWindow

    window = MainWindow(ws, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    tab = open_communities(window)
    assert tab is not None and [c.name for c in tab.rows] == ["甸柳第一社区", "千佛山社区", "燕山社区"]
    assert tab.table.item(0, 1).text() == "370102001001"

    # -- the organization roster: checked, new communities ticked, imported -----------------------
    dialog = org_import.OrgImportDialog(ws, str(org_roster(tmp_path / "组织花名册.xlsx")), window)
    qtbot.addWidget(dialog)
    assert dialog.table is not None and dialog.table.header_row == 4
    dialog.check()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    view = dialog.check_view
    assert dialog.report.rejected and {n for n, _ in dialog.report.rejected} == {8, 10}
    assert view.communities.text().startswith("将新建社区：千佛山东（与已有的“千佛山社区”相近")
    assert view.add_communities.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    view.add_communities.setChecked(True)
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.communities_added, timeout=20_000)
    report = dialog.report
    assert report.rejected == () and report.valid == 6
    assert {n for n, _ in report.warnings} == {5, 7, 8, 10}  # two without filing numbers, two teams' dates
    assert view.warnings.count() == 4 and "提醒（4 行" in view.warnings_title.text()
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    qtbot.waitUntil(lambda: dialog.applied == 6, timeout=20_000)

    # -- the residents roster, through the residents page, ticking 新建这些社区 in the check -----
    numbers = people_roster(tmp_path / "居民花名册.xlsx")
    residents = window.show_page("residents")
    sent: list[str] = []

    def tick_then_import(preview) -> None:
        assert "甸柳第二社区" in preview.check.communities.text() and preview.report.rejected
        preview.check.add_communities.setChecked(True)
        qtbot.waitUntil(lambda: preview.report.communities_added and not preview.report.rejected, timeout=20_000)
        sent.append(preview.check.summary.text())
        preview.ok.setObjectName("ok")

    answer("ok", tick_then_import)
    residents.people_tab.import_roster(str(tmp_path / "居民花名册.xlsx"))
    qtbot.waitUntil(lambda: people.count_people(ws) == len(PEOPLE), timeout=30_000)
    assert sent == ["共 6 行：6 行可以导入，0 行有错误。"]

    # -- what the day left behind, and nothing else (no demo) ----------------------------------
    assert [c.name for c in list_communities(ws)] == ["甸柳第二社区", "甸柳第一社区", "千佛山东", "千佛山社区",
                                                      "燕山社区"]
    assert count_orgs(ws) == 6 and people.count_people(ws) == len(PEOPLE)
    todo = [o.name for o in query_orgs(ws, OrgFilter(todo=True))]
    assert todo == ["甸柳舞蹈队", "千佛山东调解队"]  # full-pinyin order: dian < qian
    assert [p.name for p in people.query_people(ws)] == ["曹操", "陈晨", "程小红", "崔丽", "李建国", "王秀英"]
    by_name = {p.name: p for p in people.query_people(ws)}
    assert {c.uid: c.name for c in list_communities(ws)}[by_name["王秀英"].community_uid] == "燕山社区"

    orgs_page = window.show_page("orgs")
    orgs_page.list.todo.setChecked(True)
    assert orgs_page.list.model.rowCount() == 2
    orgs_page.list.view.selectRow(0)
    qtbot.waitUntil(lambda: "待补</td>" in orgs_page.detail.profile.text(), timeout=10_000)
    assert "<b>备案编号</b>" in orgs_page.detail.profile.text()

    # -- the first passbooks: opened, credited, printed on their first lines, confirmed ----------
    volunteers = [by_name[n] for n in ("王秀英", "李建国")]
    books = [passbook.open_passbook(ws, v.uid) for v in volunteers]
    for book in books:
        passbook.deposit(ws, book.number, 20, "社区清扫", hours=2)
        job = passbook.print_pending(ws, book.number, tmp_path / f"{book.number}.pdf")
        assert (job.start_page, job.start_line) == (1, 1) and (tmp_path / f"{book.number}.pdf").stat().st_size > 0
        passbook.confirm_printed(ws, job)
    rows = {r["number"]: r for r in passbook.passbook_rows(ws)}
    assert [(rows[b.number]["balance"], rows[b.number]["pending_lines"]) for b in books] == [(20, 0), (20, 0)]
    assert numbers[0] not in str(rows)  # identity numbers never in a list
    window.show_page("orgs")
    window.grab().save(str(tmp_path / "fresh-site.png"))
