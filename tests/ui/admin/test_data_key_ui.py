"""系统管理 → 备份: export the identity numbers' key with a passphrase, import it back; a wrong
passphrase keeps the form with one sentence and changes nothing; a restore that needs the key says so."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import func, select

from yichao.app.core import datakey
from yichao.app.core.restore import KEY_ELSEWHERE, RestorePlan, RestoreResult
from yichao.app.people.residents import PersonInput, create_person, reveal_id_number
from yichao.models.identifiers import make_id_number
from yichao.models.journal import JournalEntry
from yichao.ui.pages.admin import backups as page
from yichao.ui.pages.admin import data_key
from yichao.ui.widgets.form import FormDialog

NUMBER = make_id_number("370102", date(1966, 7, 8), 45)
PASS = "红旗渠-1960-春天"


def _events(ws, op: str) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(JournalEntry).where(JournalEntry.op == op))


def test_export_and_import_the_key_from_the_backups_tab(qtbot, workspace, tmp_path, monkeypatch):
    uid = create_person(workspace, PersonInput(name="王秀英", id_number=NUMBER)).uid
    tab = page.BackupsTab(workspace)
    qtbot.addWidget(tab)
    told: list[str] = []
    monkeypatch.setattr(data_key.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    target = tmp_path / "usb" / "甸柳街道-身份证号码密钥.ykey"
    target.parent.mkdir()
    monkeypatch.setattr(data_key.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    monkeypatch.setattr(data_key.QFileDialog, "getOpenFileName", lambda *a: (str(target), ""))

    def admin_exports(form):
        form.passphrase.setText(PASS)
        form.again.setText(PASS + "x")
        assert not form.ok_button.isEnabled() and form.problem_key == "again"
        form.again.setText("short")
        form.passphrase.setText("short")
        form.accept()  # the service refuses a short passphrase: the form stays, saying why
        assert "10 个字符" in form.error.text() and not target.exists()
        form.passphrase.setText(PASS)
        form.again.setText(PASS)
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", admin_exports)
    tab.export_key_button.click()
    assert target.exists() and _events(workspace, "data_key_export") == 1 and str(target) in told[-1]

    # Windows reinstalled: the folder got a new key; the database's numbers need the exported one
    key_file = datakey.key_path(workspace.data_dir)
    datakey.store_data_key(workspace.data_dir, os.urandom(datakey.KEY_BYTES))
    for kept in key_file.parent.glob("data-replaced-*"):
        kept.unlink()
    before = key_file.read_bytes()

    def admin_imports(form):
        form.passphrase.setText("not the passphrase")
        form.accept()
        assert "口令不对" in form.error.text() and form.result() == 0
        assert key_file.read_bytes() == before and _events(workspace, "data_key_import") == 0
        form.passphrase.setText(PASS)
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", admin_imports)
    tab.import_key_button.click()
    assert "都能读取" in told[-1] and _events(workspace, "data_key_import") == 1
    assert key_file.read_bytes() != before and reveal_id_number(workspace, uid) == NUMBER


def test_a_restore_that_needs_the_key_says_so(qtbot, workspace, monkeypatch):
    tab = page.BackupsTab(workspace)
    qtbot.addWidget(tab)
    warned: list[str] = []
    monkeypatch.setattr(page.QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(page.QMessageBox, "information", lambda *a: warned.append("information"))
    monkeypatch.setattr(page.QApplication, "quit", lambda: None)
    plan = RestorePlan(workspace.data_dir / "b.db", None, True, (), ())
    tab._restored(RestoreResult(plan, None, KEY_ELSEWHERE))
    assert len(warned) == 1 and KEY_ELSEWHERE in warned[0]
