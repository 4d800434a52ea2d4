"""The wizard, the login dialog and the main window, driven offscreen as a clerk would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from yichao.ui.dialogs.login import LoginDialog
from yichao.ui.dialogs.setup_wizard import SetupWizard
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow
from yichao.ui.models.paged_table_model import Column, PagedTableModel


def test_wizard_validates_as_you_type_and_creates_the_site(qtbot, tmp_path):
    make_application()
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.site_page
    qtbot.keyClicks(page.code, "3701")
    page.name.setText("甸柳街道")  # QTest.keyClicks asserts on non-ASCII text
    assert "9位数字" in page.error.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.code, "02001")
    qtbot.keyClicks(page.parent_code, "370102")
    page.parent_name.setText("历下区")
    assert page.error.text() == ""
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.communities_page  # none typed: they can be added later
    wizard.next()
    admin = wizard.admin_page
    qtbot.keyClicks(admin.password, "abc")
    assert "至少需要 6 位" in admin.error.text()
    admin.password.clear()
    qtbot.keyClicks(admin.password, "secret123")
    qtbot.keyClicks(admin.repeat, "secret124")
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    admin.repeat.clear()
    qtbot.keyClicks(admin.repeat, "secret123")
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()
    assert wizard.workspace is not None
    assert wizard.workspace.site.name == "甸柳街道" and wizard.workspace.site.parent_code == "370102"
    wizard.workspace.close()


def test_login_dialog_shows_the_reason_and_accepts_the_right_password(qtbot, workspace):
    from yichao.app.core.auth import login

    make_application()
    workspace.user = None

    def authenticate(user: str, password: str) -> str | None:
        try:
            login(workspace, user, password)
        except Exception as exc:  # noqa: BLE001
            return getattr(exc, "message", str(exc))
        return None

    dialog = LoginDialog("甸柳街道", authenticate)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.sign_in_button
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请输入用户名。"
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "nope")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "用户名或密码不正确" in dialog.error.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "secret123")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert workspace.user is not None and workspace.user.username == "admin"


def test_enter_in_the_password_field_signs_in(qtbot, workspace):
    from yichao.app.core.auth import login

    make_application()
    workspace.user = None
    dialog = LoginDialog("甸柳街道", lambda user, password: login(workspace, user, password) and None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sign_in_button.text() == "登录" and dialog.quit_button.text() == "退出"
    dialog.username.setText("admin")
    dialog.password.setText("secret123")
    dialog.password.setFocus()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert workspace.user is not None and workspace.user.username == "admin"


def test_main_window_has_navigation_status_bar_and_admin_page(qtbot, workspace):
    make_application()
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    assert window.nav.count() >= 1
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "系统管理" in titles
    assert "甸柳街道" in window.site_label.text() and "370102001" in window.site_label.text()
    assert "管理员" in window.user_label.text()
    assert "从未" in window.exchange_label.text()
    admin = window.show_page("admin")
    assert admin is not None and window.current_page() is admin
    assert admin.users_tab.model.rowCount() == 1


def test_journal_tab_filters_and_shows_before_after(qtbot, workspace):
    from yichao.app.core.communities import add_community
    from yichao.models.site import Community

    make_application()
    row = add_community(workspace, "燕山社区")
    with workspace.unit() as s:
        s.get(Community, row.uid).name = "燕山新社区"
    from yichao.ui.pages.admin.journal import JournalTab

    tab = JournalTab(workspace)
    qtbot.addWidget(tab)
    tab.reload_choices()
    tab.entity.setCurrentIndex(tab.entity.findData("community"))
    assert tab.model.rowCount() == 2
    tab.view.selectRow(0)  # newest first: the rename
    changes = {tab.detail.item(i, 0).text(): (tab.detail.item(i, 1).text(), tab.detail.item(i, 2).text())
               for i in range(tab.detail.rowCount())}
    assert changes["社区名称"] == ("燕山社区", "燕山新社区")  # the field in words, not "name"
    tab.text.setText("没有这个词")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=2000)


class ListSource:
    def __init__(self, n: int) -> None:
        self.rows = [type("R", (), {"uid": str(i), "name": f"名{i:05d}"})() for i in range(n)]
        self.fetches = 0

    def count(self) -> int:
        return len(self.rows)

    def fetch(self, offset, limit, sort_key, descending):
        self.fetches += 1
        rows = sorted(self.rows, key=lambda r: r.name, reverse=descending)
        return rows[offset:offset + limit]


def test_paged_model_passes_qt_model_tester_and_loads_lazily(qtmodeltester):
    source = ListSource(1000)
    model = PagedTableModel(source, [Column("name", "名称", lambda r: r.name)])
    qtmodeltester.check(model)
    source = ListSource(1000)
    model = PagedTableModel(source, [Column("name", "名称", lambda r: r.name)])
    assert model.rowCount() == 1000 and source.fetches == 0
    assert model.data(model.index(999, 0)) == "名00999"
    assert source.fetches == 1
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "名00999"


def test_users_model_passes_model_tester(qtmodeltester, workspace):
    from yichao.app.core.auth import list_users
    from yichao.ui.models.rows_model import RowsModel
    from yichao.ui.pages.admin.users import user_columns

    make_application()
    model = RowsModel(user_columns())
    model.set_rows(list_users(workspace))
    assert model.rowCount() == 1 and model.data(model.index(0, 0)) == "admin"
    qtmodeltester.check(model)
