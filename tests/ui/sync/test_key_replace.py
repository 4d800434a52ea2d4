"""Trusting a different key for a site already trusted, through the 数据同步 keys tab (issue 14,
point 6): the real warning shows both fingerprints, No is the default and refuses, Yes replaces
the key and the replacement is journaled."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.ui.modal import answer, seen
from tests.unit.sync.support import pair, set_up_again
from yichao.app.sync import trusted_fingerprint
from yichao.app.sync.keys import export_key_file
from yichao.models.journal import JournalEntry

STREET = ("street", "370102001", "甸柳街道", "370102")


def _replacements(ws) -> list[dict]:
    with ws.read() as s:
        return [json.loads(d) for d in s.scalars(select(JournalEntry.data).where(JournalEntry.op == "key_replace"))]


def test_replacing_a_trusted_key_shows_both_fingerprints_and_needs_a_yes(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.sync.keys import KeysTab

    street = make_workspace(*STREET)
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    old = trusted_fingerprint(district, street.site.code)
    again = set_up_again(tmp_path / "street-again", *STREET)  # the street's PC reinstalled: a new key
    try:
        new = export_key_file(again, tmp_path / "again.key").fingerprint
    finally:
        again.close()
    assert new != old
    tab = KeysTab(district)
    qtbot.addWidget(tab)
    defaults: list[bool] = []

    def press(button: QMessageBox.StandardButton):
        def fill(box: QMessageBox) -> None:
            defaults.append(box.defaultButton() is box.button(QMessageBox.StandardButton.No))
            box.button(button).click()
        return fill

    # No (the default): nothing changes, nothing is journaled
    seen.clear()
    answer(None, fill=press(QMessageBox.StandardButton.No))
    assert tab.trust_path(tmp_path / "again.key") is False
    assert old in seen[-1] and new in seen[-1] and "甸柳街道" in seen[-1]
    assert trusted_fingerprint(district, street.site.code) == old and _replacements(district) == []

    # Yes: the new key is trusted, the table shows it, and the journal says which key it replaced
    answer(None, fill=press(QMessageBox.StandardButton.Yes))
    assert tab.trust_path(tmp_path / "again.key") is True
    assert defaults == [True, True]
    assert trusted_fingerprint(district, street.site.code) == new
    assert tab.model.rows[0][2] == new
    [event] = _replacements(district)
    assert event["replaced"] is True and event["old_fingerprint"] == old and event["fingerprint"] == new

    # the same file again: already trusted, no question, nothing more journaled
    n = len(seen)
    assert tab.trust_path(tmp_path / "again.key", confirm=False) is True
    assert len(seen) == n and len(_replacements(district)) == 1
