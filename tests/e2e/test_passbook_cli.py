"""The installed `yichao`: list passbooks, passbook show|deposit|redeem, print passbook, check, demo."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .cli import init_street, yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A demo street (small): passbooks with ledgers; returns the folder and one active passbook."""
    folder = tmp_path_factory.mktemp("e2e-passbook") / "street"
    init_street(folder)
    r = yichao("demo", "--residents", "400", data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert "爱心存折" in r.stdout
    rows = [json.loads(line) for line in yichao("list", "passbooks", "--json", data_dir=folder).stdout.splitlines()]
    active = next(row for row in rows if row["status"] == "active")
    return folder, active["number"]


def test_list_passbooks_json(street):
    folder, _ = street
    r = yichao("list", "passbooks", "--json", data_dir=folder)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) > 20
    for row in rows:
        assert {"uid", "number", "balance", "pending_lines"} <= row.keys()
        assert row["balance"] >= 0 and row["pending_lines"] >= 0


def _row(folder: Path, number: str) -> dict:
    rows = [json.loads(line) for line in yichao("list", "passbooks", "--json", data_dir=folder).stdout.splitlines()]
    return next(row for row in rows if row["number"] == number)


def test_deposit_redeem_and_refusal(street):
    folder, number = street
    before = _row(folder, number)
    r = yichao("passbook", "deposit", number, "--points", "25", "--memo", "楼道清扫", "--hours", "1.5", data_dir=folder)
    assert r.returncode == 0, r.stderr
    after = _row(folder, number)
    assert after["balance"] == before["balance"] + 25
    assert after["pending_lines"] == before["pending_lines"] + 1
    r = yichao("passbook", "redeem", number, "--points", str(after["balance"] + 1), "--memo", "兑换", data_dir=folder)
    assert r.returncode == 1
    assert str(after["balance"]) in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert _row(folder, number) == after  # changed nothing
    r = yichao("passbook", "redeem", number, "--points", "5", "--memo", "兑换牙膏", data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert _row(folder, number)["balance"] == after["balance"] - 5
    show = yichao("passbook", "show", number, data_dir=folder)
    assert show.returncode == 0 and "兑换牙膏" in show.stdout and "楼道清扫" in show.stdout
    assert yichao("passbook", "show", "NO-SUCH", data_dir=folder).returncode == 1
    assert yichao("passbook", "deposit", number, "--points", "x", "--memo", "m", data_dir=folder).returncode == 2
    assert yichao("passbook", "deposit", number, "--points", "-3", "--memo", "m", data_dir=folder).returncode == 1


def test_print_pending_then_confirm(street, tmp_path):
    folder, number = street
    yichao("passbook", "deposit", number, "--points", "3", "--memo", "补登测试", data_dir=folder)
    pending = _row(folder, number)["pending_lines"]
    assert pending >= 1
    r = yichao("print", "passbook", number, str(tmp_path / "a.pdf"), data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert _row(folder, number)["pending_lines"] == pending  # not confirmed: nothing marked
    r = yichao("print", "passbook", number, str(tmp_path / "b.pdf"), "--confirm", data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert _row(folder, number)["pending_lines"] == 0
    text = subprocess.run(["pdftotext", str(tmp_path / "b.pdf"), "-"], capture_output=True, text=True).stdout
    assert "补登测试" in text


def test_reprinting_a_page_needs_a_reason_and_is_journaled(street, tmp_path):
    folder, number = street
    yichao("passbook", "deposit", number, "--points", "4", "--memo", "重打测试", data_dir=folder)
    assert yichao("print", "passbook", number, str(tmp_path / "a.pdf"), "--confirm", data_dir=folder).returncode == 0
    uid = _row(folder, number)["uid"]
    with sqlite3.connect(folder / "yichao.db") as conn:  # the page the line just printed went on
        page = str(conn.execute("SELECT max(page) FROM passbook_printed_line WHERE passbook_uid = ?",
                                (uid,)).fetchone()[0])
    before = _reprints(folder)
    r = yichao("print", "passbook", number, str(tmp_path / "p.pdf"), "--reprint-page", page, data_dir=folder)
    assert r.returncode == 1 and "重打须说明原因" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p.pdf").exists() and _reprints(folder) == before  # refused: nothing written
    r = yichao("print", "passbook", number, str(tmp_path / "p.pdf"), "--reprint-page", page, "--reason", "损坏",
               "--note", "被水浸湿", data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert "重打测试" in subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True,
                                    text=True).stdout
    after = _reprints(folder)
    assert len(after) == len(before) + 1
    detail = json.loads(after[-1])
    assert (detail["number"], detail["pages"], detail["reason"]) == (number, page, "damaged")
    assert detail["note"] == "被水浸湿"
    r = yichao("print", "passbook", number, str(tmp_path / "q.pdf"), "--reason", "损坏", data_dir=folder)
    assert r.returncode == 1 and "--reprint-page" in r.stderr


def _reprints(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "yichao.db") as conn:
        return [d for (d,) in conn.execute("SELECT data FROM journal WHERE op = 'reprint' ORDER BY id")]


def test_check_proves_ledger_sums(street):
    folder, _ = street
    r = yichao("check", data_dir=folder)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "爱心存折余额" in r.stdout
