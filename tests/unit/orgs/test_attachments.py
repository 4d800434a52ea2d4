"""Attachments: content-addressed storage, size limit, opening, and surviving backup/restore."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from yichao.app.core.attachments import (
    add_attachment,
    attachment_file,
    blob_path,
    list_attachments,
    remove_attachment,
)
from yichao.app.core.backup import backup_database
from yichao.app.core.errors import UserError
from yichao.app.core.paths import attachments_dir, db_path
from yichao.app.core.restore import restore_database
from yichao.app.orgs.profile import OrgInput, create_org


def test_store_dedup_list_open_remove(workspace, tmp_path: Path) -> None:
    org = create_org(workspace, OrgInput(name="夕阳情艺术团"))
    scan = tmp_path / "章程.pdf"
    scan.write_bytes(b"%PDF-1.4 charter" * 100)
    copy = tmp_path / "章程副本.pdf"
    shutil.copyfile(scan, copy)
    a = add_attachment(workspace, "organization", org.uid, scan, caption="章程")
    b = add_attachment(workspace, "organization", org.uid, copy)
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert a.sha256 == b.sha256 == sha
    assert blob_path(workspace.data_dir, sha).read_bytes() == scan.read_bytes()
    assert len(list(attachments_dir(workspace.data_dir).glob("??/*"))) == 1  # stored once
    assert [x.filename for x in list_attachments(workspace, org.uid)] == ["章程.pdf", "章程副本.pdf"]
    opened = attachment_file(workspace, a.uid)
    assert opened.name == "章程.pdf" and opened.read_bytes() == scan.read_bytes()
    remove_attachment(workspace, b.uid)
    assert [x.uid for x in list_attachments(workspace, org.uid)] == [a.uid]


def test_size_limit_and_empty_file(workspace, tmp_path: Path) -> None:
    big = tmp_path / "扫描件.jpg"
    big.write_bytes(b"x" * 3_000_000)
    with pytest.raises(UserError, match="超过了附件上限 2 MB"):
        add_attachment(workspace, "organization", "x", big, max_bytes=2 * 1024 * 1024)
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    with pytest.raises(UserError, match="空的"):
        add_attachment(workspace, "organization", "x", empty)
    assert list_attachments(workspace, "x") == []
    assert not list(attachments_dir(workspace.data_dir).glob("??/*"))


def test_attachments_survive_backup_and_restore(workspace, make_workspace, tmp_path: Path) -> None:
    org = create_org(workspace, OrgInput(name="阳光服务队"))
    photo = tmp_path / "活动照片.jpg"
    photo.write_bytes(b"\xff\xd8photo" * 500)
    a = add_attachment(workspace, "organization", org.uid, photo)
    usb = tmp_path / "usb"
    saved = backup_database(db_path(workspace.data_dir), usb)
    assert (usb / "attachments" / a.sha256[:2] / a.sha256).exists()

    fresh = make_workspace(folder="new-pc")
    target = fresh.data_dir
    fresh.close()
    restore_database(target, saved)
    assert blob_path(target, a.sha256).read_bytes() == photo.read_bytes()


def test_backup_into_data_folder_does_not_copy_blobs(workspace, tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"abc" * 10)
    add_attachment(workspace, "organization", "o", photo)
    backup_database(db_path(workspace.data_dir), workspace.data_dir / "backups")
    assert not (workspace.data_dir / "backups" / "attachments").exists()


def test_a_scan_the_antivirus_holds_is_waited_for_or_refused_with_nothing_left(workspace, tmp_path, monkeypatch):
    """Issue 20: antivirus scans a fresh copy of an ID card before letting it be renamed."""
    import os

    monkeypatch.setattr("yichao.app.core.file_ops.DELAYS", (0.0,) * 8)
    org = create_org(workspace, OrgInput(name="夕阳情艺术团"))
    real, calls = os.replace, []

    def held_for(times: int):
        def replace(src, dst):
            if Path(src).name.startswith(".incoming-"):
                calls.append(dst)
                if len(calls) <= times:
                    raise PermissionError(13, "The process cannot access the file", str(src))
            real(src, dst)
        return replace

    scan = tmp_path / "身份证.jpg"
    scan.write_bytes(b"\xff\xd8 an identity card" * 50)
    monkeypatch.setattr(os, "replace", held_for(2))
    a = add_attachment(workspace, "organization", org.uid, scan)
    assert len(calls) == 3 and blob_path(workspace.data_dir, a.sha256).read_bytes() == scan.read_bytes()
    other = tmp_path / "户口本.jpg"
    other.write_bytes(b"\xff\xd8 a household register" * 50)
    calls.clear()
    monkeypatch.setattr(os, "replace", held_for(100))
    with pytest.raises(UserError, match="占用"):
        add_attachment(workspace, "organization", org.uid, other)
    monkeypatch.undo()
    assert [x.uid for x in list_attachments(workspace, org.uid)] == [a.uid]
    assert not list(attachments_dir(workspace.data_dir).glob(".incoming-*"))
