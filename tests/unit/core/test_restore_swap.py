"""How a restore swaps the database file on Windows (issue 20 point 3): it waits for background
work, holds the instance lock, waits out antivirus, and either finishes or changes nothing."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from yichao.app.core import InstanceLock, UserError, maintenance
from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.paths import db_path
from yichao.app.core.restore import restore_database
from yichao.app.core.workspace import Workspace, open_workspace


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("yichao.app.core.file_ops.DELAYS", (0.0,) * 8)


def _names(folder: Path) -> list[str]:
    ws = open_workspace(folder)
    try:
        return [c.name for c in list_communities(ws)]
    finally:
        ws.close()


def _backup_then_change(ws: Workspace) -> Path:
    add_community(ws, "燕山社区")
    backup = maintenance.make_backup(ws)
    add_community(ws, "千佛山社区")
    return backup


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".restoring"))


def test_a_replace_the_antivirus_holds_twice_then_succeeds(workspace, monkeypatch, no_waiting):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()
    real, calls = os.replace, []

    def held(src, dst):
        if Path(dst).name == "yichao.db":  # the swap itself (the safety backup is renamed too)
            calls.append(dst)
            if len(calls) <= 2:
                raise PermissionError(13, "The process cannot access the file because it is being used", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", held)
    restore_database(folder, backup)
    monkeypatch.setattr(os, "replace", real)
    assert len(calls) == 3
    assert _names(folder) == ["燕山社区"]
    assert _leftovers(folder) == []


def test_a_replace_that_never_succeeds_is_one_sentence_and_changes_nothing(workspace, monkeypatch, no_waiting):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()

    def held(src, dst):
        raise PermissionError(13, "being used by another process", str(dst))

    monkeypatch.setattr(os, "replace", held)
    with pytest.raises(UserError) as caught:
        restore_database(folder, backup)
    monkeypatch.undo()
    assert caught.value.message.startswith("恢复没有完成，原数据库未被改动。")
    assert "占用" in caught.value.message and "\n" not in caught.value.message
    assert sorted(_names(folder)) == sorted(["燕山社区", "千佛山社区"])
    assert _leftovers(folder) == []


def test_a_full_disk_while_copying_changes_nothing(workspace, monkeypatch):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()
    before = db_path(folder).read_bytes()
    import yichao.app.core.file_ops as file_ops

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(file_ops.shutil, "copyfileobj", full)
    with pytest.raises(UserError, match="磁盘已满"):
        restore_database(folder, backup)
    monkeypatch.undo()
    assert db_path(folder).read_bytes() == before
    assert _leftovers(folder) == []


def test_restore_refuses_while_another_yichao_holds_the_folder(workspace, tmp_path):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()
    other = InstanceLock(folder)
    other.acquire()
    try:
        with pytest.raises(UserError, match="已经在使用这个数据文件夹"):
            restore_database(folder, backup)
    finally:
        other.release()
    assert sorted(_names(folder)) == sorted(["燕山社区", "千佛山社区"])


def test_restore_from_the_open_window_waits_for_a_worker_then_swaps(workspace):
    backup = _backup_then_change(workspace)
    started, finished = threading.Event(), []

    def worker() -> None:  # e.g. the dashboard counting on its thread
        with workspace.read():
            started.set()
            time.sleep(0.4)
        finished.append(time.monotonic())

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    maintenance.restore_backup(workspace, backup)
    restored_at = time.monotonic()
    thread.join()
    assert finished and finished[0] <= restored_at
    folder = workspace.data_dir
    workspace.close()
    assert _names(folder) == ["燕山社区"]


def test_a_worker_that_does_not_finish_in_time_is_one_sentence_and_the_workspace_still_works(workspace):
    release = threading.Event()
    started = threading.Event()

    def worker() -> None:
        with workspace.read():
            started.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    started.wait()
    try:
        with pytest.raises(UserError, match="后台任务仍在运行"):
            with workspace.exclusive(timeout=0.1):
                pass
    finally:
        release.set()
        thread.join()
    add_community(workspace, "燕山社区")
    assert [c.name for c in list_communities(workspace)] == ["燕山社区"]


def test_a_damaged_database_moved_aside_goes_back_when_the_swap_fails(workspace, monkeypatch, no_waiting):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()
    damaged = b"SQLite format 3\x00" + b"\x07" * 5000  # the header, then nothing SQLite can read
    db_path(folder).write_bytes(damaged)

    def held(src, dst):
        if Path(dst).name == "yichao.db":
            raise PermissionError(13, "being used by another process", str(dst))
        os.replace(src, dst)

    monkeypatch.setattr("yichao.app.core.file_ops.os.replace", held)
    with pytest.raises(UserError, match="占用") as caught:
        restore_database(folder, backup)
    monkeypatch.undo()
    assert caught.value.message.startswith("恢复没有完成，原数据库未被改动。")
    assert db_path(folder).read_bytes() == damaged  # back where it was, not left in the backups folder
    assert not list((folder / "backups").glob("damaged-*"))
    assert _leftovers(folder) == []


@pytest.mark.parametrize("step", ["_upgrade", "_bump_sync_counters"])
def test_a_full_disk_while_working_on_the_copy_is_one_sentence_and_changes_nothing(workspace, monkeypatch, step):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from yichao.app.core import restore

    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()
    before = db_path(folder).read_bytes()
    full = sqlite3.OperationalError("database or disk is full")

    def fails(*args, **kwargs):  # the upgrade goes through SQLAlchemy, the carry through sqlite3
        raise OperationalError("UPDATE ...", {}, full) if step == "_upgrade" else full

    monkeypatch.setattr(restore, step, fails)
    with pytest.raises(UserError) as caught:
        restore_database(folder, backup)
    monkeypatch.undo()
    assert caught.value.message.startswith("恢复没有完成，原数据库未被改动。") and "磁盘已满" in caught.value.message
    assert "\n" not in caught.value.message and "UPDATE" not in caught.value.message
    assert db_path(folder).read_bytes() == before
    assert _leftovers(folder) == []


def test_a_folder_whose_lock_file_cannot_be_made_is_one_sentence(workspace, monkeypatch):
    backup = _backup_then_change(workspace)
    folder = workspace.data_dir
    workspace.close()

    def denied(self):
        raise PermissionError(13, "Access is denied", str(folder / "yichao.lock"))

    monkeypatch.setattr(InstanceLock, "acquire", denied)
    with pytest.raises(UserError, match="恢复没有完成") as caught:
        restore_database(folder, backup)
    monkeypatch.undo()
    assert "权限" in caught.value.message
    assert sorted(_names(folder)) == sorted(["燕山社区", "千佛山社区"])


def test_the_working_copy_of_a_restore_killed_half_way_goes_at_the_next_opening(workspace):
    """A power cut during a restore leaves yichao.restoring (a whole copy of a database, personal
    data in it); the next start that takes the folder's lock removes it."""
    folder = workspace.data_dir
    add_community(workspace, "燕山社区")
    workspace.close()
    for name in ("yichao.restoring", "yichao.restoring-journal"):
        (folder / name).write_bytes(b"half a copy")
    assert _leftovers(folder) == ["yichao.restoring"]
    assert _names(folder) == ["燕山社区"]  # opening the folder sweeps it
    assert _leftovers(folder) == [] and not (folder / "yichao.restoring-journal").exists()
