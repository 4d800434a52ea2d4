"""A USB stick that fills up: no 0-byte backup, no bundle, no .part file, one sentence, nothing used.

The stick is a real small tmpfs where the test may mount one (root); where it may not, those tests
skip and the last test raises ENOSPC at the flush of the bundle file instead.
"""

from __future__ import annotations

import errno
import random
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.unit.sync.support import add_people, pair
from yichao.app.core import maintenance
from yichao.app.core.errors import UserError
from yichao.app.sync.export import export_bundle
from yichao.models.sync import SyncPeer


@pytest.fixture
def small_stick(tmp_path: Path) -> Iterator[Path]:
    """A 96 KiB file system: far too small for a street's database."""
    mount = tmp_path / "usb"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("a small file system cannot be mounted here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_backup_to_a_full_stick_leaves_nothing_behind(workspace, small_stick):
    add_people(workspace, 300, random.Random(1))
    with pytest.raises(UserError, match="磁盘已满"):
        maintenance.make_backup(workspace, small_stick)
    assert list(small_stick.rglob("*")) == []


def test_a_bundle_to_a_full_stick_leaves_nothing_and_uses_no_bundle_number(make_workspace, tmp_path, small_stick):
    street = make_workspace()
    district = make_workspace(role="district", code="370102", name="历下区", parent="")
    pair(street, district, tmp_path)
    add_people(street, 600, random.Random(2))
    (small_stick / "filler").write_bytes(b"\0" * 60_000)  # the stick is nearly full already
    with pytest.raises(UserError, match="磁盘已满"):
        export_bundle(street, district.site.code, small_stick / "to-district.ycb")
    assert sorted(p.name for p in small_stick.iterdir()) == ["filler"]
    with street.read() as s:
        assert s.scalars(select(SyncPeer.out_seq)).one() == 0


def test_enospc_at_the_flush_leaves_no_part_file(make_workspace, tmp_path, monkeypatch):
    street = make_workspace()
    district = make_workspace(role="district", code="370102", name="历下区", parent="")
    pair(street, district, tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("yichao.app.core.atomic.os.fsync", full)
    with pytest.raises(UserError, match="磁盘已满"):
        export_bundle(street, district.site.code, stick / "to-district.ycb")
    assert list(stick.iterdir()) == []
    with street.read() as s:
        assert s.scalars(select(SyncPeer.out_seq)).one() == 0
