"""Fault injection: the import process is killed at random points (50 trials).

Each trial starts a process that has loaded the command line and waits; on "go" it runs
``yichao bundle import`` and is killed with SIGKILL after a random delay within the import's
measured duration. Afterwards the database must be intact and the bundle either fully applied or
not at all; importing it again then converges.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PASSWORD
from tests.unit.sync.support import add_community, add_people, pair
from yichao.app.core.workspace import CLI_USER, open_workspace
from yichao.app.sync.canonical import canonical_lines

TRIALS = int(os.environ.get("YICHAO_FAULT_TRIALS", "50"))
WORKER = """
import sys
from yichao.app.cli import main
import yichao.app.sync.importer, yichao.app.sync.export  # loaded before the clock starts
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(["--data-dir", sys.argv[1], "--user", "admin", "--password-file", sys.argv[3],
              "bundle", "import", sys.argv[2]]))
"""


def _spawn(folder: Path, bundle: Path) -> subprocess.Popen[str]:
    password = folder.parent / "admin.password"  # the template's administrator signs in
    password.write_text(PASSWORD, encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-c", WORKER, str(folder), str(bundle), str(password)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    return p


def _lines(folder: Path, origin: str) -> tuple[list[str], int]:
    ws = open_workspace(folder)  # refuses a corrupt database with a sentence
    ws.user = CLI_USER
    try:
        from sqlalchemy import text

        with ws.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        from yichao.models.sync import SyncPeer

        with ws.read() as s:
            in_seq = s.get(SyncPeer, origin).in_seq
        return canonical_lines(ws, [origin]), in_seq
    finally:
        ws.close()


def test_killed_import_is_all_or_nothing(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    rng = random.Random(99)
    community = add_community(street, "山水社区")
    add_people(street, 4000, rng, community)
    from yichao.app.sync.export import export_bundle

    bundle = tmp_path / "big.ycb"
    export_bundle(street, district.site.code, bundle)
    with street.read():
        full = canonical_lines(street, [street.site.code])
    pristine = tmp_path / "pristine"
    district.close()
    shutil.copytree(district.data_dir, pristine)
    street.close()

    # calibrate: how long does the import itself take once the process is ready?
    probe = tmp_path / "probe"
    shutil.copytree(pristine, probe)
    p = _spawn(probe, bundle)
    t0 = time.perf_counter()
    p.communicate("go\n", timeout=300)
    duration = time.perf_counter() - t0
    assert p.returncode == 0
    assert _lines(probe, street.site.code) == (full, 1)

    outcomes = {"applied": 0, "untouched": 0}
    folders = [tmp_path / f"t{i}" for i in range(TRIALS)]
    shutil.copytree(pristine, folders[0])
    nxt = _spawn(folders[0], bundle)
    for i, folder in enumerate(folders):
        proc = nxt
        if i + 1 < TRIALS:  # the next worker loads while this one is being killed
            shutil.copytree(pristine, folders[i + 1])
            nxt = _spawn(folders[i + 1], bundle)
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(rng.uniform(0, duration * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        lines, in_seq = _lines(folder, street.site.code)
        if lines == full:
            assert in_seq == 1
            outcomes["applied"] += 1
        else:
            assert lines == [] and in_seq == 0, "a partial import survived a kill"
            outcomes["untouched"] += 1
        if i % 10 == 0:  # and the bundle still imports afterwards
            r = subprocess.run(["yichao", "--data-dir", str(folder), "--user", "admin", "--password-file",
                                str(folder.parent / "admin.password"), "bundle", "import", str(bundle)],
                               capture_output=True, text=True, timeout=300)
            assert r.returncode == 0, r.stderr
            assert _lines(folder, street.site.code) == (full, 1)
        shutil.rmtree(folder)
    print("fault injection outcomes:", outcomes, f"import {duration:.2f}s")
    assert sum(outcomes.values()) == TRIALS
    if TRIALS >= 20:
        assert outcomes["untouched"] > 0, outcomes  # some kills did land inside the import
