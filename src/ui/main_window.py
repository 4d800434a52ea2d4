"""The main window: left navigation, a page per module, a status bar (DESIGN.md section 2a)."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from yichao import __version__
from yichao.app.core import Workspace, status_info
from yichao.ui import icons
from yichao.ui.first_paint import after_first_paint
from yichao.ui.icons import icon, when_ready
from yichao.ui.pages import PageSpec, ordered_pages, page_title

log = logging.getLogger(__name__)
_windows: list[MainWindow] = []  # a window opened in place of another after a change of user


class MainWindow(QMainWindow):
    def __init__(self, ws: Workspace, remember_geometry: bool = True) -> None:
        super().__init__()
        self.ws = ws
        self._remember_geometry = remember_geometry
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Yichao - %1").replace("%1", ws.site.name))
        self.resize(1280, 720)
        self.first_start = True  # no size remembered: opens maximized
        self._specs: list[PageSpec] = ordered_pages(ws.site.role)
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QScrollArea] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(180)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #263238; color: #eceff1; border: none; font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 8px 6px; }"
            "QListWidget#navigation::item:selected { background: #c62828; color: white; }"
        )
        for spec in self._specs:
            item = QListWidgetItem(page_title(spec.key))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._show_row)

        self._build_menu()
        self._build_status_bar()
        # a PC revoked while it runs (a district's shared database): its changes are refused from
        # then on (yichao.app.core.workspace); the window says so and signs out
        self._revocation = QTimer(self)
        self._revocation.timeout.connect(self._check_revoked)
        self._revocation.start(500)
        if self._specs:
            self.nav.setCurrentRow(0)
        if remember_geometry:
            self._restore_geometry()
        when_ready(self, self._apply_icons)  # the window need not wait for the icon font
        if not icons.ready():
            after_first_paint(self, icons.preload)

    def _apply_icons(self) -> None:
        """Put the icons on the navigation and the Go menu (the window has the application's icon)."""
        for row, spec in enumerate(self._specs):
            self.nav.item(row).setIcon(icon(spec.icon, "#eceff1"))
        for action, spec in zip(self._go_actions, self._specs):
            action.setIcon(icon(spec.icon))

    # -- pages --------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.show_page(self._specs[row].key)

    def show_page(self, key: str) -> QWidget | None:
        """Show a page, building it on first use so start-up stays light."""
        spec = next((s for s in self._specs if s.key == key), None)
        if spec is None:
            return None
        page = self._pages.get(key)
        if page is None:
            module_name, class_name = spec.target.split(":")
            page_class = getattr(importlib.import_module(module_name), class_name)
            page = page_class(self.ws, self)
            self._pages[key] = page
            exchanged = getattr(page, "exchanged", None)  # the sync page: records came in or went out
            if exchanged is not None:
                exchanged.connect(self.after_exchange)
            # a page wider than a 1366-pixel screen scrolls instead of stretching the window
            holder = QScrollArea()
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidgetResizable(True)
            holder.setWidget(page)
            self._holders[key] = holder
            self.stack.addWidget(holder)
        self.stack.setCurrentWidget(self._holders[key])
        row = self._specs.index(spec)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return page

    def after_exchange(self) -> None:
        """A bundle was imported or exported: the status bar and the dashboard show it at once."""
        self.refresh_status()
        dashboard = self._pages.get("dashboard")
        refresh = getattr(dashboard, "refresh", None)
        if callable(refresh):
            refresh()

    def page(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def current_page(self) -> QWidget | None:
        holder = self.stack.currentWidget()
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    # -- chrome -------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_action = QAction(self.tr("&Switch user..."), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_action.triggered.connect(lambda: self.switch_user())
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(lambda: self.sign_out())
        self.password_action = QAction(self.tr("Change &password..."), self)
        self.password_action.triggered.connect(lambda: self.change_password())
        for action in (self.switch_action, self.sign_out_action, self.password_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        self._go_actions: list[QAction] = []
        for number, spec in enumerate(self._specs, start=1):
            action = QAction(page_title(spec.key), self)
            self._go_actions.append(action)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda checked=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Yichao"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.site_label = QLabel()
        self.user_label = QLabel()
        self.exchange_label = QLabel()
        for label in (self.site_label, self.user_label, self.exchange_label):
            bar.addPermanentWidget(label)
        self.refresh_status()
        timer = QTimer(self)
        timer.timeout.connect(self.refresh_status)
        timer.start(60_000)

    def refresh_status(self) -> None:
        info = status_info(self.ws)
        role = {"district": self.tr("District"), "community": self.tr("Community office")}.get(
            info.role, self.tr("Street"))
        self.site_label.setText(self.tr("Site: %1 (%2, %3)").replace("%1", info.site_name)
                                .replace("%2", info.site_code).replace("%3", role))
        self.user_label.setText(self.tr("User: %1").replace("%1", info.display_name or info.username))
        if info.last_exchange is None:
            self.exchange_label.setText(self.tr("Last bundle exchange: never"))
            self.exchange_label.setStyleSheet("color: #b26a00;" if info.exchange_due else "")
        else:
            local = info.last_exchange.astimezone()
            self.exchange_label.setText(
                self.tr("Last bundle exchange: %1").replace("%1", local.strftime("%Y-%m-%d %H:%M"))
            )
            self.exchange_label.setStyleSheet("color: #b26a00;" if info.exchange_due else "")

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About Yichao"),
                          self.tr("Yichao %1: the workbench of a street social-organization incubation center.")
                          .replace("%1", __version__))

    # -- who is signed in ----------------------------------------------------------------------
    def _sign_in(self, parent: QWidget | None) -> bool:
        """The login dialog; True when someone signed in (``ws.user`` is then that user)."""
        # off the start-up path: loaded when the clerk asks for it
        from yichao.app.core import USER_ERRORS, login, message_of
        from yichao.ui.dialogs.login import LoginDialog

        def authenticate(username: str, password: str) -> str | None:
            try:
                login(self.ws, username, password)
            except USER_ERRORS as exc:
                return message_of(exc)
            return None

        dialog = LoginDialog(self.ws.site.name, authenticate, parent)
        return dialog.exec() == LoginDialog.DialogCode.Accepted

    def switch_user(self) -> MainWindow | None:
        """Another clerk signs in at this PC (a second person confirming roadshow scores); cancel
        keeps the current user. Pages are rebuilt for the new user's role."""
        if not self._sign_in(self):
            return None
        return self._reopen()

    def sign_out(self) -> MainWindow | None:
        """Sign out: the window hides until someone signs in; Quit on the login dialog closes Yichao."""
        # off the start-up path: loaded when the clerk asks for it
        from yichao.app.core import sign_out

        sign_out(self.ws)
        self.hide()
        if not self._sign_in(None):
            self.close()
            return None
        return self._reopen()

    def _check_revoked(self) -> None:
        """Once a change was refused because an administrator revoked this PC: the sentence, then
        sign out (signing in again is refused with the same reason). Waits for an open dialog."""
        message = self.ws.revoked
        if not message or self.ws.user is None or not self.isVisible() or QApplication.activeModalWidget():
            return
        self._revocation.stop()
        QMessageBox.warning(self, self.tr("Yichao"), message)
        self.sign_out()

    def change_password(self) -> bool:
        """The signed-in user's own password: the old one, the new one twice."""
        # off the start-up path: loaded when the clerk asks for it
        from yichao.app.core import change_own_password, check_new_password
        from yichao.ui.widgets.form import ask
        from yichao.ui.widgets.form_fields import Field

        def check(values: dict[str, object]) -> str | tuple[str, str]:
            if values["new"] != values["again"]:
                return "again", self.tr("The two new passwords differ.")
            return ""

        fields = [Field("old", self.tr("Current password"), "password", required=True),
                  Field("new", self.tr("New password"), "password", required=True,
                        check=lambda value, _v: check_new_password(str(value)) or ""),
                  Field("again", self.tr("New password again"), "password", required=True)]
        done = ask(self, self.tr("Change password"), fields, check,
                   submit=lambda v: change_own_password(self.ws, v["old"], v["new"]) or True)
        if done:
            QMessageBox.information(self, self.tr("Change password"), self.tr("Your password is changed."))
        return bool(done)

    def _reopen(self) -> MainWindow:
        """A fresh window for the user now signed in, where this one was; this one closes."""
        window = MainWindow(self.ws, self._remember_geometry)
        _windows[:] = [window]  # the window that replaces this one must stay referenced
        if self.isMaximized():
            window.showMaximized()
        else:
            window.setGeometry(self.geometry())
            window.show()
        self.close()
        self.deleteLater()
        return window

    # -- geometry -----------------------------------------------------------------------------
    def _window_settings(self) -> QSettings:
        """Window state lives in the data folder, apart from the user's preferences."""
        return QSettings(str(self.ws.data_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._window_settings().value("MainWindow/geometry")
        if geometry is not None:
            self.first_start = not self.restoreGeometry(geometry)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._remember_geometry:
            self._window_settings().setValue("MainWindow/geometry", self.saveGeometry())
        for timer in self.findChildren(QTimer):  # a closed window (replaced, or signed out for good) polls
            timer.stop()  # nothing more: its workspace may be closed by then
        super().closeEvent(event)
