"""This PC among the PCs of one database, and the site's secrets kept in that database (issue 19).

Every data folder names its PC (``pc_id`` and ``pc_name`` in settings.json); the journal records it
with every change. A district runs several PCs on one PostgreSQL database ("shared"): there each PC
must be authorized (a ``site_pc`` row, made by ``yichao init`` or ``yichao join``) and not revoked.

On a shared database the site's secrets (certificate key, sync private keys) live in the database,
sealed (AES-256-GCM) under the site's *vault key*. The vault key is stored only wrapped: for each
authorized PC under that PC's own key (``keys/pc.key`` in its data folder), and for each
administrator under a key derived from the password (scrypt), renewed whenever an administrator
signs in on an authorized PC. So an administrator who signs in on a new PC can authorize it, and a
revoked PC's wrapped copy is gone. A database only one PC uses (SQLite) keeps its secrets as
before (the certificate key in the data folder's ``keys/``).
"""

from __future__ import annotations

import base64
import hashlib
import os
import platform
import secrets
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.datakey import KEY_BYTES, folder_data_key
from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import replace_with_retry
from yichao.app.core.settings import Settings
from yichao.models.base import utcnow
from yichao.models.district import AdminKey, SitePC, SiteSecret
from yichao.models.journal import record_event

PC_KEY_FILE = Path("keys") / "pc.key"
VAULT_MARK = "vault"  # stands in a clear-key column whose value is kept in the vault
CERTIFICATE = "certificate"
DATA_KEY = "data"  # the key of identity numbers at rest (sealed_column), shared by every PC
_PREFIX = "v1:"
_N, _R, _P = 2**14, 8, 1  # as the password hashes: 16 MiB per guess


class NotAuthorized(UserError):
    """This PC may not open the shared database (never joined, revoked, or its key is gone)."""


# -- this PC ---------------------------------------------------------------------------------
def this_pc(settings: Settings) -> tuple[str, str]:
    """This data folder's PC id and name, made (and saved) on first use."""
    pc_id, name = str(settings.get("pc_id") or ""), str(settings.get("pc_name") or "")
    if not pc_id:
        pc_id, name = str(uuid.uuid4()), name or default_pc_name()
        settings.set("pc_name", name)
        settings.set("pc_id", pc_id)
    return pc_id, name or default_pc_name()


def default_pc_name() -> str:
    return (os.environ.get("COMPUTERNAME") or platform.node() or "PC")[:100]


def pc_key_path(data_dir: Path) -> Path:
    return Path(data_dir) / PC_KEY_FILE


def new_pc_key(data_dir: Path) -> bytes:
    """A fresh key for this PC, written (owner-only) to ``keys/pc.key``."""
    key = secrets.token_bytes(32)
    path = pc_key_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex())
        replace_with_retry(tmp, path)  # antivirus holds a file just written for a moment (Windows)
    except OSError as exc:
        raise UserError(f"无法写入这台电脑的授权密钥 {path}（{exc.strerror or exc}）。") from exc
    return key


def load_pc_key(data_dir: Path) -> bytes | None:
    try:
        return bytes.fromhex(pc_key_path(data_dir).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


# -- sealing ------------------------------------------------------------------------------------
def _aead(key: bytes) -> Any:
    # cryptography only when a secret is opened: the start-up path stays light
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def seal(key: bytes, plain: bytes, purpose: str) -> str:
    nonce = os.urandom(12)
    return _PREFIX + base64.b64encode(nonce + _aead(key).encrypt(nonce, plain, purpose.encode())).decode()


def unseal(key: bytes, text: str, purpose: str) -> bytes | None:
    """The sealed value, or None when ``key`` is not the one it was sealed with (or it is damaged)."""
    # cryptography only when a secret is opened: the start-up path stays light
    from cryptography.exceptions import InvalidTag

    if not text.startswith(_PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(_PREFIX):])
        return bytes(_aead(key).decrypt(raw[:12], raw[12:], purpose.encode()))
    except (InvalidTag, ValueError):
        return None


def _admin_kek(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


# -- the site's secrets -------------------------------------------------------------------------
def read_secret(session: Session, vault_key: bytes, name: str) -> bytes | None:
    row = session.get(SiteSecret, name)
    if row is None:
        return None
    value = unseal(vault_key, row.sealed, f"secret:{name}")
    if value is None:
        raise UserError(f"区级数据库里的站点密钥“{name}”无法解开，可能已损坏；请从 pg_dump 备份恢复。")
    return value


def store_secret(session: Session, vault_key: bytes, name: str, value: bytes) -> None:
    row = session.get(SiteSecret, name)
    sealed = seal(vault_key, value, f"secret:{name}")
    if row is None:
        session.add(SiteSecret(name=name, sealed=sealed))
    else:
        row.sealed = sealed


def session_secret(session: Session, name: str) -> bytes | None:
    """A secret through the vault key a workspace put on its sessions (None: no shared vault)."""
    vault_key = session.info.get("vault")
    return read_secret(session, vault_key, name) if vault_key else None


# -- PCs and wrapped vault keys -----------------------------------------------------------------
def wrap_for_pc(vault_key: bytes, pc_key: bytes, pc_id: str) -> str:
    return seal(pc_key, vault_key, f"pc:{pc_id}")


def wrap_for_admin(session: Session, vault_key: bytes, username: str, password: str) -> None:
    salt = os.urandom(16)
    wrapped = seal(_admin_kek(password, salt), vault_key, f"admin:{username}")
    row = session.get(AdminKey, username)
    if row is None:
        session.add(AdminKey(username=username, salt=salt.hex(), wrapped=wrapped))
    else:
        row.salt, row.wrapped, row.updated_at = salt.hex(), wrapped, utcnow()


def unwrap_for_admin(session: Session, username: str, password: str) -> bytes | None:
    row = session.get(AdminKey, username)
    if row is None:
        return None
    return unseal(_admin_kek(password, bytes.fromhex(row.salt)), row.wrapped, f"admin:{username}")


def renew_admin_wrap(session: Session, vault_key: bytes, username: str, password: str) -> None:
    """After an administrator signed in on an authorized PC: their wrapped copy opens with the
    current password (a new administrator, or a changed password, gets one now)."""
    if unwrap_for_admin(session, username, password) != vault_key:
        wrap_for_admin(session, vault_key, username, password)


def add_pc(session: Session, data_dir: Path, pc_id: str, name: str, by: str, vault_key: bytes) -> None:
    """Authorize this PC: a new PC key in its folder, the vault key wrapped for it, journaled."""
    pc_key = new_pc_key(data_dir)
    row = session.get(SitePC, pc_id)
    if row is None:
        row = SitePC(id=pc_id, name=name, joined_by=by)
        session.add(row)
    row.name, row.joined_by, row.joined_at = name, by, utcnow()
    row.revoked_at, row.revoked_by, row.last_seen = None, "", utcnow()
    row.wrapped = wrap_for_pc(vault_key, pc_key, pc_id)
    record_event(session, "pc_join", "site_pc", pc_id, {"pc": pc_id, "name": name})


def create_vault(session: Session, data_dir: Path, pc_id: str, name: str, by: str,
                 folder_certificate_key: bytes | None) -> bytes:
    """The first PC of a shared database: a new vault key, this PC authorized, the secrets sealed.

    A district that ran on PostgreSQL from one PC before keeps its keys: the certificate key from
    that PC's folder, the sync keys from the database (their clear columns are blanked)."""
    # per call: the sync tables load with the sync domain
    from yichao.models.sync import SyncKey

    vault_key = secrets.token_bytes(32)
    add_pc(session, data_dir, pc_id, name, by, vault_key)
    store_secret(session, vault_key, CERTIFICATE, folder_certificate_key or secrets.token_bytes(32))
    ensure_data_key(session, vault_key, data_dir)
    for row in session.scalars(select(SyncKey)):
        if row.sign_private != VAULT_MARK:
            store_secret(session, vault_key, "sync_sign", bytes.fromhex(row.sign_private))
            store_secret(session, vault_key, "sync_box", bytes.fromhex(row.box_private))
            store_secret(session, vault_key, "sync_hash", bytes.fromhex(row.hash_key))
            row.sign_private = row.box_private = row.hash_key = VAULT_MARK
    return vault_key


def ensure_data_key(session: Session, vault_key: bytes, data_dir: Path) -> bytes:
    """The vault's data key; a vault made before identity numbers were sealed gets one: the key of
    the first PC's folder if it has one (it sealed them while it ran alone), else a new one."""
    key = read_secret(session, vault_key, DATA_KEY)
    if key is None:
        key = folder_data_key(data_dir) or secrets.token_bytes(KEY_BYTES)
        store_secret(session, vault_key, DATA_KEY, key)
    return key


def open_vault(session: Session, data_dir: Path, pc_id: str) -> bytes:
    """The vault key, unwrapped with this PC's key; one sentence when this PC may not have it."""
    row = session.get(SitePC, pc_id) if pc_id else None
    if row is None:
        raise NotAuthorized("这台电脑还没有加入这个区级数据库：请用“yichao join --database-url 数据库地址”"
                            "（或首次设置向导的“加入已有的区级数据库”）由区里的管理员授权。")
    if row.revoked_at is not None:
        raise NotAuthorized(_revoked(row, "不能再打开区级数据库"))
    pc_key = load_pc_key(data_dir)
    vault_key = unseal(pc_key, row.wrapped, f"pc:{pc_id}") if pc_key else None
    if vault_key is None:
        raise NotAuthorized(f"这台电脑的授权密钥（{pc_key_path(data_dir)}）缺失或与数据库不符："
                            "请管理员在这台电脑上重新运行 yichao join。")
    row.last_seen = utcnow()
    return vault_key


def _revoked(row: SitePC, what: str) -> str:
    when = row.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M") if row.revoked_at else ""
    return (f"这台电脑（{row.name}）已于 {when} 被管理员 {row.revoked_by} 撤销授权，{what}；"
            "如需重新使用，请管理员在这台电脑上运行 yichao join。")


def still_authorized(session: Session, pc_id: str) -> None:
    """Refuse the transaction of a PC revoked while it runs (read just before its commit).

    One primary-key read; ``FOR SHARE`` holds the row until the commit, so a revocation on
    another PC either commits first (and is seen here) or waits for this transaction."""
    row = session.scalars(select(SitePC).where(SitePC.id == pc_id).with_for_update(read=True)
                          .execution_options(populate_existing=True)).first()
    if row is None:
        raise NotAuthorized("这台电脑的授权已从区级数据库里删除，刚才的操作没有保存；"
                            "请管理员在这台电脑上运行 yichao join。")
    if row.revoked_at is not None:
        raise NotAuthorized(_revoked(row, "刚才的操作没有保存，本机已退出登录"))


def any_pc(session: Session) -> bool:
    return session.scalars(select(SitePC.id).limit(1)).first() is not None
