"""Where data lives (DESIGN.md section 5): a per-user data folder, overridable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import platformdirs

from yichao.models.errors import UserError

DB_FILENAME = "yichao.db"  # the same name as yichao.models.db.DB_FILENAME, kept free of SQLAlchemy

APP_NAME = "Yichao"
ENV_DATA_DIR = "YICHAO_DATA_DIR"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


POINTER_NAME = "data-folder.txt"  # in the default folder: the folder the set-up wizard chose instead


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``YICHAO_DATA_DIR``, then the folder the set-up wizard chose,
    then the platform's user data folder."""
    if data_dir_forced(cli_value):
        return Path(cli_value or os.environ[ENV_DATA_DIR]).expanduser().resolve()
    home = default_data_dir()
    return chosen_data_dir(home) or home


def data_dir_forced(cli_value: str | os.PathLike[str] | None = None) -> bool:
    """True when ``--data-dir`` or ``YICHAO_DATA_DIR`` names the folder (the wizard then keeps it)."""
    return bool(cli_value or os.environ.get(ENV_DATA_DIR))


def chosen_data_dir(home: Path) -> Path | None:
    """The folder the wizard chose, as remembered in ``home``; None when there is none."""
    if (home / DB_FILENAME).exists():
        return None  # data in the default folder always wins over a pointer
    try:
        text = (home / POINTER_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def remember_data_dir(folder: Path, home: Path | None = None) -> None:
    """Make ``folder`` the data folder of every later start (a pointer in the default folder)."""
    home = home or default_data_dir()
    pointer = home / POINTER_NAME
    try:
        if Path(folder).resolve() == home.resolve():
            pointer.unlink(missing_ok=True)
            return
        home.mkdir(parents=True, exist_ok=True)
        tmp = pointer.with_suffix(".tmp")
        tmp.write_text(str(Path(folder).resolve()) + "\n", encoding="utf-8")
        os.replace(tmp, pointer)
    except OSError as exc:
        raise UserError(
            f"无法记住数据文件夹的位置（{exc.strerror or exc}）；以后请用 --data-dir {folder} 启动。"
        ) from exc


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


def blob_path(data_dir: Path, sha256: str) -> Path:
    """Where the bytes of a hash live in a data folder."""
    return attachments_dir(data_dir) / sha256[:2] / sha256


def logs_dir(data_dir: Path) -> Path:
    return data_dir / "logs"


def ensure_writable(data_dir: Path) -> None:
    """Create the data folder and prove it can be written, or say so in one sentence."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"数据文件夹 {data_dir} 无法写入（{exc.strerror or exc}），请换一个可写的位置。") from exc


WORK_PREFIX = ".work-"  # throw-away folders inside the data folder (a demo's shadow copy)
RESTORING_SUFFIX = ".restoring"  # a restore's working copy of the backup, beside the database


def work_folder(data_dir: Path, name: str) -> Path:
    """A folder for work that must not be seen until it is complete; swept at the next opening."""
    return data_dir / f"{WORK_PREFIX}{name}-{os.getpid()}"


def sweep_work_folders(data_dir: Path) -> int:
    """Remove work folders and the working copy of a restore that a killed command (or a power cut)
    left behind (the caller holds the folder's lock)."""
    removed = 0
    for folder in Path(data_dir).glob(f"{WORK_PREFIX}*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    work = db_path(data_dir).with_suffix(RESTORING_SUFFIX)
    for suffix in ("", "-journal", "-wal", "-shm"):
        leftover = Path(str(work) + suffix)
        try:
            if leftover.exists():
                leftover.unlink()
                removed += 1
        except OSError:  # held for a moment (antivirus): the next opening takes it
            continue
    return removed
