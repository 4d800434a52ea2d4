"""settings.json edited by hand on Windows (issue 20 point 2): Notepad's BOM or UTF-16 loses nothing."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from yichao.app.core import Settings

URL = "postgresql+psycopg://yichao:口令@192.168.1.10:5432/yichao"


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),  # Notepad "UTF-8 with BOM"
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),  # Notepad "Unicode"
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le", "utf16be"],
)
def test_a_hand_edited_settings_file_keeps_the_database_address(tmp_path: Path, encode) -> None:
    text = json.dumps({"database_url": URL, "language": "zh_CN"}, ensure_ascii=False, indent=2).replace("\n", "\r\n")
    (tmp_path / "settings.json").write_bytes(encode(text))
    settings = Settings(tmp_path)
    assert settings.get("database_url") == URL
    settings.set("language", "en")  # written back as plain UTF-8, the address still there
    again = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert again == {"database_url": URL, "language": "en"}
