"""`yichao restore FILE` onto a damaged database, and while another Yichao holds the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from yichao.app.core.instance_lock import InstanceLock

from .cli import init_street, yichao


@pytest.fixture
def street(tmp_path: Path) -> Path:
    folder = tmp_path / "street"
    init_street(folder)
    return folder


def test_restore_onto_a_damaged_database_works_and_keeps_the_damaged_file(street, tmp_path):
    r = yichao("backup", str(tmp_path / "usb"), data_dir=street)
    assert r.returncode == 0, r.stderr
    backup = Path(r.stdout.strip())
    damaged = b"\x00garbage" * 512
    (street / "yichao.db").write_bytes(damaged)
    assert yichao("check", data_dir=street).returncode == 1
    r = yichao("restore", str(backup), data_dir=street)
    assert r.returncode == 0, r.stderr
    assert "原样移到备份文件夹" in r.stdout
    kept = list((street / "backups").glob("damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert yichao("check", data_dir=street).returncode == 0


def test_restore_while_another_yichao_has_the_folder_changes_nothing(street, tmp_path):
    r = yichao("backup", str(tmp_path / "usb"), data_dir=street)
    backup = Path(r.stdout.strip())
    before = (street / "yichao.db").read_bytes()
    lock = InstanceLock(street)
    lock.acquire()
    try:
        r = yichao("restore", str(backup), data_dir=street)
    finally:
        lock.release()
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "已经在使用这个数据文件夹" in r.stderr
    assert (street / "yichao.db").read_bytes() == before


def test_a_backup_from_a_newer_yichao_is_one_sentence(street, tmp_path):
    import sqlite3

    r = yichao("backup", str(tmp_path / "usb"), data_dir=street)
    backup = Path(r.stdout.strip())
    con = sqlite3.connect(backup)
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    r = yichao("restore", str(backup), data_dir=street)
    assert r.returncode == 1 and "更新版本" in r.stderr and "Traceback" not in r.stderr
