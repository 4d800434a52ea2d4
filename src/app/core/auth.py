"""Staff accounts: scrypt password hashes, lock-out after five wrong passwords, roles, journal."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.db_errors import retry_lost_race
from yichao.app.core.errors import NotFound, PermissionDenied, UserError
from yichao.app.core.vault import NotAuthorized, renew_admin_wrap, wrap_for_admin
from yichao.app.core.workspace import CurrentUser, Workspace
from yichao.models.base import utcnow
from yichao.models.journal import record_event
from yichao.models.user import USER_ROLES, User

MAX_FAILED = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 6
# scrypt: memory-hard, in the standard library; n=2**14, r=8 -> 16 MiB per guess
_N, _R, _P = 2**14, 8, 1


@dataclass(frozen=True)
class UserRow:
    uid: str
    username: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None
    last_login: datetime | None


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(base64.b64decode(digest)),
        )
        return hmac.compare_digest(got, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"密码至少需要 {MIN_PASSWORD} 位。")


def check_username(username: str) -> str:
    name = username.strip()
    if not name:
        raise UserError("用户名不能为空。")
    if len(name) > 32 or any(c.isspace() for c in name):
        raise UserError("用户名不能含空格，且不超过32个字符。")
    return name


# One answer for every refused sign-in, so it never tells whether a login name exists.
WRONG_CREDENTIALS = f"用户名或密码不正确（连续输错 {MAX_FAILED} 次的账号会锁定 {LOCK_MINUTES} 分钟，期间无法登录）。"
_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


@retry_lost_race  # the same account signing in on two district PCs at once: the second tries again
def login(ws: Workspace, username: str, password: str) -> CurrentUser:
    """Sign in; five wrong passwords lock the account for 15 minutes. Every try is journaled.

    An unknown name and a wrong password get the same sentence after the same work (one scrypt),
    so neither the answer nor its time tells whether a login name exists; a wrong password during a
    lock-out gets that sentence too. Only someone who knows the password learns that the account is
    disabled, or locked and until when (with what to do, :func:`_locked_advice`).
    """
    name = username.strip()
    now = utcnow()
    with ws.unit(CurrentUser(name or "?", "viewer")) as session:
        user = session.scalars(select(User).where(User.username == name)).first()
        right = verify_password(password, user.password_hash if user is not None else _DUMMY_HASH)
        locked = user is not None and user.locked_until is not None and user.locked_until > now
        error: UserError | None = None
        if user is None:
            record_event(session, "login_failed", "user_account", "", {"username": name, "reason": "unknown"})
            error = UserError(WRONG_CREDENTIALS)
        elif locked and not right:
            record_event(session, "login_failed", "user_account", user.uid, {"reason": "locked"})
            error = UserError(WRONG_CREDENTIALS)
        elif locked:
            record_event(session, "login_failed", "user_account", user.uid, {"reason": "locked"})
            error = UserError("密码错误次数过多，" + _locked_advice(session, user, now))
        elif not right:
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED:
                user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                user.failed_logins = 0
            record_event(session, "login_failed", "user_account", user.uid, {"reason": "password"})
            error = UserError(WRONG_CREDENTIALS)
        elif not user.active:
            record_event(session, "login_failed", "user_account", user.uid, {"reason": "disabled"})
            error = UserError("这个账号已被停用，请联系管理员。")
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            record_event(session, "login", "user_account", user.uid, {"username": name})
            signed_in = CurrentUser(user.username, user.role, user.display_name)
            if ws.vault_key is not None and user.role == "admin":  # can authorize another district PC
                renew_admin_wrap(session, ws.vault_key, user.username, password)
    if error is not None:
        raise error
    ws.user = signed_in
    return signed_in


def _locked_advice(session: Session, user: User, now: datetime) -> str:
    """How long the lock lasts and what to do meanwhile: another administrator can unlock it; the
    only administrator is unlocked with `yichao users unlock` on this PC."""
    assert user.locked_until is not None
    minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
    until = user.locked_until.astimezone().strftime("%H:%M")
    text = f"账号 {user.username} 已锁定，{until} 自动解锁（还有 {minutes} 分钟）。"
    other_admins = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True), User.username != user.username,
        (User.locked_until.is_(None)) | (User.locked_until <= now)))
    if user.role == "admin" and not other_admins:
        return (text + f"这是唯一的管理员账号：等不及的话，在这台电脑上打开命令提示符，运行 "
                f"yichao users unlock {user.username} 即可立即解锁。")
    return text + "也可以请管理员在“系统管理 → 用户”中解锁或重置密码。"


def unlock(ws: Workspace, username: str, by: str = "") -> UserRow:
    """Lift a lock-out now (the failed-password count too); journaled with who did it.

    The GUI calls :func:`unlock_user` (administrators); ``yichao users unlock`` calls this on the PC
    itself without signing in, for the one administrator who is locked out.
    """
    with ws.unit() as session:
        user = _get(session, username.strip())
        was_locked = bool(user.locked_until and user.locked_until > utcnow())
        user.failed_logins = 0
        user.locked_until = None
        record_event(session, "unlock", "user_account", user.uid,
                     {"username": user.username, "by": by or (ws.user.username if ws.user else ""),
                      "was_locked": was_locked})
        session.flush()
        return _row(user)


def unlock_user(ws: Workspace, username: str) -> UserRow:
    """An administrator lifts another account's lock-out."""
    ws.require("admin", "解锁账号")
    return unlock(ws, username)


def sign_out(ws: Workspace) -> None:
    """End the session of the signed-in user (journaled); the window asks for a sign-in next."""
    if ws.user is None:
        return
    try:
        with ws.unit() as session:
            record_event(session, "logout", "user_account", "", {"username": ws.user.username})
    except NotAuthorized:
        pass  # a PC revoked while it ran writes nothing more, but its clerk is signed out all the same
    ws.user = None


def check_backup_credentials(backup_file: Path, username: str, password: str) -> None:
    """Refuse unless ``username`` is an active administrator with ``password`` in ``backup_file``.

    For a restore onto a database that cannot be opened: the backup about to become the database
    decides who may restore it. The file is only read.
    """
    try:
        conn = sqlite3.connect(f"{Path(backup_file).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT password_hash, role, active FROM user_account WHERE username = ? AND deleted = 0",
                (username.strip(),),
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise UserError(f"无法读取备份文件 {Path(backup_file).name} 里的用户，不能用它恢复。") from exc
    right = verify_password(password, row[0] if row else _DUMMY_HASH)
    if row is None or not right:
        raise UserError(WRONG_CREDENTIALS)
    if row[1] != "admin" or not row[2]:
        raise PermissionDenied("您的账号没有“恢复备份”的权限，请联系管理员。")


def _row(u: User) -> UserRow:
    return UserRow(u.uid, u.username, u.display_name, u.role, u.active, u.locked_until, u.last_login)


def list_users(ws: Workspace) -> list[UserRow]:
    ws.require("admin", "管理用户")
    with ws.read() as session:
        return [_row(u) for u in session.scalars(select(User).order_by(User.username))]


def create_user(
    ws: Workspace, username: str, password: str, role: str = "staff", display_name: str = "",
    *, bootstrap: bool = False,
) -> UserRow:
    """Add a staff account (admin only, except the first one made by the set-up wizard)."""
    if not bootstrap:
        ws.require("admin", "添加用户")
    name = check_username(username)
    if role not in USER_ROLES:
        raise UserError("角色只能是 管理员、工作人员 或 只读用户。")
    check_new_password(password)
    with ws.unit() as session:
        if session.scalar(select(func.count()).select_from(User).where(User.username == name)):
            raise UserError(f"用户名 {name} 已经存在。")
        user = User(username=name, display_name=display_name.strip() or name, role=role,
                    password_hash=hash_password(password))
        session.add(user)
        if ws.vault_key is not None and role == "admin":
            wrap_for_admin(session, ws.vault_key, name, password)
        session.flush()
        return _row(user)


def _get(session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None:
        raise NotFound(f"没有用户 {username}。")
    return user


def set_active(ws: Workspace, username: str, active: bool) -> UserRow:
    ws.require("admin", "停用或启用用户")
    if ws.user and ws.user.username == username and not active:
        raise UserError("不能停用自己正在使用的账号。")
    with ws.unit() as session:
        user = _get(session, username)
        user.active = active
        session.flush()
        return _row(user)


def set_role(ws: Workspace, username: str, role: str) -> UserRow:
    ws.require("admin", "修改用户角色")
    if role not in USER_ROLES:
        raise UserError("角色只能是 管理员、工作人员 或 只读用户。")
    with ws.unit() as session:
        user = _get(session, username)
        user.role = role
        session.flush()
        return _row(user)


def reset_password(ws: Workspace, username: str, new_password: str) -> UserRow:
    """An admin sets a new password; this also lifts a lock-out."""
    ws.require("admin", "重置密码")
    check_new_password(new_password)
    with ws.unit() as session:
        user = _get(session, username)
        user.password_hash = hash_password(new_password)
        user.failed_logins = 0
        user.locked_until = None
        if ws.vault_key is not None and user.role == "admin":
            wrap_for_admin(session, ws.vault_key, user.username, new_password)
        session.flush()
        return _row(user)


def change_own_password(ws: Workspace, old_password: str, new_password: str) -> None:
    """The signed-in user changes their own password (the old one first)."""
    if ws.user is None:
        raise UserError("请先登录。")
    check_new_password(new_password)
    with ws.unit() as session:
        user = _get(session, ws.user.username)
        if not verify_password(old_password, user.password_hash):
            raise UserError("原密码不正确。")
        user.password_hash = hash_password(new_password)
        if ws.vault_key is not None and user.role == "admin":
            wrap_for_admin(session, ws.vault_key, user.username, new_password)
