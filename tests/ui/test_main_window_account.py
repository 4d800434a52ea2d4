"""The File menu: switch user (pages rebuilt for the new role), sign out, change password."""

from __future__ import annotations

from tests.conftest import PASSWORD
from tests.ui.modal import answer
from yichao.app.core import auth
from yichao.app.core.workspace import CurrentUser
from yichao.ui import main_window as mw


def sign_in_as(username: str, password: str):
    def fill(dialog) -> None:
        dialog.username.setText(username)
        dialog.password.setText(password)
        dialog._try_login()
        if dialog.isVisible():  # refused: give up, as a clerk pressing Quit
            dialog.reject()

    answer(None, fill=fill)


def test_switch_user_signs_another_clerk_in_and_cancel_keeps_the_first(qtbot, workspace):
    auth.create_user(workspace, "wang", "clerk123", "staff", "王芳")
    window = mw.MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    sign_in_as("wang", "wrong")
    assert window.switch_user() is None
    assert workspace.user.username == "admin"
    sign_in_as("wang", "clerk123")
    new = window.switch_user()
    qtbot.addWidget(new)
    assert new is not None and new.isVisible() and not window.isVisible()
    assert workspace.user == CurrentUser("wang", "staff", "王芳")
    assert "王芳" in new.user_label.text()


def test_sign_out_hides_the_window_until_someone_signs_in(qtbot, workspace):
    window = mw.MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    sign_in_as("admin", PASSWORD)
    new = window.sign_out()
    qtbot.addWidget(new)
    assert new is not None and workspace.user.username == "admin"
    from yichao.app.core import JournalFilter, query_journal

    ops = [r.op for r in query_journal(workspace, JournalFilter(ops=("logout", "login")))]
    assert "logout" in ops


def test_change_password_asks_the_old_one_and_the_new_twice(qtbot, workspace):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    window = mw.MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)

    def fill(dialog) -> None:
        dialog.widgets["old"].setText(PASSWORD)
        dialog.widgets["new"].setText("newpass99")
        dialog.widgets["again"].setText("newpass99")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    answer(None, fill=fill)
    import pytest

    mp = pytest.MonkeyPatch()
    mp.setattr(QMessageBox, "information", lambda *a, **k: None)
    try:
        assert window.change_password()
    finally:
        mp.undo()
    assert auth.login(workspace, "admin", "newpass99").username == "admin"
