"""Where data lives (DESIGN.md section 5): a per-user data folder, overridable."""

from __future__ import annotations

import os
from pathlib import Path

from yichao.models.errors import UserError

DB_FILENAME = "yichao.db"  # the same name as yichao.models.db.DB_FILENAME, kept free of SQLAlchemy

APP_NAME = "Yichao"
ENV_DATA_DIR = "YICHAO_DATA_DIR"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``YICHAO_DATA_DIR``, then the platform's user data folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


def db_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def attachments_dir(data_dir: Path) -> Path:
    return data_dir / "attachments"


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
