"""Restore keeps what is on paper, says what it drops, and works on a damaged or missing database."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import ADMIN
from yichao.app.certificates.batch import print_certificates
from yichao.app.certificates.lookup import verify_certificate
from yichao.app.core import maintenance
from yichao.app.core.backup import list_backups
from yichao.app.core.check import run_checks
from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.errors import UserError
from yichao.app.core.paths import backups_dir, db_path
from yichao.app.core.restore import plan_restore, restore_database
from yichao.app.core.workspace import open_workspace
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.printing import confirm_printed, print_pending
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.journal import JournalEntry
from yichao.models.passbook import Passbook, PrintedLine
from yichao.models.person import Person

YEAR = date.today().year


def volunteer(ws, name):
    with ws.unit() as s:
        p = Person(name=name, is_volunteer=True, volunteer_number="")
        s.add(p)
        s.flush()
        return p.uid


def issue(ws, uid, tmp_path, name):
    return print_certificates(ws, "volunteer", [uid], tmp_path / f"{name}.pdf", extra={"hours": 12}).pages[0].row


def reopen(folder):
    ws = open_workspace(folder)
    ws.user = ADMIN
    return ws


def test_a_certificate_printed_after_the_backup_keeps_its_serial_and_code(workspace, tmp_path):
    first = issue(workspace, volunteer(workspace, "王秀英"), tmp_path, "a")
    backup = maintenance.make_backup(workspace)
    later = issue(workspace, volunteer(workspace, "李建国"), tmp_path, "b")
    add_community(workspace, "燕山社区")  # an ordinary change: dropped, and said so
    plan = maintenance.restore_plan(workspace, backup)
    assert dict(plan.dropped)["社区"] == 1
    assert any(later.serial in line for line in plan.carried)
    assert "证书" not in dict(plan.dropped)
    folder = workspace.data_dir
    result = maintenance.restore_backup(workspace, backup)
    assert result.previous is not None and result.previous.exists()
    workspace.close()
    ws = reopen(folder)
    try:
        assert [c.name for c in list_communities(ws)] == []
        assert verify_certificate(ws, later.code).valid
        assert verify_certificate(ws, first.code).valid
        third = issue(ws, volunteer(ws, "张桂兰"), tmp_path, "c")
        assert third.serial != later.serial
        assert third.serial.endswith("0003")
        with ws.read() as s:
            restores = s.scalars(select(JournalEntry).where(JournalEntry.op == "restore")).all()
            assert len(restores) == 1 and restores[0].user == "admin"
            # journal ids continue above every id the replaced database gave out
            before = sqlite3.connect(result.previous).execute("SELECT max(id) FROM journal").fetchone()[0]
            assert restores[0].id > before
    finally:
        ws.close()


def test_passbook_lines_printed_after_the_backup_are_carried_with_their_book(workspace, tmp_path):
    holder = create_person(workspace, PersonInput(name="孙丽", is_volunteer=True))
    book = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, book.number, 10, "社区清扫")
    backup = maintenance.make_backup(workspace)
    # after the backup: a new resident gets a new passbook, and both books are printed
    newcomer = create_person(workspace, PersonInput(name="赵新", is_volunteer=True))
    new_book = pb.open_passbook(workspace, newcomer.uid)
    pb.deposit(workspace, new_book.number, 5, "敬老院探访")
    pb.deposit(workspace, book.number, 3, "垃圾分类宣传")
    for number in (book.number, new_book.number):
        confirm_printed(workspace, print_pending(workspace, number, tmp_path / f"{number}.pdf"))
    plan = plan_restore(workspace.data_dir, backup)
    assert any(new_book.number in line and book.number in line for line in plan.carried)
    folder = workspace.data_dir
    maintenance.restore_backup(workspace, backup)
    workspace.close()
    ws = reopen(folder)
    try:
        with ws.read() as s:
            books = {b.number: b for b in s.scalars(select(Passbook))}
            assert books[book.number].next_line == 3 and books[book.number].balance == 13
            assert books[new_book.number].next_line == 2
            assert s.get(Person, newcomer.uid) is not None  # the new book's holder came along
            assert s.scalar(select(func.count()).select_from(PrintedLine)) == 3
        assert all(r.ok for r in run_checks(ws)), [r.problems for r in run_checks(ws) if not r.ok]
        # the next 补登 continues below the lines already on paper
        pb.deposit(ws, book.number, 2, "楼道清理")
        job = print_pending(ws, book.number, tmp_path / "next.pdf")
        assert (job.start_page, job.start_line, job.entry_lines) == (1, 3, 1)
    finally:
        ws.close()


def test_restore_onto_a_damaged_database_sets_it_aside_as_it_is(workspace, tmp_path):
    add_community(workspace, "燕山社区")
    backup = maintenance.make_backup(workspace)
    folder = workspace.data_dir
    workspace.close()
    damaged = b"this is not a database" * 100
    db_path(folder).write_bytes(damaged)
    assert not plan_restore(folder, backup).current_readable
    result = restore_database(folder, backup)
    assert result.previous is not None and result.previous.read_bytes() == damaged
    ws = reopen(folder)
    try:
        assert [c.name for c in list_communities(ws)] == ["燕山社区"]
    finally:
        ws.close()


def test_restore_onto_a_missing_database(workspace):
    backup = maintenance.make_backup(workspace)
    folder = workspace.data_dir
    workspace.close()
    db_path(folder).unlink()
    assert restore_database(folder, backup).previous is None
    reopen(folder).close()


def _unchanged(folder, before: bytes) -> None:
    assert db_path(folder).read_bytes() == before
    assert not list_backups(backups_dir(folder))
    assert not [p for p in folder.iterdir() if p.name.endswith(".restoring")]


def test_a_file_that_is_not_a_yichao_backup_changes_nothing(workspace, tmp_path):
    folder = workspace.data_dir
    workspace.close()
    before = db_path(folder).read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("购物清单", encoding="utf-8")
    foreign = tmp_path / "other.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for bad, words in ((text, "不是 SQLite"), (foreign, "不是益巢"), (tmp_path / "gone.db", "找不到")):
        with pytest.raises(UserError, match=words):
            restore_database(folder, bad)
        _unchanged(folder, before)


def test_a_backup_from_a_newer_yichao_changes_nothing(workspace, tmp_path):
    backup = maintenance.make_backup(workspace, tmp_path / "usb")
    con = sqlite3.connect(backup)
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    folder = workspace.data_dir
    workspace.close()
    before = db_path(folder).read_bytes()
    with pytest.raises(UserError, match="更新版本"):
        restore_database(folder, backup)
    _unchanged(folder, before)


def test_a_backup_of_another_site_is_refused(make_workspace, tmp_path):
    other = make_workspace(code="370102002", name="文化东路街道", folder="other")
    backup = maintenance.make_backup(other, tmp_path / "usb")
    here = make_workspace()
    with pytest.raises(UserError, match="文化东路街道"):
        maintenance.restore_plan(here, backup)
    folder = here.data_dir
    here.close()
    before = db_path(folder).read_bytes()
    with pytest.raises(UserError, match="不是本站点"):
        restore_database(folder, backup)
    _unchanged(folder, before)


def test_a_clash_with_the_backup_refuses_the_restore_with_the_list(workspace, tmp_path):
    """A backup that is not an ancestor (a serial given to another certificate there): refused."""
    backup = maintenance.make_backup(workspace, tmp_path / "usb")
    issue(workspace, volunteer(workspace, "王秀英"), tmp_path, "here")
    con = sqlite3.connect(backup)  # in the backup, the same serial went to someone else
    con.execute("ATTACH DATABASE ? AS cur", (str(db_path(workspace.data_dir)),))
    con.execute("CREATE TEMP TABLE c AS SELECT * FROM cur.certificate")
    con.execute("UPDATE c SET uid = 'other-uid', code = 'XXXXXXXX', recipient = '别人'")
    con.execute("INSERT INTO main.certificate SELECT * FROM c")
    con.commit()
    con.close()
    folder = workspace.data_dir
    workspace.close()
    before = db_path(folder).read_bytes()
    with pytest.raises(UserError, match=f"DL-{YEAR}-ZY-0001"):
        restore_database(folder, backup)
    _unchanged(folder, before)
