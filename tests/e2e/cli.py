"""Calling the installed `yichao` command exactly as outside tests do."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def yichao(*args: str, data_dir: Path | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run `yichao [--data-dir DIR] ARGS...`; YICHAO_CLI names another build (e.g. the frozen one)."""
    program = os.environ.get("YICHAO_CLI") or shutil.which("yichao") or "yichao"
    cmd = [program, *(["--data-dir", str(data_dir)] if data_dir else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV, timeout=timeout)
