"""Merging real streets (issue 14): overlaps become conflicts, missing references are held and
asked for again, a district restored from an old backup heals, and nothing blocks a street."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import ADMIN
from tests.unit.sync.support import add_community, add_people, move, pair
from yichao.app.core.workspace import Workspace, open_workspace
from yichao.app.sync import list_conflicts, list_held, report_lines
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.labels import KIND_NAMES
from yichao.app.sync.records import table_codecs
from yichao.models.identifiers import make_id_number
from yichao.models.org_records import OrgLookup
from yichao.models.organization import Organization
from yichao.models.sync import SyncConflict, SyncHeld

STREET_A = ("street", "370102001", "甸柳街道", "370102")
STREET_B = ("street", "370102002", "姚家街道", "370102")
DISTRICT = ("district", "370102", "历下区", "")
CODE = "53370102MJD123456T"  # a valid credit code (mod-31 check)


@pytest.fixture
def sites(make_workspace, tmp_path):
    a = make_workspace(*STREET_A)
    b = make_workspace(*STREET_B)
    d = make_workspace(*DISTRICT)
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    return a, b, d


def add_org(ws: Workspace, name: str, credit_code: str | None = None, category: str | None = None) -> str:
    with ws.unit() as s:
        o = Organization(name=name, credit_code=credit_code, category_uid=category)
        s.add(o)
        s.flush()
        return o.uid


def add_lookup(ws: Workspace, name: str) -> str:
    with ws.unit() as s:
        row = OrgLookup(list_kind="category", name=name)
        s.add(row)
        s.flush()
        return row.uid


def same(x: Workspace, y: Workspace, origin: str) -> bool:
    return canonical_lines(x, [origin]) == canonical_lines(y, [origin])


def snapshot(ws: Workspace, target: Path) -> Path:
    """A copy of the site's data folder, as a backup (the site keeps running)."""
    ws.close()
    shutil.copytree(ws.data_dir, target)
    (target / "yichao.lock").unlink(missing_ok=True)
    return target


def reopen(folder: Path) -> Workspace:
    (folder / "yichao.lock").unlink(missing_ok=True)
    ws = open_workspace(folder)
    ws.user = ADMIN
    return ws


def test_every_synced_kind_has_a_chinese_label():
    assert set(table_codecs()) <= set(KIND_NAMES)


def test_two_streets_list_one_organization_both_apply_and_the_conflict_is_listed_once(sites, tmp_path):
    a, b, d = sites
    ua = add_org(a, "山泉志愿服务中心", CODE)
    ub = add_org(b, "山泉志愿服务中心（姚家）", CODE)
    move(a, d, tmp_path)
    path = move(b, d, tmp_path, apply=False)
    preview = import_bundle(d, path, dry_run=True)
    text = "\n".join(report_lines(preview))
    assert "社会组织" in text and "山泉志愿服务中心" in text and CODE in text and "organization" not in text
    done = import_bundle(d, path)
    assert done.applied and report_lines(done)[1:] == report_lines(preview)[1:-1]
    with d.read() as s:
        assert set(s.scalars(select(Organization.uid).where(Organization.credit_code == CODE))) == {ua, ub}
    rows = list_conflicts(d)
    assert len(rows) == 1 and rows[0].summary == "在 2 个街道登记"
    assert {m.origin for m in rows[0].members} == {a.site.code, b.site.code}
    # further bundles (both streets change their record) list nothing new
    with a.unit() as s:
        s.get(Organization, ua).phone = "0531-1"
    move(a, d, tmp_path)
    move(b, d, tmp_path)
    with d.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncConflict)) == 1
    assert "重合" in (d.data_dir / "logs" / "sync.log").read_text(encoding="utf-8")


def test_one_street_keeps_a_credit_code_unique(sites):
    from yichao.app.orgs import profile

    a, _, d = sites
    add_org(a, "甲", CODE)
    with d.unit() as s:  # the district's own organization may share it with a street's
        profile._check_unique(s, {"credit_code": CODE, "name": "甲"}, None)
    with a.unit() as s, pytest.raises(Exception, match="已被"):
        profile._check_unique(s, {"credit_code": CODE, "name": "乙"}, None)


def test_a_resident_who_moved_is_one_person_in_two_streets(sites, tmp_path):
    a, b, d = sites
    number = make_id_number("370102", __import__("datetime").date(1960, 5, 4), 123)
    add_people(a, 1, random.Random(1), numbers=[number])
    add_people(b, 1, random.Random(2), numbers=[number])
    move(d, a, tmp_path)  # the streets learn the district-wide hash key
    move(d, b, tmp_path)
    move(a, d, tmp_path)
    r = import_bundle(d, move(b, d, tmp_path, apply=False), dry_run=True)
    assert [c.entity for c in r.conflicts] == ["person"]
    text = "\n".join(report_lines(r))
    assert number not in text and number[:6] + "********" + number[-4:] in text
    move(b, d, tmp_path)
    rows = list_conflicts(d)
    assert len(rows) == 1 and rows[0].streets == 2 and rows[0].kind == "居民"


def test_a_record_referring_to_a_district_record_the_district_lost_is_held_then_heals(sites, tmp_path):
    a, _, d = sites
    add_people(a, 3, random.Random(3))
    move(a, d, tmp_path)
    move(d, a, tmp_path)
    backup = snapshot(d, tmp_path / "district-backup")
    d = reopen(d.data_dir)
    category = add_lookup(d, "为老服务")  # made after the backup
    move(d, a, tmp_path)
    org = add_org(a, "银龄互助会", category=category)
    move(a, d, tmp_path)
    d.close()
    old = reopen(backup)  # the district PC restored from the older backup
    path = move(a, old, tmp_path, apply=False)
    r = import_bundle(old, path)
    assert r.applied and [(h.entity, h.uid) for h in r.held] == [("organization", org)]
    assert "组织分类与领域" in r.held[0].reason and "银龄互助会" in "\n".join(report_lines(r))
    assert [h.uid for h in list_held(old)] == [org]
    # one round trip: the district asks, the street resends (its record and the district's own)
    move(old, a, tmp_path)
    r2 = import_bundle(old, move(a, old, tmp_path, apply=False))
    assert [h.uid for h in r2.released] == [org]
    assert same(a, old, a.site.code) and same(a, old, old.site.code)
    assert list_held(old) == []


def test_a_district_restored_from_a_month_old_backup_heals_both_ways(sites, tmp_path):
    a, b, d = sites
    rng = random.Random(4)
    for ws in (a, b):
        add_people(ws, 5, rng, add_community(ws, f"{ws.site.name}社区"))
        move(ws, d, tmp_path)
        move(d, ws, tmp_path)
    backup = snapshot(d, tmp_path / "district-month-old")
    d = reopen(d.data_dir)
    for ws in (a, b):  # a month of exchanges the backup does not hold
        add_people(ws, 4, rng)
        add_org(ws, f"{ws.site.name}新组织")
        move(ws, d, tmp_path)
    lookup = add_lookup(d, "区级新分类")
    for ws in (a, b):
        move(d, ws, tmp_path)
        move(ws, d, tmp_path)
    d.close()
    old = reopen(backup)
    for _ in range(2):  # two rounds: each street sends, the district answers
        for ws in (a, b):
            move(ws, old, tmp_path)
            move(old, ws, tmp_path)
    for ws in (a, b):
        assert same(ws, old, ws.site.code)
        assert same(ws, old, old.site.code)
    with old.read() as s:
        assert s.get(OrgLookup, lookup) is not None  # the district's own record came back
        assert s.scalar(select(func.count()).select_from(SyncHeld)) == 0


def test_random_exchanges_with_losses_and_duplicates_end_equal_with_conflicts_listed_once(sites, tmp_path):
    a, b, d = sites
    rng = random.Random(14)
    shared_numbers = [make_id_number("370102", __import__("datetime").date(1950 + i, 1, 2), 7 + i) for i in range(4)]
    codes = ["53370102MJD123456T"]
    files: list[tuple[Workspace, Path]] = []
    for step in range(40):
        ws = rng.choice([a, b])
        action = rng.random()
        if action < 0.25:
            add_people(ws, 1, rng, numbers=[rng.choice(shared_numbers)] if rng.random() < 0.5 else None) \
                if rng.random() < 0.3 else add_people(ws, 2, rng)
        elif action < 0.35:
            with ws.read() as s:
                taken = s.scalar(select(func.count()).select_from(Organization).where(
                    Organization.credit_code == codes[0], Organization.origin == ws.site.code))
            add_org(ws, f"组织{step}", None if taken else codes[0])
        elif action < 0.45:
            add_lookup(d, f"分类{step}")
        src, dst = (ws, d) if rng.random() < 0.5 else (d, ws)
        path = move(src, dst, tmp_path, apply=False)
        files.append((dst, path))
        roll = rng.random()
        if roll < 0.2:
            continue  # lost on the way
        import_bundle(dst, path)
        if roll > 0.85:
            import_bundle(dst, path)  # imported twice
        if roll > 0.9:  # an older file turns up
            old_dst, old_path = rng.choice(files)
            try:
                import_bundle(old_dst, old_path)
            except Exception as exc:  # a bundle meant for another site is refused, never half-applied
                assert "不是本站点" in str(exc) or "已经导入" in str(exc)
    for _ in range(2):
        for ws in (a, b):
            move(ws, d, tmp_path)
            move(d, ws, tmp_path)
    for ws in (a, b):
        assert same(ws, d, ws.site.code) and same(ws, d, d.site.code)
    with d.read() as s:
        keys = s.execute(select(SyncConflict.entity, SyncConflict.match_key)).all()
        assert len(keys) == len(set(keys))
        assert s.scalar(select(func.count()).select_from(SyncHeld)) == 0
