"""`yichao demo` is all or nothing: killed half-way it leaves the folder as it was, no district
database in the temporary folder, and a second run works."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from .cli import ENV, init_street, yichao


@pytest.fixture
def street(tmp_path: Path) -> Path:
    folder = tmp_path / "street"
    init_street(folder)
    return folder


def people(folder: Path) -> int:
    con = sqlite3.connect(folder / "yichao.db")
    try:
        return con.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        con.close()


def start_demo(folder: Path, tmp: Path) -> subprocess.Popen[str]:
    program = os.environ.get("YICHAO_CLI") or shutil.which("yichao") or "yichao"
    env = {**ENV, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
           # the demo signs in as the administrator `street` made (DESIGN.md section 6)
           "YICHAO_USER": "admin", "YICHAO_PASSWORD_FILE": str(folder.parent / "pw.txt")}
    return subprocess.Popen([program, "--data-dir", str(folder), "demo", "--residents", "20000"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=env)


def wait_half_way(proc: subprocess.Popen[str], folder: Path) -> None:
    """Until the demo is filling its copy (the shadow folder holds a database), then a moment more."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.is_dir() and (p / "yichao.db").exists() for p in folder.glob(".work-demo-*")):
            time.sleep(1.5)
            return
        time.sleep(0.05)
    pytest.fail("the demo never started filling its copy")


def test_a_demo_killed_half_way_leaves_the_folder_as_it_was(street, tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    before = sorted(p.name for p in street.iterdir())
    proc = start_demo(street, tmp)
    wait_half_way(proc, street)
    proc.send_signal(signal.SIGTERM)
    proc.wait(60)
    assert proc.returncode != 0
    assert sorted(p.name for p in street.iterdir()) == before
    assert people(street) == 0
    assert list(tmp.iterdir()) == []  # no stray district database

    proc = start_demo(street, tmp)  # the hard way: nothing can clean up after SIGKILL
    wait_half_way(proc, street)
    proc.kill()
    proc.wait(60)
    assert people(street) == 0
    assert list(tmp.iterdir()) == []
    r = yichao("demo", "--residents", "300", "--seed", "7", data_dir=street)
    assert r.returncode == 0, r.stderr
    assert people(street) == 300
    assert not list(street.glob(".work-*"))  # what the killed run left is gone
    assert yichao("check", data_dir=street).returncode == 0
