"""The second backup folder in the settings, and the copy made as Yichao closes (issue 20 point 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from yichao.app.core import list_backups
from yichao.ui import launch
from yichao.ui.pages.admin.settings import SettingsTab


def test_the_administrator_sets_a_second_folder(qtbot, workspace, tmp_path, monkeypatch):
    tab = SettingsTab(workspace)
    qtbot.addWidget(tab)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    tab.second_dir.setText(str(tmp_path / "stick"))
    tab.second_days.setValue(3)
    tab.save()
    assert workspace.settings.get("backup_second_dir") == str(tmp_path / "stick")
    assert workspace.settings.get("backup_second_every_days") == 3
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    tab.second_dir.setText("backups")  # not a whole path: refused, nothing saved
    tab.save()
    assert warnings and "完整路径" in warnings[0]
    assert workspace.settings.get("backup_second_dir") == str(tmp_path / "stick")


def test_closing_without_the_stick_asks_to_retry_and_copies_once_it_is_in(qtbot, workspace, tmp_path, monkeypatch):
    launch.make_application()
    stick = tmp_path / "stick"
    workspace.settings.set("backup_second_dir", str(stick))
    asked: list[str] = []

    def question(parent, title, text, *args):
        asked.append(text)
        stick.mkdir(exist_ok=True)  # the clerk plugs the stick in, then presses Retry
        return QMessageBox.StandardButton.Retry

    monkeypatch.setattr(QMessageBox, "question", question)
    launch._second_backup_at_exit(workspace)
    assert len(asked) == 1 and "U盘没有插上" in asked[0]
    assert len(list_backups(stick)) == 1
    launch._second_backup_at_exit(workspace)  # not due again today: no question, no copy
    assert len(asked) == 1 and len(list_backups(stick)) == 1
