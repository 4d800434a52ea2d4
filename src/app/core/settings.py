"""Settings declared once, with types and defaults (after Picard's options.py).

Stored as ``settings.json`` in the data folder: per-PC things such as the language, a database URL
for the district's PostgreSQL, or the passbook printer's calibration offset. Support staff may edit
it in Notepad, which can save it with a byte-order mark or as UTF-16: it is read as any small text
file a Windows tool wrote (:func:`yichao.app.core.textfiles.decode_text`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from yichao.app.core.atomic import write_atomic
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
        if self.path.exists():
            try:
                self._values = json.loads(decode_text(self.path.read_bytes()) or "")
            except (OSError, ValueError):
                self._values = {}

    def get(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        return OPTIONS[key].default if key in OPTIONS else None

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value
        self.save()

    def save(self) -> None:
        # whole or not at all, waiting out antivirus; a failure is one sentence (UserError)
        write_atomic(self.path, json.dumps(self._values, ensure_ascii=False, indent=2).encode("utf-8"))
