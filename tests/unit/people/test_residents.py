"""Residents: validation, duplicates with a link, masking everywhere, reveal journaled, lists."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from yichao.app.core.communities import add_community
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.workspace import CurrentUser
from yichao.app.people import residents as people
from yichao.app.people.residents import DuplicatePerson, PeopleFilter, PersonInput
from yichao.models.identifiers import IdentifierError, make_id_number
from yichao.models.journal import JournalEntry

ID = make_id_number("370102", date(1958, 3, 9), 123)  # odd sequence: male


def test_create_masks_and_derives_gender_from_identity_number(workspace):
    row = people.create_person(workspace, PersonInput("张建国", ID, phone="13805311234", skills="理发, 书法；理发"))
    assert row.id_masked == ID[:6] + "********" + ID[-4:]
    assert row.gender == "male"
    assert row.skills == "理发、书法"
    assert ID not in repr(row)


def test_invalid_identity_number_is_refused_with_the_reason(workspace):
    with pytest.raises(IdentifierError, match="校验码"):
        people.create_person(workspace, PersonInput("张三", ID[:-1] + ("0" if ID[-1] != "0" else "1")))
    with pytest.raises(IdentifierError, match="科学计数法"):
        people.create_person(workspace, PersonInput("张三", "3.70102195803091E+17"))
    assert people.count_people(workspace) == 0


def test_duplicate_identity_number_is_refused_with_a_link_to_the_existing_record(workspace):
    first = people.create_person(workspace, PersonInput("张建国", ID))
    with pytest.raises(DuplicatePerson) as err:
        people.create_person(workspace, PersonInput("张健国", ID.lower()))
    assert err.value.existing_uid == first.uid
    assert "张建国" in err.value.message and ID not in err.value.message


def test_volunteer_number_needs_the_volunteer_flag(workspace):
    with pytest.raises(UserError, match="志愿者"):
        people.create_person(workspace, PersonInput("李四", volunteer_number="V001"))


def test_full_number_never_reaches_the_journal_and_reveal_is_journaled(workspace):
    row = people.create_person(workspace, PersonInput("张建国", ID))
    people.update_person(workspace, row.uid, PersonInput("张建国", "", phone="13805311234"))
    assert people.reveal_id_number(workspace, row.uid) == ID
    with workspace.read() as session:
        entries = list(session.scalars(select(JournalEntry)))
    assert all(ID not in e.data and ID not in e.before for e in entries)
    reveals = [e for e in entries if e.op == "reveal"]
    assert len(reveals) == 1 and reveals[0].uid == row.uid and reveals[0].user == "admin"


def test_viewer_cannot_reveal(workspace):
    row = people.create_person(workspace, PersonInput("张建国", ID))
    workspace.user = CurrentUser("guest", "viewer")
    with pytest.raises(PermissionDenied):
        people.reveal_id_number(workspace, row.uid)


def test_update_keeps_the_number_unless_retyped_and_refuses_a_duplicate(workspace):
    a = people.create_person(workspace, PersonInput("张建国", ID))
    other = make_id_number("370102", date(1960, 1, 1), 222)
    b = people.create_person(workspace, PersonInput("李梅", other))
    edited = people.update_person(
        workspace, a.uid, PersonInput("张建国", "", building="3号楼", unit="2单元", room="301", household_head=True)
    )
    assert edited.id_masked == a.id_masked and edited.address == "3号楼2单元301" and edited.household_head
    with pytest.raises(DuplicatePerson):
        people.update_person(workspace, b.uid, PersonInput("李梅", ID))


def test_filters_pinyin_initials_community_volunteers_skills(workspace):
    c1 = add_community(workspace, "燕山社区")
    people.create_person(workspace, PersonInput("张建国", community_uid=c1.uid, is_volunteer=True, skills="水电维修"))
    people.create_person(workspace, PersonInput("张小梅", offers="周末可以帮忙照看孩子"))
    people.create_person(workspace, PersonInput("王芳", community_uid=c1.uid, household_head=True))
    names = lambda flt: {p.name for p in people.query_people(workspace, flt)}  # noqa: E731
    assert names(PeopleFilter("zjg")) == {"张建国"}
    assert names(PeopleFilter("Z")) == {"张建国", "张小梅"}
    assert names(PeopleFilter("小梅")) == {"张小梅"}
    assert names(PeopleFilter(community_uid=c1.uid)) == {"张建国", "王芳"}
    assert names(PeopleFilter(volunteers_only=True)) == {"张建国"}
    assert names(PeopleFilter(household_heads_only=True)) == {"王芳"}
    assert names(PeopleFilter(skill="维修")) == {"张建国"}
    assert names(PeopleFilter(with_skills_only=True)) == {"张建国", "张小梅"}
    assert people.count_people(workspace, PeopleFilter("z")) == 2
    assert people.skill_tag_counts(workspace) == [("水电维修", 1)]


def test_deleted_residents_leave_the_lists(workspace):
    row = people.create_person(workspace, PersonInput("张建国", ID))
    people.delete_person(workspace, row.uid)
    assert people.count_people(workspace) == 0
    with pytest.raises(DuplicatePerson, match="已删除"):
        people.create_person(workspace, PersonInput("张建国", ID))


def test_list_people_provider_keeps_its_json_shape_masked(workspace):
    from yichao.app.people.listing import people_rows

    people.create_person(workspace, PersonInput("张建国", ID))
    rows = list(people_rows(workspace))
    assert set(rows[0]) == {"uid", "name", "gender", "id_number", "phone", "community", "volunteer"}
    assert ID not in json.dumps(rows, ensure_ascii=False) and rows[0]["id_number"].count("*") == 8


def test_gender_follows_the_stored_identity_number_on_edit(workspace):
    row = people.create_person(workspace, PersonInput("张建国", ID))
    edited = people.update_person(workspace, row.uid, PersonInput("张建国", "", gender="female"))
    assert edited.gender == "male"


def test_volunteer_numbers_are_unique(workspace):
    a = people.create_person(workspace, PersonInput("张建国", is_volunteer=True, volunteer_number="V001"))
    with pytest.raises(UserError, match="V001 已被居民“张建国”使用"):
        people.create_person(workspace, PersonInput("李梅", is_volunteer=True, volunteer_number="V001"))
    assert people.update_person(workspace, a.uid, PersonInput("张建国", is_volunteer=True, volunteer_number="V001"))
