"""Programs, projects and their status rules, budget checks and tranche sums."""

from __future__ import annotations

from datetime import date

import pytest

from yichao.app.core.errors import UserError
from yichao.app.projects.evaluations import record_activity, record_evaluation, record_outcome
from yichao.app.projects.flow import advance, list_transitions
from yichao.app.projects.money import fen_to_yuan, parse_tranche_plan, split_amount, yuan_to_fen
from yichao.app.projects.records import (
    ProjectInput,
    apply_project,
    count_projects,
    get_project,
    project_rows,
    query_projects,
)
from yichao.app.projects.rounds import FundSourceInput, ProgramInput, create_program, get_program, update_program
from yichao.app.projects.tranches import (
    add_milestone,
    complete_milestone,
    disburse,
    link_milestone,
    list_tranches,
    replan_tranches,
)
from yichao.app.roadshow.setup import CriterionSpec, add_entries, create_roadshow
from yichao.models.organization import Organization

D = date(2026, 3, 1)


def make_org(ws, name="夕阳红志愿服务队", stage="nursery") -> str:
    with ws.unit() as session:
        org = Organization(name=name, stage=stage)
        session.add(org)
        session.flush()
        return org.uid


def make_program(ws, budget=100_000_00, **kw) -> str:
    data = ProgramInput(
        name="2026年公益创投",
        kind="venture",
        year=2026,
        budget_fen=budget,
        sources=(FundSourceInput("fiscal", budget - 20_000_00), FundSourceInput("community_fund", 20_000_00)),
        call_opens=date(2026, 2, 1),
        call_closes=date(2026, 3, 31),
        **kw,
    )
    return create_program(ws, data).uid


def make_project(ws, program_uid, requested=50_000_00, org_uid=None, title="邻里互助食堂") -> str:
    return apply_project(ws, ProjectInput(org_uid or make_org(ws), title, requested, program_uid,
                                          "为老服务", "给独居老人送餐", 120, D)).uid


def to_pitched(ws, uid):
    advance(ws, uid, "screened", date(2026, 4, 1))
    show = create_roadshow(ws, "春季路演", date(2026, 4, 10), "街道会议室", [CriterionSpec("综合", 1, 100)], ["张评委"])
    add_entries(ws, show.uid, [uid])
    advance(ws, uid, "pitched", date(2026, 4, 10))


def to_running(ws, uid, amount=40_000_00):
    to_pitched(ws, uid)
    advance(ws, uid, "approved", date(2026, 4, 20), approved_fen=amount)
    advance(ws, uid, "running", date(2026, 5, 1))


def test_money_helpers():
    assert yuan_to_fen("12,345.6") == 1234560 and yuan_to_fen("8元") == 800 and yuan_to_fen(0.1) == 10
    assert fen_to_yuan(1234560) == "12,345.60"
    with pytest.raises(UserError):
        yuan_to_fen("1.234")
    assert parse_tranche_plan("50/30/20") == (50, 30, 20)
    with pytest.raises(UserError, match="100%"):
        parse_tranche_plan("50,30")
    assert split_amount(100_01, (50, 30, 20)) == [5000, 3000, 2001]
    assert sum(split_amount(33_333_33, (33, 33, 34))) == 33_333_33


def test_program_validation(workspace):
    with pytest.raises(UserError, match="不一致"):
        create_program(workspace, ProgramInput("批次", "venture", 2026, 1000_00, (FundSourceInput("fiscal", 900_00),)))
    with pytest.raises(UserError, match="早于"):
        create_program(workspace, ProgramInput("批次", "venture", 2026, 1000_00, call_opens=date(2026, 5, 1),
                                               call_closes=date(2026, 4, 1)))
    with pytest.raises(UserError, match="资助类型"):
        create_program(workspace, ProgramInput("批次", "lottery", 2026, 1000_00))
    row = get_program(workspace, make_program(workspace))
    assert row.budget_fen == 100_000_00 and {s.kind for s in row.sources} == {"fiscal", "community_fund"}
    assert row.budget_line.startswith("预算 100,000.00 元，已立项 0.00 元")


def test_apply_checks_the_call_window_and_applicant(workspace):
    program = make_program(workspace)
    org = make_org(workspace)
    with pytest.raises(UserError, match="截止"):
        apply_project(workspace, ProjectInput(org, "迟到的项目", 1000_00, program, applied_on=date(2026, 4, 5)))
    exited = make_org(workspace, "已退出的组织", stage="exited")
    with pytest.raises(UserError, match="退出"):
        apply_project(workspace, ProjectInput(exited, "项目", 1000_00, program, applied_on=D))
    with pytest.raises(UserError, match="总预算"):
        apply_project(workspace, ProjectInput(org, "项目", 200_000_00, program, applied_on=D))


def test_full_status_flow_with_rules(workspace):
    program = make_program(workspace)
    uid = make_project(workspace, program)
    assert get_project(workspace, uid).status == "applied"
    with pytest.raises(UserError, match="不能变为“已立项”"):
        advance(workspace, uid, "approved", date(2026, 4, 1), approved_fen=1)
    advance(workspace, uid, "screened", date(2026, 4, 1))
    with pytest.raises(UserError, match="路演"):
        advance(workspace, uid, "pitched", date(2026, 4, 2))
    with pytest.raises(UserError, match="早于"):
        advance(workspace, uid, "rejected", date(2026, 3, 2), note="不符合")
    show = create_roadshow(workspace, "路演", date(2026, 4, 10), "", [CriterionSpec("综合", 1, 100)], ["甲"])
    add_entries(workspace, show.uid, [uid])
    advance(workspace, uid, "pitched", date(2026, 4, 10))
    with pytest.raises(UserError, match="申请金额"):
        advance(workspace, uid, "approved", date(2026, 4, 20), approved_fen=60_000_00)
    with pytest.raises(UserError, match="立项金额"):
        advance(workspace, uid, "approved", date(2026, 4, 20))
    row = advance(workspace, uid, "approved", date(2026, 4, 20), approved_fen=40_000_00)
    assert row.approved_fen == 40_000_00
    advance(workspace, uid, "running", date(2026, 5, 1))
    with pytest.raises(UserError, match="中期评估"):
        advance(workspace, uid, "midterm", date(2026, 7, 1))
    with pytest.raises(UserError, match="现在不能登记结项评估"):
        record_evaluation(workspace, uid, "final", date(2026, 7, 1), 90)
    record_evaluation(workspace, uid, "midterm", date(2026, 7, 1), 85.5, "第三方", "进度良好")
    advance(workspace, uid, "midterm", date(2026, 7, 2))
    record_evaluation(workspace, uid, "final", date(2026, 11, 1), 91, "第三方", "目标达成")
    with pytest.raises(UserError, match="未拨付"):
        advance(workspace, uid, "closed", date(2026, 11, 2))
    for t in list_tranches(workspace, uid):
        disburse(workspace, t.uid, date(2026, 11, 1))
    record_outcome(workspace, uid, 39_500_00, 130)
    row = advance(workspace, uid, "closed", date(2026, 11, 2))
    assert row.status == "closed" and row.actual_beneficiaries == 130
    assert [t.to_status for t in list_transitions(workspace, uid)] == [
        "applied", "screened", "pitched", "approved", "running", "midterm", "closed"]
    with pytest.raises(UserError, match="可以变为：无"):
        advance(workspace, uid, "terminated", date(2026, 12, 1), note="x")


def test_reject_and_terminate_need_a_reason(workspace):
    program = make_program(workspace)
    uid = make_project(workspace, program)
    with pytest.raises(UserError, match="原因"):
        advance(workspace, uid, "rejected", date(2026, 4, 1))
    assert advance(workspace, uid, "rejected", date(2026, 4, 1), note="不符合申报条件").status == "rejected"
    with pytest.raises(UserError):
        advance(workspace, uid, "screened", date(2026, 4, 2))
    other = make_project(workspace, program, title="社区花园")
    to_running(workspace, other)
    with pytest.raises(UserError, match="原因"):
        advance(workspace, other, "terminated", date(2026, 6, 1))
    advance(workspace, other, "terminated", date(2026, 6, 1), note="组织解散")


def test_budget_committed_disbursed_and_overrun_refused(workspace):
    program = make_program(workspace)  # 100,000 yuan
    a = make_project(workspace, program, 60_000_00, title="A")
    b = make_project(workspace, program, 50_000_00, title="B")
    to_running(workspace, a, 60_000_00)
    to_pitched(workspace, b)
    with pytest.raises(UserError, match="超出预算.*40,000.00"):
        advance(workspace, b, "approved", date(2026, 4, 20), approved_fen=50_000_00)
    advance(workspace, b, "approved", date(2026, 4, 20), approved_fen=40_000_00)
    first = list_tranches(workspace, a)[0]
    disburse(workspace, first.uid, date(2026, 5, 2))
    row = get_program(workspace, program)
    assert (row.committed_fen, row.disbursed_fen, row.remaining_fen) == (100_000_00, 30_000_00, 0)
    with pytest.raises(UserError, match="已立项"):
        update_program(workspace, program, ProgramInput("2026年公益创投", "venture", 2026, 90_000_00))
    # a terminated project keeps only what was paid: the rest returns to the budget
    advance(workspace, a, "terminated", date(2026, 6, 1), note="负责人离职")
    row = get_program(workspace, program)
    assert (row.committed_fen, row.disbursed_fen) == (40_000_00 + 30_000_00, 30_000_00)


def test_tranches_sum_order_and_conditions(workspace):
    program = make_program(workspace, tranche_plan="40,40,20")
    uid = make_project(workspace, program, 33_333_33)
    to_running(workspace, uid, 33_333_33)
    tranches = list_tranches(workspace, uid)
    assert [t.percent for t in tranches] == [40, 40, 20]
    assert [t.condition for t in tranches] == ["approval", "midterm", "final"]
    assert sum(t.amount_fen for t in tranches) == 33_333_33
    with pytest.raises(UserError, match="请先拨付第 1 笔"):
        disburse(workspace, tranches[1].uid, date(2026, 5, 2))
    disburse(workspace, tranches[0].uid, date(2026, 5, 2))
    with pytest.raises(UserError, match="已于"):
        disburse(workspace, tranches[0].uid, date(2026, 5, 3))
    with pytest.raises(UserError, match="中期评估"):
        disburse(workspace, tranches[1].uid, date(2026, 5, 3))
    with pytest.raises(UserError, match="已经有拨付"):
        replan_tranches(workspace, uid, "50,50")


def test_replan_and_milestone_condition(workspace):
    program = make_program(workspace)
    uid = make_project(workspace, program)
    to_running(workspace, uid, 10_000_00)
    rows = replan_tranches(workspace, uid, "50,25,25", ["approval", "milestone", "final"])
    assert [r.amount_fen for r in rows] == [5_000_00, 2_500_00, 2_500_00]
    m = add_milestone(workspace, uid, "完成首批入户走访", date(2026, 6, 1))
    disburse(workspace, rows[0].uid, date(2026, 5, 2))
    with pytest.raises(UserError, match="关联项目节点"):
        disburse(workspace, rows[1].uid, date(2026, 5, 3))
    link_milestone(workspace, rows[1].uid, m.uid)
    with pytest.raises(UserError, match="要等节点"):
        disburse(workspace, rows[1].uid, date(2026, 5, 3))
    complete_milestone(workspace, m.uid, date(2026, 5, 30))
    assert disburse(workspace, rows[1].uid, date(2026, 6, 1)).disbursed_on == date(2026, 6, 1)
    record_activity(workspace, uid, date(2026, 5, 20), "入户走访", 35)


def test_evaluation_range_and_listing(workspace):
    program = make_program(workspace)
    uid = make_project(workspace, program)
    to_running(workspace, uid)
    with pytest.raises(UserError, match="0～100"):
        record_evaluation(workspace, uid, "midterm", date(2026, 7, 1), 101)
    make_project(workspace, program, title="社区花园")
    assert count_projects(workspace) == 2 and count_projects(workspace, status="running") == 1
    assert count_projects(workspace, search="sqhy") == 1  # pinyin initials of 社区花园
    # titles in full-pinyin order: lin li < she qu
    assert [r.title for r in query_projects(workspace, sort_key="title", descending=False)] == [
        "邻里互助食堂",
        "社区花园",
    ]
    rows = list(project_rows(workspace))
    assert {r["uid"] for r in rows} == {r.uid for r in query_projects(workspace)}
    assert all("status" in r and "title" in r for r in rows)


def test_viewer_cannot_change_projects(make_workspace):
    from yichao.app.core.workspace import CurrentUser

    ws = make_workspace(user=CurrentUser("guest", "viewer"))
    with pytest.raises(UserError):
        create_program(ws, ProgramInput("批次", "venture", 2026, 1000_00))


def test_check_finds_tranche_sums_that_do_not_add_up(workspace):
    from sqlalchemy import select

    from yichao.app.projects.check import check_projects
    from yichao.models.project import Tranche

    uid = make_project(workspace, make_program(workspace))
    to_running(workspace, uid, 10_000_00)
    assert check_projects(workspace) == []
    with workspace.unit() as session:
        session.scalars(select(Tranche).where(Tranche.project_uid == uid)).first().amount_fen += 1
    assert "不一致" in check_projects(workspace)[0]
