"""Settings declared once, with types and defaults (after Picard's options.py).

Stored as ``settings.json`` in the data folder: per-PC things such as the language, a database URL
for the district's PostgreSQL, or the passbook printer's calibration offset. Support staff may edit
it in Notepad, which can save it with a byte-order mark or as UTF-16: it is read as any small text
file a Windows tool wrote (:func:`yichao.app.core.textfiles.decode_text`).

A file Notepad left unreadable (a missing comma) is never taken for an empty one: it may hold a
district PC's database address or this PC's id, so reading it as "no settings" would send a clerk
into the first-run wizard or overwrite the file on the next change. ``problem`` says what is wrong;
``open_workspace`` refuses with it and ``save`` never writes over the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yichao.app.core.atomic import write_atomic
from yichao.app.core.errors import UserError
from yichao.app.core.textfiles import decode_text

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    doc: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("language", "zh_CN", "interface language: zh_CN or en"),
        Option("site_label", "", "the site's name, shown on the login dialog before the database opens"),
        Option("database_url", "", "SQLAlchemy URL; empty means DIR/yichao.db (SQLite)"),
        Option("pc_id", "", "this PC's id among the PCs of one database (made on first use; journaled)"),
        Option("blobs_shared", False, "this folder's attachment files are in the shared database (kept by Yichao)"),
        Option("pc_name", "", "this PC's name as lists and the journal show it (default: the computer name)"),
        Option("backup_keep", 10, "how many automatic backups to keep"),
        Option("backup_second_dir", "", "a second backup folder on another drive or a USB stick; empty: none"),
        Option("backup_second_every_days", 1, "copy a backup there when Yichao closes, at most this often"),
        Option("backup_second_keep", 10, "how many backups to keep in the second folder"),
        Option("backup_second_last", "", "when this PC last copied a backup there (ISO time; kept by Yichao)"),
        Option("attachment_max_mb", 20, "largest attachment accepted, in MB"),
        Option("passbook_offset_x_mm", 0.0, "per-PC passbook printer calibration, right"),
        Option("passbook_offset_y_mm", 0.0, "per-PC passbook printer calibration, down"),
        Option("passbook_print_layout", "", "per PC: '' (each passbook's own model) or e.g. 'a4_template'"),
        Option("certificate_preprinted", False, "print only the variable text on pre-printed paper"),
        Option("certificate_offset_x_mm", 0.0, "per-PC certificate printer calibration, right"),
        Option("certificate_offset_y_mm", 0.0, "per-PC certificate printer calibration, down"),
        Option("certificate_prefix", "", "serial prefix, e.g. DL; empty: initials of the site's name"),
        Option("certificate_center", "", "the center's name printed on certificates"),
        Option("certificate_issuer", "", "the issuer printed on certificates; empty: the center"),
    )
}


class Settings:
    """Typed access to settings.json; unknown keys are kept, missing keys take their default."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self.problem: str | None = None  # the sentence when the file exists but cannot be read
        if self.path.exists():
            self._values, self.problem = _read(self.path)

    def get(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        return OPTIONS[key].default if key in OPTIONS else None

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value
        self.save()

    @property
    def damaged(self) -> bool:
        return self.problem is not None

    def save(self) -> None:
        if self.problem:  # the file's other settings are unknown: never write over them
            raise UserError(self.problem)
        # whole or not at all, waiting out antivirus; a failure is one sentence (UserError)
        write_atomic(self.path, json.dumps(self._values, ensure_ascii=False, indent=2).encode("utf-8"))


def _read(path: Path) -> tuple[dict[str, Any], str | None]:
    """The file's settings, or no settings and the sentence saying why it cannot be read."""
    fix = "益巢没有改动它。请用记事本改正；或把它改名，益巢将按默认设置运行。"
    try:
        values = json.loads(decode_text(path.read_bytes()) or "{}")
    except OSError as exc:
        return {}, f"无法读取设置文件 {path}（{exc.strerror or exc}）。"
    except json.JSONDecodeError as exc:
        return {}, f"设置文件 {path} 第 {exc.lineno} 行第 {exc.colno} 列有错误，{fix}"
    except ValueError:
        return {}, f"设置文件 {path} 不是可以识别的文本文件，{fix}"
    if not isinstance(values, dict):
        return {}, f"设置文件 {path} 的内容应是花括号括起的一组设置，{fix}"
    return values, None
