"""The wizard's data-folder page (issue 20 point 4): a clerk picks the folder; a share is refused;
a folder that already holds data is opened as it is; later starts find the chosen folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from yichao.app.core import resolve_data_dir
from yichao.ui.dialogs.setup_wizard import SetupWizard
from yichao.ui.launch import make_application


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's default data folder, moved into the test's folder."""
    folder = tmp_path / "LocalAppData" / "Yichao"
    monkeypatch.setattr("yichao.app.core.paths.default_data_dir", lambda: folder)
    monkeypatch.delenv("YICHAO_DATA_DIR", raising=False)
    return folder


def _fill_site_and_admin(qtbot, wizard: SetupWizard) -> None:
    page = wizard.site_page
    qtbot.keyClicks(page.code, "370102001")
    page.name.setText("甸柳街道")
    qtbot.keyClicks(page.parent_code, "370102")
    wizard.next()
    qtbot.keyClicks(wizard.admin_page.password, "secret123")
    qtbot.keyClicks(wizard.admin_page.repeat, "secret123")


def test_the_clerk_chooses_another_disk_and_the_next_start_finds_it(qtbot, home, tmp_path):
    make_application()
    wizard = SetupWizard(resolve_data_dir(), choose_folder=True)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.folder_page
    assert page is not None and page.path.text() == str(home)
    chosen = tmp_path / "D" / "益巢数据"
    page.path.setText(str(chosen))
    assert page.error.text() == "" and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    _fill_site_and_admin(qtbot, wizard)
    wizard.accept()
    assert wizard.workspace is not None and wizard.workspace.data_dir == chosen
    wizard.workspace.close()
    assert (chosen / "yichao.db").exists() and not (home / "yichao.db").exists()
    assert resolve_data_dir() == chosen.resolve()  # what `yichao` and the Start-menu shortcut open next


def test_a_network_share_is_refused_on_the_page(qtbot, home, tmp_path, monkeypatch):
    share = (tmp_path / "share").resolve()
    monkeypatch.setattr("yichao.app.core.storage._read_mounts", lambda: f"//nas/office {share} cifs rw 0 0\n")
    make_application()
    wizard = SetupWizard(home, choose_folder=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.folder_page.path.setText(str(share / "益巢"))
    assert "网络位置" in wizard.folder_page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.folder_page.path.setText("relative\\folder")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_folder_that_already_holds_data_finishes_on_the_first_page(qtbot, home, tmp_path, templates):
    existing = tmp_path / "D" / "old"
    shutil.copytree(templates(), existing)
    make_application()
    wizard = SetupWizard(home, choose_folder=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.folder_page.path.setText(str(existing))
    assert wizard.folder_page.note.text() and wizard.folder_page.isFinalPage()
    wizard.accept()
    assert wizard.workspace is None and wizard.data_dir == existing
    assert resolve_data_dir() == existing.resolve()


def test_without_a_choice_the_wizard_keeps_the_folder_it_was_given(qtbot, tmp_path):
    make_application()
    wizard = SetupWizard(tmp_path / "given")
    qtbot.addWidget(wizard)
    assert wizard.folder_page is None and wizard.page(wizard.startId()) is wizard.site_page


def test_data_already_on_a_share_is_taken_with_the_warning_on_the_page(qtbot, home, tmp_path, templates, monkeypatch):
    share = (tmp_path / "share").resolve()
    shutil.copytree(templates(), share / "益巢")
    monkeypatch.setattr("yichao.app.core.storage._read_mounts", lambda: f"//nas/office {share} cifs rw 0 0\n")
    make_application()
    wizard = SetupWizard(home, choose_folder=True)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.folder_page.path.setText(str(share / "益巢"))
    note = wizard.folder_page.note.text()
    assert "网络位置" in note and "较慢但更稳妥" in note  # runs without WAL, and says so before the login
    assert wizard.folder_page.error.text() == "" and wizard.folder_page.isFinalPage()
    wizard.folder_page.path.setText(str(tmp_path / "D" / "new"))
    assert "网络位置" not in wizard.folder_page.note.text()
