"""settings.json edited by hand on Windows (issue 20 point 2): Notepad's BOM or UTF-16 loses nothing."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from yichao.app.cli import main
from yichao.app.core import Settings, UserError, open_workspace
from yichao.ui.launch import _is_initialized as launch_is_initialized

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


DAMAGED = '{\r\n  "database_url": "' + URL + '"\r\n  "pc_id": "pc-7"\r\n}'  # Notepad lost a comma


def test_a_damaged_settings_file_is_said_and_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_bytes(DAMAGED.encode("utf-8"))
    before = (tmp_path / "settings.json").read_bytes()
    settings = Settings(tmp_path)
    assert settings.damaged and "第 3 行" in (settings.problem or "")
    with pytest.raises(UserError, match="益巢没有改动它"):
        settings.set("language", "en")
    assert (tmp_path / "settings.json").read_bytes() == before


@pytest.mark.parametrize("text", ["[1, 2]", "\ufffe\x00garbage", '"just a string"'])
def test_a_settings_file_that_is_no_object_is_damaged(tmp_path: Path, text: str) -> None:
    (tmp_path / "settings.json").write_text(text, encoding="utf-8")
    assert Settings(tmp_path).damaged


def test_a_folder_with_a_damaged_settings_file_refuses_to_open_and_keeps_it(
        workspace, tmp_path: Path, capsys) -> None:
    """A street PC: the CLI says the settings file's fault (not "run init"), changes nothing; renamed, it opens."""
    folder = workspace.data_dir
    workspace.close()
    (folder / "settings.json").write_bytes(DAMAGED.encode("utf-8"))
    pw = tmp_path / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    args = ["--data-dir", str(folder), "--user", "admin", "--password-file", str(pw)]
    assert main([*args, "list", "people"]) == 1
    err = capsys.readouterr().err
    assert "settings.json 第 3 行第 3 列有错误" in err and "yichao init" not in err
    assert (folder / "settings.json").read_bytes() == DAMAGED.encode("utf-8")
    with pytest.raises(UserError, match="settings.json"):
        open_workspace(folder)
    (folder / "settings.json").rename(folder / "settings-坏.json")
    assert main([*args, "list", "people"]) == 0


def test_a_district_pc_whose_settings_file_is_damaged_is_not_a_new_site(tmp_path: Path, capsys) -> None:
    """No yichao.db here (the data is on the district's server): not the first-run wizard, not init."""
    (tmp_path / "settings.json").write_bytes(DAMAGED.encode("utf-8"))
    assert launch_is_initialized(tmp_path)
    pw = tmp_path / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path), "--user", "admin", "--password-file", str(pw), "list", "orgs"])
    assert code == 1 and "第 3 行第 3 列有错误" in capsys.readouterr().err
    assert (tmp_path / "settings.json").read_bytes() == DAMAGED.encode("utf-8")
