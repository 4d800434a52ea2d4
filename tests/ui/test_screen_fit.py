"""A 1366×768 laptop less its taskbar (1366×728): the main window opens maximized inside it, and
every page and every dialog fits (issue 16 point 5). Measured in a separate Qt process whose
offscreen screen is that size (``tests/ui/fit_probe.py``)."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWizard

import yichao.ui
from yichao.app.core.workspace import CLI_USER

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 728)
# bases that are never shown themselves
ABSTRACT = {"_Base", "_RecordDialog"}


def _ui_dialogs() -> set[str]:
    """Every dialog class defined in yichao.ui."""
    names = set()
    for info in pkgutil.walk_packages(yichao.ui.__path__, "yichao.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, (QDialog, QWizard)) and cls.__module__ == info.name:
                names.add(name)
    return names - ABSTRACT


@pytest.fixture
def measured(workspace, tmp_path) -> dict:
    from yichao.app.demo import run_demo

    workspace.user = CLI_USER
    run_demo(workspace, residents=60, seed=3)
    data_dir = workspace.data_dir
    workspace.close()
    (data_dir / "yichao.lock").unlink(missing_ok=True)
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "clerk", "x": 0, "y": 0, "width": SCREEN[0],
                                               "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-m", "tests.ui.fit_probe", str(data_dir)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _fits(size: list[int]) -> bool:
    return size[0] <= SCREEN[0] and size[1] <= SCREEN[1]


def test_every_window_and_dialog_fits_a_small_laptop(measured) -> None:
    assert measured["screen"] == list(SCREEN)
    main = measured["main_window"]
    assert main["maximized"] and main["frame"] == [0, 0, *SCREEN]  # first start: the whole screen
    assert measured["errors"] == {}
    too_big = {name: m for name, m in {**measured["pages"], **measured["dialogs"]}.items()
               if not _fits(m["frame"][2:]) or not _fits(m["minimum"])}
    assert too_big == {}
    # on screen, not hanging off it
    assert [n for n, m in measured["dialogs"].items() if m["frame"][0] < 0 or m["frame"][1] < 0
            or m["frame"][0] + m["frame"][2] > SCREEN[0] or m["frame"][1] + m["frame"][3] > SCREEN[1]] == []
    # the PDF preview asks for more than the screen has and is fitted
    assert measured["dialogs"]["PdfPreviewDialog"]["frame"][3] <= SCREEN[1]
    missing = _ui_dialogs() - set(measured["dialogs"])
    assert missing == set(), f"add these dialogs to tests/ui/fit_probe.py: {sorted(missing)}"
