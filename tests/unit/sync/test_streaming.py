"""A genuine bundle's members are read a piece at a time: importing a large one stays small in memory."""

from __future__ import annotations

import hashlib
import random
import tracemalloc

from tests.unit.sync.support import pair
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.models.org_attachment import Attachment
from yichao.models.organization import Organization

MEMBER = 64 * 1024 * 1024  # one attachment of 64 MB


def _big_attachment(ws, size: int) -> str:
    """A scan of ``size`` bytes attached to a new organization (written straight to the store)."""
    content = random.Random(7).randbytes(size)
    sha = hashlib.sha256(content).hexdigest()
    target = ws.data_dir / "attachments" / sha[:2] / sha
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    with ws.unit() as s:
        org = Organization(name="山水志愿者协会")
        s.add(org)
        s.flush()
        s.add(Attachment(owner_entity="organization", owner_uid=org.uid, sha256=sha, filename="年报扫描.pdf",
                         size=size))
    return sha


def test_importing_a_large_genuine_bundle_stays_small_in_memory(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    sha = _big_attachment(street, MEMBER)
    path = tmp_path / "big.ycb"
    export_bundle(street, district.site.code, path)
    assert path.stat().st_size > MEMBER
    preview = import_bundle(district, path, dry_run=True)  # the same code paths, warmed up
    assert preview.attachments == 1 and not preview.applied

    tracemalloc.start()
    try:
        result = import_bundle(district, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert result.applied and result.attachments == 1
    assert peak < MEMBER // 8, f"peak {peak / 2**20:.1f} MB while importing a {MEMBER // 2**20} MB member"
    stored = district.data_dir / "attachments" / sha[:2] / sha
    digest = hashlib.sha256()
    with open(stored, "rb") as fh:
        for piece in iter(lambda: fh.read(1 << 20), b""):
            digest.update(piece)
    assert digest.hexdigest() == sha and stored.stat().st_size == MEMBER
    assert not list(stored.parent.glob("*.part"))


def test_a_record_is_one_line_even_with_unicode_line_separators(make_workspace, tmp_path):
    """Records are split at newlines only: notes pasted with U+2028/U+2029/U+0085 travel whole."""
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    notes = "第一段\u2028第二段\u2029第三段\x85完"
    with street.unit() as s:
        org = Organization(name="山水志愿者协会", notes=notes)
        s.add(org)
        s.flush()
        uid = org.uid
    path = tmp_path / "notes.ycb"
    export_bundle(street, district.site.code, path)
    assert import_bundle(district, path).applied
    with district.read() as s:
        assert s.get(Organization, uid).notes == notes
