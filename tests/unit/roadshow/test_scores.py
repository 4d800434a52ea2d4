"""Roadshow setup, double-entry score sheets, recusal and the provisional ranking."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.projects.test_flow import make_program, make_project
from yichao.app.core.errors import UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.projects.flow import advance
from yichao.app.roadshow.scores import confirm_sheet, enter_sheet, load_grid, roadshow_result
from yichao.app.roadshow.setup import (
    CriterionSpec,
    add_entries,
    add_judge,
    create_roadshow,
    declare_recusal,
    list_templates,
    save_template,
    set_criteria,
)

CLERK_A = CurrentUser("wang", "staff", "王")
CLERK_B = CurrentUser("li", "staff", "李")
CRITERIA = [CriterionSpec("需求", 0.6, 10), CriterionSpec("可行", 0.4, 20)]


@pytest.fixture
def show(workspace):
    program = make_program(workspace, budget=1_000_000_00)
    projects = []
    for title in ("P1", "P2"):
        uid = make_project(workspace, program, title=title)
        advance(workspace, uid, "screened", date(2026, 4, 1))
        projects.append(uid)
    r = create_roadshow(workspace, "春季路演", date(2026, 4, 10), "街道会议室", CRITERIA, ["甲", "乙", "丙"], program)
    add_entries(workspace, r.uid, projects)
    grid = load_grid(workspace, r.uid)
    return workspace, r.uid, {j.name: j.uid for j in grid.judges}, dict(zip(("P1", "P2"), projects))


def type_twice(ws, rid, judge, project, scores):
    ws.user = CLERK_A
    enter_sheet(ws, rid, judge, project, scores)
    ws.user = CLERK_B
    confirm_sheet(ws, rid, judge, project, scores)


def test_rubric_rules(workspace):
    with pytest.raises(UserError, match="权重之和"):
        create_roadshow(workspace, "路演", date(2026, 4, 1), "", [CriterionSpec("a", 0.5, 10)], ["甲"])
    with pytest.raises(UserError, match="重复"):
        create_roadshow(workspace, "路演", date(2026, 4, 1), "", CRITERIA, ["甲", "甲"])
    assert list_templates(workspace)[0].criteria[0].name == "需求与目标"  # built-in until one is saved
    saved = save_template(workspace, "微创投模板", CRITERIA)
    assert [t.name for t in list_templates(workspace)] == ["微创投模板"]
    assert saved.criteria == tuple(CRITERIA)


def test_double_entry_confirmation_and_provisional_flag(show):
    ws, rid, judges, projects = show
    ws.user = CLERK_A
    enter_sheet(ws, rid, judges["甲"], projects["P1"], [8, 15])
    with pytest.raises(UserError, match="另一位工作人员"):
        confirm_sheet(ws, rid, judges["甲"], projects["P1"], [8, 15])
    ws.user = CLERK_B
    with pytest.raises(UserError, match="“需求”第一次是 8，这次是 9"):
        confirm_sheet(ws, rid, judges["甲"], projects["P1"], [9, 15])
    result = roadshow_result(ws, rid)
    assert result.provisional and result.lines == () and result.unscored == ("P1", "P2")
    confirm_sheet(ws, rid, judges["甲"], projects["P1"], [8, 15])
    result = roadshow_result(ws, rid)
    assert result.provisional and [line.title for line in result.lines] == ["P1"]
    assert result.lines[0].ranked.score == 78.0 and result.status_line == "暂定结果：已确认 1 / 6 张评分单。"


def test_final_ranking_with_recusal(show):
    ws, rid, judges, projects = show
    declare_recusal(ws, rid, judges["丙"], projects["P2"], "丙是该组织理事")
    with pytest.raises(UserError, match="回避"):
        enter_sheet(ws, rid, judges["丙"], projects["P2"], [1, 1])
    for judge, p1, p2 in (("甲", [8, 15], [10, 20]), ("乙", [9, 10], [5, 10]), ("丙", [7, 20], None)):
        type_twice(ws, rid, judges[judge], projects["P1"], p1)
        if p2:
            type_twice(ws, rid, judges[judge], projects["P2"], p2)
    result = roadshow_result(ws, rid)
    assert not result.provisional and result.status_line.startswith("全部 5 张")
    assert [(line.title, line.ranked.score, line.ranked.rank, line.ranked.judges_counted) for line in result.lines] == [
        ("P1", 78.0, 1, 3), ("P2", 75.0, 2, 2)]


def test_retyping_a_confirmed_sheet_needs_confirmation_again(show):
    ws, rid, judges, projects = show
    type_twice(ws, rid, judges["甲"], projects["P1"], [8, 15])
    ws.user = CLERK_A
    sheet = enter_sheet(ws, rid, judges["甲"], projects["P1"], [8, 16])
    assert not sheet.confirmed
    assert roadshow_result(ws, rid).lines == ()


def test_range_checked_and_rubric_frozen_after_scores(show):
    ws, rid, judges, projects = show
    with pytest.raises(UserError, match="0～10"):
        enter_sheet(ws, rid, judges["甲"], projects["P1"], [10.5, 15])
    with pytest.raises(UserError, match="2 项"):
        enter_sheet(ws, rid, judges["甲"], projects["P1"], [8])
    set_criteria(ws, rid, [CriterionSpec("需求", 0.5, 10), CriterionSpec("可行", 0.5, 20)])
    enter_sheet(ws, rid, judges["甲"], projects["P1"], [8, 15])
    with pytest.raises(UserError, match="不能再修改评分标准"):
        set_criteria(ws, rid, CRITERIA)
    add_judge(ws, rid, "丁", "区社工协会")
    assert [j.name for j in load_grid(ws, rid).judges] == ["甲", "乙", "丙", "丁"]


def test_only_screened_projects_go_on_a_roadshow(workspace):
    program = make_program(workspace)
    uid = make_project(workspace, program)
    r = create_roadshow(workspace, "路演", date(2026, 4, 10), "", CRITERIA, ["甲"])
    with pytest.raises(UserError, match="初审"):
        add_entries(workspace, r.uid, [uid])


def test_award_subject_only_for_final_results(show):
    from yichao.app.roadshow import award_winners, project_award_subject

    ws, rid, judges, projects = show
    type_twice(ws, rid, judges["甲"], projects["P1"], [8, 15])
    with pytest.raises(UserError, match="暂定"):
        project_award_subject(ws, projects["P1"])
    assert award_winners(ws) == []
    for judge, p1, p2 in (("甲", None, [10, 20]), ("乙", [9, 10], [5, 10]), ("丙", [7, 20], [0, 0])):
        if p1:
            type_twice(ws, rid, judges[judge], projects["P1"], p1)
        type_twice(ws, rid, judges[judge], projects["P2"], p2)
    subject = project_award_subject(ws, projects["P2"])  # (100 + 50 + 0) / 3 = 50 -> second
    assert (subject.rank, subject.rank_label, subject.award, subject.org_name) == (
        2, "第二名", "春季路演第二名", "夕阳红志愿服务队")
    assert subject.roadshow_date == date(2026, 4, 10) and subject.program_name == "2026年公益创投"
    assert [w.project_name for w in award_winners(ws)] == ["P1", "P2"]
