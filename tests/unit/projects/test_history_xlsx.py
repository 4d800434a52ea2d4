"""Past venture projects from a street's ledger (issue 21 point 3): into their rounds, with their trail,
so the statistics of the years before Yichao are there. The ledger below is made as streets keep it: a
merged title, the header on row 3, money as "5万" or "30,000.00元", a 合计 row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.unit.projects.test_flow import make_org
from yichao.app.core.errors import UserError
from yichao.app.projects import import_projects, list_evaluations, list_programs, list_tranches, query_projects
from yichao.app.stats import Period
from yichao.app.stats.compute import figure_values

HEADER = ["序号", "年度", "批次", "申报单位", "项目名称", "申请金额", "资助金额", "项目状态", "评估得分", "结项日期"]


def past_ledger(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet["A1"] = "甸柳街道往年公益创投项目台账"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    sheet.append(["合计"])
    wb.save(path)
    return path


@pytest.fixture
def orgs(workspace):
    return {name: make_org(workspace, name) for name in ("夕阳红志愿服务队", "阳光社工服务中心")}


ROWS = [
    [
        1,
        "2022",
        "2022年甸柳街道公益创投",
        "夕阳红志愿服务队",
        "邻里互助食堂",
        "6万",
        "5万",
        "已结项",
        "92",
        "2022-11-30",
    ],
    [2, 2022, "2022年甸柳街道公益创投", "阳光社工服务中心", "四点半课堂", "30,000.00元", "20000", "已终止", None, None],
    [3, "2023年", "2023年微创投", "阳光社工服务中心", "楼道微更新", 8000, None, "未立项", None, None],
]


def test_past_projects_land_in_their_rounds_with_trail_money_and_evaluation(workspace, orgs, tmp_path):
    report = import_projects(workspace, past_ledger(tmp_path / "往年.xlsx", ROWS))
    assert (report.total, report.applied, report.rejected) == (3, 3, ())
    rounds = {p.name: p for p in list_programs(workspace)}
    assert set(rounds) == {"2022年甸柳街道公益创投", "2023年微创投"}
    assert rounds["2023年微创投"].kind == "micro_venture"
    projects = {p.title: p for p in query_projects(workspace, limit=50)}
    food = projects["邻里互助食堂"]
    assert (food.status, food.requested_fen, food.approved_fen) == ("closed", 60_000_00, 50_000_00)
    assert [t.amount_fen for t in list_tranches(workspace, food.uid)] == [50_000_00]
    assert [e.score for e in list_evaluations(workspace, food.uid)] == [92]
    assert projects["四点半课堂"].status == "terminated"
    assert projects["楼道微更新"].status == "rejected"


def test_the_years_before_yichao_show_in_the_statistics(workspace, orgs, tmp_path):
    import_projects(workspace, past_ledger(tmp_path / "往年.xlsx", ROWS))
    values = figure_values(workspace, Period("year", 2022), keys=["funds_committed", "funds_disbursed"])
    assert values["funds_committed"].number == 70_000  # 元: both granted projects of 2022
    assert values["funds_disbursed"].number == 50_000  # the closed one was paid; the terminated one had no 已拨付


BAD = [
    [1, "22年", "", "夕阳红志愿服务队", "甲", "", "5000", "已结项", None, None],
    [2, 2022, "", "不存在的组织", "乙", "", "5000", "已结项", None, None],
    [3, 2022, "", "夕阳红志愿服务队", "丙", "1000", "5000", "已结项", None, None],
    [4, 2022, "", "夕阳红志愿服务队", "丁", "", "5000", "好像结了", None, None],
    [5, 2022, "", "夕阳红志愿服务队", "戊", "", "5000", "已结项", "120", None],
    [6, 2022, "", "夕阳红志愿服务队", "己", "", "", "已结项", None, None],
]
EXPECTED = ["四位年份", "还没有建档", "不能高于申请金额", "不认识", "0 到 100", "须填写资助金额"]


def test_each_wrong_row_is_reported_and_nothing_applied(workspace, orgs, tmp_path):
    report = import_projects(workspace, past_ledger(tmp_path / "坏.xlsx", BAD))
    assert report.applied == 0
    reasons = dict(report.rejected)
    for offset, expected in enumerate(EXPECTED):
        assert expected in reasons[4 + offset], (4 + offset, reasons.get(4 + offset))
    assert list_programs(workspace) == []


def test_importing_the_same_ledger_twice_is_refused_row_by_row(workspace, orgs, tmp_path):
    path = past_ledger(tmp_path / "往年.xlsx", ROWS[:1])
    import_projects(workspace, path)
    again = import_projects(workspace, path)
    assert again.applied == 0 and "已经登记过了" in dict(again.rejected)[4]


def test_a_ledger_without_titles_is_refused_in_one_sentence(workspace, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["年度", "申报单位"])
    wb.active.append([2022, "某组织"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="项目名称"):
        import_projects(workspace, tmp_path / "x.xlsx")


def test_a_round_made_from_the_ledger_is_closed_history(workspace, orgs, tmp_path):
    """No new application lands in a past year's round the import created (dated or not)."""
    from yichao.app.projects import ProjectInput, apply_project

    import_projects(workspace, past_ledger(tmp_path / "往年.xlsx", ROWS[:1]))
    past = next(p for p in list_programs(workspace) if p.year == 2022)
    assert past.call_closes is not None and past.call_closes.year == 2022
    late = ProjectInput(org_uid=orgs["阳光社工服务中心"], title="新申报", requested_fen=1000_00, program_uid=past.uid)
    with pytest.raises(UserError, match="已不能申报"):
        apply_project(workspace, late)
