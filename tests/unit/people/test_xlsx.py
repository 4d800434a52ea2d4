"""Excel: messy community rosters in (all or nothing, per-row report), masked exports out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.errors import UserError
from yichao.app.needs import records as needs
from yichao.app.needs.records import NeedsFilter
from yichao.app.needs.xlsx import export_needs, import_needs
from yichao.app.people import residents as people
from yichao.app.people.residents import PeopleFilter, PersonInput
from yichao.app.people.xlsx import export_people, import_people
from yichao.models.identifiers import make_id_number

A = make_id_number("370102", date(1950, 2, 3), 124)  # female
B = make_id_number("370102", date(1962, 7, 8), 311)  # male
C = make_id_number("370102", date(1985, 1, 9), 512)


def roster(path: Path, rows: list[list], title: bool = True) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    if title:
        sheet.append(["燕山社区居民花名册（2026年11月）"])
        sheet.merge_cells("A1:I1")
        sheet.append([])
    sheet.append(["序号", "姓 名", "性别", "公民身份号码", "联系电话", "所属社区", "楼栋", "单元", "户",
                  "庭户长", "志愿者", "技能特长"])
    for r in rows:
        sheet.append(r)
    sheet.append(["合计", "", "", "", "", "", "", "", "", "", "", ""])
    sheet.append(["填表人：张三"])
    wb.save(path)
    return path


@pytest.fixture
def ws(workspace):
    add_community(workspace, "燕山社区")
    return workspace


def test_messy_roster_imports_all_rows(ws, tmp_path):
    full_width_phone = "１３８０５３１１２３４"
    path = roster(tmp_path / "r.xlsx", [
        [1, "王秀英", "女", A, full_width_phone, "燕山社区", "3号楼", "2单元", "301", "是", "", "剪纸，烹饪"],
        [2, "李建国 ", "男", B, "0531-86012345", "燕山", "4号楼", "1单元", "102", "", "是", "水电维修"],
    ])
    report = import_people(ws, path)
    assert (report.total, report.valid, report.applied, report.rejected) == (2, 2, 2, ())
    rows = {p.name: p for p in people.query_people(ws)}
    assert rows["王秀英"].phone == "13805311234" and rows["王秀英"].household_head
    assert rows["王秀英"].skills == "剪纸、烹饪" and rows["王秀英"].address == "3号楼2单元301"
    assert rows["李建国"].is_volunteer and rows["李建国"].community_uid == rows["王秀英"].community_uid


def test_any_bad_row_rejects_the_whole_file_with_every_reason(ws, tmp_path):
    people.create_person(ws, PersonInput("已登记", C))
    lost = float(B)  # Excel turned the number into 3.70102196207083E+17
    path = roster(tmp_path / "r.xlsx", [
        [1, "王秀英", "女", A, "", "燕山社区", "", "", "", "", "", ""],
        [2, "李建国", "男", lost, "", "燕山社区", "", "", "", "", "", ""],
        [3, "王秀英", "女", A, "", "燕山社区", "", "", "", "", "", ""],
        [4, "赵六", "男", C, "", "燕山社区", "", "", "", "", "", ""],
        [5, "钱七", "男", "", "", "不存在社区", "", "", "", "", "", ""],
        [6, "孙八", "男", A[:-1] + ("1" if A[-1] != "1" else "2"), "", "", "", "", "", "", "", ""],
        [7, "周九", "女", B, "", "", "", "", "", "", "", ""],
        [8, "", "", "", "123", "", "", "", "", "", "", ""],
    ])
    report = import_people(ws, path)
    reasons = dict(report.rejected)
    assert report.applied == 0 and people.count_people(ws) == 1
    assert "科学计数法" in reasons[5]
    assert "与第4行重复" in reasons[6]
    assert "已登记为居民“已登记”" in reasons[7]
    assert "社区“不存在社区”不存在" in reasons[8]
    assert "校验码" in reasons[9]
    assert "性别“女”与身份证号码不符" in reasons[10]
    assert "姓名" in reasons[11]
    assert 4 not in reasons
    assert all(A not in r and B not in r and C not in r for r in reasons.values())  # reasons are masked
    assert any(reason == "合计行" for _n, reason in report.skipped)


def test_dry_run_and_skip_invalid(ws, tmp_path):
    path = roster(tmp_path / "r.xlsx", [
        [1, "王秀英", "女", A, "", "燕山社区", "", "", "", "", "", ""],
        [2, "李建国", "男", float(B), "", "燕山社区", "", "", "", "", "", ""],
    ], title=False)
    dry = import_people(ws, path, dry_run=True, skip_invalid=True)
    assert (dry.valid, dry.applied, len(dry.rejected)) == (1, 0, 1) and people.count_people(ws) == 0
    done = import_people(ws, path, skip_invalid=True)
    assert done.applied == 1 and [p.name for p in people.query_people(ws)] == ["王秀英"]


def test_file_without_a_name_column_is_refused(ws, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["甲", "乙"])
    wb.active.append(["1", "2"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(UserError, match="姓名"):
        import_people(ws, tmp_path / "x.xlsx")


def _all_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(v) for row in wb.active.iter_rows(values_only=True) for v in row if v is not None)


def test_exports_are_filtered_and_never_carry_a_full_identity_number(ws, tmp_path):
    people.create_person(ws, PersonInput("王秀英", A, is_volunteer=True))
    people.create_person(ws, PersonInput("李建国", B))
    assert export_people(ws, tmp_path / "all.xlsx") == 2
    text = _all_text(tmp_path / "all.xlsx")
    assert A not in text and B not in text and A[:6] + "********" + A[-4:] in text
    assert export_people(ws, tmp_path / "v.xlsx", PeopleFilter(volunteers_only=True)) == 1
    assert "李建国" not in _all_text(tmp_path / "v.xlsx")


def test_needs_import_and_export(ws, tmp_path):
    asker = people.create_person(ws, PersonInput("王秀英", A))
    wb = openpyxl.Workbook()
    s = wb.active
    s.append(["需求清单"])
    s.append(["需求标题", "类别", "求助居民", "紧急程度", "截止日期", "奖励积分", "状态"])
    s.append(["厨房水管漏水", "维修", "王秀英", "紧急", "2026/12/1", 20, "已发布"])
    s.append(["楼道清理", "环境", "", "", "", "", ""])
    wb.save(tmp_path / "n.xlsx")
    report = import_needs(ws, tmp_path / "n.xlsx")
    assert report.applied == 2, report.rejected
    published = needs.query_needs(ws, NeedsFilter(status="published"))
    assert [(n.title, n.requester_uid, n.urgency, n.due_date, n.reward_points) for n in published] == [
        ("厨房水管漏水", asker.uid, "critical", date(2026, 12, 1), 20)]
    assert [h.to_status for h in needs.need_history(ws, published[0].uid)] == ["draft", "published"]
    s.append(["搬家", "搬运", "无此人", "", "明天", "1.5", "已完成"])
    wb.save(tmp_path / "bad.xlsx")
    bad = import_needs(ws, tmp_path / "bad.xlsx")
    assert bad.applied == 0 and [n for n, _ in bad.rejected] == [5] and needs.count_needs(ws) == 2
    assert export_needs(ws, tmp_path / "out.xlsx", NeedsFilter(category="维修")) == 1
    assert "厨房水管漏水" in _all_text(tmp_path / "out.xlsx")


def test_volunteer_numbers_must_be_unique_in_the_file_and_the_register(ws, tmp_path):
    people.create_person(ws, PersonInput("已登记", is_volunteer=True, volunteer_number="V9"))
    wb = openpyxl.Workbook()
    s = wb.active
    s.append(["姓名", "志愿者编号"])
    s.append(["甲", "V1"])
    s.append(["乙", "V1"])
    s.append(["丙", "V9"])
    wb.save(tmp_path / "v.xlsx")
    report = import_people(ws, tmp_path / "v.xlsx")
    assert dict(report.rejected) == {3: "志愿者编号 V1 与第2行重复。", 4: "志愿者编号 V9 已被居民“已登记”使用。"}
    assert report.applied == 0


def test_an_office_s_roster_rows_without_a_community_belong_to_its_own(make_workspace, tmp_path):
    office = make_workspace("community", "370102001003", "甸柳新村社区储蓄所", "370102001")
    path = roster(tmp_path / "r.xlsx", [[1, "王芳", "女", A, "", "", "", "", "", "否", "是", ""],
                                       [2, "李强", "男", B, "", "甸柳新村社区", "", "", "", "否", "否", ""]])
    assert import_people(office, path).applied == 2
    (own,) = [c for c in list_communities(office) if c.code == "370102001003"]
    rows = people.query_people(office, PeopleFilter(), 0, 10, "name", False)
    assert {p.name: p.community_uid for p in rows} == {"王芳": own.uid, "李强": own.uid}
