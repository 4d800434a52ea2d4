"""Community offices' records reach the district through their street (issue 17 point 2, upwards):
with their origin kept and each record's signature checked at the district with the office's key,
resent by the office until the district has acknowledged them (that acknowledgement travels down
through the street), a lost stick healing on either leg."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import delete, func, select

from yichao.app.core.errors import UserError
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.status import sync_status
from yichao.models.identifiers import make_id_number
from yichao.models.journal import JournalEntry
from yichao.models.passbook import Passbook
from yichao.models.person import Person
from yichao.models.sync import SyncPeer, SyncRelay, SyncSeal

from .support import make_three_levels, move, pair, reseal, resign, unseal, zip_members

DISTRICT, STREET, OFFICE = "370102", "370102001", "370102001003"


@pytest.fixture
def three_levels(make_workspace, tmp_path):
    return make_three_levels(make_workspace, tmp_path)


def _counter_work(office, name: str = "孙丽", points: int = 30) -> str:
    person = create_person(office, PersonInput(name=name, is_volunteer=True, phone="13812345678"))
    book = pb.open_passbook(office, person.uid)
    pb.deposit(office, book.number, points, "助老服务", hours=2)
    return book.number


def _sent(src, to: str, path) -> int:
    """How many records a bundle from ``src`` to ``to`` would carry now (the file is thrown away)."""
    return export_bundle(src, to, path).records


def _pending(ws, code: str) -> tuple[int, int]:
    peer = next(p for p in sync_status(ws).peers if p.code == code)
    return peer.pending, peer.relayed


def _state(ws) -> tuple[int, int, int]:
    with ws.read() as s:
        return (s.scalar(select(func.count()).select_from(JournalEntry)), s.get(SyncPeer, STREET).in_seq,
                s.scalar(select(func.count()).select_from(SyncRelay)))


def test_office_records_reach_the_district_with_their_origin_and_the_office_s_key(three_levels, tmp_path):
    district, street, office = three_levels
    number = _counter_work(office)
    move(office, street, tmp_path)
    assert _pending(street, DISTRICT)[1] > 0  # the street's status counts what it will pass on
    move(street, district, tmp_path)
    mine = canonical_lines(office, [OFFICE])
    assert len(mine) >= 4 and canonical_lines(district, [OFFICE]) == mine  # origin kept, values exact
    with district.read() as s:
        book = s.scalars(select(Passbook).where(Passbook.number == number)).one()
        assert (book.origin, book.balance) == (OFFICE, 30)
        known = s.get(SyncRelay, OFFICE)
        with street.read() as t:
            office_key = t.get(SyncPeer, OFFICE).sign_public
        assert (known.via, known.name, json.loads(known.keys)) == (STREET, "甸柳新村社区储蓄所", [office_key])
    # a change at the office follows the same way
    pb.deposit(office, number, 5, "清扫")
    move(office, street, tmp_path)
    move(street, district, tmp_path)
    assert canonical_lines(district, [OFFICE]) == canonical_lines(office, [OFFICE])


def _relayed_bundle(district, street, office, tmp_path):
    _counter_work(office)
    move(office, street, tmp_path)
    path = move(street, district, tmp_path, apply=False)
    header, plain = unseal(path.read_bytes(), district)
    manifest, members = zip_members(plain)
    return path, header, manifest, members


def _forge(district, street, tmp_path, header, manifest, members, lines):
    members = dict(members)
    members["changes.jsonl"] = b"".join(json.dumps(item, ensure_ascii=False).encode() + b"\n" for item in lines)
    forged = tmp_path / "forged.ycb"
    forged.write_bytes(reseal(resign(manifest, members, street), header, district))
    return forged


def _lines(members) -> list[dict]:
    return [json.loads(line) for line in members["changes.jsonl"].splitlines() if line]


@pytest.mark.parametrize("change", ["value", "no_signature", "made_up", "other_key"])
def test_a_record_the_street_altered_is_refused_at_the_district(three_levels, tmp_path, change):
    district, street, office = three_levels
    path, header, manifest, members = _relayed_bundle(district, street, office, tmp_path)
    lines = _lines(members)
    i = next(n for n, item in enumerate(lines) if item["t"] == "passbook" and item["d"]["origin"] == OFFICE)
    if change == "value":  # the street raises the balance of an office's passbook
        lines[i]["d"]["balance"] = 3000
    elif change == "no_signature":  # the street drops the signature
        del lines[i]["sig"]
    elif change == "made_up":  # a passbook the office never opened, signed with the street's key
        forged = dict(lines[i]["d"], uid="00000000-0000-4000-8000-000000000001", number=lines[i]["d"]["number"] + "9")
        lines.append({"t": "passbook", "d": forged, "sig": lines[i]["sig"]})
        manifest["counts"]["passbook"] += 1
    else:  # the street vouches for a key of its own for the office: the office's records do not match it
        with street.read() as s:
            manifest["relay"][OFFICE]["keys"] = [s.get(SyncPeer, DISTRICT).sign_public]
    before = _state(district)
    with pytest.raises(UserError) as exc:
        import_bundle(district, _forge(district, street, tmp_path, header, manifest, members, lines))
    assert "签名" in exc.value.message and "\n" not in exc.value.message
    assert _state(district) == before and canonical_lines(district, [OFFICE]) == []
    import_bundle(district, path)  # the genuine bundle still goes in
    assert canonical_lines(district, [OFFICE]) == canonical_lines(office, [OFFICE])


def test_a_street_cannot_pass_on_records_of_an_office_not_its_own(three_levels, tmp_path):
    district, street, office = three_levels
    _, header, manifest, members = _relayed_bundle(district, street, office, tmp_path)
    manifest["relay"] = {"370102002001": manifest["relay"][OFFICE]}  # another street's office
    with pytest.raises(UserError, match="社区储蓄所信息无效"):
        import_bundle(district, _forge(district, street, tmp_path, header, manifest, members, _lines(members)))


def test_an_office_keeps_sending_its_records_until_the_district_has_them(three_levels, tmp_path):
    district, street, office = three_levels
    _counter_work(office)
    first = _sent(office, STREET, tmp_path / "o1.ycb")
    move(office, street, tmp_path)
    move(street, office, tmp_path)  # the street has them; the district does not yet
    assert _sent(office, STREET, tmp_path / "o2.ycb") == first
    assert _pending(office, STREET)[0] > 0
    lost_up = move(street, district, tmp_path, apply=False)  # this stick never reaches the district
    move(street, district, tmp_path)  # the next one carries them all the same
    lost_down = move(district, street, tmp_path, apply=False)  # the district's acknowledgement is lost
    move(street, office, tmp_path)
    assert _sent(office, STREET, tmp_path / "o3.ycb") == first  # still nobody told the office
    move(district, street, tmp_path)
    move(street, office, tmp_path)
    assert _sent(office, STREET, tmp_path / "o4.ycb") == 0  # the district has them: no more resending
    assert _pending(office, STREET) == (0, 0)
    for late in (lost_up, lost_down):  # the lost sticks turn up after all: nothing changes
        import_bundle(district if late == lost_up else street, late)
    move(street, office, tmp_path)
    assert _sent(office, STREET, tmp_path / "o5.ycb") == 0
    assert canonical_lines(district, [OFFICE]) == canonical_lines(office, [OFFICE])


def test_a_street_without_a_district_is_the_office_s_last_stop(make_workspace, tmp_path):
    street = make_workspace("street", STREET, "甸柳街道", DISTRICT)  # the district's key not trusted yet
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", STREET)
    pair(street, office, tmp_path)
    _counter_work(office)
    move(office, street, tmp_path)
    move(street, office, tmp_path)
    assert _sent(office, STREET, tmp_path / "o.ycb") == 0


def test_records_the_street_got_before_it_kept_signatures_go_up_after_the_office_sends_them_again(
        three_levels, tmp_path):
    district, street, office = three_levels
    _counter_work(office)
    move(office, street, tmp_path)
    with street.unit() as s:  # as after an upgrade: the street holds the records, not their signed form
        s.execute(delete(SyncSeal))
    move(street, district, tmp_path)
    assert canonical_lines(district, [OFFICE]) == []  # unsigned: not passed on, and not claimed as passed
    move(district, street, tmp_path)
    move(street, office, tmp_path)
    move(office, street, tmp_path)  # the office still sends them (the district has not confirmed them)
    move(street, district, tmp_path)
    assert canonical_lines(district, [OFFICE]) == canonical_lines(office, [OFFICE])
    move(district, street, tmp_path)
    move(street, office, tmp_path)
    assert _sent(office, STREET, tmp_path / "o.ycb") == 0


def test_an_office_person_s_full_number_reaches_the_district_and_nowhere_else(three_levels, tmp_path):
    district, street, office = three_levels
    number = make_id_number("370102", date(1950, 3, 7), 2)
    person = create_person(office, PersonInput(name="王芳", id_number=number))
    move(office, street, tmp_path)
    move(street, district, tmp_path)
    with district.read() as s:
        assert s.get(Person, person.uid).id_number == number  # upwards in full (privacy.py)


def test_the_street_refuses_an_office_record_whose_signature_does_not_match(three_levels, tmp_path):
    _, street, office = three_levels
    _counter_work(office)
    path = tmp_path / "office.ycb"
    export_bundle(office, STREET, path)
    header, plain = unseal(path.read_bytes(), street)
    manifest, members = zip_members(plain)
    lines = _lines(members)
    for item in lines:  # the bundle is the office's own, but a record differs from what it signed
        if item["t"] == "passbook":
            item["d"]["balance"] = 999
    members["changes.jsonl"] = b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in lines)
    forged = tmp_path / "forged.ycb"
    forged.write_bytes(reseal(resign(manifest, members, office), header, street))
    with street.read() as s:
        before = s.scalar(select(func.count()).select_from(JournalEntry))
    with pytest.raises(UserError, match="签名"):
        import_bundle(street, forged)
    with street.read() as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry)) == before
        assert s.scalar(select(func.count()).select_from(SyncSeal)) == 0
    import_bundle(street, path)
    with street.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncSeal)) >= 3
