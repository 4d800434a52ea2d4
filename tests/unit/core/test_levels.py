"""A community savings office (社区储蓄所) as a site of its own: set up under its street, it keeps the
passbook counter, residents and needs, and the services refuse the street's work (issue 17 point 1)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.certificates import print_certificates
from yichao.app.core import UserError, add_community, initialize, offers, validate_site
from yichao.app.core.errors import PermissionDenied
from yichao.app.demo import run_demo
from yichao.app.needs import NeedInput, create_need
from yichao.app.orgs import OrgInput, create_org
from yichao.app.passbook import deposit, get_passbook, open_passbook, redeem
from yichao.app.people import PersonInput, create_person
from yichao.app.projects import ProgramInput, create_program, create_proposal
from yichao.app.roadshow import DEFAULT_CRITERIA, create_roadshow
from yichao.models.journal import JournalEntry
from yichao.models.organization import Organization

OFFICE = dict(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")


@pytest.fixture
def office(make_workspace):
    return make_workspace(**OFFICE)


def test_an_office_is_set_up_under_its_street(tmp_path):
    ws = initialize(tmp_path / "o", "community", "370102001003", "甸柳新村社区储蓄所", "admin", "secret123",
                    "370102001", "甸柳街道")
    try:
        assert (ws.site.role, ws.site.code, ws.site.parent_code) == ("community", "370102001003", "370102001")
    finally:
        ws.close()


@pytest.mark.parametrize(("code", "parent", "words"), [
    ("370102001003", "", "所属街道"),                    # an office without its street
    ("37010200100", "370102001", "12位数字"),            # 11 digits
    ("370102002003", "370102001", "应以上级街道的代码"),  # under another street
    ("370102001003", "370102", "9位数字"),               # a district named as the parent
    ("３７０１０２００１００３", "370102001", "12位数字"),  # full-width digits
])
def test_a_wrong_office_is_refused_with_one_sentence(tmp_path, code, parent, words):
    with pytest.raises(UserError) as err:
        validate_site("community", code, "甸柳新村社区储蓄所", parent)
    assert words in err.value.message
    with pytest.raises(UserError):
        initialize(tmp_path / "o", "community", code, "甸柳新村社区储蓄所", "admin", "secret123", parent)
    assert not (tmp_path / "o" / "yichao.db").exists()


def test_an_office_does_not_list_communities(tmp_path):
    with pytest.raises(UserError, match="只有街道站点登记社区"):
        initialize(tmp_path / "o", "community", "370102001003", "甸柳新村社区储蓄所", "admin", "secret123",
                   "370102001", communities=[("甸柳新村社区", "")])


def test_the_counter_residents_and_needs_work_at_an_office(office):
    holder = create_person(office, PersonInput(name="孙丽", is_volunteer=True))
    book = open_passbook(office, holder.uid)
    deposit(office, book.number, 30, "助老服务")
    redeem(office, book.number, 10, "兑换大米")
    assert get_passbook(office, book.number).balance == 20
    assert create_need(office, NeedInput(title="楼道灯坏了", requester_uid=holder.uid)).title == "楼道灯坏了"


def _denied(ws) -> int:
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(JournalEntry).where(JournalEntry.op == "denied"))


def _refused(ws, call, words: str) -> None:
    before = _denied(ws)
    with pytest.raises(PermissionDenied) as err:
        call()
    assert err.value.message.startswith("社区储蓄所不能") and words in err.value.message
    assert "\n" not in err.value.message
    assert _denied(ws) == before + 1  # the refusal is journaled


def test_the_street_s_work_is_refused_at_an_office(office, tmp_path):
    _refused(office, lambda: create_org(office, OrgInput(name="甸柳义工队")), "社会组织档案由街道")
    _refused(office, lambda: create_program(office, ProgramInput("2026公益创投", "venture", 2026, 100_000)),
             "公益创投")
    _refused(office, lambda: create_proposal(office, "加装电梯", "王大爷", date(2026, 3, 1)), "社区提案")
    _refused(office, lambda: create_roadshow(office, "路演", date(2026, 5, 1), "会议室",
                                             list(DEFAULT_CRITERIA), ["评委甲"]), "路演由街道")
    _refused(office, lambda: add_community(office, "甸柳新村社区"), "社区名单由街道")
    _refused(office, lambda: run_demo(office, residents=5), "演示数据")
    with office.read() as session:
        assert session.scalar(select(func.count()).select_from(Organization)) == 0


def test_an_office_prints_volunteer_records_but_no_organization_certificates(office, tmp_path):
    person = create_person(office, PersonInput(name="李秀英", is_volunteer=True, volunteer_number="V001"))
    _refused(office, lambda: print_certificates(office, "entry", ["x"], tmp_path / "e.pdf"), "入驻")
    result = print_certificates(office, "volunteer", [person.uid], tmp_path / "v.pdf", extra={"hours": 12})
    assert len(result.pages) == 1 and (tmp_path / "v.pdf").stat().st_size > 0


def test_a_street_and_a_district_keep_their_work(workspace, make_workspace):
    assert create_org(workspace, OrgInput(name="甸柳义工队")).name == "甸柳义工队"
    assert offers("street", "orgs") and offers("district", "projects")
    assert not offers("community", "orgs") and not offers("community", "projects")
