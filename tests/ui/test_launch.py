"""The real start-up path: login dialog first, workspace opened behind it, then the main window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from yichao.ui import launch
from yichao.ui.dialogs.login import LoginDialog


def _drive_login(password: str, results: list[str]) -> None:
    def step() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, step)
            return
        dialog.username.setText("admin")
        dialog.password.setText(password)
        dialog.sign_in_button.click()
        results.append(dialog.error.text())
        if dialog.isVisible():
            dialog.password.setText("secret123")
            dialog.sign_in_button.click()

    QTimer.singleShot(0, step)


def test_login_opens_the_workspace_in_the_background(qtbot, workspace):
    folder = workspace.data_dir
    workspace.close()
    launch.make_application(folder)
    results: list[str] = []
    _drive_login("wrong-password", results)
    ws = launch._login(folder)
    try:
        assert ws is not None and ws.user is not None and ws.user.username == "admin"
        assert "不正确" in results[0]
    finally:
        ws.close()
