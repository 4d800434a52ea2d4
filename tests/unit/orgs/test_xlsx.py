"""Importing organizations from messy spreadsheets and exporting the filtered list."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yichao.app.core.communities import add_community
from yichao.app.core.errors import UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.orgs.profile import OrgInput, create_org
from yichao.app.orgs.query import OrgFilter, count_orgs, query_orgs
from yichao.app.orgs.stage import stage_history
from yichao.app.orgs.xlsx import export_orgs, import_orgs, preview_file
from yichao.models.identifiers import make_credit_code

CODE1 = make_credit_code("5", "2", "370102", "MJ000101")
CODE2 = make_credit_code("5", "1", "370102", "MJ000102")
BAD = CODE1[:17] + ("0" if CODE1[17] != "0" else "1")
FULLWIDTH = CODE2.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789ABCDEFGHJKLMNPQRTUWXY"})


def messy_book(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "甸柳街道社会组织台账"
    ws.merge_cells("A1:H1")
    ws.append([])
    ws.append(["序号", "组织名称*", "类型", "统一社会信用代码", "负责人 ", "联系电话", "所属社区", "服务领域"])
    for row in rows:
        ws.append(row)
    ws.append([None] * 8)
    ws.append(["合计", f"{len(rows)}个"])
    wb.save(path)
    return path


@pytest.fixture
def community(workspace):
    return add_community(workspace, "甸柳第一社区")


GOOD = [
    [1, "夕阳情艺术团 ", "未登记团队", None, "张三", 13812345678, "甸柳第一社区", "为老、文体"],
    [2, "阳光社工服务中心", "社会服务机构", CODE1, "李四", "0531-86012345", "甸柳第一社区", "济困"],
    [3, "历下区志愿者协会", "", FULLWIDTH, "王五", "１３９１２３４５６７８", "甸柳第一", ""],
]


def test_messy_file_imports_all_rows(workspace, community, tmp_path) -> None:
    path = messy_book(tmp_path / "台账.xlsx", GOOD)
    table = preview_file(path)
    assert table.header_row == 3
    assert set(table.mapping.values()) >= {"name", "kind", "credit_code", "leader", "phone", "community", "domains"}
    report = import_orgs(workspace, path)
    assert (report.total, report.valid, report.applied, report.rejected) == (3, 3, 3, ())
    assert (8, "合计行") in report.skipped
    rows = {o.name: o for o in query_orgs(workspace)}
    assert rows["历下区志愿者协会"].kind == "association" and rows["历下区志愿者协会"].credit_code == CODE2
    assert rows["夕阳情艺术团"].phone == "13812345678" and rows["夕阳情艺术团"].community == "甸柳第一社区"
    assert [h.reason for h in stage_history(workspace, rows["夕阳情艺术团"].uid)] == ["从 台账.xlsx 导入"]


def test_any_rejected_row_applies_nothing(workspace, community, tmp_path) -> None:
    create_org(workspace, OrgInput(name="已有组织", kind="association", credit_code=CODE2))
    rows = GOOD[:2] + [
        [3, "科学计数法中心", "社会服务机构", 3.70102199001011e17, "甲", 13800000000, "", ""],
        [4, "短号队", "", None, "乙", "1381234567", "", ""],
        [5, "错码中心", "社会服务机构", BAD, "丙", "", "", ""],
        [6, "夕阳情艺术团", "", None, "丁", "", "", ""],
        [7, "重码协会", "社会团体", CODE2, "戊", "", "", ""],
        [8, "怪社区队", "", None, "", "", "不存在社区", ""],
        [9, "领域队", "", None, "", "", "", "炒股"],
    ]
    path = messy_book(tmp_path / "bad.xlsx", rows)
    report = import_orgs(workspace, path)
    assert report.applied == 0 and report.refused
    reasons = dict(report.rejected)
    assert sorted(reasons) == [6, 7, 8, 9, 10, 11, 12]
    assert "科学计数法" in reasons[6]
    assert "联系电话" in reasons[7]
    assert "校验码" in reasons[8]
    assert "第4行重复" in reasons[9]
    assert "已被“已有组织”使用" in reasons[10]
    assert "社区" in reasons[11] and "服务领域" in reasons[12]
    assert count_orgs(workspace) == 1

    dry = import_orgs(workspace, path, dry_run=True, skip_invalid=True)
    assert dry.applied == 0 and dry.valid == 2 and count_orgs(workspace) == 1
    partial = import_orgs(workspace, path, skip_invalid=True)
    assert partial.applied == 2 and count_orgs(workspace) == 3


def test_csv_and_corrupt_files_are_refused(workspace, tmp_path) -> None:
    csv = tmp_path / "orgs.xlsx"
    csv.write_text("组织名称,负责人\n夕阳情,张三\n", encoding="utf-8")
    with pytest.raises(UserError, match="CSV"):
        import_orgs(workspace, csv)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(messy_book(tmp_path / "ok.xlsx", GOOD).read_bytes()[:900])
    with pytest.raises(UserError, match="损坏|不是 Excel"):
        import_orgs(workspace, broken)
    assert count_orgs(workspace) == 0


def test_missing_name_column(workspace, tmp_path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["负责人", "联系电话"])
    wb.active.append(["张三", "13812345678"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="名称"):
        import_orgs(workspace, tmp_path / "x.xlsx")


def test_viewer_cannot_import(workspace, tmp_path, community) -> None:
    path = messy_book(tmp_path / "a.xlsx", GOOD)
    workspace.user = CurrentUser("v", "viewer")
    with pytest.raises(UserError):
        import_orgs(workspace, path)


def test_export_filtered_list_reimports(workspace, make_workspace, community, tmp_path) -> None:
    import_orgs(workspace, messy_book(tmp_path / "in.xlsx", GOOD))
    out = tmp_path / "out.xlsx"
    assert export_orgs(workspace, out, OrgFilter(kind="unregistered_team")) == 1
    assert export_orgs(workspace, out) == 3
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "组织名称" and sheet.column_dimensions["A"].width == 30
    other = make_workspace(folder="other")
    add_community(other, "甸柳第一社区")
    report = import_orgs(other, out)
    assert report.applied == 3, report.rejected
    assert sorted(o.name for o in query_orgs(other)) == sorted(o.name for o in query_orgs(workspace))
