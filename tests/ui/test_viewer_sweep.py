"""The window sweeps attachment copies their viewer let go, every few minutes (issue 20 point 5)."""

from __future__ import annotations

import os
import tempfile
import time

from PySide6.QtWidgets import QWidget

from yichao.app.core import cleanup_run_temp
from yichao.app.core.tempfiles import viewer_file
from yichao.ui.launch import VIEWER_SWEEP_MS, make_application, start_viewer_sweep


def test_the_window_removes_a_copy_no_viewer_holds(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    cleanup_run_temp()
    try:
        make_application()
        window = QWidget()
        qtbot.addWidget(window)
        copy = viewer_file("身份证", ".jpg", key="0123456789abcdef")
        copy.write_bytes(b"\xff\xd8scan")
        hour_ago = time.time() - 3600
        os.utime(copy, (hour_ago, hour_ago))
        timer = start_viewer_sweep(window)
        assert timer.isActive() and timer.interval() == VIEWER_SWEEP_MS and timer.parent() is window
        timer.timeout.emit()
        assert not copy.exists()
    finally:
        cleanup_run_temp()
