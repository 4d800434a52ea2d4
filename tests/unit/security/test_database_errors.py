"""Database failures reach nobody as a traceback or with personal data (issue 18 point 3).

Each error is forced for real (SQLite's own limits and flags, damaged pages, a second writer);
stderr and the log file are then scanned for identity numbers, SQL parameters and tracebacks.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine, event, func, select

from tests.conftest import PASSWORD
from yichao.app.cli import main
from yichao.app.core import install_redaction, redact
from yichao.app.core.db_errors import LostRace
from yichao.app.core.workspace import CurrentUser, open_workspace
from yichao.app.passbook import accounts as pb
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.identifiers import make_id_number
from yichao.models.passbook import LedgerEntry
from yichao.models.site import Community

NUMBERS = [make_id_number("370102", date(1950 + i % 50, 1 + i % 12, 1 + i % 28), 100 + i) for i in range(400)]


def _roster(path: Path) -> Path:
    wb = openpyxl.Workbook()
    s = wb.active
    s.append(["姓名", "身份证号码", "社区", "手机"])
    for i, number in enumerate(NUMBERS):
        s.append([f"测试居民{i}", number, "甸柳第一社区", f"138{i:08d}"])
    wb.save(path)
    return path


@pytest.fixture
def folder(workspace, tmp_path):
    with workspace.unit() as s:
        s.add(Community(name="甸柳第一社区", site_code="370102001"))
    data_dir = workspace.data_dir
    workspace.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD, encoding="utf-8")
    return data_dir, pw


@pytest.fixture
def pragma():
    """Apply one PRAGMA to every new SQLite connection of the test (a real limit, not a stand-in)."""
    applied: list[str] = []

    def on_connect(dbapi_connection, _record):
        for statement in applied:
            dbapi_connection.execute(statement)

    event.listen(Engine, "connect", on_connect)
    yield applied
    event.remove(Engine, "connect", on_connect)


def _no_personal_data(text: str) -> None:
    assert "Traceback" not in text
    assert "parameters" not in text.lower() and "INSERT" not in text
    for number in NUMBERS:
        assert number not in text
    assert "13800000001" not in text


def _log_of(data_dir: Path) -> str:
    log = data_dir / "logs" / "yichao.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def _import(data_dir: Path, pw: Path, roster: Path, capsys) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), "--user", "admin", "--password-file", str(pw),
                 "xlsx", "import", "people", str(roster)])
    captured = capsys.readouterr()
    return code, captured.err


def _people(data_dir: Path) -> int:
    with sqlite3.connect(data_dir / "yichao.db") as conn:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]


def test_a_full_disk_during_an_import_is_one_sentence(folder, pragma, capsys, tmp_path):
    data_dir, pw = folder
    roster = _roster(tmp_path / "r.xlsx")
    with sqlite3.connect(data_dir / "yichao.db") as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    pragma.append(f"PRAGMA max_page_count = {pages + 2}")  # the disk is full two pages on
    code, err = _import(data_dir, pw, roster, capsys)
    assert code == 1 and err.count("\n") == 1 and "磁盘已满" in err, err
    _no_personal_data(err + _log_of(data_dir))
    pragma.clear()
    assert _people(data_dir) == 0


def test_a_read_only_database_is_one_sentence(folder, pragma, capsys, tmp_path):
    data_dir, pw = folder
    pragma.append("PRAGMA query_only = 1")
    code, err = _import(data_dir, pw, _roster(tmp_path / "r.xlsx"), capsys)
    assert code == 1 and err.count("\n") == 1 and "只读" in err, err
    _no_personal_data(err + _log_of(data_dir))


def test_damaged_pages_are_one_sentence(folder, capsys, tmp_path):
    data_dir, pw = folder
    assert _import(data_dir, pw, _roster(tmp_path / "r.xlsx"), capsys)[0] == 0
    db = data_dir / "yichao.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()[0]
    raw = bytearray(db.read_bytes())
    start = (root - 1) * page_size
    raw[start:start + page_size] = b"\xa5" * page_size  # the person table's root page is garbage
    db.write_bytes(bytes(raw))
    code = main(["--data-dir", str(data_dir), "--user", "admin", "--password-file", str(pw),
                 "list", "people", "--json"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "损坏" in err, err
    _no_personal_data(err + _log_of(data_dir))


def test_an_unexpected_error_leaves_a_redacted_log_and_one_line(folder, capsys, monkeypatch):
    data_dir, pw = folder
    from yichao.app.cli import listing

    def explode(_ws):
        raise RuntimeError(f"bad row {NUMBERS[0]} phone 13800000001")

    import sys

    monkeypatch.setattr(sys.modules[__name__], "explode", explode, raising=False)
    monkeypatch.setitem(listing.PROVIDERS, "people", f"{__name__}:explode")  # a bug in any command
    code = main(["--data-dir", str(data_dir), "--user", "admin", "--password-file", str(pw), "list", "people"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "意外错误" in err
    log = _log_of(data_dir)
    assert "RuntimeError" in log and "Traceback" in log  # the log keeps the diagnosis ...
    for number in NUMBERS[:1]:
        assert number not in log  # ... without the personal data
    assert "13800000001" not in log and "[身份证号已隐去]" in log


def test_the_logging_filter_redacts_messages_and_tracebacks(tmp_path):
    path = tmp_path / "x.log"
    handler = install_redaction(logging.FileHandler(path, encoding="utf-8"))
    logger = logging.getLogger("yichao.test_redaction")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(f"{NUMBERS[1]} [parameters: ('{NUMBERS[2]}',)]")
        except ValueError:
            logger.exception("failed for %s", NUMBERS[3])
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and not any(n in text for n in NUMBERS[1:4])
    assert redact("370102195001011234 x") == "[身份证号已隐去] x"


def test_a_lost_redemption_race_is_retried(workspace, monkeypatch):
    holder = create_person(workspace, PersonInput(name="李秀英"))
    book = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, book.number, 20, "清扫")
    other = open_workspace(workspace.data_dir, lock=False)  # a second PC on the same file
    other.user = CurrentUser("clerk2", "staff")
    raced: list[int] = []

    def the_other_pc_writes_first(session, _ctx, _instances):
        if not raced and any(isinstance(o, LedgerEntry) for o in session.new):
            raced.append(pb.redeem(other, book.number, 5, "另一台电脑").seq)

    event.listen(workspace._sessions, "before_flush", the_other_pc_writes_first)
    try:
        mine = pb.redeem(workspace, book.number, 5, "兑换")
    finally:
        event.remove(workspace._sessions, "before_flush", the_other_pc_writes_first)
        other.close()
    assert raced == [2] and mine.seq == 3 and mine.balance_after == 10
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(LedgerEntry)) == 3


def test_a_race_lost_every_time_ends_in_a_sentence(workspace):
    holder = create_person(workspace, PersonInput(name="李秀英"))
    book = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, book.number, 50, "清扫")
    other = open_workspace(workspace.data_dir, lock=False)
    other.user = CurrentUser("clerk2", "staff")

    def always_first(session, _ctx, _instances):
        if any(isinstance(o, LedgerEntry) for o in session.new):
            pb.deposit(other, book.number, 1, "另一台电脑")

    event.listen(workspace._sessions, "before_flush", always_first)
    try:
        with pytest.raises(LostRace, match="再试一次|稍后再试"):
            pb.redeem(workspace, book.number, 5, "兑换")
    finally:
        event.remove(workspace._sessions, "before_flush", always_first)
        other.close()
    with workspace.read() as s:
        kinds = [k for (k,) in s.execute(select(LedgerEntry.kind))]
    assert "redeem" not in kinds
