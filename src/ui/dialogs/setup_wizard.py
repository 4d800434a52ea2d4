"""First-run wizard: the site (street, district or community savings office), a street's communities, and the first
administrator account; or another PC of a district joining the district's existing database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from yichao.app.core import (
    USER_ERRORS,
    Workspace,
    check_entries,
    check_new_password,
    check_username,
    initialize,
    join,
    message_of,
    new_key_warning,
    parse_lines,
    remember_data_dir,
    validate_site,
)
from yichao.ui.dialogs.data_folder_page import DataFolderPage
from yichao.ui.widgets.form_style import ErrorLabel


class SitePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your site"))
        self.setSubTitle(self.tr("Which office runs this copy of Yichao?"))
        self.role = QComboBox()
        self.role.setObjectName("role")
        self.role.addItem(self.tr("Street office"), "street")
        self.role.addItem(self.tr("District office"), "district")
        self.role.addItem(self.tr("Community savings office"), "community")
        self.role.addItem(self.tr("Join an existing district database"), "join")
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("e.g. Dianliu Street"))
        self.parent_code = QLineEdit()
        self.parent_code.setObjectName("parent_code")
        self.parent_name = QLineEdit()
        self.parent_name.setObjectName("parent_name")
        self.parent_code_label = QLabel()
        self.parent_name_label = QLabel()
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("Site &type:"), self.role)
        form.addRow(self.tr("Administrative &code:"), self.code)
        form.addRow(self.tr("Site &name:"), self.name)
        form.addRow(self.parent_code_label, self.parent_code)
        form.addRow(self.parent_name_label, self.parent_name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        for edit in (self.code, self.name, self.parent_code, self.parent_name):
            edit.textChanged.connect(self._revalidate)
        self.role.currentIndexChanged.connect(self._revalidate)
        self._show_parent_labels()

    def _show_parent_labels(self) -> None:
        """A street names its district (optional); a community savings office its street (required)."""
        if self.role.currentData() == "community":
            self.code.setPlaceholderText(self.tr("12 digits: the community's statistical code"))
            self.parent_code_label.setText(self.tr("Parent street code:"))
            self.parent_name_label.setText(self.tr("Parent street name:"))
        else:
            self.code.setPlaceholderText(self.tr("9 digits for a street, 6 for a district"))
            self.parent_code_label.setText(self.tr("Parent district code:"))
            self.parent_name_label.setText(self.tr("Parent district name:"))

    def site_values(self) -> tuple[str, str, str, str, str]:
        return (self.role.currentData(), self.code.text(), self.name.text(), self.parent_code.text(),
                self.parent_name.text())

    def problem(self) -> str | None:
        if self.role.currentData() == "join":
            return None
        try:
            validate_site(*self.site_values())
        except USER_ERRORS as exc:
            return message_of(exc)
        return None

    def _revalidate(self) -> None:
        district = self.role.currentData() == "district"
        joining = self.role.currentData() == "join"
        self.parent_code.setEnabled(not district and not joining)
        self.parent_name.setEnabled(not district and not joining)
        self.code.setEnabled(not joining)
        self.name.setEnabled(not joining)
        self._show_parent_labels()
        touched = bool(self.code.text() or self.name.text())
        problem = self.problem()
        self.error.setText(problem if (problem and touched) else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None

    def nextId(self) -> int:  # noqa: N802
        """A district and a community office list no communities: straight on to the administrator."""
        wizard = self.wizard()
        if self.role.currentData() == "join" and isinstance(wizard, SetupWizard):
            return wizard.join_id
        if self.role.currentData() in ("district", "community") and isinstance(wizard, SetupWizard):
            return wizard.admin_id
        return super().nextId()


class CommunitiesPage(QWizardPage):
    """The street's communities, typed or pasted from Excel one a line: a name and, optionally, its
    12-digit statistical code. Residents, organizations and needs each belong to one; more can be
    added later under 系统管理 → 社区. A district has none: the wizard passes this page by."""

    def __init__(self, site_page: SitePage) -> None:
        super().__init__()
        self.site_page = site_page
        self.setTitle(self.tr("Your communities"))
        self.setSubTitle(self.tr("One community a line, optionally followed by its 12-digit statistical code. "
                                 "You can paste the two columns from Excel, or add them later under "
                                 "System → Communities."))
        self.lines = QPlainTextEdit()
        self.lines.setObjectName("communities")
        self.lines.setPlaceholderText(self.tr("甸柳第一社区  370102001001\n燕山社区\n千佛山社区"))
        self.lines.setTabChangesFocus(True)
        self.status = QLabel()
        self.status.setObjectName("communities-status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Communities:"))
        label.setBuddy(self.lines)
        layout.addWidget(label)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.status)
        self.lines.textChanged.connect(self._revalidate)

    def entries(self) -> list[tuple[str, str]]:
        return parse_lines(self.lines.toPlainText())

    def problem(self) -> str | None:
        try:
            check_entries(self.entries(), self.site_page.site_values()[1].strip())
        except USER_ERRORS as exc:
            return message_of(exc)
        return None

    def initializePage(self) -> None:  # noqa: N802
        self._revalidate()

    def _revalidate(self) -> None:
        problem = self.problem()
        count = len(self.entries())
        if problem:
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(problem)
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("%1 communities will be added.").replace("%1", str(count)) if count
                                else self.tr("No communities yet: you can add them later."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account manages users and settings. Keep the password safe."))
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.tr("&Repeat password:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        # as `yichao init` warns: without DPAPI the identity numbers' key is a plain file
        self.key_warning = QLabel()
        self.key_warning.setObjectName("key_warning")
        self.key_warning.setWordWrap(True)
        warning = new_key_warning()
        self.key_warning.setText(self.tr("Warning: %1").replace("%1", warning) if warning else "")
        self.key_warning.setVisible(bool(warning))
        layout.addWidget(self.key_warning)
        for edit in (self.username, self.password, self.repeat):
            edit.textChanged.connect(self._revalidate)

    def problem(self) -> str | None:
        try:
            check_username(self.username.text())
            check_new_password(self.password.text())
        except USER_ERRORS as exc:
            return message_of(exc)
        if self.password.text() != self.repeat.text():
            return self.tr("The two passwords differ.")
        return None

    def _revalidate(self) -> None:
        problem = self.problem()
        self.error.setText(problem if (problem and self.password.text()) else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None

    def nextId(self) -> int:  # noqa: N802
        return -1  # the last page of a new site (the join page comes after it only in the list)


class JoinPage(QWizardPage):
    """Another PC of a district: the district's database and an administrator of it signing in."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Join an existing district database"))
        self.setSubTitle(self.tr("Another PC of the district already set up the shared database. "
                                 "An administrator of the district signs in to authorize this PC."))
        self.url = QLineEdit()
        self.url.setObjectName("database_url")
        self.url.setPlaceholderText("postgresql+psycopg://yichao:PASSWORD@SERVER:5432/yichao")
        self.username = QLineEdit()
        self.username.setObjectName("join_admin")
        self.password = QLineEdit()
        self.password.setObjectName("join_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Database address:"), self.url)
        form.addRow(self.tr("&Administrator:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        for edit in (self.url, self.username, self.password):
            edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.url.text().strip() and self.username.text().strip() and self.password.text())

    def nextId(self) -> int:  # noqa: N802
        return -1


class SetupWizard(QWizard):
    """Runs :func:`yichao.app.core.setup.initialize` on Finish; ``workspace`` is then open.

    With ``choose_folder`` (no ``--data-dir`` given) the first page picks the data folder; one that
    already holds data finishes the wizard at once with ``workspace`` None and ``data_dir`` set.
    """

    def __init__(self, data_dir: Path, parent: QWidget | None = None, choose_folder: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("SetupWizard")
        self.data_dir = data_dir
        self.workspace: Workspace | None = None
        self.folder_page = DataFolderPage(data_dir) if choose_folder else None
        if self.folder_page is not None:
            self.addPage(self.folder_page)
        self.setWindowTitle(self.tr("Yichao - First-run setup"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(560, 420)
        self.site_page = SitePage()
        self.communities_page = CommunitiesPage(self.site_page)
        self.admin_page = AdminPage()
        self.addPage(self.site_page)
        self.communities_id = self.addPage(self.communities_page)
        self.admin_id = self.addPage(self.admin_page)
        self.join_page = JoinPage()
        self.join_id = self.addPage(self.join_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def accept(self) -> None:
        if self.folder_page is not None:
            self.data_dir = self.folder_page.folder()
            if self.folder_page.has_data():
                self._remember_folder()
                super().accept()
                return
        role, code, name, parent_code, parent_name = self.site_page.site_values()
        if role == "join":
            self._join()
            return
        communities = self.communities_page.entries() if role == "street" else []
        try:
            self.workspace = initialize(
                self.data_dir, role, code, name, self.admin_page.username.text(),
                self.admin_page.password.text(), parent_code, parent_name, communities=communities,
            )
        except USER_ERRORS as exc:
            self.admin_page.error.setText(message_of(exc))
            return
        if self.folder_page is not None:
            self._remember_folder()
        super().accept()

    def _join(self) -> None:
        page = self.join_page
        page.error.setText("")  # a refusal of an earlier try must not stand beside this one's outcome
        try:
            self.workspace = join(self.data_dir, page.url.text(), page.username.text(), page.password.text())
        except USER_ERRORS as exc:
            page.error.setText(message_of(exc))
            return
        if self.folder_page is not None:
            self._remember_folder()
        super().accept()

    def credentials(self) -> tuple[str, str]:
        """Who signs in once the wizard is done: the first administrator, or the one who joined."""
        if self.site_page.role.currentData() == "join":
            return self.join_page.username.text(), self.join_page.password.text()
        return self.admin_page.username.text(), self.admin_page.password.text()

    def _remember_folder(self) -> None:
        """Later starts open the chosen folder; if that cannot be noted, the sentence says how."""
        try:
            remember_data_dir(self.data_dir)
        except USER_ERRORS as exc:
            QMessageBox.warning(self, self.windowTitle(), message_of(exc))
