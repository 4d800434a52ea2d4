"""The figures of the module issues, each on hand-built records."""

from __future__ import annotations

import importlib
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from yichao.app.stats.period import Period, china_today
from yichao.app.stats.scope import ALL, Scope

OCT, NOV = Period("month", 2026, 10), Period("month", 2026, 11)
Y2026 = Period("year", 2026)


def need(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def add(ws, *objects):
    with ws.unit() as s:
        s.add_all(objects)
        s.flush()
    return objects


def make_org(ws, name="阳光志愿队", stage="nursery"):
    Organization = need("yichao.models.organization", "Organization")
    (org,) = add(ws, Organization(name=name, stage=stage))
    return org.uid


def test_org_stage_entry_graduation_activity_subsidy_followup(workspace):
    org_records = importlib.import_module("yichao.app.stats.fig_org_records")
    fig_orgs = importlib.import_module("yichao.app.stats.fig_orgs")
    from yichao.models.org_records import OrgActivity, OrgMentoring, OrgStageChange, OrgSubsidy

    a = make_org(workspace, "甲", "nursery")
    b = make_org(workspace, "乙", "graduated")
    make_org(workspace, "丙", "exited")
    add(workspace,
        OrgStageChange(org_uid=a, from_stage="", to_stage="nursery", on=date(2026, 10, 31)),
        OrgStageChange(org_uid=b, from_stage="", to_stage="nursery", on=date(2026, 11, 1)),
        OrgStageChange(org_uid=b, from_stage="scaling", to_stage="graduated", on=date(2026, 11, 20)),
        OrgActivity(org_uid=a, on=date(2026, 10, 5), title="义剪", participants=30),
        OrgActivity(org_uid=a, on=date(2026, 11, 5), title="义诊", participants=12),
        OrgActivity(org_uid=b, on=date(2026, 11, 30), title="读书会", participants=8),
        OrgSubsidy(org_uid=a, year=2026, amount_fen=150_050, status="paid", on=date(2026, 10, 2),
                   paid_on=date(2026, 11, 2)),
        OrgSubsidy(org_uid=a, year=2026, amount_fen=99_900, status="approved", on=date(2026, 11, 2)),
        OrgMentoring(org_uid=a, on=date(2026, 9, 1), follow_up_on=date(2026, 9, 15), follow_up_done=False),
        OrgMentoring(org_uid=b, on=date(2026, 9, 1), follow_up_on=date(2026, 9, 15), follow_up_done=True),
        OrgMentoring(org_uid=b, on=date(2026, 9, 1), follow_up_on=date(2099, 1, 1), follow_up_done=False))
    with workspace.read() as s:
        assert fig_orgs.orgs_incubating(s, ALL) == 1
        assert dict(fig_orgs.orgs_by_stage(s, ALL)) == {
            "苗圃培育": 1,
            "加速孵化": 0,
            "产业发展": 0,
            "出壳": 1,
            "退出": 1,
        }
        assert dict(fig_orgs.orgs_by_kind(s, ALL))["未登记团队"] == 3  # the model's default kind
        assert org_records.orgs_new(s, ALL, [OCT, NOV]) == [1, 1]
        assert org_records.orgs_graduated(s, ALL, [OCT, NOV, Y2026]) == [0, 1, 1]
        base = org_records.activities(s, ALL, [OCT, NOV])
        assert org_records.participants(s, ALL, [OCT, NOV, Y2026])[:2] == [30, 20]
        assert org_records.subsidies_paid(s, ALL, [NOV]) == [Decimal("1500.50")]
        assert org_records.followups_overdue(s, ALL, date(2026, 11, 23)) == 1
        assert org_records.followups_overdue(s, Scope("370102999"), date(2026, 11, 23)) == 0
    assert base == [1, 2]


def test_project_activities_count_with_organization_activities(workspace):
    org_records = importlib.import_module("yichao.app.stats.fig_org_records")
    Project = need("yichao.models.project", "Project")
    Activity = need("yichao.models.project", "Activity")
    org = make_org(workspace)
    (project,) = add(workspace, Project(org_uid=org, title="长者食堂", status="running"))
    add(workspace, Activity(project_uid=project.uid, held_on=date(2026, 11, 3), title="送餐", participants=40))
    with workspace.read() as s:
        assert org_records.activities(s, ALL, [NOV]) == [1]
        assert org_records.participants(s, ALL, [NOV]) == [40]


def _need_with_steps(ws, status, due, steps):
    Need = need("yichao.models.need", "Need")
    NeedStep = need("yichao.models.need", "NeedStep")
    (n,) = add(ws, Need(title="助老", status=status, due_date=due))
    add(ws, *(NeedStep(need_uid=n.uid, from_status=f, to_status=t, at=at) for f, t, at in steps))
    return n.uid


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_needs_in_out_open_overdue_and_median_days(workspace):
    fig_needs = importlib.import_module("yichao.app.stats.fig_needs")
    # recorded 2026-09-30 17:00 UTC = 10-01 Beijing; closed 4 days later
    _need_with_steps(workspace, "done", None, [("", "draft", utc(2026, 9, 30, 17)),
                                              ("in_service", "done", utc(2026, 10, 4, 17))])
    _need_with_steps(workspace, "done", None, [("", "draft", utc(2026, 10, 1)),
                                              ("in_service", "done", utc(2026, 10, 11))])
    _need_with_steps(workspace, "done", None, [("", "draft", utc(2026, 10, 2)),
                                              ("in_service", "done", utc(2026, 10, 30))])
    _need_with_steps(workspace, "published", date(2020, 1, 1), [("", "draft", utc(2026, 11, 2))])
    _need_with_steps(workspace, "claimed", date(2099, 1, 1), [("", "draft", utc(2026, 11, 2))])
    _need_with_steps(workspace, "draft", date(2020, 1, 1), [("", "draft", utc(2026, 11, 3))])
    with workspace.read() as s:
        assert fig_needs.needs_new(s, ALL, [Period("month", 2026, 9), OCT, NOV]) == [0, 3, 3]
        assert fig_needs.needs_closed(s, ALL, [OCT, NOV]) == [3, 0]
        assert fig_needs.needs_median_days(s, ALL, [OCT, NOV]) == [10.0, None]  # 4, 10, 28 days
        assert fig_needs.needs_open(s, ALL) == 2
        assert fig_needs.needs_overdue(s, ALL) == 1  # the draft does not count, the future due date neither
        assert fig_needs.needs_past_due(s, ALL, china_today()) == 1
    _need_with_steps(workspace, "done", None, [("", "draft", utc(2026, 10, 5)),
                                              ("in_service", "done", utc(2026, 10, 7))])
    with workspace.read() as s:
        assert fig_needs.needs_median_days(s, ALL, [OCT]) == [7.0]  # 2, 4, 10, 28: (4 + 10) / 2


def test_passbook_active_volunteers_points_and_pending_lines(workspace):
    fig_passbook = importlib.import_module("yichao.app.stats.fig_passbook")
    from yichao.models.passbook import LedgerEntry, Passbook
    from yichao.models.person import Person

    people = add(workspace, Person(name="甲"), Person(name="乙"), Person(name="丙"))
    books = add(workspace, *(Passbook(number=f"370102001-{i:06d}", site_code="370102001", seq=i,
                                      holder_uid=p.uid, status="active", opened_on=date(2026, 1, 1),
                                      balance=b, entry_count=e, printed_seq=pr)
                             for i, (p, b, e, pr) in enumerate(zip(people, (40, 5, 0), (3, 2, 0), (3, 1, 0)), 1)))
    rows = [(books[0], 1, "deposit", date(2026, 10, 3), 30), (books[0], 2, "deposit", date(2026, 10, 20), 20),
            (books[0], 3, "redeem", date(2026, 11, 1), -10), (books[1], 1, "deposit", date(2026, 11, 8), 7),
            (books[1], 2, "redeem", date(2026, 11, 9), -2)]
    add(workspace, *(LedgerEntry(passbook_uid=b.uid, seq=q, kind=k, on=on, memo="m", points=pt, balance_after=0)
                     for b, q, k, on, pt in rows))
    with workspace.read() as s:
        assert fig_passbook.volunteers_active(s, ALL, [OCT, NOV, Y2026]) == [1, 1, 2]
        assert fig_passbook.points_deposited(s, ALL, [OCT, NOV]) == [50, 7]
        assert fig_passbook.points_redeemed(s, ALL, [OCT, NOV]) == [0, 12]
        assert fig_passbook.passbooks_active(s, ALL) == 3
        assert fig_passbook.points_outstanding(s, ALL) == 45
        assert fig_passbook.passbooks_pending(s, ALL, date(2026, 11, 23)) == 1


def test_projects_running_money_and_tranches_due(workspace):
    fig_projects = importlib.import_module("yichao.app.stats.fig_projects")
    from yichao.models.project import Evaluation, Milestone, Program, Project, ProjectTransition, Tranche

    org = make_org(workspace)
    (program,) = add(workspace, Program(name="2026公益创投", year=china_today().year, budget_fen=50_000_000))
    p1, p2, p3 = add(
        workspace,
        Project(org_uid=org, program_uid=program.uid, title="一", status="running", approved_fen=10_000_000),
        Project(org_uid=org, program_uid=program.uid, title="二", status="midterm", approved_fen=5_000_000),
        Project(org_uid=org, program_uid=program.uid, title="三", status="rejected", approved_fen=0),
    )
    (m,) = add(workspace, Milestone(project_uid=p1.uid, title="节点", done_on=date(2026, 11, 1)))
    add(workspace,
        ProjectTransition(project_uid=p1.uid, from_status="pitched", to_status="approved", on=date(2026, 10, 9)),
        ProjectTransition(project_uid=p2.uid, from_status="pitched", to_status="approved", on=date(2026, 11, 9)),
        Tranche(project_uid=p1.uid, seq=1, amount_fen=5_000_000, condition="approval", disbursed_on=date(2026, 10, 20)),
        Tranche(project_uid=p1.uid, seq=2, amount_fen=3_000_000, condition="milestone", milestone_uid=m.uid),
        Tranche(project_uid=p1.uid, seq=3, amount_fen=2_000_000, condition="final"),
        Tranche(project_uid=p2.uid, seq=1, amount_fen=2_500_000, condition="approval"),
        Tranche(project_uid=p2.uid, seq=2, amount_fen=2_500_000, condition="midterm"),
        Evaluation(project_uid=p2.uid, kind="midterm", on=date(2026, 11, 10)))
    with workspace.read() as s:
        assert fig_projects.projects_running(s, ALL) == 2
        assert fig_projects.program_budget(s, ALL) == Decimal("500000")
        assert fig_projects.funds_committed(s, ALL, [OCT, NOV, Y2026]) == [
            Decimal(100000),
            Decimal(50000),
            Decimal(150000),
        ]
        assert fig_projects.funds_disbursed(s, ALL, [OCT, NOV]) == [Decimal(50000), Decimal(0)]
        # due: p1's milestone tranche (milestone done), p2's approval and midterm tranches; not p1's final
        assert fig_projects.tranches_due(s, ALL, date(2026, 11, 23)) == 3


def test_bundle_overdue_until_a_recent_exchange(workspace):
    from yichao.app.stats.fig_sync import bundle_overdue
    from yichao.models.journal import record_event

    today = china_today()
    with workspace.read() as s:
        assert bundle_overdue(s, ALL, today) == 0  # a site set up today is not warned
        assert bundle_overdue(s, ALL, today + timedelta(days=40)) == 1  # never exchanged since its set-up
    with workspace.unit() as s:
        record_event(s, "bundle_export", "bundle", "", {"to": "370102"})
    with workspace.read() as s:
        assert bundle_overdue(s, ALL, today) == 0
        assert bundle_overdue(s, ALL, date(today.year + 1, 1, 1) + timedelta(days=40)) == 1
