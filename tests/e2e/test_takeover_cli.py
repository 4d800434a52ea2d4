"""`yichao xlsx import passbooks`: a fresh street (no demo) takes over its paper love bank."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.unit.passbook.test_takeover_xlsx import HEADER, ledger
from yichao.models.identifiers import make_id_number

from .cli import ENV

ID = make_id_number("370102", date(1948, 10, 1), 8)  # a woman's number (even sequence)


def run(folder: Path, pw: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**ENV, "YICHAO_USER": "admin", "YICHAO_PASSWORD_FILE": str(pw)}
    return subprocess.run(["yichao", "--data-dir", str(folder), *args], capture_output=True, text=True, env=env,
                          timeout=600)


@pytest.fixture
def fresh(tmp_path: Path) -> tuple[Path, Path]:
    folder, pw = tmp_path / "street", tmp_path / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    r = run(folder, pw, "init", "--role", "street", "--code", "370102001", "--name", "甸柳街道",
            "--parent-code", "370102", "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw))
    assert r.returncode == 0, r.stderr
    return folder, pw


def test_take_over_dry_run_then_import(fresh, tmp_path):
    folder, pw = fresh
    good = ledger(tmp_path / "台账.xlsx", [[1, "LX-1", "孙秀英", "女", ID, None, "2,500", "120", "第5页第3行",
                                             "2018-06-01", None]])
    r = run(folder, pw, "xlsx", "import", "passbooks", str(good), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "1 行可以导入" in r.stdout
    listed = run(folder, pw, "list", "passbooks", "--json")
    assert listed.stdout.strip() == ""
    r = run(folder, pw, "xlsx", "import", "passbooks", str(good))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in run(folder, pw, "list", "passbooks", "--json").stdout.splitlines()]
    assert [(b["number"], b["balance"], b["pending_lines"]) for b in rows] == [("LX-1", 2500, 0)]


def test_a_wrong_row_refuses_the_file_with_its_row_number(fresh, tmp_path):
    folder, pw = fresh
    bad = ledger(tmp_path / "坏.xlsx", [[1, "LX-2", "孙秀英", "女", ID, None, "-5", 0, "1-1", None, None]],
                 header=HEADER)
    r = run(folder, pw, "xlsx", "import", "passbooks", str(bad))
    assert r.returncode == 1
    assert "第4行" in r.stderr and "负数" in r.stderr and "Traceback" not in r.stderr
    assert os.path.exists(folder / "yichao.db")


def test_the_ledgers_words_mapped_with_map_then_remembered(fresh, tmp_path):
    folder, pw = fresh
    assert run(folder, pw, "community", "add", "甸柳第一社区", "--code", "370102001001").returncode == 0
    header = [h if h != "发折网点" else "储蓄所" for h in HEADER]
    first = ledger(tmp_path / "台账.xlsx", [[1, "LX-5", "孙秀英", "女性", ID, None, "20", "1", "1-2", None, "一社区"]],
                   header=header)
    refused = run(folder, pw, "xlsx", "import", "passbooks", str(first))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "--map 性别=女性:女" in refused.stderr and "--map 储蓄所=一社区:甸柳第一社区" in refused.stderr
    ok = run(folder, pw, "xlsx", "import", "passbooks", str(first), "--map", "性别=女性:女",
             "--map", "储蓄所=一社区:甸柳第一社区")
    assert ok.returncode == 0, ok.stderr
    second_id = make_id_number("370102", date(1952, 4, 4), 10)
    next_month = ledger(tmp_path / "下月.xlsx", [[1, "LX-6", "周桂英", "女性", second_id, None, "5", "0", "1-2", None,
                                                 "一社区"]], header=header)
    again = run(folder, pw, "xlsx", "import", "passbooks", str(next_month))
    assert again.returncode == 0, again.stderr  # remembered for this layout: no --map needed
    shown = run(folder, pw, "passbook", "show", "LX-6")
    assert "370102001001" in shown.stdout
