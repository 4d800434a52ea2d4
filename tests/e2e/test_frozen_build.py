"""The PyInstaller one-folder build (build.spec) builds and starts on Linux: both programs, the
translations (ours and Qt's) and the PostgreSQL driver are in the folder (issue 20 point 1)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = ".exe" if os.name == "nt" else ""


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("frozen")
    pyinstaller = shutil.which("pyinstaller") or str(Path(sys.executable).parent / "pyinstaller")
    result = subprocess.run(
        [pyinstaller, str(ROOT / "build.spec"), "--noconfirm", "--distpath", str(tmp / "dist"),
         "--workpath", str(tmp / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=1500,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return tmp / "dist" / "yichao"


@pytest.mark.slow
def test_both_programs_translations_and_driver_are_in_the_folder(frozen: Path) -> None:
    assert (frozen / f"yichao{EXE}").is_file() and (frozen / f"yichao-gui{EXE}").is_file()
    inside = frozen / "_internal"
    assert (inside / "yichao" / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    assert (inside / "yichao" / "resources" / "translations" / "yichao_zh_CN.qm").exists()
    assert (inside / "yichao" / "resources" / "icons" / "yichao.png").exists()
    assert (inside / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").exists()
    binding = list((inside / "psycopg_binary").glob("_psycopg*"))
    assert binding, "psycopg's compiled binding is missing"
    assert list(inside.rglob("libpq*")), "libpq is missing"
    assert not list(inside.rglob("*WebEngine*"))


@pytest.mark.slow
def test_the_frozen_programs_start_sign_in_and_reach_postgresql(frozen: Path, tmp_path: Path) -> None:
    program, gui = frozen / f"yichao{EXE}", frozen / f"yichao-gui{EXE}"
    pw = tmp_path / "pw"
    pw.write_bytes(b"\xff\xfe" + "'secret123' \r\n".encode("utf-16-le"))  # PowerShell 5's echo, quotes of cmd.exe
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([str(program), "--data-dir", str(data), "init", "--role", "street", "--code", "370102001",
                        "--name", "甸柳街道", "--admin", "admin", "--password-file", str(pw)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([str(program), "--data-dir", str(data), "check"], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "通过" in r.stdout.decode("utf-8")  # output to a pipe is UTF-8
    shot = tmp_path / "shot.png"
    r = subprocess.run([str(gui), "--data-dir", str(data), "gui", "--user", "admin", "--password-file", str(pw),
                        "--screenshot", str(shot)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert shot.stat().st_size > 10_000
    # the driver loads: the refusal is the server's (nobody listens on port 1), not a missing module
    r = subprocess.run([str(program), "--data-dir", str(tmp_path / "pg"), "init", "--role", "district", "--code",
                        "370102", "--name", "历下区", "--admin", "admin", "--password-file", str(pw),
                        "--database-url", "postgresql+psycopg://yichao@127.0.0.1:1/yichao"],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1
    # the bundled driver answered (a missing psycopg would be an unexpected error, not this sentence)
    assert "无法连接数据库服务器" in r.stderr and "意外错误" not in r.stderr, r.stderr
    assert "Traceback" not in r.stderr
