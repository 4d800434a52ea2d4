"""District sync: round trips, cumulative bundles, acknowledgements, privacy, refusals."""

from __future__ import annotations

import json
import random

import pytest
from sqlalchemy import select

from tests.unit.sync.support import add_community, add_people, edit_people, move, pair
from yichao.app.core.errors import ForeignRecordError, UserError
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import read_key_file, trust_key_file
from yichao.app.sync.status import history, sync_status
from yichao.models.journal import JournalEntry
from yichao.models.organization import Organization
from yichao.models.person import Person
from yichao.models.sync import SyncHash, SyncPeer

STREET_A = ("street", "370102001", "甸柳街道", "370102")
STREET_B = ("street", "370102002", "姚家街道", "370102")
DISTRICT = ("district", "370102", "历下区", "")


@pytest.fixture
def sites(make_workspace, tmp_path):
    a = make_workspace(*STREET_A)
    b = make_workspace(*STREET_B)
    d = make_workspace(*DISTRICT)
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    return a, b, d


def test_key_file_fingerprint_and_refusals(sites, tmp_path):
    a, _, d = sites
    key = read_key_file(tmp_path / f"{a.site.code}.key")
    assert key.code == a.site.code and len(key.fingerprint.split()) == 8
    with pytest.raises(UserError, match="本站点自己的密钥"):
        trust_key_file(a, tmp_path / f"{a.site.code}.key")
    bad = tmp_path / "bad.key"
    bad.write_text("{\"format\": \"something\"}", encoding="utf-8")
    with pytest.raises(UserError, match="不是益巢的密钥文件"):
        trust_key_file(d, bad)
    doc = json.loads((tmp_path / f"{a.site.code}.key").read_text(encoding="utf-8"))
    doc["sign"] = "00" * 32
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(UserError, match="指纹与内容不符"):
        trust_key_file(d, bad)


def test_street_to_district_round_trip_brings_full_identity_numbers(sites, tmp_path):
    """The written policy (privacy.py): the district holds full numbers, sealed at rest."""
    a, _, d = sites
    rng = random.Random(1)
    c = add_community(a, "山水社区")
    uids = add_people(a, 20, rng, c)
    move(a, d, tmp_path)
    assert canonical_lines(d, [a.site.code]) == canonical_lines(a, [a.site.code])
    with a.read() as s:
        numbers = {p.uid: p.id_number for p in s.scalars(select(Person).where(Person.uid.in_(uids)))}
    with d.read() as s:
        people = s.scalars(select(Person).where(Person.uid.in_(uids))).all()
        assert len(people) == 20 and all(p.id_number == numbers[p.uid] and "*" in p.id_masked for p in people)
        hashes = s.scalars(select(SyncHash)).all()
        assert {h.uid for h in hashes} == set(uids)
        journal = s.scalars(select(JournalEntry).where(JournalEntry.uid == uids[0])).all()
        assert [(j.op, j.origin, j.rev) for j in journal] == [("insert", a.site.code, 1)]
    with a.read() as s:
        assert s.get(Person, uids[0]).id_number is not None


def test_updates_and_tombstones_follow(sites, tmp_path):
    a, _, d = sites
    rng = random.Random(2)
    uids = add_people(a, 5, rng)
    move(a, d, tmp_path)
    edit_people(a, uids[:2], rng)
    edit_people(a, uids[2:3], rng, delete=True)
    path = tmp_path / "b2.ycb"
    export_bundle(a, d.site.code, path)
    preview = import_bundle(d, path, dry_run=True)
    assert (preview.kinds["person"].changed, preview.kinds["person"].deleted) == (2, 1)
    assert not preview.applied
    assert canonical_lines(d, [a.site.code]) != canonical_lines(a, [a.site.code])  # dry run changed nothing
    result = import_bundle(d, path)
    assert result.applied and result.kinds["person"].unchanged == 2
    assert canonical_lines(d, [a.site.code]) == canonical_lines(a, [a.site.code])
    with d.read() as s:
        assert s.get(Person, uids[2]).deleted


def test_cumulative_lost_bundle_healed_duplicates_and_older_are_noops(sites, tmp_path):
    a, _, d = sites
    rng = random.Random(3)
    add_people(a, 3, rng)
    first = move(a, d, tmp_path, apply=False)  # lost on the way
    add_people(a, 4, rng)
    second = move(a, d, tmp_path, apply=False)
    result = import_bundle(d, second)
    assert result.kinds["person"].new == 7
    assert canonical_lines(d, [a.site.code]) == canonical_lines(a, [a.site.code])
    before = canonical_lines(d)
    again = import_bundle(d, second)
    older = import_bundle(d, first)
    assert again.already and older.already and "已经导入过" in again.message
    assert canonical_lines(d) == before


def test_acknowledgement_shrinks_the_next_bundle(sites, tmp_path):
    a, _, d = sites
    rng = random.Random(4)
    add_people(a, 6, rng)
    move(a, d, tmp_path)
    nothing_acked = tmp_path / "x.ycb"
    assert export_bundle(a, d.site.code, nothing_acked).records >= 6  # not yet acknowledged: resent
    move(d, a, tmp_path)  # carries the district's acknowledgement
    assert export_bundle(a, d.site.code, tmp_path / "y.ycb").records == 0
    st = sync_status(a)
    assert st.peers[0].pending == 0 and st.peers[0].acked_seq >= 1
    assert [h.direction for h in history(a)][:2] == ["out", "in"]


def test_district_records_reach_only_the_streets_they_concern(sites, tmp_path):
    a, b, d = sites
    ca = add_community(a, "A社区")
    add_community(b, "B社区")
    move(a, d, tmp_path)
    move(b, d, tmp_path)
    with d.unit() as s:
        s.add(Organization(name="区级枢纽组织", community_uid=ca))  # about street A only
        s.add(Organization(name="区社会组织联合会"))  # for everybody
    move(d, a, tmp_path)
    move(d, b, tmp_path)
    with a.read() as s:
        assert {o.name for o in s.scalars(select(Organization))} == {"区级枢纽组织", "区社会组织联合会"}
    with b.read() as s:
        assert {o.name for o in s.scalars(select(Organization))} == {"区社会组织联合会"}
    district_lines = canonical_lines(d, [d.site.code])
    about_a = [line for line in district_lines if "区级枢纽组织" in line]
    assert len(about_a) == 1
    assert canonical_lines(a, [d.site.code]) == district_lines
    assert canonical_lines(b, [d.site.code]) == [line for line in district_lines if line not in about_a]
    with pytest.raises(ForeignRecordError):
        with a.unit() as s:  # single writer: the street may not change the district's record
            s.scalars(select(Organization)).first().name = "改名"


def test_same_resident_in_two_streets_has_one_match_key_at_the_district(sites, tmp_path):
    """The district matches by a key it computes itself; no key and no digest travels."""
    a, b, d = sites
    rng = random.Random(5)
    from datetime import date

    from yichao.app.sync import crypto
    from yichao.app.sync.keys import local_keys
    from yichao.models.identifiers import make_id_number

    number = make_id_number("370102", date(1960, 5, 6), 123)
    ua = add_people(a, 1, rng, numbers=[number])[0]
    move(a, d, tmp_path)
    down = move(d, a, tmp_path)
    move(d, b, tmp_path)
    ub = add_people(b, 1, rng, numbers=[number])[0]
    up = move(b, d, tmp_path, apply=False)
    import_bundle(d, up)
    with d.read() as s:
        digests = {h.uid: h.digest for h in s.scalars(select(SyncHash))}
        district_hash_key = local_keys(s).hash_key
    assert digests[ua] == digests[ub]
    assert sync_status(d).shared_people == 1
    # neither direction carries a key or a digest of the number
    for path, ws in ((down, a), (up, d)):
        with ws.read() as s:
            _, plain = crypto.open_sealed(path.read_bytes(), local_keys(s).pair.box_private)
        assert district_hash_key.hex().encode() not in plain and b"hashes.jsonl" not in plain
        assert crypto.hmac_hex(district_hash_key, number).encode() not in plain
    with a.read() as s:
        assert all(not p.hash_key for p in s.scalars(select(SyncPeer)))


def test_a_districts_own_residents_go_down_without_their_numbers(sites, tmp_path):
    a, _, d = sites
    uid = add_people(d, 1, random.Random(6))[0]
    move(d, a, tmp_path)
    with d.read() as s, a.read() as sa:
        assert s.get(Person, uid).id_number is not None
        assert sa.get(Person, uid).id_number is None and "*" in sa.get(Person, uid).id_masked


def test_roles_and_untrusted_recipient(sites, tmp_path, make_workspace):
    a, _, d = sites
    with pytest.raises(UserError, match="尚未信任站点 370102009"):
        export_bundle(a, "370102009", tmp_path / "z.ycb")
    from yichao.app.core.workspace import CurrentUser

    a.user = CurrentUser("v", "viewer")
    with pytest.raises(UserError):
        export_bundle(a, d.site.code, tmp_path / "z.ycb")


def test_site_set_up_again_with_a_new_key_gets_everything_again(sites, tmp_path, make_workspace):
    a, _, d = sites
    add_people(a, 3, random.Random(8))
    move(a, d, tmp_path)
    move(d, a, tmp_path)
    # the district's PC is replaced: a fresh district with a new key, trusted again by the street
    d2 = make_workspace("district", "370102", "历下区", "", folder="district-again")
    with pytest.raises(UserError, match="两者不同"):
        pair(a, d2, tmp_path)
    pair(a, d2, tmp_path, replace=True)
    move(a, d2, tmp_path)
    assert canonical_lines(d2, [a.site.code]) == canonical_lines(a, [a.site.code])


def test_attachments_travel_content_addressed(sites, tmp_path):
    import hashlib

    from yichao.models.org_attachment import Attachment

    a, _, d = sites
    content = "章程扫描件".encode() * 100
    sha = hashlib.sha256(content).hexdigest()
    target = a.data_dir / "attachments" / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    with a.unit() as s:
        org = Organization(name="山水志愿者协会")
        s.add(org)
        s.flush()
        s.add(Attachment(owner_entity="organization", owner_uid=org.uid, sha256=sha, filename="章程.pdf",
                         size=len(content)))
    path = tmp_path / "att.ycb"
    export_bundle(a, d.site.code, path)
    preview = import_bundle(d, path, dry_run=True)
    assert preview.attachments == 1 and not (d.data_dir / "attachments" / sha[:2] / sha).exists()
    import_bundle(d, path)
    assert (d.data_dir / "attachments" / sha[:2] / sha).read_bytes() == content


def test_full_policy_with_one_resident_in_two_streets(sites, tmp_path):
    from datetime import date

    from yichao.models.identifiers import make_id_number

    a, b, d = sites
    number = make_id_number("370102", date(1970, 1, 2), 77)
    ua = add_people(a, 1, random.Random(9), numbers=[number])[0]
    ub = add_people(b, 1, random.Random(9), numbers=[number])[0]
    move(a, d, tmp_path)
    move(b, d, tmp_path)  # the unique number is already held by a's record: b's arrives without it
    with d.read() as s:
        assert s.get(Person, ua).id_number == number and s.get(Person, ub).id_number is None
    assert sync_status(d).shared_people == 1
