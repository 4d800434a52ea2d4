"""The PyInstaller one-folder build (build.spec) builds and starts on Linux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_build_spec_builds_a_program_that_starts(tmp_path):
    pyinstaller = shutil.which("pyinstaller") or str(Path(sys.executable).parent / "pyinstaller")
    result = subprocess.run(
        [pyinstaller, str(ROOT / "build.spec"), "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=1500,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    program = tmp_path / "dist" / "yichao" / ("yichao.exe" if os.name == "nt" else "yichao")
    assert (tmp_path / "dist" / "yichao" / "_internal" / "yichao" / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    pw = tmp_path / "pw"
    pw.write_text("secret123", encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([str(program), "--data-dir", str(data), "init", "--role", "street", "--code", "370102001",
                        "--name", "甸柳街道", "--admin", "admin", "--password-file", str(pw)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    shot = tmp_path / "shot.png"
    r = subprocess.run([str(program), "--data-dir", str(data), "gui", "--user", "admin", "--password-file", str(pw),
                        "--screenshot", str(shot)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert shot.stat().st_size > 10_000
