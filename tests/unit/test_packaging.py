"""What ships: every sub-package listed, resources present, the zh_CN translation complete."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402


def test_every_source_folder_is_a_listed_package():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"yichao." + ".".join(p.parent.relative_to(ROOT / "src").parts) if p.parent != ROOT / "src" else "yichao"
             for p in (ROOT / "src").rglob("__init__.py")}
    assert found - listed == set()


def test_font_and_license_ship():
    from yichao.resources import CJK_FONT_PATH, FONTS_DIR

    assert CJK_FONT_PATH.stat().st_size > 1_000_000
    license_text = (FONTS_DIR / "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache" in license_text


def test_every_message_is_translated():
    assert i18n.missing() == 0


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate is part of PySide6-Essentials")
def test_every_interface_string_is_in_a_ts_file(tmp_path):
    """lupdate over all of src/ui finds no source text that the shipped .ts files lack."""
    target = tmp_path / "all.ts"
    sources = [str(p) for p in i18n.ui_sources()]
    subprocess.run(["pyside6-lupdate", *sources, "-ts", str(target), "-no-obsolete", "-locations", "none",
                    "-silent"], check=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(target).iter("context")
              for m in c.iter("message")}
    have = {(c.findtext("name"), m.findtext("source")) for ts in i18n.TS_DIR.rglob("*.ts")
            for c in ET.parse(ts).iter("context") for m in c.iter("message")}
    assert sorted(wanted - have) == []


def test_the_shipped_qm_translates_navigation():
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "translations" / "yichao_zh_CN.qm"))
    assert translator.translate("Navigation", "Administration") == "系统管理"


@pytest.mark.skipif(shutil.which("pyside6-lrelease") is None, reason="pyside6-lrelease is part of PySide6-Essentials")
def test_the_shipped_qm_is_the_release_of_the_ts_files(tmp_path):
    """A .qm left behind after a .ts changed (a merge of two branches, say) ships stale Chinese."""
    fresh = tmp_path / "fresh.qm"
    files = [str(p) for p in sorted(i18n.TS_DIR.rglob("*.ts"))]
    subprocess.run(["pyside6-lrelease", *files, "-qm", str(fresh), "-silent"], check=True, capture_output=True)
    shipped = ROOT / "resources" / "translations" / "yichao_zh_CN.qm"
    assert fresh.read_bytes() == shipped.read_bytes(), "run `python tools/i18n.py release` and commit the .qm"
