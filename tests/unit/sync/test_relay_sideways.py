"""A passbook at any office of the street (issue 17 point 3): the street relays its offices'
passbook records sideways to its other offices, as each office signed them, and nothing else of
theirs. After real bundles (one lost, one delivered twice) the street and both offices show one
ledger; a foreign street's office, a record the street changed or a sibling's non-passbook record
is refused at the office."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.core.errors import UserError
from yichao.app.needs.records import NeedInput, create_need
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.lifecycle import report_lost
from yichao.app.passbook.overdraw import list_overdraws
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.sideways import TABLES
from yichao.app.sync.status import sync_status
from yichao.models.identifiers import make_id_number
from yichao.models.journal import JournalEntry
from yichao.models.passbook import LedgerEntry
from yichao.models.person import Person

from .support import counter_view, move, pair, print_at_counter, reseal, resign, unseal, zip_members

DISTRICT, STREET, A, B = "370102", "370102001", "370102001003", "370102001004"


@pytest.fixture
def street_and_two_offices(make_workspace, tmp_path):
    street = make_workspace("street", STREET, "甸柳街道", DISTRICT)
    office_a = make_workspace("community", A, "甸柳新村社区储蓄所", STREET)
    office_b = make_workspace("community", B, "燕子山社区储蓄所", STREET)
    pair(street, office_a, tmp_path)
    pair(street, office_b, tmp_path)
    return street, office_a, office_b


def _book(at, name: str = "孙丽", id_number: str = "") -> tuple[str, str]:
    person = create_person(at, PersonInput(name=name, is_volunteer=True, phone="13812345678", id_number=id_number))
    return person.uid, pb.open_passbook(at, person.uid).number


def _round(street, offices, tmp_path) -> None:
    """Every office to the street, then the street to every office."""
    for office in offices:
        move(office, street, tmp_path)
    for office in offices:
        move(street, office, tmp_path)


def _writers(ws) -> dict[str, str]:
    with ws.read() as s:
        return {e.memo: e.origin for e in s.scalars(select(LedgerEntry))}


def _journal(ws) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def test_a_book_issued_at_one_office_is_used_at_another_and_every_counter_agrees(street_and_two_offices, tmp_path):
    street, office_a, office_b = street_and_two_offices
    _, number = _book(office_a)
    pb.deposit(office_a, number, 100, "开户存入")
    print_at_counter(office_a, number, tmp_path)  # line 1 at office A
    move(office_a, street, tmp_path)
    move(street, office_b, tmp_path)
    # the resident brings the book to office B: it finds it by its number and writes on it
    assert pb.get_passbook(office_b, number).balance == 100
    pb.deposit(office_b, number, 20, "助老服务", hours=2)
    pb.redeem(office_b, number, 30, "兑换毛巾")
    with pytest.raises(UserError):  # within what office B can prove: 90 seen
        pb.redeem(office_b, number, 91, "兑换被子")
    print_at_counter(office_b, number, tmp_path)  # lines 2 and 3 at office B
    with pytest.raises(UserError, match="只能由该站点修改"):  # office A's record: read-only at B
        report_lost(office_b, number)
    # meanwhile, offline: office A and the street write on it too
    pb.deposit(office_a, number, 5, "签到")
    pb.deposit(street, number, 10, "环境清洁")
    lost = move(office_b, street, tmp_path, apply=False)  # this stick never reaches the street
    move(office_a, street, tmp_path)
    move(street, office_b, tmp_path)
    twice = move(office_b, street, tmp_path)  # the next one carries B's entries all the same
    import_bundle(street, twice)  # delivered twice
    import_bundle(street, lost)  # and the lost one turns up late
    _round(street, (office_a, office_b), tmp_path)
    shown = counter_view(street, number)
    assert counter_view(office_a, number) == shown and counter_view(office_b, number) == shown
    lines, balance, next_line, pending = shown
    assert balance == 105 and next_line == (1, 4) and pending == 2
    # the paper first (A's line, B's two); then the entries printed nowhere, merged by (date, writer)
    assert [(p, b) for _, _, p, b in lines] == [(100, 100), (20, 120), (-30, 90), (10, 100), (5, 105)]
    # office A's entries kept their origin at office B (and B's at A)
    writers = {"开户存入": A, "助老服务": B, "兑换毛巾": B, "签到": A, "环境清洁": STREET}
    assert _writers(office_a) == writers and _writers(office_b) == writers and _writers(street) == writers
    # the street relays no more once both offices have acknowledged
    for office in (office_a, office_b):
        move(office, street, tmp_path)
    for office in (office_a, office_b):
        assert export_bundle(street, office.site.code, tmp_path / f"none-{office.site.code}.ycb").records == 0
        assert [p.pending for p in sync_status(street).peers] == [0, 0]


def test_a_street_s_book_shows_every_office_s_entries_at_every_office(street_and_two_offices, tmp_path):
    street, office_a, office_b = street_and_two_offices
    _, number = _book(street)
    pb.deposit(street, number, 50, "开户存入")
    _round(street, (office_a, office_b), tmp_path)
    pb.deposit(office_a, number, 7, "助老服务")
    pb.redeem(office_b, number, 20, "兑换大米")
    _round(street, (office_a, office_b), tmp_path)
    shown = counter_view(street, number)
    assert shown[1] == 37
    assert counter_view(office_a, number) == shown and counter_view(office_b, number) == shown


def test_offices_redeeming_the_same_points_offline_show_once_at_the_street(street_and_two_offices, tmp_path):
    street, office_a, office_b = street_and_two_offices
    _, number = _book(office_a)
    pb.deposit(office_a, number, 50, "开户存入")
    _round(street, (office_a, office_b), tmp_path)
    pb.redeem(office_a, number, 40, "兑换大米")
    pb.redeem(office_b, number, 40, "兑换食用油")
    _round(street, (office_a, office_b), tmp_path)
    _round(street, (office_a, office_b), tmp_path)
    (case,) = list_overdraws(street)
    assert (case.number, case.balance_now, case.status) == (number, -30, "open")
    for office in (office_a, office_b):
        row = pb.get_passbook(office, number)
        assert (row.balance, row.overdrawn) == (-30, True) and list_overdraws(office) == []
        assert counter_view(office, number) == counter_view(street, number)


def test_only_passbook_records_of_a_sibling_office_go_sideways(street_and_two_offices, tmp_path):
    street, office_a, office_b = street_and_two_offices
    id_number = make_id_number("370102", date(1950, 3, 7), 2)
    holder, number = _book(office_a, id_number=id_number)
    pb.deposit(office_a, number, 30, "助老服务")
    other = create_person(office_a, PersonInput(name="王芳", phone="13900000000"))  # no passbook
    create_need(office_a, NeedInput(title="陪同就医", requester_uid=holder))
    create_need(office_a, NeedInput(title="代购药品", requester_uid=other.uid))
    _round(street, (office_a, office_b), tmp_path)
    at_b = canonical_lines(office_b, [A])
    assert {line.split()[0] for line in at_b} == {"community", "person", "passbook", "passbook_entry"}
    assert {line.split()[0] for line in at_b} <= TABLES
    with office_b.read() as s:  # the holder only, without the identity number
        people = {p.uid: p for p in s.scalars(select(Person).where(Person.origin == A))}
        assert list(people) == [holder]
        assert people[holder].id_number is None and people[holder].name == "孙丽"
    with street.read() as s:
        assert s.get(Person, holder).id_number == id_number  # upwards in full, as before
    # the street holds all of them; the lines office B has are exactly the street's
    assert set(at_b) < set(canonical_lines(street, [A]))
    assert canonical_lines(office_a, [B]) == []  # office B wrote nothing: nothing of it at A


def _street_to_b(street, office_a, office_b, tmp_path):
    """A genuine bundle from the street to office B carrying office A's book, opened for forging."""
    _, number = _book(office_a)
    pb.deposit(office_a, number, 30, "助老服务")
    create_need(office_a, NeedInput(title="陪同就医"))
    a_path = move(office_a, street, tmp_path)
    path = tmp_path / "street-b.ycb"
    export_bundle(street, B, path)
    header, plain = unseal(path.read_bytes(), office_b)
    manifest, members = zip_members(plain)
    _, a_plain = unseal(a_path.read_bytes(), street)  # what office A sent (its need included)
    a_lines = [json.loads(x) for x in zip_members(a_plain)[1]["changes.jsonl"].splitlines() if x]
    return path, header, manifest, members, a_lines


def _forge(street, office_b, tmp_path, header, manifest, lines, members) -> object:
    """The bundle re-signed by ``street`` (the sender its header and manifest then name)."""
    header = dict(header, **{"from": street.site.code})
    manifest = dict(manifest, **{"from": street.site.code, "from_name": street.site.name})
    members = dict(members)
    members["changes.jsonl"] = b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in lines)
    counts: dict[str, int] = {}
    for x in lines:
        counts[x["t"]] = counts.get(x["t"], 0) + 1
    manifest = dict(manifest, counts=counts, records=len(lines))
    forged = tmp_path / "forged.ycb"
    forged.write_bytes(reseal(resign(manifest, members, street), header, office_b))
    return forged


@pytest.mark.parametrize("change", ["points", "no_signature", "need", "foreign_office", "foreign_listed",
                                    "other_street"])
def test_the_office_refuses_what_its_street_must_not_pass_sideways(street_and_two_offices, make_workspace,
                                                                    tmp_path, change):
    street, office_a, office_b = street_and_two_offices
    path, header, manifest, members, a_lines = _street_to_b(street, office_a, office_b, tmp_path)
    sender = street
    lines = [json.loads(x) for x in members["changes.jsonl"].splitlines() if x]
    i = next(n for n, x in enumerate(lines) if x["t"] == "passbook_entry" and x["d"]["origin"] == A)
    if change == "points":  # the street raises the points of office A's entry
        lines[i]["d"]["points"] = 3000
        expected = "签名"
    elif change == "no_signature":
        del lines[i]["sig"]
        expected = "签名"
    elif change == "need":  # office A's need, signed by A, passed on sideways anyway
        lines.append(next(x for x in a_lines if x["t"] == "need"))
        expected = "只应转交其他储蓄所的存折记录"
    elif change == "foreign_office":  # a record of another street's office, not named in the manifest
        lines[i]["d"]["origin"] = "370102002003"
        expected = "不属于发送站点"
    elif change == "foreign_listed":  # the street names another street's office as a sibling
        manifest = dict(manifest, siblings={"370102002003": manifest["siblings"][A]})
        expected = "社区储蓄所信息无效"
    else:  # a street the office trusts, but not its own, passes the same records on
        sender = make_workspace("street", "370102002", "姚家街道", DISTRICT)
        pair(sender, office_b, tmp_path)
        lines = [x for x in lines if x["d"]["origin"] == A]  # office A's records alone
        expected = "不属于发送站点"
    before = _journal(office_b)
    with pytest.raises(UserError, match=expected) as exc:
        import_bundle(office_b, _forge(sender, office_b, tmp_path, header, manifest, lines, members))
    assert "\n" not in exc.value.message
    assert _journal(office_b) == before and canonical_lines(office_b, [A]) == []
    import_bundle(office_b, path)  # the genuine bundle still goes in
    assert any(line.startswith("passbook_entry ") for line in canonical_lines(office_b, [A]))
