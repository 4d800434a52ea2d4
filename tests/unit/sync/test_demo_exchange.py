"""`yichao demo` leaves keys and exchange state alone; a demo street then exchanges with a real
district like any other (issue 14 point 6)."""

from __future__ import annotations

from sqlalchemy import func, select

from tests.unit.sync.support import move, pair
from yichao.app.demo import run_demo
from yichao.app.sync.canonical import canonical_lines
from yichao.models.journal import JournalEntry
from yichao.models.sync import SyncKey, SyncPeer


def test_demo_touches_no_keys_and_exchanges_like_any_street(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    run_demo(street, residents=120, seed=3)
    with street.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncPeer)) == 0
        assert s.scalar(select(func.count()).select_from(SyncKey)) == 0
        assert s.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.op.in_(("bundle_export", "bundle_import", "key_trust")))) == 0
        assert s.scalar(select(func.count()).select_from(JournalEntry).where(
            JournalEntry.op.in_(("insert", "update")), JournalEntry.origin != street.site.code)) == 0
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    move(street, district, tmp_path)
    move(district, street, tmp_path)
    assert canonical_lines(street, [street.site.code]) == canonical_lines(district, [street.site.code])
