"""The street's communities: add, rename, retire, merge (records follow, journaled), and the
names a roster gives them matched to the street's own."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from yichao.app.core.communities import (
    add_communities,
    add_community,
    community_names,
    find_community,
    list_communities,
    rename_community,
    set_retired,
    update_community,
)
from yichao.app.core.community_match import RosterCommunities, core_name
from yichao.app.core.community_merge import community_usage, merge_communities
from yichao.app.core.errors import UserError
from yichao.app.orgs.profile import OrgInput, create_org, get_org
from yichao.app.people.residents import PersonInput, create_person, get_person
from yichao.models.journal import JournalEntry
from yichao.models.site import Community


def test_add_list_rename_and_codes(workspace) -> None:
    add_communities(workspace, [("燕山社区", "370102001001"), ("甸柳第一社区", ""), ("  千佛山 社区 ", "")])
    assert [c.name for c in list_communities(workspace)] == ["甸柳第一社区", "千佛山 社区", "燕山社区"]  # pinyin
    with pytest.raises(UserError, match="已经存在"):
        add_community(workspace, "燕山社区")
    with pytest.raises(UserError, match="12位数字"):
        add_community(workspace, "新社区", "37010200100")
    with pytest.raises(UserError, match="前9位应为本街道的代码 370102001"):
        add_community(workspace, "新社区", "370102002001")
    with pytest.raises(UserError, match="已属于“燕山社区”"):
        add_community(workspace, "新社区", "370102001001")
    with pytest.raises(UserError, match="填了两次"):
        add_communities(workspace, [("甲社区", ""), ("甲社区", "")])
    assert len(list_communities(workspace)) == 3  # the refused batch added nothing
    renamed = rename_community(workspace, "燕山社区", "燕山新村社区")
    assert renamed.code == "370102001001" and find_community(workspace, "燕山新村社区").uid == renamed.uid
    with pytest.raises(UserError, match="没有名为"):
        rename_community(workspace, "燕山社区", "别的")
    with pytest.raises(UserError, match="已经存在"):
        update_community(workspace, renamed.uid, "甸柳第一社区", "")


def test_retired_community_leaves_the_pickers_but_keeps_its_records_name(workspace) -> None:
    c = add_community(workspace, "燕山社区")
    org = create_org(workspace, OrgInput(name="燕山舞蹈队", community_uid=c.uid))
    set_retired(workspace, c.uid)
    assert list_communities(workspace) == [] and community_names(workspace) == {c.uid: "燕山社区"}
    assert get_org(workspace, org.uid).community_uid == c.uid
    with pytest.raises(UserError, match="已撤销"):
        add_community(workspace, "燕山社区")
    assert set_retired(workspace, c.uid, False).retired is False


def test_merge_moves_every_record_journaled_and_removes_the_merged_one(workspace) -> None:
    kept, merged = add_communities(workspace, [("燕山社区", ""), ("燕山社区居委会", "")])
    org = create_org(workspace, OrgInput(name="燕山舞蹈队", community_uid=merged.uid))
    person = create_person(workspace, PersonInput("王秀英", community_uid=merged.uid))
    assert community_usage(workspace) == {merged.uid: 2}
    result = merge_communities(workspace, merged.uid, kept.uid)
    assert result.moved["organization"] == 1 and result.moved["person"] == 1 and result.removed
    assert "移过去" in result.sentence("燕山社区居委会")
    assert get_org(workspace, org.uid).community_uid == kept.uid
    assert get_person(workspace, person.uid).community_uid == kept.uid
    assert [c.name for c in list_communities(workspace, include_retired=True)] == ["燕山社区"]
    with workspace.read() as s:
        moves = s.scalars(select(JournalEntry).where(JournalEntry.uid == org.uid, JournalEntry.op == "update")).all()
        assert json.loads(moves[-1].before) == {"community_uid": merged.uid}
        event = s.scalars(select(JournalEntry).where(JournalEntry.op == "merge")).one()
        assert json.loads(event.data)["into"] == "燕山社区"
        assert s.get(Community, merged.uid).deleted
    with pytest.raises(UserError, match="两个不同"):
        merge_communities(workspace, kept.uid, kept.uid)


def test_roster_names_match_in_every_spelling_and_missing_ones_are_collected(workspace) -> None:
    dl = add_community(workspace, "甸柳第一社区")
    add_community(workspace, "千佛山社区")
    assert core_name("燕子山社区居民委员会") == "燕子山"
    with workspace.read() as s:
        names = RosterCommunities.load(s)
    for text in ("甸柳第一社区", "甸柳第一", "甸柳第一社区居委会", " 甸柳第一居民委员会 "):
        assert names.resolve(text) == dl.uid
    assert names.resolve("") is None
    for text in ("千佛山东社区", "千佛山东", "燕山社区"):
        with pytest.raises(UserError, match="不存在"):
            names.resolve(text)
    missing = names.missing()
    assert [(m.name, m.near) for m in missing] == [("千佛山东社区", "千佛山社区"), ("燕山社区", "")]


def test_setup_writes_the_communities_with_the_site_or_nothing(tmp_path) -> None:
    from yichao.app.core.communities import parse_lines
    from yichao.app.core.setup import initialize

    lines = parse_lines("甸柳第一社区 370102001001\n燕山社区\t370102001002\n\n千佛山社区")
    assert lines[1] == ("燕山社区", "370102001002")
    with pytest.raises(UserError, match="填了两次"):
        initialize(tmp_path / "bad", "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区",
                   communities=[*lines, ("燕山社区", "")])
    assert not (tmp_path / "bad" / "yichao.db").exists()
    ws = initialize(tmp_path / "ok", "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区",
                    communities=lines)
    try:
        assert [(c.name, c.code) for c in list_communities(ws)] == [
            ("甸柳第一社区", "370102001001"), ("千佛山社区", ""), ("燕山社区", "370102001002")]
    finally:
        ws.close()
