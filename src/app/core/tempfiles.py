"""One temporary folder per run of Yichao, removed when the run ends or at a later start.

Attachment copies handed to the system viewer (identity-card scans among them), print previews and
report PDFs all go into ``%TEMP%\\yichao-run-XXXX``. The run holds a lock file inside its folder;
:func:`sweep_stale_temp` removes every such folder whose lock nobody holds any more (a run that crashed,
or whose viewer kept a file open at exit), and the folders older versions left behind.

Copies handed to a viewer (:func:`viewer_file`) do not wait for the end of the run: the GUI calls
:func:`sweep_viewer_copies` every few minutes, which removes every such copy a few minutes old that
no program holds any more (on Windows a viewer's open file cannot be deleted), so an ID scan stays
on disk about as long as its viewer is open.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import threading
import time
from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.filenames import safe_filename
from yichao.app.core.instance_lock import InstanceLock

RUN_PREFIX = "yichao-run-"
VIEWER_PREFIX = "view-"  # the sub-folders of copies handed to a viewer
VIEWER_MIN_AGE = 120.0  # seconds a viewer gets to open its copy before a sweep may take it
# what versions before one folder per run left in %TEMP% (removed once a day old)
_LEGACY = ("yichao-attachments", "yichao-passbook-*", "yichao-????????")
_LEGACY_AGE = 24 * 3600

_lock = threading.Lock()
_run: tuple[Path, InstanceLock] | None = None
_counter = itertools.count(1)


def run_temp_dir(base: Path | None = None) -> Path:
    """This run's temporary folder, made (and locked) on first use."""
    global _run
    with _lock:
        if _run is None:
            try:
                folder = Path(tempfile.mkdtemp(prefix=RUN_PREFIX, dir=base))
                lock = InstanceLock(folder)
                lock.acquire()
            except OSError as exc:
                raise UserError(f"无法创建临时文件夹：{exc.strerror or exc}。请检查磁盘空间。") from exc
            _run = (folder, lock)
        return _run[0]


def temp_file(name: str, suffix: str = "", key: str | None = None, tail: str = "") -> Path:
    """A path for a temporary file named after ``name`` (sanitised; ``tail`` as in
    :func:`safe_filename`), in a folder of its own so two files of the same name never clash; the
    same ``key`` gives the same folder (reopening a file)."""
    sub = safe_filename(key, max_stem=40) if key else f"{next(_counter):04d}"
    folder = run_temp_dir() / sub
    folder.mkdir(exist_ok=True)
    return folder / safe_filename(name, suffix, tail=tail)


def viewer_file(name: str, suffix: str, key: str) -> Path:
    """A path for a copy handed to the system viewer (same ``key``, same folder), swept by
    :func:`sweep_viewer_copies` once the viewer lets it go."""
    return temp_file(name, suffix, key=VIEWER_PREFIX + key)


def sweep_viewer_copies(min_age: float = VIEWER_MIN_AGE, now: float | None = None) -> int:
    """Remove this run's viewer copies older than ``min_age`` seconds that nothing holds; returns how
    many. A held file (a viewer still shows it) is left for a later sweep, the exit or the next start."""
    with _lock:
        folder = _run[0] if _run else None
    if folder is None:
        return 0
    moment = time.time() if now is None else now
    removed = 0
    for sub in folder.glob(VIEWER_PREFIX + "*"):
        for copy in sub.iterdir():
            try:
                if moment - copy.stat().st_mtime < min_age:
                    continue
                copy.unlink()
            except OSError:  # held by its viewer (Windows), or gone already
                continue
            removed += 1
        try:
            sub.rmdir()  # only when empty
        except OSError:
            pass
    return removed


def cleanup_run_temp() -> bool:
    """Remove this run's folder (at exit). False when a viewer still holds a file in it; the next
    start's :func:`sweep_stale_temp` removes it then."""
    global _run
    with _lock:
        if _run is None:
            return True
        folder, lock = _run
        _run = None
    lock.release()
    shutil.rmtree(folder, ignore_errors=True)
    return not folder.exists()


def sweep_stale_temp(base: Path | None = None, now: float | None = None) -> int:
    """Remove the temporary folders of runs that have ended; returns how many were removed."""
    root = Path(base or tempfile.gettempdir())
    current = _run[0] if _run else None
    removed = 0
    for folder in root.glob(RUN_PREFIX + "*"):
        if folder == current or not folder.is_dir():
            continue
        lock = InstanceLock(folder)
        try:
            lock.acquire()  # succeeds only when the run that made it is gone
        except (UserError, OSError):
            continue
        lock.release()
        removed += _remove(folder)
    moment = time.time() if now is None else now
    for pattern in _LEGACY:
        for folder in root.glob(pattern):
            try:
                old = folder.is_dir() and moment - folder.stat().st_mtime > _LEGACY_AGE
            except OSError:
                continue
            if old:
                removed += _remove(folder)
    return removed


def _remove(folder: Path) -> int:
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if folder.exists() else 1
