"""Users tab of 系统管理: add, disable, reset and change the role of staff accounts (admin only)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from yichao.app import core
from yichao.app.core import UserRow, Workspace
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, Column
from yichao.ui.models.rows_model import RowsModel
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, FormDialog, ask
from yichao.ui.widgets.table_view import make_table_view


def role_label(role: str) -> str:
    return {"admin": QCoreApplication.translate("Roles", "Administrator"),
            "staff": QCoreApplication.translate("Roles", "Staff"),
            "viewer": QCoreApplication.translate("Roles", "Read-only")}.get(role, role)


def user_columns() -> list[Column]:
    """The columns of the staff list: a handful of accounts, shown whole."""

    def status(row: UserRow) -> str:
        if not row.active:
            return QCoreApplication.translate("UsersModel", "Disabled")
        if row.locked_until is not None and row.locked_until > datetime.now(UTC):
            return QCoreApplication.translate("UsersModel", "Locked")
        return QCoreApplication.translate("UsersModel", "Active")

    return [
        Column("", QCoreApplication.translate("UsersModel", "User name"), lambda r: r.username),
        Column("", QCoreApplication.translate("UsersModel", "Name"), lambda r: r.display_name),
        Column("", QCoreApplication.translate("UsersModel", "Role"), lambda r: role_label(r.role)),
        Column("", QCoreApplication.translate("UsersModel", "Status"), status),
        Column("", QCoreApplication.translate("UsersModel", "Last sign-in"),
               lambda r: r.last_login.astimezone().strftime("%Y-%m-%d %H:%M") if r.last_login else ""),
    ]


def _password_problem(password: str, _values: object) -> str:
    core.check_new_password(password)  # raises the rule's sentence
    return ""


class NewUserDialog(FormDialog):
    """A new staff account; the user name and password rules are checked as the admin types, and a
    refusal (a name already taken) keeps what was typed. ``saved`` holds the new UserRow."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add user"), [
            Field("username", self.tr("User name"), required=True,
                  check=lambda v, _: core.check_username(v) and ""),
            Field("display_name", self.tr("Name")),
            Field("role", self.tr("Role"), "choice", "staff",
                  choices=[(k, role_label(k)) for k in ("staff", "viewer", "admin")]),
            Field("password", self.tr("Password"), "password", required=True,
                  check=_password_problem),
            Field("again", self.tr("Password again"), "password", required=True),
        ], parent, check=lambda v: ("again", self.tr("The two passwords are not the same."))
                  if v["password"] != v["again"] else "",
            submit=lambda v: core.create_user(ws, v["username"], v["password"], v["role"], v["display_name"]))


class UsersTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model = RowsModel(user_columns(), self)
        self.view: QTableView = make_table_view(self)
        self.view.setSortingEnabled(False)
        self.view.setModel(self.model)
        self.add_button = QPushButton(icon("add"), self.tr("&Add user..."))
        self.toggle_button = QPushButton(icon("lock"), self.tr("&Disable / enable"))
        self.reset_button = QPushButton(icon("key"), self.tr("&Reset password..."))
        self.role_button = QPushButton(icon("users"), self.tr("Change &role..."))
        self.unlock_button = QPushButton(icon("unlock"), self.tr("&Unlock"))
        self.unlock_button.setToolTip(self.tr("Lift the lock after too many wrong passwords"))
        self.unlock_button.clicked.connect(self.unlock)
        self.add_button.clicked.connect(self.add_user)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.toggle_button, self.reset_button, self.role_button, self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch()
        self.notice = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(self.notice)
        self.refresh()

    def refresh(self) -> None:
        rows = call(self, core.list_users, self.ws)
        allowed = rows is not None
        for b in (self.add_button, self.toggle_button, self.reset_button, self.role_button, self.unlock_button):
            b.setEnabled(allowed)
        if not allowed:
            self.notice.setText(self.tr("Only administrators can manage users."))
            return
        self.model.set_rows(rows)
        self.view.setColumnWidth(0, 140)
        self.view.setColumnWidth(1, 140)
        self.view.setColumnWidth(2, 120)

    def selected_username(self) -> str | None:
        index = self.view.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row.username if row is not None else None

    def add_user(self) -> None:
        if NewUserDialog(self.ws, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def toggle_active(self) -> None:
        name = self.selected_username()
        if not name:
            return
        row = next(r for r in self.model.rows if r.username == name)
        if call(self, core.set_active, self.ws, name, not row.active) is not None:
            self.refresh()

    def reset_password(self) -> None:
        name = self.selected_username()
        if not name:
            return
        if ask(self, self.tr("Reset password"), [
            Field("password", self.tr("New password for %1:").replace("%1", name), "password", required=True,
                  check=_password_problem),
            Field("again", self.tr("Password again"), "password", required=True),
        ], lambda v: ("again", self.tr("The two passwords are not the same.")) if v["password"] != v["again"] else "",
               submit=lambda v: core.reset_password(self.ws, name, v["password"]) or True):
            self.refresh()

    def change_role(self) -> None:
        name = self.selected_username()
        if not name:
            return
        labels = [role_label(k) for k in ("admin", "staff", "viewer")]
        choice, ok = QInputDialog.getItem(self, self.tr("Change role"), self.tr("Role of %1:").replace("%1", name),
                                          labels, 1, False)
        if ok:
            key = ("admin", "staff", "viewer")[labels.index(choice)]
            if call(self, core.set_role, self.ws, name, key) is not None:
                self.refresh()

    def unlock(self) -> None:
        """Lift a lock-out at once (the clerk at the door need not wait 15 minutes)."""
        name = self.selected_username()
        if not name:
            return
        if call(self, core.unlock_user, self.ws, name) is not None:
            self.refresh()
            self.notice.setText(self.tr("%1 is unlocked and can sign in again.").replace("%1", name))
