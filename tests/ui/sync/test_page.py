"""The 数据同步 page: trust a key, export a bundle, preview and import it, history and totals."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.unit.sync.support import add_people
from yichao.app.sync.keys import export_key_file
from yichao.app.sync.status import count_history


def headers(model):
    """The column titles a user sees, read through the model's Qt interface."""
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_exchange_through_the_page(qtbot, make_workspace, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    from yichao.ui.pages.sync.page import SyncPage

    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    add_people(street, 12, random.Random(1))
    export_key_file(street, tmp_path / "s.key")
    export_key_file(district, tmp_path / "d.key")

    spage = SyncPage(street)
    dpage = SyncPage(district)
    qtbot.addWidget(spage)
    qtbot.addWidget(dpage)
    assert not spage.export_button.isEnabled() and spage.hint.text()
    assert spage.keys_tab.trust_path(tmp_path / "d.key", confirm=False)
    assert dpage.keys_tab.trust_path(tmp_path / "s.key", confirm=False)
    assert spage.export_button.isEnabled() and spage.peer.currentData() == "370102"
    assert spage.keys_tab.model.rowCount() == 1 and " " in spage.keys_tab.fingerprint.text()
    assert spage.tabs.count() == 4 and dpage.tabs.count() == 5  # the district also shows streets

    spage.export_to("370102", tmp_path)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    bundle = next(tmp_path.glob("*.ycb"))
    assert "12" in shown[-1] or "13" in shown[-1]
    assert spage.history_model.rowCount() == 1

    dpage.preview(bundle, confirm=False)
    qtbot.waitUntil(lambda: count_history(district) == 1, timeout=20000)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=20000)
    dialog = dpage.last_preview
    assert dialog.table.model().rowCount() >= 1
    assert dpage.history_model.rowCount() == 1
    rows = dpage.totals_model.rows
    assert rows[0][0] == "甸柳街道" and "12" in rows[0] and rows[0][2] == "正常"
    assert all("_" not in header for header in headers(dpage.totals_model))  # kinds in Chinese
    spage.grab().save(str(tmp_path / "sync_page.png"))


def test_trusting_the_districts_key_shows_the_privacy_notice_first(qtbot, make_workspace, tmp_path, monkeypatch):
    from yichao.app.sync import POLICY_NOTICE
    from yichao.ui.pages.sync.page import SyncPage

    asked: list[str] = []

    def question(parent, title, text, *a):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    export_key_file(street, tmp_path / "s.key")
    export_key_file(district, tmp_path / "d.key")
    spage, dpage = SyncPage(street), SyncPage(district)
    qtbot.addWidget(spage)
    qtbot.addWidget(dpage)
    assert not spage.keys_tab.trust_path(tmp_path / "d.key")  # answered No: nothing trusted
    assert POLICY_NOTICE in asked[-1] and "身份证号码" in asked[-1]
    assert not dpage.keys_tab.trust_path(tmp_path / "s.key")  # downwards: no notice
    assert POLICY_NOTICE not in asked[-1]
