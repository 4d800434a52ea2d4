"""`yichao bundle status` counts the records a street passes on (issue 17 point 2): its offices'
to the district, the district's to an office."""

from __future__ import annotations

from tests.conftest import PASSWORD
from tests.e2e.cli import password_file_for, remember_admin, yichao
from tests.unit.sync.support import move, pair
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.rules import RuleInput, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.status import sync_status

D, S, OFFICE = "370102", "370102001", "370102001003"


def test_bundle_status_counts_relayed_changes(make_workspace, tmp_path):
    district = make_workspace("district", D, "历下区", "")
    street = make_workspace("street", S, "甸柳街道", D)
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", S)
    pair(street, district, tmp_path)
    pair(street, office, tmp_path)
    person = create_person(office, PersonInput(name="孙丽", is_volunteer=True))
    pb.deposit(office, pb.open_passbook(office, person.uid).number, 30, "助老服务", hours=2)
    move(office, street, tmp_path)  # the office's records wait at the street for the district
    save_rule(district, RuleInput("助老", "hourly", "助老服务", 10))
    move(district, street, tmp_path)  # and the district's rule for the office
    expected = {p.code: (p.pending, p.relayed) for p in sync_status(street).peers}
    assert expected[D][1] >= 3 and expected[OFFICE][1] >= 1  # the person, the book, its entry; the rule
    street.close()
    remember_admin(street.data_dir, "admin", password_file_for(street.data_dir, PASSWORD))
    r = yichao("bundle", "status", data_dir=street.data_dir)
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if "待发送变更" in line]
    for line, code in zip(lines, (D, OFFICE), strict=True):  # peers in code order
        pending, relayed = expected[code]
        assert line.endswith(f"待发送变更 {pending} 条（其中转交其他站点的 {relayed} 条）"), r.stdout
