"""Replacing a file on Windows, where antivirus, the search indexer or a backup tool may hold it.

``os.replace`` fails there with PermissionError (WinError 5 or 32) for a few hundred milliseconds
after a file was written or opened; the same call a moment later succeeds. Every place that swaps a
file into place (restore, settings, keys, exports, certificate PDFs, attachments) goes through
:func:`replace_with_retry`, which waits and tries again, and turns what still fails into one sentence.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from yichao.app.core.errors import UserError

# WinError 5 (access denied), 32 (in use by another process), 33 (locked region)
T = TypeVar("T")

_SHARING_ERRORS = {5, 32, 33}
DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.5, 2.0)  # about 6 s in all


def is_transient(exc: OSError) -> bool:
    """True for the errors another process holding the file causes (worth waiting for)."""
    if isinstance(exc, PermissionError):
        return True
    return getattr(exc, "winerror", None) in _SHARING_ERRORS


def retry_transient(
    action: Callable[[], T],
    doing: str,
    delays: tuple[float, ...] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> T:
    """Run a file ``action``, waiting out another program's short hold; what still fails (or
    fails for another reason) becomes a :class:`UserError` whose sentence starts with ``doing``."""
    waits = DELAYS if delays is None else delays
    for attempt in range(len(waits) + 1):
        try:
            return action()
        except OSError as exc:
            if not is_transient(exc) or attempt == len(waits):
                raise UserError(describe_os_error(exc, doing)) from exc
            (sleep or time.sleep)(waits[attempt])
    raise AssertionError("unreachable")  # pragma: no cover


def replace_with_retry(
    source: str | Path,
    target: str | Path,
    delays: tuple[float, ...] | None = None,
    sleep: Callable[[float], None] | None = None,
    replace: Callable[[str | Path, str | Path], None] | None = None,
) -> None:
    """Atomically move ``source`` over ``target``, waiting out another program's short hold.

    Raises :class:`UserError` (one sentence) when it still fails; ``source`` is then left as it
    was for the caller to remove, ``target`` untouched.
    """
    move = replace or os.replace  # looked up now, so a test can stand in for the antivirus
    retry_transient(lambda: move(source, target), f"无法替换文件 {Path(target).name}", delays, sleep)


def remove_with_retry(path: str | Path, delays: tuple[float, ...] | None = None,
                      sleep: Callable[[float], None] | None = None) -> None:
    """Delete a file (if it exists), waiting out another program's short hold."""
    retry_transient(lambda: Path(path).unlink(missing_ok=True), f"无法删除文件 {Path(path).name}", delays, sleep)


def copy_with_retry(source: str | Path, target: str | Path, delays: tuple[float, ...] | None = None,
                    sleep: Callable[[float], None] | None = None) -> None:
    """Copy ``source`` to ``target`` and flush it to disk, so a power cut cannot leave half a file
    that a later replace would put in place."""

    def copy() -> None:
        with open(source, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())

    retry_transient(copy, f"无法复制文件 {Path(source).name}", delays, sleep)


def remove_quietly(path: str | Path) -> bool:
    """Delete a file if it can be deleted now; True when it is gone (used for leftovers)."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def describe_os_error(exc: OSError, doing: str) -> str:
    """One sentence for a failed file operation: what was being done, why it failed, what to do."""
    if getattr(exc, "winerror", None) in (32, 33):
        why = "文件正被其他程序占用（可能是杀毒软件、备份工具或另一个益巢窗口）"
        advice = "请稍等片刻，关闭其他程序后重试"
    elif is_transient(exc):  # Windows says "access denied" both for a held file and for missing rights
        why = "文件正被其他程序占用（可能是杀毒软件或备份工具），或者没有写入权限"
        advice = "请稍等片刻后重试；仍不行时请检查文件夹的权限"
    elif isinstance(exc, FileNotFoundError):
        why, advice = "找不到文件或文件夹", "请检查路径是否正确"
    elif getattr(exc, "errno", None) == 28:  # ENOSPC
        why, advice = "磁盘已满", "请腾出空间后重试"
    else:
        why, advice = (exc.strerror or str(exc)), "请检查文件夹是否可写"
    return f"{doing}：{why}。{advice}。"
