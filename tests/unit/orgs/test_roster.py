"""A street's own roster: what it lacks is a warning and a 待补 mark, what is wrong stays refused,
and the communities it names that the site lacks are listed once and added on request."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.import_report import communities_line, counts_line, warning_lines
from yichao.app.orgs.profile import get_org
from yichao.app.orgs.query import OrgFilter, count_orgs, query_orgs
from yichao.app.orgs.xlsx import export_orgs, import_orgs
from yichao.models.identifiers import make_credit_code

CODE = make_credit_code("5", "2", "370102", "MJ000201")
BAD = CODE[:17] + ("0" if CODE[17] != "0" else "1")


def roster(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["甸柳街道社区社会组织花名册"])
    ws.merge_cells("A1:G1")
    ws.append(["填报单位：甸柳街道", None, None, "2026年1月"])
    ws.append(["序号", "组织名称", "组织类型", "统一社会信用代码", "备案编号", "成立日期", "所属社区"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


ROWS = [
    [1, "甸柳舞蹈队", "社区社会组织", None, None, "2019-03-01", "甸柳第一社区"],
    [2, "夕阳红合唱团", "未登记团队", None, None, date(2021, 5, 4), "燕山"],
    [3, "阳光社工服务中心", "社会服务机构", CODE, None, "2018-06-01", "甸柳第一"],
    [4, "千佛山东书画社", "社区社会组织", None, "历下备2020003", "2020-01-01", "千佛山东社区"],
]


def test_lacks_are_warnings_with_todo_marks_and_new_communities_are_named_once(workspace, tmp_path) -> None:
    add_community(workspace, "甸柳第一社区")
    add_community(workspace, "千佛山社区")
    path = roster(tmp_path / "花名册.xlsx", ROWS)
    check = import_orgs(workspace, path, dry_run=True)
    assert dict(check.rejected) == {5: "社区“燕山”不存在。", 7: "社区“千佛山东社区”不存在。"}
    assert [(m.name, m.near) for m in check.new_communities] == [("燕山", ""), ("千佛山东社区", "千佛山社区")]
    line = communities_line(check)
    assert line.startswith("将新建社区：燕山、千佛山东社区（与已有的“千佛山社区”相近") and "--add-communities" in line
    assert [n for n, _ in check.warnings] == [4]  # a refused row has no warnings of its own
    assert counts_line(check) == "共 4 行：2 行可以导入，2 行有错误，1 行有提醒（照常导入，记录标为“待补”）。"
    assert import_orgs(workspace, path).applied == 0 and count_orgs(workspace) == 0

    done = import_orgs(workspace, path, add_communities=True)
    assert done.applied == 4 and done.rejected == () and len(warning_lines(done)) == 2
    assert "备案编号" in dict(done.warnings)[4] and "开始活动的日期" in dict(done.warnings)[5]
    assert {c.name for c in list_communities(workspace)} == {"甸柳第一社区", "千佛山社区", "燕山", "千佛山东社区"}
    orgs = {o.name: o for o in query_orgs(workspace)}
    dance = get_org(workspace, orgs["甸柳舞蹈队"].uid)
    assert dance.todo == ("filing_number",) and dance.founded_on == date(2019, 3, 1)
    team = get_org(workspace, orgs["夕阳红合唱团"].uid)
    assert team.kind == "unregistered_team" and team.founded_on == date(2021, 5, 4) and team.registered_on is None
    agency = get_org(workspace, orgs["阳光社工服务中心"].uid)
    assert agency.registered_on == date(2018, 6, 1) and agency.todo == ()
    assert [o.name for o in query_orgs(workspace, OrgFilter(todo=True))] == ["甸柳舞蹈队"]
    out = tmp_path / "out.xlsx"
    export_orgs(workspace, out)
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    todo_col = header.index("待补")
    assert {r[0].value: r[todo_col].value for r in sheet.iter_rows(min_row=2)}["甸柳舞蹈队"] == "备案编号"


def test_what_is_wrong_stays_refused(workspace, tmp_path) -> None:
    add_community(workspace, "甸柳第一社区")
    path = roster(tmp_path / "bad.xlsx", [
        [1, "错码中心", "社会服务机构", BAD, None, None, ""],
        [2, "科学计数法中心", "社会服务机构", 5.2370102e17, None, None, ""],
        [3, "舞蹈队", "", None, None, None, ""],
        [4, "舞蹈队", "", None, None, None, ""],
        [5, "登记了的团队", "未登记团队", None, "历下备1", None, ""],
    ])
    report = import_orgs(workspace, path, add_communities=True)
    reasons = dict(report.rejected)
    assert "校验码" in reasons[4] and "科学计数法" in reasons[5] and "第6行重复" in reasons[7]
    assert "未登记团队" in reasons[8]
    assert report.applied == 0 and count_orgs(workspace) == 0
