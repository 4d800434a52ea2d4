"""PDFs (result sheet, close-out report) and Excel (exports, blank scoring sheet read back)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import openpyxl
import pytest

from tests.unit.projects.test_flow import make_program, make_project, to_running
from tests.unit.roadshow.test_scores import CLERK_A, CLERK_B, show, type_twice  # noqa: F401  (fixture)
from yichao.app.core.errors import UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.projects.closeout import closeout_report_pdf
from yichao.app.projects.evaluations import record_activity
from yichao.app.projects.xlsx import export_programs, export_projects
from yichao.app.roadshow.result_pdf import result_sheet_pdf
from yichao.app.roadshow.scores import roadshow_result
from yichao.app.roadshow.xlsx import export_blank_sheet, export_scores, import_sheet


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_result_sheet_marks_provisional_then_final(show, tmp_path):  # noqa: F811
    ws, rid, judges, projects = show
    type_twice(ws, rid, judges["甲"], projects["P1"], [8, 15])
    text = pdf_text(result_sheet_pdf(ws, rid, tmp_path / "a.pdf"))
    assert "暂定结果" in text and "未确认" in text
    for judge, p1, p2 in (("乙", [9, 10], [5, 10]), ("丙", [7, 20], [10, 20])):
        type_twice(ws, rid, judges[judge], projects["P1"], p1)
        type_twice(ws, rid, judges[judge], projects["P2"], p2)
    type_twice(ws, rid, judges["甲"], projects["P2"], [10, 20])
    text = pdf_text(result_sheet_pdf(ws, rid, tmp_path / "b.pdf"))
    assert "暂定结果" not in text and "春季路演评分结果" in text
    assert "83.33" in text and "78.00" in text and "74.00" in text  # P2 first, P1's judge totals listed


def test_closeout_report_assembles_the_record(workspace, tmp_path):
    uid = make_project(workspace, make_program(workspace))
    to_running(workspace, uid, 20_000_00)
    record_activity(workspace, uid, date(2026, 5, 20), "送餐志愿者培训", 24)
    text = pdf_text(closeout_report_pdf(workspace, uid, tmp_path / "r.pdf"))
    assert "邻里互助食堂项目进展报告" in text and "送餐志愿者培训" in text
    assert "20,000.00" in text and "10,000.00" in text and "立项后" in text


def test_exports_programs_and_projects(workspace, tmp_path):
    uid = make_project(workspace, make_program(workspace))
    to_running(workspace, uid, 20_000_00)
    assert export_projects(workspace, tmp_path / "p.xlsx") == 1
    sheet = openpyxl.load_workbook(tmp_path / "p.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][0] == "项目名称" and rows[2][0] == "邻里互助食堂" and rows[2][4] == "执行中" and rows[2][8] == 20000
    assert export_programs(workspace, tmp_path / "g.xlsx") == 1
    rows = list(openpyxl.load_workbook(tmp_path / "g.xlsx").active.iter_rows(values_only=True))
    assert rows[2][3:7] == (100000, 20000, 0, 80000)


def fill(path, values: dict[tuple[str, int], list]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=3):
        key = (row[0].value, row[1].value)
        if key in values:
            for cell, v in zip(row[4:], values[key]):
                cell.value = v
    book.save(path)


def test_blank_sheet_round_trip_with_double_entry(show, tmp_path):  # noqa: F811
    ws, rid, judges, projects = show
    path = tmp_path / "blank.xlsx"
    assert export_blank_sheet(ws, rid, path) == 6
    fill(path, {("甲", 1): [8, 15], ("乙", 1): [9, 10], ("丙", 1): [7, 20], ("甲", 2): [10, 21]})
    ws.user = CLERK_A
    report = import_sheet(ws, rid, path)
    assert report.applied == 0 and report.rejected == ((4, "“可行”的得分 21 超出 0～20 的范围"),)
    assert roadshow_result(ws, rid).grid.sheets == {}
    fill(path, {("甲", 2): [10, 20]})
    assert import_sheet(ws, rid, path).applied == 4
    with pytest.raises(UserError, match="另一位"):
        import_sheet(ws, rid, path, confirm=True)
    ws.user = CLERK_B
    assert import_sheet(ws, rid, path, confirm=True).applied == 4
    assert roadshow_result(ws, rid).grid.confirmed_count() == 4
    out = tmp_path / "scores.xlsx"
    export_scores(ws, rid, out)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "春季路演评分汇总（暂定）"
    assert ("甲", 1, "P1", "夕阳红志愿服务队", 8, 15, 78, "已确认", 78, 2) == rows[2][:10]  # P2 leads on 甲 alone: 100


def test_viewer_may_export_but_not_import(show, tmp_path):  # noqa: F811
    ws, rid, _, _ = show
    ws.user = CurrentUser("guest", "viewer")
    export_blank_sheet(ws, rid, tmp_path / "b.xlsx")
    with pytest.raises(UserError):
        import_sheet(ws, rid, tmp_path / "b.xlsx")
