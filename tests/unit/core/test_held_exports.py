"""Exports and small files swapped into place on Windows (issue 20 point 3): antivirus holds a
fresh file for a moment, Excel or a PDF viewer holds the old one for good, a stick may be full or
gone. The swap waits, or the clerk reads one sentence and no half file is left."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from yichao.app.core import Settings, UserError
from yichao.app.core.excel import Column, write_xlsx
from yichao.app.pdf.tables import build, para


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("yichao.app.core.file_ops.DELAYS", (0.0,) * 8)


def _held(monkeypatch: pytest.MonkeyPatch, name: str, times: int) -> list[str]:
    real, calls = os.replace, []

    def replace(src, dst):
        if Path(dst).name == name:
            calls.append(str(dst))
            if len(calls) <= times:
                raise PermissionError(13, "The process cannot access the file", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith((".part", ".tmp"))]


def test_an_export_the_antivirus_holds_twice_is_written(tmp_path, monkeypatch):
    calls = _held(monkeypatch, "组织.xlsx", 2)
    assert write_xlsx(tmp_path / "组织.xlsx", [Column("name", "名称")], [{"name": "夕阳情艺术团"}]) == 1
    assert len(calls) == 3 and (tmp_path / "组织.xlsx").stat().st_size > 0 and _parts(tmp_path) == []


def test_an_export_over_a_workbook_open_in_excel_is_one_sentence(tmp_path, monkeypatch):
    target = tmp_path / "组织.xlsx"
    target.write_bytes(b"the clerk's open workbook")
    _held(monkeypatch, "组织.xlsx", 100)
    with pytest.raises(UserError, match="Excel") as caught:
        write_xlsx(target, [Column("name", "名称")], [{"name": "夕阳情艺术团"}])
    assert "占用" in caught.value.message and "\n" not in caught.value.message
    assert target.read_bytes() == b"the clerk's open workbook" and _parts(tmp_path) == []


def test_a_report_pdf_open_in_a_viewer_is_one_sentence(tmp_path, monkeypatch):
    target = tmp_path / "报表.pdf"
    _held(monkeypatch, "报表.pdf", 100)
    with pytest.raises(UserError, match="占用") as caught:
        build(target, [para("统计报表")], title="报表")
    assert "报表.pdf" in caught.value.message and not target.exists() and _parts(tmp_path) == []


def test_settings_wait_for_the_antivirus_and_say_one_sentence_when_they_cannot_be_saved(tmp_path, monkeypatch):
    calls = _held(monkeypatch, "settings.json", 2)
    settings = Settings(tmp_path)
    settings.set("language", "en")
    assert len(calls) == 3
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8")) == {"language": "en"}
    gone = Settings(tmp_path / "pulled-stick")  # the folder is not there any more
    with pytest.raises(UserError):
        gone.set("language", "zh_CN")



@pytest.mark.parametrize("made", ["data.key", "pc.key"])
def test_keys_made_on_first_use_wait_for_the_antivirus(tmp_path, monkeypatch, made):
    from yichao.app.core.datakey import load_data_key
    from yichao.app.core.vault import new_pc_key

    calls = _held(monkeypatch, made, 2)
    key = load_data_key(tmp_path) if made == "data.key" else new_pc_key(tmp_path)
    assert len(calls) == 3 and len(key) in (32, 64)  # the PC key, the AES-SIV data key
    assert not list((tmp_path / "keys").glob("*.part"))
