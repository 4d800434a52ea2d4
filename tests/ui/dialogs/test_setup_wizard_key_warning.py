"""The first-run wizard warns, as `yichao init` does, when the identity numbers' key is a plain file."""

from __future__ import annotations

from yichao.app.core import datakey, key_warning
from yichao.ui.dialogs.setup_wizard import SetupWizard


def _to_admin_page(qtbot, wizard: SetupWizard) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    site = wizard.site_page
    qtbot.keyClicks(site.code, "370102001")
    site.name.setText("甸柳街道")
    qtbot.keyClicks(site.parent_code, "370102")
    site.parent_name.setText("历下区")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page


def test_the_wizard_warns_when_the_key_is_a_plain_file(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(datakey, "dpapi_available", lambda: False)  # not Windows, or pywin32 missing
    wizard = SetupWizard(tmp_path / "site")
    _to_admin_page(qtbot, wizard)
    label = wizard.admin_page.key_warning
    assert label.isVisible() and datakey.PLAIN_KEY_WARNING in label.text()
    qtbot.keyClicks(wizard.admin_page.password, "secret123")
    qtbot.keyClicks(wizard.admin_page.repeat, "secret123")
    wizard.accept()
    assert wizard.workspace is not None
    try:  # the sentence the wizard showed is the one `yichao init` prints for the folder it made
        assert key_warning(tmp_path / "site") == datakey.PLAIN_KEY_WARNING
    finally:
        wizard.workspace.close()


def test_no_warning_when_dpapi_protects_the_key(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(datakey, "dpapi_available", lambda: True)
    wizard = SetupWizard(tmp_path / "site")
    _to_admin_page(qtbot, wizard)
    assert not wizard.admin_page.key_warning.isVisible() and wizard.admin_page.key_warning.text() == ""
