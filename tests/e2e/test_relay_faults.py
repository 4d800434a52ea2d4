"""Fault injection on relayed bundles (issue 17 point 2): ``yichao bundle import`` killed with SIGKILL
at a random point while an office imports a street bundle carrying the district's records, and while
the district imports a street bundle carrying an office's records. Afterwards the database is
intact, the bundle is applied wholly or not at all (the relayed records and the relay bookkeeping
with it), and importing it again then succeeds.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

from sqlalchemy import func, select, text

from tests.e2e.test_sync_faults import _spawn
from tests.unit.sync.support import add_people, make_three_levels, move
from yichao.app.core.workspace import CLI_USER, open_workspace
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.export import export_bundle
from yichao.models.sync import SyncPeer, SyncRelay

TRIALS = int(os.environ.get("YICHAO_RELAY_FAULT_TRIALS", "8"))
D, S, OFFICE = "370102", "370102001", "370102001003"


def _state(folder: Path, origin: str) -> tuple[list[str], int, int]:
    """The relayed records of ``origin``, the street's bundle count and the relay rows, after a
    check that the database is intact."""
    ws = open_workspace(folder)  # refuses a corrupt database with a sentence
    ws.user = CLI_USER
    try:
        with ws.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        with ws.read() as s:
            in_seq = s.get(SyncPeer, S).in_seq
            relays = s.scalar(select(func.count()).select_from(SyncRelay)) or 0
        return canonical_lines(ws, [origin]), in_seq, relays
    finally:
        ws.close()


def _kill_trials(target, bundle: Path, origin: str, tmp_path: Path, seed: int) -> dict[str, int]:
    """Import ``bundle`` into copies of ``target``'s folder, killed at random moments."""
    pristine = tmp_path / "pristine"
    target.close()
    shutil.copytree(target.data_dir, pristine)
    before = _state(pristine, origin)
    probe = tmp_path / "probe"
    shutil.copytree(pristine, probe)
    p = _spawn(probe, bundle)
    t0 = time.perf_counter()
    p.communicate("go\n", timeout=300)
    duration = time.perf_counter() - t0
    assert p.returncode == 0
    after = _state(probe, origin)
    assert after[0] and after != before
    rng = random.Random(seed)
    outcomes = {"applied": 0, "untouched": 0}
    for i in range(TRIALS):
        folder = tmp_path / f"t{i}"
        shutil.copytree(pristine, folder)
        proc = _spawn(folder, bundle)
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
        time.sleep(rng.uniform(0, duration * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        got = _state(folder, origin)
        assert got in (before, after), "a partial import survived a kill"
        outcomes["applied" if got == after else "untouched"] += 1
        r = subprocess.run(["yichao", "--data-dir", str(folder), "--user", "admin", "--password-file",
                            str(folder.parent / "admin.password"), "bundle", "import", str(bundle)],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr  # and the next import succeeds
        assert _state(folder, origin) == after
        shutil.rmtree(folder)
    print("relay fault outcomes:", outcomes, f"import {duration:.2f}s")
    return outcomes


def test_killed_office_import_of_relayed_district_records(make_workspace, tmp_path):
    district, street, office = make_three_levels(make_workspace, tmp_path)
    add_people(district, 2500, random.Random(7))  # the district's records, passed down by the street
    move(district, street, tmp_path)
    bundle = tmp_path / "down.ycb"
    assert export_bundle(street, OFFICE, bundle).records > 2500
    outcomes = _kill_trials(office, bundle, D, tmp_path, seed=11)
    assert sum(outcomes.values()) == TRIALS and outcomes["untouched"] > 0  # kills did land inside


def test_killed_district_import_of_relayed_office_records(make_workspace, tmp_path):
    district, street, office = make_three_levels(make_workspace, tmp_path)
    add_people(office, 2500, random.Random(8))  # the office's records, passed up by the street
    move(office, street, tmp_path)
    bundle = tmp_path / "up.ycb"
    assert export_bundle(street, D, bundle).records > 2500
    outcomes = _kill_trials(district, bundle, OFFICE, tmp_path, seed=12)
    assert sum(outcomes.values()) == TRIALS and outcomes["untouched"] > 0  # kills did land inside
