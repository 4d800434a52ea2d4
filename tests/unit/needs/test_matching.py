"""Matching: residents by skills, organizations by service domains and community, needs for an org."""

from __future__ import annotations

import pytest

from yichao.app.core.communities import add_community
from yichao.app.needs import flow as needs_flow
from yichao.app.needs import matching
from yichao.app.needs import records as needs
from yichao.app.needs.records import NeedInput
from yichao.app.people import residents as people
from yichao.app.people.residents import PersonInput
from yichao.models.organization import Organization


@pytest.fixture
def setting(workspace):
    here = add_community(workspace, "燕山社区")
    there = add_community(workspace, "姚家社区")
    asker = people.create_person(workspace, PersonInput("王奶奶", community_uid=here.uid, skills="水电维修"))
    return workspace, here, there, asker


def test_residents_ranked_by_skill_fit_then_community_with_reasons(setting):
    ws, here, there, asker = setting
    near = people.create_person(ws, PersonInput("李师傅", community_uid=here.uid, skills="水电维修", is_volunteer=True))
    far = people.create_person(ws, PersonInput("周师傅", community_uid=there.uid, skills="家电维修"))
    named = people.create_person(ws, PersonInput("吴师傅", community_uid=there.uid, skills="电脑维修"))
    people.create_person(ws, PersonInput("郑老师", community_uid=here.uid, skills="书法"))
    need = needs.create_need(ws, NeedInput("电脑重装系统，顺便看看电脑维修", "维修", requester_uid=asker.uid))
    found = matching.people_for_need(ws, need.uid)
    assert [s.name for s in found] == ["吴师傅", "李师傅", "周师傅"]
    assert asker.uid not in {s.uid for s in found}  # never the resident who asked
    by = {s.uid: s for s in found}
    assert "与需求内容相符" in by[named.uid].reason
    assert "同一社区" in by[near.uid].reason and "志愿者" in by[near.uid].reason and by[near.uid].kind == "volunteer"
    assert "适合“维修”类需求" in by[far.uid].reason and by[far.uid].kind == "resident"


def test_a_need_nobody_can_serve_has_no_suggestions(setting):
    ws, here, _there, asker = setting
    need = needs.create_need(ws, NeedInput("帮忙填表", "其他", requester_uid=asker.uid))
    assert matching.people_for_need(ws, need.uid) == []


def test_organizations_by_community_without_domains(setting):
    ws, here, there, asker = setting
    with ws.unit() as session:
        session.add_all([Organization(name="燕山志愿队", community_uid=here.uid),
                         Organization(name="姚家合唱团", community_uid=there.uid),
                         Organization(name="退出的队伍", community_uid=here.uid, stage="exited")])
    need = needs.create_need(ws, NeedInput("楼道清理", "环境", requester_uid=asker.uid))
    found = matching.orgs_for_need(ws, need.uid)
    assert [(s.name, s.reason) for s in found] == [("燕山志愿队", "同一社区")]


def _with_domains(ws, name, community_uid, domains):
    from yichao.models import org_records
    with ws.unit() as session:
        uids = []
        for d in domains:
            lookup = org_records.OrgLookup(list_kind="domain", name=d)
            session.add(lookup)
            session.flush()
            uids.append(lookup.uid)
        org = Organization(name=name, community_uid=community_uid, domain_uids="|" + "|".join(uids) + "|")
        session.add(org)
        session.flush()
        return org.uid


def test_organizations_by_service_domain_and_community_and_needs_for_an_org(setting):
    ws, here, there, asker = setting
    elder_far = _with_domains(ws, "姚家为老服务中心", there.uid, ["为老"])
    elder_near = _with_domains(ws, "燕山助老队", here.uid, ["为老", "康复"])
    _with_domains(ws, "姚家环保社", there.uid, ["环保"])
    need = needs.create_need(ws, NeedInput("独居老人上门探访", "助老", requester_uid=asker.uid, reward_points=10))
    found = matching.orgs_for_need(ws, need.uid)
    assert [s.uid for s in found] == [elder_near, elder_far]
    assert "服务领域“为老”对应需求类别“助老”" in found[0].reason and "同一社区" in found[0].reason
    needs_flow.publish(ws, need.uid)
    other = needs.create_need(ws, NeedInput("楼道清理", "环境", community_uid=here.uid))
    needs_flow.publish(ws, other.uid)
    for_org = matching.needs_for_org(ws, elder_far)
    assert [row.uid for row, _s in for_org] == [need.uid]  # published, category fits; not the 环境 need
