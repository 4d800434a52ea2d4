"""Where the live database may live (issue 20 point 4): network, removable and synced places are
told apart on Windows (drive types, UNC, OneDrive) and Linux (/proc/mounts), then refused or run
without WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from yichao.app.core import UserError
from yichao.app.core.storage import LOCAL, NETWORK, REMOVABLE, SYNCED, classify_location, location_problem

MOUNTS = """\
/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//nas/office /mnt/office cifs rw,vers=3.0 0 0
nas:/export /srv/share nfs4 rw 0 0
user@host:/data /home/clerk/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/clerk/KINGSTON vfat rw 0 0
/dev/sda3 /media/clerk/data ext4 rw 0 0
/dev/sdc1 /srv/with\\040space ext4 rw 0 0
"""


@pytest.mark.parametrize(
    "path, kind",
    [
        ("/home/clerk/Yichao", LOCAL),
        ("/tmp/yichao", LOCAL),
        ("/mnt/office/益巢", NETWORK),
        ("/mnt/office", NETWORK),
        ("/mnt/officeX/yichao", LOCAL),  # a sibling whose name only starts the same
        ("/srv/share/y", NETWORK),
        ("/home/clerk/remote/y", NETWORK),
        ("/media/clerk/KINGSTON/益巢", REMOVABLE),
        ("/media/clerk/data/y", LOCAL),  # an ext4 disk mounted under /media is an internal disk
        ("/srv/with space/y", LOCAL),
    ],
)
def test_linux_mounts(path: str, kind: str) -> None:
    assert classify_location(path, platform="linux", environ={}, mounts=MOUNTS).kind == kind


def _drives(types: dict[str, int]):
    return lambda root: types.get(root.upper(), 3)  # 3: DRIVE_FIXED


@pytest.mark.parametrize(
    "path, kind",
    [
        (r"D:\益巢数据", LOCAL),
        (r"Z:\街道\yichao", NETWORK),  # a mapped network drive
        (r"\\fileserver\share\yichao", NETWORK),  # a UNC path
        (r"E:\yichao", REMOVABLE),  # the USB stick
        (r"C:\Users\clerk\OneDrive\文档\益巢", SYNCED),  # under %OneDrive%
        (r"c:\users\clerk\onedrive - 历下区\益巢", SYNCED),  # OneDrive for Business, other case
        (r"D:\Dropbox\yichao", SYNCED),
        (r"C:\Users\clerk\AppData\Local\Yichao", LOCAL),
    ],
)
def test_windows_drive_types_and_onedrive(path: str, kind: str) -> None:
    env = {"OneDrive": r"C:\Users\clerk\OneDrive", "OneDriveCommercial": r"C:\Users\clerk\OneDrive - 历下区"}
    place = classify_location(path, platform="win32", environ=env, drive_type=_drives({"Z:\\": 4, "E:\\": 2}))
    assert place.kind == kind


def test_the_refusal_is_one_sentence_naming_the_place() -> None:
    problem = location_problem("/mnt/office/益巢", platform="linux", environ={}, mounts=MOUNTS)
    assert problem is not None and "网络位置" in problem and "cifs" in problem and "\n" not in problem
    assert location_problem("/home/clerk/y", platform="linux", environ={}, mounts=MOUNTS) is None


@pytest.fixture
def remote(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Pretend tmp_path is a CIFS share."""
    folder = tmp_path.resolve()
    monkeypatch.setattr("yichao.app.core.storage._read_mounts", lambda: f"//nas/x {folder} cifs rw 0 0\n")
    return folder


def test_a_new_database_on_a_share_is_refused_and_nothing_is_written(remote: Path) -> None:
    from yichao.app.core import initialize

    target = remote / "data"
    with pytest.raises(UserError, match="网络位置"):
        initialize(target, "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
    assert not target.exists()


def test_an_existing_database_on_a_share_opens_without_wal_and_warns(templates, tmp_path, monkeypatch) -> None:
    import shutil

    from yichao.app.core import open_workspace

    folder = tmp_path / "data"
    shutil.copytree(templates(), folder)
    ws = open_workspace(folder)
    assert ws.location_warning is None
    ws.close()
    monkeypatch.setattr("yichao.app.core.storage._read_mounts",
                        lambda: f"//nas/x {folder.resolve()} cifs rw 0 0\n")
    ws = open_workspace(folder)
    try:
        assert ws.location_warning and "网络位置" in ws.location_warning
        with ws.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        ws.close()
    conn = sqlite3.connect(folder / "yichao.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # stays so for other readers
    conn.close()
