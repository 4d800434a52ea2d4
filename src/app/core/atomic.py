"""Files that appear whole or not at all: written under a temporary name, renamed when complete.

A USB stick that fills up half-way through a backup or bundle must leave neither a 0-byte file that
looks like a backup nor a ``.part`` file behind; the caller gets one sentence instead.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import describe_os_error, replace_with_retry

PART = ".part"


def part_path(target: Path) -> Path:
    return target.with_name(target.name + PART)


def disk_message(target: Path, exc: OSError) -> str:
    """One sentence for a failed write: a full disk is named as such (the USB stick is full)."""
    if exc.errno == errno.ENOSPC:
        return f"{target.parent} 所在的磁盘已满，文件没有写入，请换一个有空间的位置。"
    return describe_os_error(exc, f"无法写入 {target.name}")


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; it becomes ``target`` only if the block succeeds.

    On any failure the temporary file is removed, ``target`` is untouched and the error goes on
    (an ``OSError`` for a full disk: :func:`disk_message` words it).
    """
    target = Path(target)
    tmp = part_path(target)
    try:
        yield tmp
        replace_with_retry(tmp, target)  # antivirus may hold a file just written (Windows)
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: Path) -> None:
    """Remove a half-written file and SQLite's rollback journal beside it; a pulled stick is no error."""
    for path in (tmp, tmp.with_name(tmp.name + "-journal")):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` in full (flushed to the device) or not at all."""
    try:
        with atomic_path(target) as tmp:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
    except OSError as exc:
        raise UserError(disk_message(target, exc)) from exc
