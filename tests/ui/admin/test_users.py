"""添加用户: the rules are checked as the admin types, and a refusal keeps the form."""

from __future__ import annotations

from yichao.app.core import list_users
from yichao.ui.launch import make_application
from yichao.ui.pages.admin.users import NewUserDialog


def test_short_password_and_taken_name_keep_what_was_typed(qtbot, workspace):
    make_application()
    dialog = NewUserDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.username.setText("admin")  # already the site's administrator
    dialog.display_name.setText("王晓梅")
    dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
    qtbot.keyClicks(dialog.password, "abc")
    assert not dialog.ok_button.isEnabled() and dialog.problem_key == "password" and "密码" in dialog.error.text()
    qtbot.keyClicks(dialog.password, "12345")
    qtbot.keyClicks(dialog.again, "abc1234")
    assert dialog.problem_key == "again" and "不一致" in dialog.error.text()
    qtbot.keyClicks(dialog.again, "5")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.result() == 0 and dialog.problem_key == "username" and "admin" in dialog.error.text()
    assert (dialog.display_name.text(), dialog.role.currentData(), dialog.password.text()) == \
        ("王晓梅", "viewer", "abc12345")
    dialog.username.setText("wangxm")
    dialog.accept()
    assert dialog.result() == 1 and dialog.saved.username == "wangxm"
    assert {u.username: u.role for u in list_users(workspace)}["wangxm"] == "viewer"


def test_reset_password_checks_as_typed_and_keeps_the_form(qtbot, workspace, monkeypatch):
    from yichao.app.core import create_user, login
    from yichao.ui.pages.admin.users import UsersTab
    from yichao.ui.widgets.form import FormDialog

    make_application()
    create_user(workspace, "wangxm", "abc12345", "staff", "王晓梅")
    tab = UsersTab(workspace)
    qtbot.addWidget(tab)
    row = next(i for i, r in enumerate(tab.model.rows) if r.username == "wangxm")
    tab.view.selectRow(row)

    def admin_types(form):
        form.password.setText("new")
        assert not form.ok_button.isEnabled() and form.problem_key == "password"
        form.password.setText("new12345")
        form.again.setText("new12345")
        form.accept()
        return form.result()

    monkeypatch.setattr(FormDialog, "exec", admin_types)
    tab.reset_password()
    assert login(workspace, "wangxm", "new12345").username == "wangxm"


def test_unlock_button_lifts_the_lock(qtbot, workspace):
    import pytest

    from yichao.app.core import auth
    from yichao.app.core.errors import UserError
    from yichao.ui.pages.admin.users import UsersTab

    auth.create_user(workspace, "wang", "clerk123", "staff")
    admin = workspace.user
    for _ in range(auth.MAX_FAILED):
        with pytest.raises(UserError):
            auth.login(workspace, "wang", "wrong")
    workspace.user = admin
    tab = UsersTab(workspace)
    qtbot.addWidget(tab)
    row = [r.username for r in tab.model.rows].index("wang")
    texts = [tab.model.data(tab.model.index(row, c)) for c in range(tab.model.columnCount())]
    assert "Locked" in texts or "已锁定" in texts
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    tab.unlock()
    assert "wang" in tab.notice.text()
    assert auth.login(workspace, "wang", "clerk123").username == "wang"
