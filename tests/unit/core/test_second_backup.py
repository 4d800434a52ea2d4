"""Backups to a second location (issue 20 point 4): the setting, when it runs, and what happens
when the USB stick is not plugged in."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import PASSWORD
from yichao.app.core import UserError, list_backups, run_second_backup, second_backup_due, update_settings
from yichao.app.core.second_backup import ABSENT, DONE, NOT_DUE, OFF


def test_off_until_a_folder_is_set(workspace) -> None:
    assert not second_backup_due(workspace)
    assert run_second_backup(workspace).status == OFF


def test_a_copy_when_due_then_not_again_until_the_interval_has_passed(workspace, tmp_path) -> None:
    stick = tmp_path / "E" / "益巢备份"
    stick.mkdir(parents=True)
    update_settings(workspace, {"backup_second_dir": str(stick), "backup_second_every_days": 2})
    keys = workspace.data_dir / "keys"
    keys.mkdir(exist_ok=True)
    (keys / "certificate.key").write_bytes(b"k" * 32)
    assert second_backup_due(workspace)
    result = run_second_backup(workspace)
    assert result.status == DONE and result.path is not None and result.path.parent == stick
    assert (stick / "keys" / "certificate.key").exists()  # the stick alone can restore the site
    assert run_second_backup(workspace).status == NOT_DUE
    later = datetime.now() + timedelta(days=2)
    assert second_backup_due(workspace, later)
    assert run_second_backup(workspace, now=later).status == DONE
    assert len(list_backups(stick)) == 2


def test_the_stick_not_plugged_in_makes_nothing_anywhere(workspace, tmp_path) -> None:
    mount_point = tmp_path / "media" / "usb"  # an empty mount point: the stick is not in
    mount_point.mkdir(parents=True)
    stick = mount_point / "益巢备份"
    update_settings(workspace, {"backup_second_dir": str(stick)})
    result = run_second_backup(workspace)
    assert result.status == ABSENT and result.absent
    assert "U盘没有插上" in result.message and "\n" not in result.message
    assert not stick.exists() and list(mount_point.iterdir()) == []
    assert second_backup_due(workspace)  # tried again at the next close
    stick.mkdir()  # plugged in
    assert run_second_backup(workspace).status == DONE


@pytest.mark.parametrize("folder, message", [("relative\\dir", "完整路径"), ("INSIDE", "不能在数据文件夹里面")])
def test_the_setting_refuses_a_folder_that_would_not_protect_anything(workspace, folder, message) -> None:
    if folder == "INSIDE":
        folder = str(workspace.data_dir / "backups2")
    with pytest.raises(UserError, match=message):
        update_settings(workspace, {"backup_second_dir": folder})
    assert workspace.settings.get("backup_second_dir") == ""


def test_the_cli_for_the_task_scheduler(workspace, tmp_path) -> None:
    stick = tmp_path / "stick"
    update_settings(workspace, {"backup_second_dir": str(stick)})
    folder = workspace.data_dir
    workspace.close()
    password = tmp_path / "pw.txt"  # the scheduled task signs in like any command (YICHAO_USER/_PASSWORD_FILE)
    password.write_text(PASSWORD, encoding="utf-8")
    env = {**os.environ, "YICHAO_USER": "admin", "YICHAO_PASSWORD_FILE": str(password)}
    env_cmd = ["yichao", "--data-dir", str(folder), "backup", "--second"]
    r = subprocess.run(env_cmd, capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 1 and "现在不可用" in r.stderr and "Traceback" not in r.stderr
    stick.mkdir()
    r = subprocess.run(env_cmd, capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert Path(r.stdout.strip()).parent == stick
