"""Two processes redeem on one passbook at the same moment (issue 18 point 3).

Two real OS processes (two PCs on one SQLite file, two district PCs on one PostgreSQL database)
run ``yichao passbook redeem`` for the whole balance. Both read the balance before either writes
(each process pauses at its first flush until the other has read too), so the race is lost every
run, not by luck. One redemption is saved; the other process ends with one Chinese sentence on
stderr, exit code 1 and no traceback; the ledger holds one redemption and the balance is never
below zero.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import ADMIN, PASSWORD
from tests.e2e.conftest_pg import pg_database  # noqa: F401 - the fixture
from yichao.app.core.setup import initialize
from yichao.app.core.workspace import open_workspace
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.identifiers import make_id_number
from yichao.models.passbook import LedgerEntry, Passbook

NUMBER = make_id_number("370102", date(1950, 5, 4), 123)

# The child: a second PC (no folder lock: each PC has its own), the CLI's own error handling.
CHILD = r"""
import sys, time
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.orm import Session
import yichao.app.core.workspace as workspace_module
from yichao.app.cli import main
from yichao.models.passbook import LedgerEntry

folder, me, other, number = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

class NoLock:  # the folder lock is per PC; these two processes play two PCs
    def __init__(self, data_dir): pass
    def acquire(self): pass
    def release(self): pass

workspace_module.InstanceLock = NoLock
paused = []

def wait_for_the_other(session, _ctx, _instances):
    # the balance is read; before writing, wait until the other process has read it too
    if not paused and any(isinstance(o, LedgerEntry) for o in session.new):
        paused.append(1)
        (folder.parent / f"read-{me}").touch()
        deadline = time.monotonic() + 20
        while not (folder.parent / f"read-{other}").exists() and time.monotonic() < deadline:
            time.sleep(0.01)

event.listen(Session, "before_flush", wait_for_the_other)
(folder.parent / f"ready-{me}").touch()
while not (folder.parent / "go").exists():
    time.sleep(0.01)
sys.exit(main(["--data-dir", str(folder), "--user", "admin", "--password-file", str(folder.parent / "pw"),
               "passbook", "redeem", number, "--points", "10", "--memo", "兑换"]))
"""


def _book(folder: Path) -> str:
    ws = open_workspace(folder)
    ws.user = ADMIN
    try:
        holder = create_person(ws, PersonInput(name="李秀英", id_number=NUMBER))
        book = pb.open_passbook(ws, holder.uid)
        pb.deposit(ws, book.number, 10, "清扫")
        return book.number
    finally:
        ws.close()


def _race(folder: Path, number: str) -> list[subprocess.CompletedProcess[str]]:
    root = folder.parent
    (root / "pw").write_text(PASSWORD + "\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("YICHAO_USER", None)
    env.pop("YICHAO_PASSWORD_FILE", None)
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(folder), me, other, number], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
             for me, other in (("a", "b"), ("b", "a"))]
    deadline = time.monotonic() + 120
    while not all((root / f"ready-{x}").exists() for x in "ab"):
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs), "a child did not start"
        time.sleep(0.05)
    (root / "go").touch()
    done = []
    for p in procs:
        out, err = p.communicate(timeout=180)
        done.append(subprocess.CompletedProcess(p.args, p.returncode, out, err))
    return done


def _check(folder: Path, number: str, runs: list[subprocess.CompletedProcess[str]]) -> None:
    assert sorted(r.returncode for r in runs) == [0, 1], [r.stderr for r in runs]
    loser = next(r for r in runs if r.returncode == 1)
    text = loser.stderr.strip()
    assert "Traceback" not in loser.stderr and "Error" not in loser.stderr and NUMBER not in text
    assert len(text.splitlines()) == 1 and text.startswith("yichao: ") and text.endswith("。"), text
    assert "余额" in text or "再试" in text or "稍后" in text  # refused with the balance, or the lost race
    winner = next(r for r in runs if r.returncode == 0)
    assert "已支取 10 分" in winner.stdout and "余额 0 分" in winner.stdout
    ws = open_workspace(folder)
    try:
        with ws.read() as s:
            book = s.scalar(select(Passbook).where(Passbook.number == number))
            kinds = [k for (k,) in s.execute(select(LedgerEntry.kind).where(LedgerEntry.passbook_uid == book.uid))]
            assert sorted(kinds) == ["deposit", "redeem"] and book.balance == 0  # no double spend
    finally:
        ws.close()


def test_two_processes_redeem_on_one_passbook_in_sqlite(workspace):
    folder = workspace.data_dir
    workspace.close()
    number = _book(folder)
    _check(folder, number, _race(folder, number))


@pytest.mark.postgres
def test_two_processes_redeem_on_one_passbook_in_postgresql(tmp_path, pg_database):  # noqa: F811
    folder = tmp_path / "district"
    url = pg_database()
    ws = initialize(folder, "district", "370102", "历下区", "admin", PASSWORD, database_url=url)
    ws.settings.set("database_url", url)  # as `yichao init --database-url` leaves it
    ws.close()
    number = _book(folder)
    _check(folder, number, _race(folder, number))
