"""The data folder's key for identity numbers at rest (issue 18 point 5).

A database several PCs share (a district's PostgreSQL) keeps its data key in its vault instead
(``vault.DATA_KEY``), so every authorized PC seals and matches with the same key.

``DATA/keys/data.key`` holds 64 random bytes (AES-256-SIV). On Windows the file holds them
protected with DPAPI for the signed-in Windows account (pywin32's ``win32crypt``): copying the
database, or the whole folder, to another PC or account reveals nothing. Elsewhere the file holds
the key as it is (readable by the owner only) and :func:`key_warning` says so: whoever copies the
whole data folder holds the numbers. Backups carry the key file beside them (``keys/``), so a
backup restores on the same site after a reinstall; on Windows only under the same Windows account.
For a new Windows the administrator keeps an export of the key wrapped with a passphrase
(``key_export.py``, ``keys_admin.py``; README "Keeping the key").
"""

from __future__ import annotations

import base64
import importlib.util
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import replace_with_retry

log = logging.getLogger(__name__)

KEY_FILE = "data.key"
KEY_BYTES = 64
_DPAPI, _PLAIN = b"dpapi:", b"plain:"


class DataKeyUnavailable(UserError):
    """The folder's key file exists but cannot be read here (another Windows account, damaged)."""


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / "keys" / KEY_FILE


def _protect(key: bytes) -> bytes:
    if sys.platform == "win32":
        try:
            import win32crypt  # pywin32, a dependency on Windows

            blob = win32crypt.CryptProtectData(key, "Yichao data key", None, None, None, 0)
            return _DPAPI + base64.b64encode(blob)
        except ImportError:
            log.warning("pywin32 is missing: the data key is kept unprotected")
    return _PLAIN + base64.b64encode(key)


def _unprotect(stored: bytes, path: Path) -> bytes:
    stored = stored.strip()
    try:
        if stored.startswith(_DPAPI):
            import win32crypt

            return win32crypt.CryptUnprotectData(base64.b64decode(stored[len(_DPAPI):]), None, None, None, 0)[1]
        if stored.startswith(_PLAIN):
            key = base64.b64decode(stored[len(_PLAIN):])
            if len(key) == KEY_BYTES:
                return key
    except Exception as exc:  # noqa: BLE001 - DPAPI refuses another account's key in many ways
        raise DataKeyUnavailable(f"无法读取身份证号码的加密密钥 {path}：它属于另一台电脑或另一个 Windows 账号"
                                 "（例如重装了 Windows）。请用管理员账号导入当时导出的密钥备份："
                                 "yichao keys import-data-key 密钥备份文件 --passphrase-file 口令文件。") from exc
    raise DataKeyUnavailable(f"身份证号码的加密密钥文件 {path} 已损坏。请用管理员账号导入当时导出的密钥备份："
                             "yichao keys import-data-key 密钥备份文件 --passphrase-file 口令文件。")


def folder_data_key(data_dir: Path) -> bytes | None:
    """The folder's data key if the folder has one (never made here)."""
    path = key_path(data_dir)
    return _unprotect(path.read_bytes(), path) if path.exists() else None


def load_data_key(data_dir: Path) -> bytes:
    """The folder's data key; made (and protected) on first use."""
    path = key_path(data_dir)
    if path.exists():
        return _unprotect(path.read_bytes(), path)
    key = os.urandom(KEY_BYTES)
    store_data_key(data_dir, key)
    return key


def store_data_key(data_dir: Path, key: bytes) -> Path | None:
    """Make ``key`` the folder's key (protected as a new one would be). The file it replaces is
    kept beside it as ``data-replaced-<time>.key`` (a key is never destroyed); returns that path."""
    path = key_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(_protect(key))
        fh.flush()
        os.fsync(fh.fileno())
    kept = None
    if path.exists():
        kept = path.with_name(f"data-replaced-{datetime.now():%Y%m%d-%H%M%S-%f}.key")
        replace_with_retry(path, kept)
    replace_with_retry(tmp, path)  # antivirus holds a file just written for a moment (Windows)
    return kept


PLAIN_KEY_WARNING = ("身份证号码的加密密钥以普通文件保存在数据文件夹的 keys/data.key：拷走整个数据文件夹的人可以解密，"
                     "请只把数据文件夹放在受保护的账号下。")


def key_warning(data_dir: Path) -> str | None:
    """A sentence when the key is not protected by the operating system (shown in the status)."""
    path = key_path(data_dir)
    if path.exists() and path.read_bytes().startswith(_PLAIN):
        return PLAIN_KEY_WARNING
    return None


def new_key_warning() -> str | None:
    """The sentence :func:`key_warning` will give for a key made on this PC now (the first-run
    wizard shows it before the folder is made): not Windows, or pywin32 (DPAPI) missing."""
    return None if dpapi_available() else PLAIN_KEY_WARNING


def dpapi_available() -> bool:
    """Whether a key made here is protected with DPAPI (Windows with pywin32), without importing it."""
    return sys.platform == "win32" and importlib.util.find_spec("win32crypt") is not None
