"""Staff accounts: hashing, lock-out, roles enforced in services, every try journaled."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from yichao.app.core import auth
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.workspace import CurrentUser
from yichao.models.base import utcnow
from yichao.models.journal import JournalEntry
from yichao.models.user import User


def ops(ws):
    with ws.read() as s:
        return [e.op for e in s.scalars(select(JournalEntry).order_by(JournalEntry.id))]


def test_password_hash_is_salted_scrypt_and_verifies():
    a, b = auth.hash_password("pw123456"), auth.hash_password("pw123456")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert auth.verify_password("pw123456", a)
    assert not auth.verify_password("pw123457", a)
    assert not auth.verify_password("x", "garbage")


def test_login_success_and_failure_are_journaled(workspace):
    workspace.user = None
    with pytest.raises(UserError, match="用户名或密码不正确"):
        auth.login(workspace, "admin", "wrong")
    user = auth.login(workspace, "admin", PASSWORD)
    assert user.role == "admin" and workspace.user == user
    events = [op for op in ops(workspace) if op.startswith("login")]
    assert events[-2:] == ["login_failed", "login"]


def test_five_wrong_passwords_lock_for_fifteen_minutes(workspace):
    for _ in range(4):
        with pytest.raises(UserError):
            auth.login(workspace, "admin", "wrong")
    with pytest.raises(UserError, match="用户名或密码不正确"):  # locked now: says nothing of this name
        auth.login(workspace, "admin", "wrong")
    with pytest.raises(UserError, match="用户名或密码不正确"):
        auth.login(workspace, "admin", "wrong")  # a guess during the lock learns nothing either
    with pytest.raises(UserError, match="已锁定.*还有 15 分钟"):
        auth.login(workspace, "admin", PASSWORD)  # the right password: how long, and what to do
    with workspace.unit() as s:
        u = s.scalars(select(User)).one()
        u.locked_until = utcnow() - timedelta(seconds=1)
    assert auth.login(workspace, "admin", PASSWORD).username == "admin"


def test_answers_never_tell_whether_a_login_name_exists(workspace):
    answers = set()
    for name in ("admin", "nobody"):
        for _ in range(6):  # the sixth try meets a locked admin: still the same sentence
            with pytest.raises(UserError) as caught:
                auth.login(workspace, name, "wrong")
            answers.add(str(caught.value))
    assert answers == {auth.WRONG_CREDENTIALS}


def test_backup_credentials_decide_a_restore(workspace, tmp_path):
    from yichao.app.core import backup_database, db_path

    auth.create_user(workspace, "clerk", "clerk123", "staff")
    copy = backup_database(db_path(workspace.data_dir), tmp_path)
    auth.check_backup_credentials(copy, "admin", PASSWORD)
    with pytest.raises(UserError, match="用户名或密码不正确"):
        auth.check_backup_credentials(copy, "admin", "wrong")
    with pytest.raises(UserError, match="用户名或密码不正确"):
        auth.check_backup_credentials(copy, "nobody", PASSWORD)
    with pytest.raises(PermissionDenied):
        auth.check_backup_credentials(copy, "clerk", "clerk123")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(UserError, match="无法读取备份文件"):
        auth.check_backup_credentials(junk, "admin", PASSWORD)


def test_unknown_user_and_disabled_account(workspace):
    with pytest.raises(UserError, match="用户名或密码不正确"):
        auth.login(workspace, "nobody", "x")
    auth.create_user(workspace, "clerk", "clerk123", "staff", "小王")
    auth.set_active(workspace, "clerk", False)
    with pytest.raises(UserError, match="停用"):
        auth.login(workspace, "clerk", "clerk123")


def test_roles_are_enforced_in_services_and_refusals_journaled(workspace):
    auth.create_user(workspace, "viewer1", "viewer123", "viewer")
    workspace.user = CurrentUser("viewer1", "viewer")
    with pytest.raises(PermissionDenied, match="没有“添加用户”的权限"):
        auth.create_user(workspace, "sneaky", "sneaky123", "admin")
    assert ops(workspace)[-1] == "denied"
    workspace.user = CurrentUser("admin", "admin")
    assert [u.username for u in auth.list_users(workspace)] == ["admin", "viewer1"]


def test_reset_password_lifts_lock_and_short_passwords_refused(workspace):
    auth.create_user(workspace, "clerk", "clerk123")
    with pytest.raises(UserError, match="至少需要 6 位"):
        auth.reset_password(workspace, "clerk", "123")
    with pytest.raises(UserError, match="已经存在"):
        auth.create_user(workspace, "clerk", "clerk123")
    for _ in range(5):
        with pytest.raises(UserError):
            auth.login(workspace, "clerk", "bad")
    workspace.user = CurrentUser("admin", "admin")
    auth.reset_password(workspace, "clerk", "fresh123")
    assert auth.login(workspace, "clerk", "fresh123").role == "staff"


def test_password_hash_never_reaches_the_journal(workspace):
    auth.create_user(workspace, "clerk", "clerk123")
    with workspace.read() as s:
        assert not any("scrypt$" in e.data or "scrypt$" in e.before for e in s.scalars(select(JournalEntry)))


def lock_out(ws, name):
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(UserError):
            auth.login(ws, name, "wrong")


def test_the_only_administrator_locked_out_is_told_how_long_and_what_to_do(workspace):
    lock_out(workspace, "admin")
    with pytest.raises(UserError) as caught:
        auth.login(workspace, "admin", PASSWORD)
    message = caught.value.message
    assert "自动解锁" in message and "分钟" in message
    assert "唯一的管理员" in message and "yichao users unlock admin" in message
    assert "\n" not in message


def test_a_locked_clerk_is_sent_to_an_administrator_who_can_unlock_in_the_gui(workspace):
    auth.create_user(workspace, "wang", "clerk123", "staff")
    lock_out(workspace, "wang")
    with pytest.raises(UserError, match="系统管理 → 用户") as caught:
        auth.login(workspace, "wang", "clerk123")
    assert "yichao users unlock" not in caught.value.message
    workspace.user = CurrentUser("admin", "admin")
    row = auth.unlock_user(workspace, "wang")
    assert row.locked_until is None
    assert auth.login(workspace, "wang", "clerk123").username == "wang"
    workspace.user = CurrentUser("wang", "staff")
    with pytest.raises(PermissionDenied):
        auth.unlock_user(workspace, "admin")


def test_unlock_on_this_pc_is_journaled_with_who(workspace):
    lock_out(workspace, "admin")
    workspace.user = CurrentUser("cli", "admin")
    auth.unlock(workspace, "admin", by="本机命令行")
    with workspace.read() as s:
        event = s.scalars(select(JournalEntry).where(JournalEntry.op == "unlock")).one()
    assert "本机命令行" in event.data and '"was_locked": true' in event.data
    assert auth.login(workspace, "admin", PASSWORD).username == "admin"
