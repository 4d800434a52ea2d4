"""Replacing a file that antivirus holds for a moment (issue 20 point 3)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from yichao.app.core import UserError, replace_with_retry
from yichao.app.core.file_ops import describe_os_error, is_transient


def _held(times: int):
    """An os.replace that fails ``times`` times as if another program held the file."""
    calls = {"n": 0}

    def replace(src: str | Path, dst: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] <= times:
            raise PermissionError(13, "The process cannot access the file", str(dst))
        os.replace(src, dst)

    return replace, calls


def test_a_replace_that_fails_twice_with_permission_error_then_succeeds(tmp_path: Path) -> None:
    src, dst = tmp_path / "new.db", tmp_path / "yichao.db"
    src.write_text("new")
    dst.write_text("old")
    replace, calls = _held(2)
    slept: list[float] = []
    replace_with_retry(src, dst, sleep=slept.append, replace=replace)
    assert dst.read_text() == "new" and not src.exists()
    assert calls["n"] == 3 and len(slept) == 2


def test_a_file_held_for_good_is_one_sentence_and_nothing_moved(tmp_path: Path) -> None:
    src, dst = tmp_path / "new.db", tmp_path / "yichao.db"
    src.write_text("new")
    dst.write_text("old")
    replace, calls = _held(100)
    with pytest.raises(UserError, match="占用") as caught:
        replace_with_retry(src, dst, delays=(0.0, 0.0, 0.0), sleep=lambda s: None, replace=replace)
    assert calls["n"] == 4
    assert "\n" not in caught.value.message
    assert dst.read_text() == "old" and src.read_text() == "new"


def test_an_error_that_waiting_cannot_fix_is_not_retried(tmp_path: Path) -> None:
    slept: list[float] = []
    with pytest.raises(UserError, match="找不到"):
        replace_with_retry(tmp_path / "missing", tmp_path / "x", sleep=slept.append)
    assert slept == []


def test_windows_sharing_violation_counts_as_transient() -> None:
    exc = OSError(0, "in use")
    exc.winerror = 32  # type: ignore[attr-defined]
    assert is_transient(exc)
    assert not is_transient(FileNotFoundError(2, "x"))
    assert "磁盘已满" in describe_os_error(OSError(28, "No space left on device"), "无法写入")
