"""The CLI signs in (issue 18 point 6): no credentials, wrong ones or too small a role change nothing."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from .cli import ENV, yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("signin")
    folder, pw = root / "street", root / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    r = yichao("init", "--role", "street", "--code", "370102001", "--name", "甸柳街道", "--parent-code", "370102",
               "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw), data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert yichao("demo", "--residents", "40", "--seed", "5", data_dir=folder).returncode == 0
    from yichao.app.core import CLI_USER, create_user, open_workspace

    ws = open_workspace(folder)
    ws.user = CLI_USER
    create_user(ws, "reader", "reader123", "viewer")
    ws.close()
    return folder, pw


def _journal_count(folder: Path) -> int:
    with sqlite3.connect(folder / "yichao.db") as conn:
        return conn.execute("SELECT count(*) FROM journal WHERE op NOT IN ('login', 'login_failed') "
                            "AND entity != 'user_account'").fetchone()[0]


def _a_passbook(folder: Path) -> dict:
    r = yichao("list", "passbooks", "--json", data_dir=folder)
    return next(json.loads(line) for line in r.stdout.splitlines() if '"active"' in line)


@pytest.mark.parametrize("args", [
    ("list", "people", "--json"),
    ("passbook", "deposit", "P", "--points", "5", "--memo", "x"),
    ("passbook", "expire", "--years", "2"),
    ("keys", "trust", "k.key"),
    ("bundle", "import", "b.ycb"),
    ("backup",),
    ("restore", "b.db"),
    ("demo", "--residents", "5"),
])
def test_commands_without_credentials_are_refused_and_change_nothing(street, args):
    folder, _ = street
    before = _journal_count(folder)
    r = yichao(*args, data_dir=folder, sign_in=False)
    assert r.returncode == 1 and r.stderr.count("\n") == 1, r.stderr
    assert "需要登录" in r.stderr and "Traceback" not in r.stderr
    assert _journal_count(folder) == before


def test_wrong_password_and_unknown_user_get_the_same_answer(street, tmp_path):
    folder, _ = street
    wrong = tmp_path / "wrong"
    wrong.write_text("nope-nope\n", encoding="utf-8")
    answers = set()
    for user in ("admin", "no-such-clerk"):
        r = yichao("--user", user, "--password-file", str(wrong), "list", "people", data_dir=folder)
        assert r.returncode == 1 and not r.stdout
        answers.add(r.stderr)
    assert len(answers) == 1 and "用户名或密码不正确" in answers.pop()


def test_environment_credentials_and_the_journal_names_the_user(street):
    folder, pw = street
    book = _a_passbook(folder)
    env = {**ENV, "YICHAO_USER": "admin", "YICHAO_PASSWORD_FILE": str(pw)}
    import shutil
    import subprocess

    program = os.environ.get("YICHAO_CLI") or shutil.which("yichao") or "yichao"
    r = subprocess.run([program, "--data-dir", str(folder), "passbook", "deposit", book["number"], "--points", "4",
                        "--memo", "环境变量登录"], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(folder / "yichao.db") as conn:
        users = {u for (u,) in conn.execute("SELECT DISTINCT user FROM journal WHERE entity = 'passbook_entry'")}
    assert "admin" in users and "cli" not in users


def test_options_after_the_command_word_and_roles_checked(street):
    folder, pw = street
    book = _a_passbook(folder)
    r = yichao("passbook", "show", book["number"], "--user", "admin", "--password-file", str(pw), data_dir=folder)
    assert r.returncode == 0, r.stderr
    reader_pw = folder.parent / "reader.txt"
    reader_pw.write_text("reader123", encoding="utf-8")
    before = _journal_count(folder)
    r = yichao("--user", "reader", "--password-file", str(reader_pw), "passbook", "deposit", book["number"],
               "--points", "5", "--memo", "只读用户", data_dir=folder)
    assert r.returncode == 1 and "权限" in r.stderr
    r = yichao("--user", "reader", "--password-file", str(reader_pw), "demo", "--residents", "5", data_dir=folder)
    assert r.returncode == 1 and "权限" in r.stderr
    with sqlite3.connect(folder / "yichao.db") as conn:
        ops = [op for (op,) in conn.execute("SELECT op FROM journal WHERE op NOT IN ('login', 'login_failed') "
                                            "AND entity != 'user_account'")]
    assert ops[before:] == ["denied", "denied"]  # refusals are journaled, nothing else changed


def test_open_commands_need_no_sign_in(street):
    folder, _ = street
    assert yichao("check", data_dir=folder, sign_in=False).returncode == 0
    r = yichao("verify", "2222-3333", data_dir=folder, sign_in=False)
    assert r.returncode == 1 and "需要登录" not in r.stderr
    assert yichao("--help", sign_in=False).returncode == 0
    assert yichao("passbook", "deposit", "--help", sign_in=False).returncode == 0


def test_restore_onto_a_damaged_database_checks_the_backup_credentials(street, tmp_path):
    folder, pw = street
    r = yichao("backup", str(tmp_path / "bk"), data_dir=folder)
    assert r.returncode == 0, r.stderr
    backup = Path(r.stdout.strip())
    copy = tmp_path / "damaged"
    import shutil

    shutil.copytree(folder, copy)
    (copy / "yichao.db").write_bytes(b"\0" * 8192)
    for suffix in ("-wal", "-shm"):
        (copy / f"yichao.db{suffix}").unlink(missing_ok=True)
    wrong = tmp_path / "wrong"
    wrong.write_text("nope-nope", encoding="utf-8")
    r = yichao("--user", "admin", "--password-file", str(wrong), "restore", str(backup), data_dir=copy)
    assert r.returncode == 1 and "用户名或密码不正确" in r.stderr
    assert (copy / "yichao.db").read_bytes() == b"\0" * 8192
    reader_pw = tmp_path / "reader"
    reader_pw.write_text("reader123", encoding="utf-8")
    r = yichao("--user", "reader", "--password-file", str(reader_pw), "restore", str(backup), data_dir=copy)
    assert r.returncode == 1 and "权限" in r.stderr
    (copy / "yichao.db").unlink()  # a reinstall: no database at all, the backup's admin restores it
    r = yichao("--user", "admin", "--password-file", str(pw), "restore", str(backup), data_dir=copy)
    assert r.returncode == 0, r.stderr
    assert yichao("check", data_dir=copy, sign_in=False).returncode == 0
