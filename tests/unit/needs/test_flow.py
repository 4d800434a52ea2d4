"""Needs: validation, the status flow with its refusals, claims, reviews, history, lists, rewards."""

from __future__ import annotations

import types
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from yichao.app.core.communities import add_community
from yichao.app.core.errors import UserError
from yichao.app.needs import flow as needs_flow
from yichao.app.needs import records as needs
from yichao.app.needs.records import NeedInput, NeedsFilter
from yichao.app.people import residents as people
from yichao.app.people.residents import PersonInput
from yichao.models.organization import Organization
from yichao.models.passbook import LedgerEntry


@pytest.fixture
def street(workspace):
    c = add_community(workspace, "燕山社区")
    asker = people.create_person(workspace, PersonInput("王奶奶", community_uid=c.uid))
    vol = people.create_person(
        workspace, PersonInput("李志强", community_uid=c.uid, is_volunteer=True, skills="水电维修")
    )
    head = people.create_person(workspace, PersonInput("赵庭户", community_uid=c.uid, household_head=True))
    with workspace.unit() as session:
        org = Organization(name="燕山邻里互助队", community_uid=c.uid)
        session.add(org)
        session.flush()
        org_uid = org.uid
    return types.SimpleNamespace(ws=workspace, community=c, asker=asker, vol=vol, head=head, org_uid=org_uid)


def make(st, **kw):
    data = NeedInput(kw.pop("title", "厨房水管漏水维修"), kw.pop("category", "维修"), requester_uid=st.asker.uid,
                     reward_points=kw.pop("reward_points", 20), **kw)
    return needs.create_need(st.ws, data)


def test_new_need_is_a_draft_in_the_requesters_community(street):
    n = make(street)
    assert n.status == "draft" and n.community_uid == street.community.uid and n.requester_name == "王奶奶"
    assert needs_flow.allowed_actions("draft") == ["publish", "cancel"]


@pytest.mark.parametrize("bad, message", [
    (dict(title=" "), "标题"), (dict(category="教育"), "类别"), (dict(reward_points=-1), "积分"),
    (dict(urgency="very"), "紧急"),
])
def test_invalid_needs_are_refused_with_the_field_named(street, bad, message):
    with pytest.raises(UserError, match=message):
        make(street, **bad)
    assert needs.count_needs(street.ws) == 0


def test_full_flow_each_step_dated_and_signed(street):
    n = make(street)
    needs_flow.publish(street.ws, n.uid)
    needs_flow.claim(street.ws, n.uid, "volunteer", street.vol.uid)
    needs_flow.start_service(street.ws, n.uid)
    needs_flow.finish_service(street.ws, n.uid)
    done = needs_flow.review(street.ws, n.uid, 4, "来得很及时")
    assert done.status == "reviewed" and done.satisfaction == 4 and done.claimant_name == "李志强"
    history = needs.need_history(street.ws, n.uid)
    assert [(h.from_status, h.to_status) for h in history] == [
        ("", "draft"), ("draft", "published"), ("published", "claimed"), ("claimed", "in_service"),
        ("in_service", "done"), ("done", "reviewed")]
    assert all(h.by_user == "管理员" and h.at is not None for h in history)  # by display name
    assert "李志强" in history[2].note and "来得很及时" in history[-1].note


@pytest.mark.parametrize("action", ["claim", "start", "finish", "review", "release"])
def test_moves_out_of_order_are_refused_with_a_clear_sentence(street, action):
    n = make(street)
    calls = {
        "claim": lambda: needs_flow.claim(street.ws, n.uid, "volunteer", street.vol.uid),
        "start": lambda: needs_flow.start_service(street.ws, n.uid),
        "finish": lambda: needs_flow.finish_service(street.ws, n.uid),
        "review": lambda: needs_flow.review(street.ws, n.uid, 5),
        "release": lambda: needs_flow.release(street.ws, n.uid),
    }
    with pytest.raises(UserError, match="当前为草稿"):
        calls[action]()
    assert needs.get_need(street.ws, n.uid).status == "draft"
    assert len(needs.need_history(street.ws, n.uid)) == 1


def test_cancel_needs_a_reason_and_is_final(street):
    n = make(street)
    with pytest.raises(UserError, match="原因"):
        needs_flow.cancel(street.ws, n.uid, " ")
    needs_flow.cancel(street.ws, n.uid, "居民已自行解决")
    assert needs_flow.allowed_actions("cancelled") == []
    with pytest.raises(UserError, match="已取消"):
        needs_flow.publish(street.ws, n.uid)


def test_claimants_are_checked(street):
    n = make(street)
    needs_flow.publish(street.ws, n.uid)
    with pytest.raises(UserError, match="不是登记的志愿者"):
        needs_flow.claim(street.ws, n.uid, "volunteer", street.head.uid)
    with pytest.raises(UserError, match="庭户长"):
        needs_flow.claim(street.ws, n.uid, "household", street.vol.uid)
    with pytest.raises(UserError, match="自己"):
        needs_flow.claim(street.ws, n.uid, "household", street.asker.uid)
    with pytest.raises(UserError, match="揭榜方只能是"):
        needs_flow.claim(street.ws, n.uid, "company", street.org_uid)
    row = needs_flow.claim(street.ws, n.uid, "organization", street.org_uid)
    assert (row.claimant_kind, row.claimant_name) == ("organization", "燕山邻里互助队")
    released = needs_flow.release(street.ws, n.uid, "人手不够")
    assert released.status == "published" and released.claimant_uid is None
    assert needs_flow.claim(street.ws, n.uid, "household", street.head.uid).claimant_name == "赵庭户"


def test_satisfaction_must_be_1_to_5(street):
    n = make(street)
    for step in (needs_flow.publish,):
        step(street.ws, n.uid)
    needs_flow.claim(street.ws, n.uid, "volunteer", street.vol.uid)
    needs_flow.start_service(street.ws, n.uid)
    needs_flow.finish_service(street.ws, n.uid)
    for bad in (0, 6):
        with pytest.raises(UserError, match="满意度"):
            needs_flow.review(street.ws, n.uid, bad)
    assert needs.get_need(street.ws, n.uid).status == "done"


def test_editing_only_before_the_claim(street):
    n = make(street)
    edited = needs.update_need(street.ws, n.uid, NeedInput("厨房水管漏水", "维修", requester_uid=street.asker.uid,
                                                           urgency="紧急"))
    assert edited.title == "厨房水管漏水" and edited.urgency == "critical"
    needs_flow.publish(street.ws, n.uid)
    needs_flow.claim(street.ws, n.uid, "volunteer", street.vol.uid)
    with pytest.raises(UserError, match="不能再修改"):
        needs.update_need(street.ws, n.uid, NeedInput("别的", "维修"))


def _serve(st, n, kind="volunteer", who=None):
    needs_flow.publish(st.ws, n.uid)
    needs_flow.claim(st.ws, n.uid, kind, who or st.vol.uid)
    needs_flow.start_service(st.ws, n.uid)
    needs_flow.finish_service(st.ws, n.uid)


def test_review_of_a_volunteers_need_deposits_the_reward_in_the_same_transaction(street, monkeypatch):
    calls = []

    def deposit_need_reward(session, *, person_uid, points, need_uid, title):
        calls.append((person_uid, points, need_uid, title, session.in_transaction()))

    monkeypatch.setattr(needs_flow, "deposit_need_reward", deposit_need_reward)
    n = make(street, reward_points=30)
    _serve(street, n)
    needs_flow.review(street.ws, n.uid, 5)
    assert calls == [(street.vol.uid, 30, n.uid, "厨房水管漏水维修", True)]
    other = make(street, title="楼道清理", category="环境")
    _serve(street, other, "organization", street.org_uid)
    needs_flow.review(street.ws, other.uid, 5)
    assert len(calls) == 1  # only volunteers earn points


def test_a_failing_deposit_rolls_the_review_back(street, monkeypatch):
    def deposit_need_reward(session, **kw):
        raise UserError("这位志愿者还没有爱心存折。")

    monkeypatch.setattr(needs_flow, "deposit_need_reward", deposit_need_reward)
    n = make(street)
    _serve(street, n)
    with pytest.raises(UserError, match="爱心存折"):
        needs_flow.review(street.ws, n.uid, 5)
    assert needs.get_need(street.ws, n.uid).status == "done"


def test_overdue_lists_counts_and_board(street):
    late = make(street, due_date=date.today() - timedelta(days=1))
    make(street, title="帮忙搬家具", category="邻里互助", due_date=date.today() + timedelta(days=5))
    needs_flow.publish(street.ws, late.uid)
    rows = needs.query_needs(street.ws, NeedsFilter(overdue_only=True))
    assert [r.uid for r in rows] == [late.uid] and rows[0].overdue
    assert needs.status_counts(street.ws)["draft"] == 1 and needs.status_counts(street.ws)["published"] == 1
    assert [r.title for r in needs.query_needs(street.ws, NeedsFilter("bmbjj"))] == ["帮忙搬家具"]
    assert [r.title for r in needs.query_needs(street.ws, NeedsFilter("漏水"))] == ["厨房水管漏水维修"]
    board = needs.board(street.ws)
    assert [r.uid for r in board["published"]] == [late.uid] and len(board["draft"]) == 1
    with pytest.raises(UserError):
        needs.count_needs(street.ws, NeedsFilter(status="nonsense"))


def test_review_deposits_through_the_real_passbook_service(street):
    n = make(street, reward_points=25)
    _serve(street, n)
    needs_flow.review(street.ws, n.uid, 5, "好")
    with street.ws.read() as session:
        entries = list(session.scalars(select(LedgerEntry).where(LedgerEntry.source_uid == n.uid)))
        assert [(e.kind, e.points) for e in entries] == [("deposit", 25)]
        assert session.scalar(select(func.count()).select_from(LedgerEntry)) == 1


def test_check_finds_a_status_that_disagrees_with_the_history(street):
    from yichao.app.needs.check import check_needs
    from yichao.models.need import Need

    n = make(street)
    needs_flow.publish(street.ws, n.uid)
    assert check_needs(street.ws) == []
    with street.ws.unit() as session:
        session.get(Need, n.uid).status = "claimed"  # behind the flow's back
    problems = check_needs(street.ws)
    assert any("最后一步不一致" in p for p in problems) and any("没有记录揭榜方" in p for p in problems)
