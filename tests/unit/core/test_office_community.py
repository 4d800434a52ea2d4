"""A community savings office holds its own community from the day it is set up (issue 17,
leftover of point 1): the residents it registers belong to it, before any bundle from its street."""

from __future__ import annotations

import pytest

from tests.unit.sync.support import move, pair
from yichao.app.core.communities import list_communities, office_community_name
from yichao.app.people.residents import PersonInput, create_person, get_person
from yichao.models.site import Community

OFFICE = "370102001003"


@pytest.mark.parametrize("office, community", [
    ("甸柳新村社区储蓄所", "甸柳新村社区"), ("燕山社区爱心储蓄所", "燕山社区"), (" 窑头社区  储蓄所", "窑头社区"),
    ("储蓄所", "储蓄所"), ("甸柳新村社区", "甸柳新村社区"),
])
def test_the_community_s_name_comes_from_the_office_s(office, community):
    assert office_community_name(office) == community


def test_the_office_s_residents_belong_to_its_own_community(make_workspace):
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", "370102001")
    (own,) = list_communities(office)
    assert (own.name, own.code) == ("甸柳新村社区", OFFICE)
    person = create_person(office, PersonInput(name="孙丽"))
    assert get_person(office, person.uid).community_uid == own.uid
    with office.unit() as s:  # a community the street's bundle brought is kept when chosen
        other = Community(name="燕山社区", code="370102001004", site_code="370102001", origin="370102001")
        s.add(other)
        s.flush()
        other_uid = other.uid
    chosen = create_person(office, PersonInput(name="钱明", community_uid=other_uid))
    assert get_person(office, chosen.uid).community_uid == other_uid


def test_a_street_s_residents_keep_no_community_by_default(workspace):
    assert list_communities(workspace) == []
    person = create_person(workspace, PersonInput(name="孙丽"))
    assert get_person(workspace, person.uid).community_uid is None


def test_the_street_receives_the_office_s_community_with_its_residents(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", "370102001")
    pair(street, office, tmp_path)
    person = create_person(office, PersonInput(name="孙丽"))
    move(office, street, tmp_path)
    got = get_person(street, person.uid)
    names = {c.uid: (c.name, c.code) for c in list_communities(street)}
    assert names[got.community_uid] == ("甸柳新村社区", OFFICE)
