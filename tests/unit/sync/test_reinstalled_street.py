"""A street set up again with its old code (a reinstalled PC: a new data folder, a new site record,
a new key) is held off until the district trusts the new key with ``replace``; then it is the same
street: the district gives its records back, nothing is duplicated or listed as a conflict, and the
next round trip agrees (issue 14, point 2)."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from tests.unit.sync.support import add_community, add_people, move, pair, set_up_again
from tests.unit.sync.test_merge import CODE, DISTRICT, STREET_A, add_org, same
from yichao.app.core.errors import UserError
from yichao.app.sync import list_conflicts, list_held
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import export_key_file, trust_key_file
from yichao.models.journal import JournalEntry
from yichao.models.organization import Organization
from yichao.models.person import Person
from yichao.models.site import Community, Site
from yichao.models.sync import SyncPeer


def _local_site_uid(ws):
    with ws.read() as s:
        return s.scalar(select(Site.uid).where(Site.is_local.is_(True)))


def _live(ws, model, origin):
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(
            model.origin == origin, model.deleted.is_(False)))


def test_a_street_set_up_again_is_the_same_street_once_its_new_key_is_trusted(make_workspace, tmp_path):
    a = make_workspace(*STREET_A)
    d = make_workspace(*DISTRICT)
    pair(a, d, tmp_path)
    community = add_community(a, "山水社区")
    add_people(a, 4, random.Random(21), community)
    add_org(a, "山泉志愿服务中心", CODE)
    for _ in range(2):
        move(a, d, tmp_path)
        move(d, a, tmp_path)
    code = a.site.code
    people, orgs = _live(d, Person, code), _live(d, Organization, code)
    assert people == 4 and orgs == 1
    a.close()

    # the street's PC is reinstalled: a new data folder, same code, a new key
    a2 = set_up_again(tmp_path / "street-again", *STREET_A)
    new_site = _local_site_uid(a2)
    try:
        export_key_file(d, tmp_path / "district.key")
        trust_key_file(a2, tmp_path / "district.key")  # the street trusts the district as before
        first = move(a2, d, tmp_path, apply=False)
        with pytest.raises(UserError, match="签名与已信任的站点"):  # the district does not know the key yet
            import_bundle(d, first)
        with d.read() as s:
            assert s.get(SyncPeer, code).last_refusal  # flagged on the district's list, nothing applied
        export_key_file(a2, tmp_path / "street-again.key")
        with pytest.raises(UserError, match="两者不同"):  # a different key is never taken silently
            trust_key_file(d, tmp_path / "street-again.key")
        trust_key_file(d, tmp_path / "street-again.key", replace=True)
        with d.read() as s:
            assert s.scalar(select(func.count()).select_from(JournalEntry).where(
                JournalEntry.op == "key_replace", JournalEntry.uid == code)) == 1

        r = import_bundle(d, first)  # the same file, now that the key is trusted
        assert r.applied and not r.held and not r.conflicts
        with d.read() as s:  # one live site record for the street: the new one
            sites = s.scalars(select(Site).where(Site.code == code, Site.deleted.is_(False))).all()
            assert [x.uid for x in sites] == [new_site]

        # the district gives the street back its records; the street goes on working with them
        move(d, a2, tmp_path)
        assert _live(a2, Person, code) == people and _live(a2, Organization, code) == orgs
        with a2.read() as s:
            assert s.get(Community, community) is not None
            local = s.scalars(select(Site).where(Site.is_local.is_(True), Site.deleted.is_(False))).all()
            assert [x.uid for x in local] == [new_site]
        add_org(a2, "山水书画社")
        for _ in range(2):
            move(a2, d, tmp_path)
            move(d, a2, tmp_path)
        assert _live(d, Person, code) == people and _live(d, Organization, code) == orgs + 1
        assert list_conflicts(d) == [] and list_held(d) == [] and list_held(a2) == []
        assert same(a2, d, code) and same(a2, d, d.site.code)
    finally:
        a2.close()
