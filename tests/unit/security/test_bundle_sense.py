"""Signed bundles are still checked for sense (issue 18 point 8), with test keys re-signing lies."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from tests.unit.sync.support import move, pair, reseal, resign, unseal, zip_members
from yichao.app.core.check import run_checks
from yichao.app.core.errors import UserError
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync import bundle_format as bf
from yichao.app.sync.importer import import_bundle
from yichao.models.organization import Organization
from yichao.models.passbook import Passbook


@pytest.fixture
def sites(make_workspace, tmp_path):
    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102003", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    return a, b, d


def _forged(tmp_path, street, district, path, mutate):
    header, plain = unseal(path.read_bytes(), district)
    manifest, members = zip_members(plain)
    mutate(manifest, members)
    out = tmp_path / "forged.ycb"
    out.write_bytes(reseal(resign(manifest, members, street), header, district))
    return out


def test_balances_come_from_the_entries_received_not_from_the_bundle(sites, tmp_path):
    a, _, d = sites
    holder = create_person(a, PersonInput(name="李秀英"))
    book = pb.open_passbook(a, holder.uid)
    pb.deposit(a, book.number, 30, "清扫", hours=1.5)
    pb.redeem(a, book.number, 5, "兑换")
    path = move(a, d, tmp_path, apply=False)

    def inflate(_manifest, members):
        lines = []
        for line in members[bf.CHANGES].decode().splitlines():
            item = json.loads(line)
            if item["t"] == "passbook":
                item["d"]["balance"] = 999_999
                item["d"]["entry_count"] = 77
            lines.append(json.dumps(item, ensure_ascii=False))
        members[bf.CHANGES] = ("\n".join(lines) + "\n").encode()

    import_bundle(d, _forged(tmp_path, a, d, path, inflate))
    with d.read() as s:
        got = s.scalars(select(Passbook).where(Passbook.number == book.number)).one()
        assert (got.balance, got.entry_count, got.minutes) == (25, 2, 90)


def test_a_sequence_far_beyond_the_next_is_refused(sites, tmp_path):
    a, _, d = sites
    create_person(a, PersonInput(name="王建国"))
    path = move(a, d, tmp_path, apply=False)

    def leap(manifest, _members):
        manifest["seq"] = 5000

    with pytest.raises(UserError, match="序号 5000 远超预期"):
        import_bundle(d, _forged(tmp_path, a, d, path, leap))
    import_bundle(d, path)  # the real one still applies


def test_the_districts_check_passes_after_merging_streets_with_the_same_desk_names(sites, tmp_path):
    a, b, d = sites
    for ws, name in ((a, "夕阳红艺术团"), (b, "邻里帮帮团")):
        with ws.unit() as s:
            s.add(Organization(name=name, stage="nursery", resident=True, workstation="A-01"))
        assert all(r.ok for r in run_checks(ws) if r.name == "组织档案")
        move(ws, d, tmp_path)
    results = {r.name: r for r in run_checks(d)}
    assert results["组织档案"].ok, results["组织档案"].problems
    assert results["组织档案"].problems == []
