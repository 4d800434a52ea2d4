"""The installed `yichao` command as outside tests call it: init, demo, list, check, backup, restore."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from .cli import yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e") / "street"
    pw = folder.parent / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    r = yichao("init", "--role", "street", "--code", "370102001", "--name", "甸柳街道", "--parent-code", "370102",
               "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw), data_dir=folder)
    assert r.returncode == 0, r.stderr
    # no DPAPI here: the clerk is told the identity numbers' key is a plain file (issue 18 point 5)
    assert (sys.platform == "win32") != ("keys/data.key" in r.stderr and "警告" in r.stderr), r.stderr
    r = yichao("demo", "--residents", "300", "--seed", "7", data_dir=folder)
    assert r.returncode == 0, r.stderr
    return folder


def test_check_passes_after_demo(street):
    r = yichao("check", data_dir=street)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "失败" not in r.stdout


def test_list_people_json_masks_identity_numbers(street):
    r = yichao("list", "people", "--json", data_dir=street)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 300
    assert all(row["uid"] for row in rows)
    assert all(re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", row["id_number"]) for row in rows)


def test_refusals_exit_1_with_one_line_and_usage_errors_exit_2(tmp_path, street):
    pw = tmp_path / "pw"
    pw.write_text("secret123", encoding="utf-8")
    r = yichao("init", "--role", "street", "--code", "3701", "--name", "x", "--admin", "a", "--password-file", str(pw),
               data_dir=tmp_path / "bad")
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "9位数字" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "bad" / "yichao.db").exists()
    r = yichao("list", "nothing", data_dir=street)
    assert r.returncode == 2
    r = yichao("check", data_dir=tmp_path / "missing")
    assert r.returncode == 1 and "yichao init" in r.stderr


def test_backup_and_restore_round_trip(street, tmp_path):
    r = yichao("backup", str(tmp_path / "bk"), data_dir=street)
    assert r.returncode == 0, r.stderr
    backup = Path(r.stdout.strip())
    assert backup.exists()
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"not a database")
    r = yichao("restore", str(corrupt), data_dir=street)
    assert r.returncode == 1 and "不能用这个文件恢复" in r.stderr
    r = yichao("restore", str(backup), data_dir=street)
    assert r.returncode == 0, r.stderr
    assert yichao("check", data_dir=street).returncode == 0


def test_gui_screenshot_shows_the_main_window(street, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("secret123", encoding="utf-8")
    shot = tmp_path / "main.png"
    r = yichao("gui", "--user", "admin", "--password-file", str(pw), "--screenshot", str(shot), data_dir=street)
    assert r.returncode == 0, r.stderr
    assert shot.stat().st_size > 10_000
    r = yichao(
        "gui", "--user", "admin", "--password-file", str(pw), "--screenshot", str(shot), data_dir=tmp_path / "no"
    )
    assert r.returncode == 1


def test_help_lists_every_contract_command():
    r = yichao("--help")
    assert r.returncode == 0
    for command in ("init", "gui", "demo", "list", "backup", "restore", "check"):
        assert command in r.stdout


def test_demo_refuses_a_folder_that_already_has_residents(street):
    before = yichao("list", "people", "--json", data_dir=street).stdout.count("\n")
    r = yichao("demo", "--residents", "10", data_dir=street)
    assert r.returncode == 1 and "演示数据只能生成在新建的数据文件夹里" in r.stderr
    assert yichao("list", "people", "--json", data_dir=street).stdout.count("\n") == before
