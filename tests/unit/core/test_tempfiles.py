"""One temporary folder per run, removed at exit or at a later start (issue 20 point 5)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from yichao.app.core import InstanceLock, cleanup_run_temp, run_temp_dir, sweep_stale_temp, temp_file


@pytest.fixture(autouse=True)
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "Temp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    cleanup_run_temp()
    yield root
    cleanup_run_temp()


def test_files_of_a_run_share_one_folder_and_go_with_it(temp_root: Path) -> None:
    a = temp_file("项目：结项报告?", ".pdf")
    b = temp_file("项目：结项报告?", ".pdf")
    assert a != b and a.name == b.name == "项目：结项报告？.pdf"
    assert a.parent.parent == b.parent.parent == run_temp_dir()
    assert [p.name for p in temp_root.iterdir()] == [run_temp_dir().name]
    a.write_bytes(b"%PDF")
    assert temp_file("x", key="abc").parent == temp_file("y", key="abc").parent
    assert cleanup_run_temp()
    assert list(temp_root.iterdir()) == []


def test_a_later_start_removes_what_a_crashed_run_left_but_not_a_live_run(temp_root: Path) -> None:
    crashed = temp_root / "yichao-run-crashed1"
    (crashed / "0001").mkdir(parents=True)
    (crashed / "0001" / "身份证.jpg").write_bytes(b"scan")
    alive = temp_root / "yichao-run-alive123"
    alive.mkdir()
    other = InstanceLock(alive)  # another Yichao window, still running
    other.acquire()
    try:
        mine = temp_file("mine.pdf")
        assert sweep_stale_temp() == 1
        assert not crashed.exists() and alive.exists() and mine.parent.exists()
    finally:
        other.release()


def test_folders_of_older_versions_go_once_a_day_old(temp_root: Path) -> None:
    old = temp_root / "yichao-attachments" / "0123456789abcdef"
    old.mkdir(parents=True)
    (old / "scan.jpg").write_bytes(b"x")
    fresh = temp_root / "yichao-passbook-abcd1234"
    fresh.mkdir()
    unrelated = temp_root / "someone-else"
    unrelated.mkdir()
    day_ago = time.time() - 2 * 24 * 3600
    os.utime(temp_root / "yichao-attachments", (day_ago, day_ago))
    assert sweep_stale_temp() == 1
    assert not (temp_root / "yichao-attachments").exists() and fresh.exists() and unrelated.exists()


def test_an_attachment_copy_lands_in_the_run_folder_and_is_removed_at_exit(workspace, temp_root, tmp_path) -> None:
    from yichao.app.core import add_attachment, attachment_file
    from yichao.app.orgs.profile import OrgInput, create_org

    org = create_org(workspace, OrgInput(name="夕阳情艺术团"))
    source = tmp_path / "身份证 正面.jpg"
    source.write_bytes(b"\xff\xd8scan")
    row = add_attachment(workspace, "organization", org.uid, source)
    copy = attachment_file(workspace, row.uid)
    assert copy.name == "身份证 正面.jpg" and copy.read_bytes() == b"\xff\xd8scan"
    assert run_temp_dir() in copy.parents
    cleanup_run_temp()
    assert not copy.exists()


def test_an_attachment_copy_goes_once_its_viewer_lets_it_go(workspace, temp_root, tmp_path, monkeypatch) -> None:
    """Issue 20: an ID scan opened in the viewer does not wait in %TEMP% for Yichao to close."""
    from yichao.app.core import add_attachment, attachment_file, sweep_viewer_copies
    from yichao.app.orgs.profile import OrgInput, create_org

    org = create_org(workspace, OrgInput(name="夕阳情艺术团"))
    source = tmp_path / "身份证.jpg"
    source.write_bytes(b"\xff\xd8scan")
    copy = attachment_file(workspace, add_attachment(workspace, "organization", org.uid, source).uid)
    preview = temp_file("补登", ".pdf")  # a print preview is not a viewer copy: it stays for the run
    preview.write_bytes(b"%PDF")
    opened = copy.stat().st_mtime
    assert sweep_viewer_copies(now=opened + 30) == 0 and copy.exists()  # the viewer is still starting
    real_unlink = Path.unlink

    def held(self: Path, missing_ok: bool = False) -> None:  # Windows: the viewer has the file open
        if self == copy:
            raise PermissionError(32, "The process cannot access the file", str(self))
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", held)
    assert sweep_viewer_copies(now=opened + 600) == 0 and copy.exists()
    monkeypatch.undo()
    assert sweep_viewer_copies(now=opened + 600) == 1
    assert not copy.exists() and not copy.parent.exists() and preview.exists()
    again = attachment_file(workspace, add_attachment(workspace, "organization", org.uid, source).uid)
    assert again == copy and again.read_bytes() == b"\xff\xd8scan"  # opened again: copied again


def test_no_sweep_before_the_run_has_a_folder(temp_root: Path) -> None:
    from yichao.app.core import sweep_viewer_copies

    assert sweep_viewer_copies(min_age=0) == 0 and list(temp_root.iterdir()) == []


def test_a_temporary_file_after_a_long_hostile_title_keeps_its_words(temp_root: Path) -> None:
    path = temp_file('关爱"空巢"老人：' + "社区微创投" * 60, ".pdf", tail="结项报告")
    assert path.name.endswith("结项报告.pdf") and len(path.name) <= 84 and '"' not in path.name
