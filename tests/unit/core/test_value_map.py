"""Values as well as columns (issue 21 point 2): a street's own words for fixed lists are proposed,
confirmed once for all rows, remembered per file layout, and left as row errors when nobody maps them.
The needs list below is written as a street keeps it: its 需求类别 says 助老服务 and 生活服务."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from yichao.app.core.communities import add_community
from yichao.app.core.errors import UserError
from yichao.app.core.excel import read_table
from yichao.app.core.value_map import FixedList, apply_value_map, parse_map_options, propose, value_questions
from yichao.app.needs import import_needs, query_needs
from yichao.app.needs import value_questions as need_questions
from yichao.app.orgs import import_orgs
from yichao.app.orgs import value_questions as org_questions
from yichao.app.orgs.query import query_orgs

CATEGORY = FixedList("category", "需求类别", ("助老", "助残", "儿童", "环境", "邻里互助", "维修", "文体", "其他"),
                     synonyms={"助老服务": "助老"}, other="其他")


def needs_sheet(
    path: Path, rows: list[list[object]], header: tuple[str, ...] = ("需求标题", "需求类别", "紧急程度")
) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["甸柳第一社区居民需求清单"])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


ROWS = [["帮王奶奶买菜", "助老服务", "急"], ["修理楼道灯", "便民维修", "一般"], ["陪李爷爷就医", "助老服务", "一般"],
        ["代收快递", "生活服务", ""], ["社区合唱排练", "文体", ""]]


def test_proposals_synonym_contained_near_and_other():
    assert propose("助老服务", CATEGORY) == "助老"  # built-in synonym
    assert propose("便民维修", CATEGORY) == "维修"  # the program word inside the file's
    assert propose("环竟", CATEGORY) == "环境"  # a near match (a typo)
    assert propose("生活服务", CATEGORY) == "其他"  # nothing close: the list's 其他
    assert propose("助老", CATEGORY) == "助老"


def test_questions_list_each_distinct_value_once_with_its_row_count(tmp_path):
    table = read_table(needs_sheet(tmp_path / "n.xlsx", ROWS), {"title": ["需求标题"], "category": ["需求类别"]})
    asked = value_questions(table, [CATEGORY])
    assert [(q.column, q.value, q.rows, q.proposal) for q in asked] == [
        ("需求类别", "助老服务", 2, "助老"), ("需求类别", "便民维修", 1, "维修"), ("需求类别", "生活服务", 1, "其他")]
    mapped = apply_value_map(table, [CATEGORY], {"需求类别": {"助老服务": "助老"}})
    assert [r.cells[1] for r in mapped.rows] == ["助老", "便民维修", "助老", "生活服务", "文体"]


def test_the_cli_form_of_a_mapping():
    assert parse_map_options(["需求类别=助老服务:助老", "需求类别=生活服务:其他", "紧急程度=急:较急"]) == {
        "需求类别": {"助老服务": "助老", "生活服务": "其他"}, "紧急程度": {"急": "较急"}}
    with pytest.raises(UserError, match="栏名=文件里的值:程序里的值"):
        parse_map_options(["需求类别助老服务"])


def test_unmapped_values_stay_row_errors_that_say_how_to_map_them(workspace, tmp_path):
    path = needs_sheet(tmp_path / "n.xlsx", ROWS)
    report = import_needs(workspace, path)
    assert report.applied == 0
    reasons = dict(report.rejected)
    assert "--map 需求类别=助老服务:助老" in reasons[3]
    assert "--map 紧急程度=急:较急" in reasons[3]
    assert 7 not in reasons  # 文体 is on the list


def test_confirmed_once_for_all_rows_then_remembered_for_the_layout(workspace, tmp_path):
    path = needs_sheet(tmp_path / "n.xlsx", ROWS)
    answers = {q.column: {} for q in need_questions(workspace, path)}
    for q in need_questions(workspace, path):
        answers[q.column][q.value] = q.proposal or q.choices[0]
    report = import_needs(workspace, path, value_map=answers)
    assert (report.applied, report.rejected) == (5, ())
    categories = sorted(n.category for n in query_needs(workspace, limit=10))
    assert categories == ["其他", "助老", "助老", "文体", "维修"]
    # next month's list of the same template, with a header typed slightly differently: no questions
    nxt = needs_sheet(
        tmp_path / "n2.xlsx", [["帮张大爷理发", "助老服务", "急"]], header=("需求标题 ", "需求类别*", "紧急程度")
    )
    assert need_questions(workspace, nxt) == []
    assert import_needs(workspace, nxt).applied == 1


def test_a_mapping_onto_a_value_the_list_lacks_is_refused_and_changes_nothing(workspace, tmp_path):
    path = needs_sheet(tmp_path / "n.xlsx", ROWS)
    with pytest.raises(UserError, match="只能是"):
        import_needs(workspace, path, value_map={"需求类别": {"助老服务": "养老院"}})
    with pytest.raises(UserError, match="没有名为“类型”"):
        import_needs(workspace, path, value_map={"类型": {"a": "b"}})
    assert query_needs(workspace, limit=10) == []


def test_organization_kinds_in_a_roster_of_its_own_words(workspace, tmp_path):
    add_community(workspace, "甸柳第一社区")
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["组织名称", "组织类型", "所属社区"])
    sheet.append(["甸柳合唱队", "文体队伍", "甸柳第一社区"])
    sheet.append(["夕阳红服务队", "群众团队", "甸柳第一社区"])  # a word the importer already knows
    wb.save(tmp_path / "o.xlsx")
    asked = org_questions(workspace, tmp_path / "o.xlsx")
    assert [(q.value, q.rows) for q in asked] == [("文体队伍", 1)]
    report = import_orgs(workspace, tmp_path / "o.xlsx", value_map={"组织类型": {"文体队伍": "未登记团队"}})
    assert report.applied == 2, report.rejected
    assert {o.kind for o in query_orgs(workspace)} == {"unregistered_team"}


def test_the_centers_own_lists_categories_and_service_domains_are_mapped_too(workspace, tmp_path):
    """类别 and 服务领域 are lists the center edits; a roster's own words for them are proposed like
    the program's lists (a near match proposed; several domains in one cell each asked once), and
    unmapped ones stay row errors."""
    from sqlalchemy import func, select

    from yichao.app.orgs import lookup_names
    from yichao.models.org_records import OrgLookup

    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["组织名称", "类别", "服务领域"])
    sheet.append(["甸柳合唱队", "文体活动", "文体、为老服务"])
    sheet.append(["邻里帮帮团", "生活服务类", "为老服务/邻里守望"])
    wb.save(tmp_path / "o.xlsx")
    asked = [(q.column, q.value, q.rows, q.proposal) for q in org_questions(workspace, tmp_path / "o.xlsx")]
    assert import_orgs(workspace, tmp_path / "o.xlsx", dry_run=True).applied == 0
    with workspace.read() as session:  # a fresh site's default lists are proposed, not written, by a check
        assert session.scalar(select(func.count()).select_from(OrgLookup)) == 0
    assert asked == [("类别", "文体活动", 1, "文体活动类"), ("服务领域", "为老服务", 2, "为老"),
                     ("服务领域", "邻里守望", 1, "邻里互助")]
    refused = import_orgs(workspace, tmp_path / "o.xlsx")
    assert refused.applied == 0 and "--map 服务领域=为老服务:为老" in dict(refused.rejected)[2]
    answers = {"类别": {"文体活动": "文体活动类"}, "服务领域": {"为老服务": "为老", "邻里守望": "邻里互助"}}
    assert import_orgs(workspace, tmp_path / "o.xlsx", value_map=answers).applied == 2
    names = lookup_names(workspace)
    domains = {o.name: sorted(names[u] for u in o.domain_uids.split("|") if u) for o in query_orgs(workspace)}
    assert domains == {"甸柳合唱队": ["为老", "文体"], "邻里帮帮团": ["为老", "邻里互助"]}
