"""Organization files: validation, lifecycle rules, residency, records, ratings, search."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from yichao.app.core.communities import add_community
from yichao.app.core.errors import IdentifierError, NotFound, PermissionDenied, UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.orgs.lookups import add_lookup, list_lookups, rename_lookup, retire_lookup
from yichao.app.orgs.profile import OrgInput, create_org, delete_org, get_org, org_input, update_org
from yichao.app.orgs.query import OrgFilter, count_orgs, org_rows, query_orgs
from yichao.app.orgs.ratings import current_rating, expiry_of, record_rating
from yichao.app.orgs.records import (
    add_activity,
    add_mentoring,
    add_subsidy,
    complete_follow_up,
    count_activities,
    list_activities,
    overdue_follow_ups,
    parse_yuan,
    set_subsidy_status,
    yearly_totals,
)
from yichao.app.orgs.stage import change_stage, end_residency, stage_history, start_residency
from yichao.models.identifiers import make_credit_code

AGENCY = make_credit_code("5", "2", "370102", "MJ123456")
ASSOC = make_credit_code("5", "1", "370102", "MJ223456")
BAD_CHECK = AGENCY[:17] + ("0" if AGENCY[17] != "0" else "1")
TODAY = date.today()


def team(name: str = "夕阳情艺术团", **kw) -> OrgInput:
    return OrgInput(name=name, **{"leader": "张三", "phone": "13812345678", **kw})


def agency(name: str = "阳光社工服务中心", code: str = AGENCY, **kw) -> OrgInput:
    return OrgInput(name=name, kind="service_agency", credit_code=code,
                    **{"leader": "李四", "phone": "0531-86012345", "registered_on": date(2020, 5, 1), **kw})


# ---------------------------------------------------------------------- profile and validation

def test_create_and_read_back(workspace) -> None:
    community = add_community(workspace, "甸柳一居")
    domains = {e.name: e.uid for e in list_lookups(workspace, "domain")}
    cats = {e.name: e.uid for e in list_lookups(workspace, "category")}
    org = create_org(workspace, team(community_uid=community.uid, members=30, party_members=3,
                                     party_form="independent_branch", category_uid=cats["文体活动类"],
                                     domain_uids=[domains["为老"], domains["文体"]]))
    got = get_org(workspace, org.uid)
    assert got.stage == "nursery" and got.kind == "unregistered_team"
    assert got.domain_uids == (domains["为老"], domains["文体"])
    assert got.community_uid == community.uid
    assert [h.to_stage for h in stage_history(workspace, org.uid)] == ["nursery"]


@pytest.mark.parametrize("data, message", [
    (OrgInput(name=" "), "名称"),
    (agency(code=BAD_CHECK), "校验码"),
    (agency(code="1.2E+17"), "科学计数法"),
    (team(phone="1381234567"), "联系电话"),
    (agency(code=ASSOC), "类型"),
    (OrgInput(name="无码社团", kind="association"), "须填写统一社会信用代码"),
    (OrgInput(name="有码团队", credit_code=AGENCY), "未登记团队"),
    (OrgInput(name="备案团队", kind="unregistered_team", filing_number="历下备2024001"), "未登记团队"),
    (team(members=2, party_members=5), "党员人数不能多于"),
    (team(party_members=2, party_form="independent_branch"), "至少3名党员"),
    (agency(registered_on=TODAY + timedelta(days=3)), "晚于今天"),
    (team(members=-1), "成员人数"),
])
def test_bad_input_is_refused_and_nothing_saved(workspace, data, message) -> None:
    with pytest.raises((UserError, IdentifierError), match=message):
        create_org(workspace, data)
    assert count_orgs(workspace) == 0


def test_duplicate_code_and_name(workspace) -> None:
    create_org(workspace, agency())
    with pytest.raises(UserError, match="已被“阳光社工服务中心”使用"):
        create_org(workspace, agency(name="另一个中心"))
    with pytest.raises(UserError, match="已有名为"):
        create_org(workspace, team(name="阳光社工服务中心"))
    assert count_orgs(workspace) == 1


def test_bad_check_waiver_admin_only_and_journaled(workspace, make_workspace) -> None:
    org = create_org(workspace, agency(code=BAD_CHECK), waiver="2015年早期发放的代码，登记证书原件核对无误")
    assert org.credit_code == BAD_CHECK and "早期" in org.credit_code_waiver
    with workspace.read() as session:
        from sqlalchemy import select

        from yichao.models.journal import JournalEntry
        data = session.scalars(select(JournalEntry.data).where(JournalEntry.uid == org.uid)).first()
    assert "早期" in data
    # editing other fields keeps the waiver; a staff user cannot grant one
    again = update_org(workspace, org.uid, org_input(get_org(workspace, org.uid)))
    assert again.credit_code == BAD_CHECK
    workspace.user = CurrentUser("clerk", "staff")
    with pytest.raises(PermissionDenied):
        create_org(workspace, agency(name="新中心", code=BAD_CHECK[:16] + "9" + BAD_CHECK[17]), waiver="理由")


def test_viewer_cannot_create(workspace) -> None:
    workspace.user = CurrentUser("look", "viewer")
    with pytest.raises(PermissionDenied):
        create_org(workspace, team())


def test_lookup_lists_are_editable(workspace) -> None:
    entry = add_lookup(workspace, "domain", "社区治理")
    assert "社区治理" in [e.name for e in list_lookups(workspace, "domain")]
    with pytest.raises(UserError, match="已经存在"):
        add_lookup(workspace, "domain", "为老")
    rename_lookup(workspace, entry.uid, "基层治理")
    retire_lookup(workspace, entry.uid)
    assert "基层治理" not in [e.name for e in list_lookups(workspace, "domain")]
    with pytest.raises(UserError, match="已停用"):
        create_org(workspace, team(domain_uids=[entry.uid]))


def test_delete_tombstones(workspace) -> None:
    org = create_org(workspace, team())
    delete_org(workspace, org.uid)
    with pytest.raises(NotFound):
        get_org(workspace, org.uid)
    assert count_orgs(workspace) == 0


# ---------------------------------------------------------------------- lifecycle

def test_lifecycle_rules(workspace) -> None:
    org = create_org(workspace, OrgInput(name="广场舞队"))
    with pytest.raises(UserError, match="负责人和联系电话"):
        change_stage(workspace, org.uid, "accelerating", TODAY, "成长快")
    with pytest.raises(UserError, match="逐级"):
        change_stage(workspace, org.uid, "scaling", TODAY, "跳级")
    with pytest.raises(UserError, match="原因"):
        change_stage(workspace, org.uid, "exited", TODAY, "  ")
    with pytest.raises(UserError, match="晚于今天"):
        change_stage(workspace, org.uid, "exited", TODAY + timedelta(days=1), "解散")
    data = org_input(get_org(workspace, org.uid))
    data.leader, data.phone = "王五", "13912345678"
    update_org(workspace, org.uid, data)
    change_stage(workspace, org.uid, "accelerating", TODAY, "活动稳定")
    with pytest.raises(UserError, match="登记或备案"):
        change_stage(workspace, org.uid, "scaling", TODAY, "想扩大")
    data.kind, data.filing_number, data.filed_on = "filed_community_org", "LXBA-2024-017", date(2024, 3, 1)
    update_org(workspace, org.uid, data)
    change_stage(workspace, org.uid, "scaling", TODAY, "已备案")
    start_residency(workspace, org.uid, "A-01", TODAY)
    done = change_stage(workspace, org.uid, "graduated", TODAY, "评估合格出壳")
    assert done.stage == "graduated"
    assert not done.resident and done.workstation == "" and done.resident_until == TODAY
    with pytest.raises(UserError, match="不再变更"):
        change_stage(workspace, org.uid, "exited", TODAY, "x")
    history = stage_history(workspace, org.uid)
    assert [h.to_stage for h in history] == ["nursery", "accelerating", "scaling", "graduated"]
    assert history[-1].by_user == "管理员" and history[-1].reason == "评估合格出壳"


def test_exit_and_readmit(workspace) -> None:
    org = create_org(workspace, team())
    change_stage(workspace, org.uid, "exited", TODAY, "负责人搬走")
    again = change_stage(workspace, org.uid, "nursery", TODAY, "重新组建")
    assert again.stage == "nursery"


def test_residency_workstation_rules(workspace) -> None:
    a = create_org(workspace, team("甲队"))
    b = create_org(workspace, team("乙队"))
    start_residency(workspace, a.uid, "A-01", TODAY - timedelta(days=30))
    with pytest.raises(UserError, match="已由“甲队”使用"):
        start_residency(workspace, b.uid, "A-01", TODAY)
    with pytest.raises(UserError, match="早于"):
        end_residency(workspace, a.uid, TODAY - timedelta(days=60))
    left = end_residency(workspace, a.uid, TODAY)
    assert left.workstation == "" and not left.resident
    assert start_residency(workspace, b.uid, "A-01", TODAY).workstation == "A-01"
    with pytest.raises(UserError, match="没有入驻"):
        end_residency(workspace, a.uid, TODAY)


# ---------------------------------------------------------------------- records

def test_activities_mentoring_subsidies(workspace) -> None:
    org = create_org(workspace, team())
    with pytest.raises(UserError, match="活动日期不能晚于今天"):
        add_activity(workspace, org.uid, TODAY + timedelta(days=1), "重阳节演出")
    add_activity(workspace, org.uid, TODAY - timedelta(days=5), "重阳节演出", participants=40,
                 beneficiaries=200, volunteer_hours=36.5)
    add_activity(workspace, org.uid, TODAY, "排练")
    assert count_activities(workspace, org.uid) == 2
    assert [a.title for a in list_activities(workspace, org.uid)] == ["排练", "重阳节演出"]

    late = add_mentoring(workspace, org.uid, TODAY - timedelta(days=20), "supervision", "赵老师",
                         "台账不全", follow_up_on=TODAY - timedelta(days=5))
    add_mentoring(workspace, org.uid, TODAY, "training", "钱老师", follow_up_on=TODAY + timedelta(days=9))
    with pytest.raises(UserError, match="跟进日期不能早于"):
        add_mentoring(workspace, org.uid, TODAY, "consulting", "孙老师", follow_up_on=TODAY - timedelta(days=1))
    overdue = overdue_follow_ups(workspace)
    assert [m.uid for m in overdue] == [late.uid] and overdue[0].org_name == "夕阳情艺术团"
    complete_follow_up(workspace, late.uid)
    assert overdue_follow_ups(workspace) == []

    s1 = add_subsidy(workspace, org.uid, "activity", 2025, "3,000.50")
    add_subsidy(workspace, org.uid, "operating", 2025, "1.2万", status="paid")
    s3 = add_subsidy(workspace, org.uid, "activity", 2024, 500)
    set_subsidy_status(workspace, s1.uid, "approved")
    set_subsidy_status(workspace, s3.uid, "cancelled")
    with pytest.raises(UserError, match="不能再变更"):
        set_subsidy_status(workspace, s3.uid, "approved")
    totals = {t.year: t for t in yearly_totals(workspace, org.uid)}
    assert totals[2025].granted_fen == 300050 + 1200000 and totals[2025].paid_fen == 1200000
    assert totals[2024].granted_fen == 0


def test_parse_yuan() -> None:
    assert parse_yuan("12,000.5") == 1200050
    assert parse_yuan(3000) == 300000
    for bad in ("-5", "abc", "0", "1.234"):
        with pytest.raises(UserError):
            parse_yuan(bad)


def test_ratings_are_district_records(workspace, make_workspace) -> None:
    org = create_org(workspace, agency())
    with pytest.raises(UserError, match="街道只能查看"):
        record_rating(workspace, org.uid, 4, date(2021, 6, 1))
    assert expiry_of(date(2020, 2, 29)) == date(2025, 2, 27)
    # the district's record, as it arrives in the street's database
    with workspace.unit() as session:
        from yichao.models.org_records import OrgRating

        session.info["sync_apply"] = True
        session.add(OrgRating(uid="r1", origin="370102", rev=1, org_uid=org.uid, level=4,
                              awarded_on=date(2019, 6, 1), valid_until=expiry_of(date(2019, 6, 1))))
    rating = current_rating(workspace, org.uid)
    assert rating is not None and rating.label == "4A" and rating.expired and rating.plaque
    assert query_orgs(workspace)[0].grade_label == "4A（已过期）"
    assert count_orgs(workspace, OrgFilter(rating="expired")) == 1
    assert count_orgs(workspace, OrgFilter(rating="3")) == 0


# ---------------------------------------------------------------------- search

def test_search_filters_and_sort(workspace) -> None:
    c = add_community(workspace, "甸柳二居")
    create_org(workspace, team("夕阳情艺术团", short_name="夕阳情", community_uid=c.uid))
    create_org(workspace, agency())
    create_org(workspace, team("邻里守望队", leader="周七"))
    create_org(workspace, team("历下区青藤队"))  # initials lxqqtd: x, q, t in order but not from the start
    assert [o.name for o in query_orgs(workspace, OrgFilter(text="xqt"))] == ["夕阳情艺术团"]
    assert [o.name for o in query_orgs(workspace, OrgFilter(text="yst"))] == ["夕阳情艺术团"]
    assert [o.name for o in query_orgs(workspace, OrgFilter(text="LXQ"))] == ["历下区青藤队"]
    assert [o.name for o in query_orgs(workspace, OrgFilter(text="周七"))] == ["邻里守望队"]
    assert [o.name for o in query_orgs(workspace, OrgFilter(text=AGENCY[-6:].lower()))] == ["阳光社工服务中心"]
    assert count_orgs(workspace, OrgFilter(kind="service_agency")) == 1
    assert count_orgs(workspace, OrgFilter(community_uid=c.uid)) == 1
    assert count_orgs(workspace, OrgFilter(text="100%")) == 0
    names = [o.name for o in query_orgs(workspace, sort_key="name")]
    assert names == ["历下区青藤队", "邻里守望队", "夕阳情艺术团", "阳光社工服务中心"]  # li xia < lin li
    assert [o.name for o in query_orgs(workspace, sort_key="name", descending=True)] == names[::-1]
    assert [o.name for o in query_orgs(workspace, offset=1, limit=1)] == names[1:2]
    rows = list(org_rows(workspace))
    assert {"uid", "name", "stage", "kind", "credit_code"} <= set(rows[0])
    assert {r["stage"] for r in rows} == {"nursery"}


def test_filed_group_without_filing_number_is_kept_and_marked_todo(workspace) -> None:
    saved = create_org(workspace, OrgInput(name="备案组织", kind="filed_community_org",
                                           founded_on=date(2019, 3, 1)))
    assert saved.todo == ("filing_number",) and saved.founded_on == date(2019, 3, 1)
    assert count_orgs(workspace, OrgFilter(todo=True)) == 1
    filled = update_org(workspace, saved.uid, OrgInput(name="备案组织", kind="filed_community_org",
                                                       filing_number="历下备2024001", founded_on=date(2019, 3, 1)))
    assert filled.todo == () and count_orgs(workspace, OrgFilter(todo=True)) == 0
