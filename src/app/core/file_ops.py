"""Replacing a file on Windows, where antivirus, the search indexer or a backup tool may hold it.

``os.replace`` fails there with PermissionError (WinError 5 or 32) for a few hundred milliseconds
after a file was written or opened; the same call a moment later succeeds. Every place that swaps a
file into place (restore, settings, keys) goes through :func:`replace_with_retry`, which waits and
tries again, and turns what still fails into one sentence.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from yichao.app.core.errors import UserError

# WinError 5 (access denied), 32 (in use by another process), 33 (locked region)
_SHARING_ERRORS = {5, 32, 33}
DELAYS: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.5, 2.0)  # about 6 s in all


def is_transient(exc: OSError) -> bool:
    """True for the errors another process holding the file causes (worth waiting for)."""
    if isinstance(exc, PermissionError):
        return True
    return getattr(exc, "winerror", None) in _SHARING_ERRORS


def replace_with_retry(
    source: str | Path,
    target: str | Path,
    delays: tuple[float, ...] = DELAYS,
    sleep: Callable[[float], None] = time.sleep,
    replace: Callable[[str | Path, str | Path], None] = os.replace,
) -> None:
    """Atomically move ``source`` over ``target``, waiting out another program's short hold.

    Raises :class:`UserError` (one sentence) when it still fails; ``source`` is then left as it
    was for the caller to remove, ``target`` untouched.
    """
    for attempt in range(len(delays) + 1):
        try:
            replace(source, target)
            return
        except OSError as exc:
            if not is_transient(exc) or attempt == len(delays):
                raise UserError(describe_os_error(exc, f"无法替换文件 {Path(target).name}")) from exc
            sleep(delays[attempt])


def remove_quietly(path: str | Path) -> bool:
    """Delete a file if it can be deleted now; True when it is gone (used for leftovers)."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        return False
    return True


def describe_os_error(exc: OSError, doing: str) -> str:
    """One sentence for a failed file operation: what was being done, why it failed, what to do."""
    if is_transient(exc):
        why = "文件正被其他程序占用（可能是杀毒软件、备份工具或另一个益巢窗口）"
        advice = "请稍等片刻，关闭其他程序后重试"
    elif isinstance(exc, FileNotFoundError):
        why, advice = "找不到文件或文件夹", "请检查路径是否正确"
    elif getattr(exc, "errno", None) == 28:  # ENOSPC
        why, advice = "磁盘已满", "请腾出空间后重试"
    else:
        why, advice = (exc.strerror or str(exc)), "请检查文件夹是否可写"
    return f"{doing}：{why}。{advice}。"
