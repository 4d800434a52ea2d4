"""Is a folder a safe home for the live SQLite database?

SQLite says its write-ahead log is unsafe on a network file system, and a database on a USB stick
or in a OneDrive-synced folder is one pull of the stick or one sync conflict away from corruption.
:func:`classify_location` tells which kind of place a folder is, on Windows (GetDriveTypeW, UNC
paths, OneDrive's environment variables) and on Linux (the file-system type in /proc/mounts);
:func:`location_problem` is the sentence that refuses it for a new database, :func:`location_warning`
the warning for an existing one (which then runs without WAL).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

LOCAL, NETWORK, REMOVABLE, SYNCED = "local", "network", "removable", "synced"

# Linux file systems that are another machine's disk, or a user-space bridge to one
_NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "9p", "afs", "ceph", "glusterfs", "lustre",
    "davfs", "sshfs", "smb", "webdav",
}  # and every "fuse" / "fuse.*": a user-space file system, whose locking SQLite cannot trust
_REMOVABLE_FS = {"vfat", "exfat", "fuseblk", "msdos", "iso9660", "udf"}  # counted only under /media, /run/media
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb", "/Volumes/")

# folders a sync client mirrors to the cloud; OneDrive names its folders in the environment
_SYNC_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
_SYNC_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "nutstore", "坚果云", "icloud drive",
                 "百度网盘", "baidunetdisk", "wps云盘", "wpsdrive")

# GetDriveTypeW results
_DRIVE_REMOVABLE, _DRIVE_REMOTE, _DRIVE_CDROM = 2, 4, 5


@dataclass(frozen=True)
class Location:
    kind: str  # LOCAL, NETWORK, REMOVABLE or SYNCED
    detail: str  # what was seen: the file system, the drive type, the sync folder


def classify_location(
    folder: str | os.PathLike[str],
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] | None = None,
    mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> Location:
    """Which kind of place ``folder`` is. The keyword arguments stand in for the machine in tests."""
    env = os.environ if environ is None else environ
    if platform == "win32":
        return _classify_windows(str(folder), env, drive_type or _get_drive_type)
    path = os.path.abspath(os.path.expanduser(os.fspath(folder)))
    synced = _synced(path, env, posix=True)
    if synced:
        return synced
    text = mounts if mounts is not None else _read_mounts()
    return _classify_mounts(path, text)


def location_risk(folder: str | os.PathLike[str], **machine: object) -> str | None:
    """None when the live database may live in ``folder``, else what is wrong with the place."""
    place = classify_location(folder, **machine)  # type: ignore[arg-type]
    if place.kind == NETWORK:
        why = f"位于网络位置（{place.detail}）"
    elif place.kind == REMOVABLE:
        why = f"位于U盘或移动硬盘（{place.detail}）"
    elif place.kind == SYNCED:
        why = f"位于云同步文件夹（{place.detail}）"
    else:
        return None
    return f"数据文件夹 {folder} {why}"


def location_problem(folder: str | os.PathLike[str], **machine: object) -> str | None:
    """The sentence that refuses ``folder`` for a new database, or None when it is a safe place."""
    risk = location_risk(folder, **machine)
    if risk is None:
        return None
    return (risk + "，断网、拔盘或同步冲突都可能损坏数据库。请选择本机硬盘上的文件夹（例如 D:\\益巢数据）；"
            "U盘可以在设置里作为第二备份位置。")


def location_warning(folder: str | os.PathLike[str], **machine: object) -> str | None:
    """The warning for an existing database found in an unsafe place (opened without WAL)."""
    risk = location_risk(folder, **machine)
    if risk is None:
        return None
    return (risk + "。益巢已改用较慢但更稳妥的写入方式；断网、拔盘或同步冲突仍可能损坏数据，"
            "请尽快把数据文件夹移到本机硬盘。")


def _synced(path: str, env: Mapping[str, str], posix: bool) -> Location | None:
    norm = (lambda p: p) if posix else (lambda p: p.replace("/", "\\").rstrip("\\").casefold())
    target = norm(path)
    for name in _SYNC_ENV:
        root = env.get(name)
        if root:
            root = norm(root)
            sep = "/" if posix else "\\"
            if target == root or target.startswith(root.rstrip(sep) + sep):
                return Location(SYNCED, f"OneDrive：{env[name]}")
    parts = PureWindowsPath(path).parts if not posix else Path(path).parts
    for part in parts:
        low = part.casefold()
        for marker in _SYNC_MARKERS:
            if low == marker or low.startswith(marker + " ") or low.startswith(marker + "-"):
                return Location(SYNCED, part)
    return None


def _classify_windows(folder: str, env: Mapping[str, str], drive_type: Callable[[str], int]) -> Location:
    path = PureWindowsPath(folder)
    if str(path).startswith("\\\\") and not str(path).startswith("\\\\?\\"):
        return Location(NETWORK, f"共享文件夹 {path.anchor}")
    synced = _synced(str(path), env, posix=False)
    if synced:
        return synced
    root = path.anchor or "C:\\"
    kind = drive_type(root)
    if kind == _DRIVE_REMOTE:
        return Location(NETWORK, f"网络驱动器 {root}")
    if kind in (_DRIVE_REMOVABLE, _DRIVE_CDROM):
        return Location(REMOVABLE, f"可移动磁盘 {root}")
    return Location(LOCAL, f"本地磁盘 {root}")


def _get_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    # Windows only
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def _read_mounts() -> str:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:  # macOS and others: only the path tells (see _REMOVABLE_ROOTS)
        return ""


def _classify_mounts(path: str, mounts: str) -> Location:
    """The mount holding ``path`` is the longest mount point that is a prefix of it."""
    best, best_fs = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_fs = point, fields[2]
    if best_fs in _NETWORK_FS or best_fs == "fuse" or best_fs.startswith(("fuse.", "nfs")):
        return Location(NETWORK, f"{best_fs} {best}")
    removable_root = any(path.startswith(root) for root in _REMOVABLE_ROOTS)
    if removable_root and (best_fs in _REMOVABLE_FS or not mounts):
        return Location(REMOVABLE, f"{best_fs or '外接磁盘'} {best or path}")
    return Location(LOCAL, f"{best_fs or '本地'} {best or '/'}")
