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
