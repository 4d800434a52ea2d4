"""The login dialog: shown at once, while the data layer loads in the background."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from yichao.ui.widgets.form_style import ErrorLabel


class LoginDialog(QDialog):
    """Asks for user name and password; ``authenticate(user, password)`` returns an error or None."""

    def __init__(self, site_name: str, authenticate: Callable[[str, str], str | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self._authenticate = authenticate
        self.setWindowTitle(self.tr("Yichao - Sign in"))
        self.setMinimumWidth(380)
        title = QLabel(self.tr("Yichao social-organization incubation workbench"))
        # centred through the style sheet: touching PySide6's Qt namespace builds all of its enums,
        # about 13 ms that the first window of the program need not wait for
        title.setStyleSheet("qproperty-alignment: AlignCenter; font-size: 14pt; font-weight: bold; color: #c62828;")
        site = QLabel(site_name)
        site.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        self.error = ErrorLabel()
        # buttons by role, not standard buttons: those look up their theme icons, about 15 ms on Linux
        self.buttons = QDialogButtonBox()
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(site)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def _try_login(self) -> None:
        if not self.username.text().strip():
            self.error.setText(self.tr("Please enter your user name."))
            self.username.setFocus()
            return
        if not self.password.text():
            self.error.setText(self.tr("Please enter your password."))
            self.password.setFocus()
            return
        self.error.setText(self.tr("Signing in..."))
        self.buttons.setEnabled(False)
        message = self._authenticate(self.username.text(), self.password.text())
        self.buttons.setEnabled(True)
        if message:
            self.error.setText(message)
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
