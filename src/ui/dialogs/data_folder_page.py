"""The set-up wizard's first page: where the data folder is.

A clerk may pick a folder on another disk (PCs with a restore card wipe C: at every reboot); a
network share, a USB stick or a OneDrive-synced folder is refused with the sentence of
:func:`yichao.app.core.location_problem`. A folder that already holds Yichao data (a reinstalled PC)
is taken as it is: the wizard then finishes on this page and the login follows; in an unsafe place
the page says at once that it will run without WAL (:func:`yichao.app.core.location_warning`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from yichao.app import core
from yichao.ui.widgets.form_style import ErrorLabel


class DataFolderPage(QWizardPage):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.setTitle(self.tr("Data folder"))
        self.setSubTitle(self.tr("Where Yichao keeps its database, attachments and backups. Choose a folder on "
                                 "this PC's own disk; if this PC has a restore card that wipes C: at every "
                                 "restart, choose a folder on D: or another disk it keeps."))
        self.path = QLineEdit(str(folder))
        self.path.setObjectName("data_folder")
        browse = QPushButton(self.tr("&Browse..."))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.error = ErrorLabel()
        self.note = QLabel()
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        hint = QLabel(self.tr("A USB stick or another drive can receive a second copy of the backups later "
                              "(System → Settings)."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Folder:"))
        label.setBuddy(self.path)  # Alt+F goes to the path
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.note)
        layout.addStretch()
        layout.addWidget(hint)
        self.path.textChanged.connect(self._revalidate)
        self._revalidate()

    def folder(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def has_data(self) -> bool:
        """The folder already holds a Yichao database: use it instead of setting up a new one."""
        text = self.path.text().strip()
        return bool(text) and core.db_path(self.folder()).exists()

    def problem(self) -> str | None:
        text = self.path.text().strip()
        if not text:
            return self.tr("Choose a folder.")
        if not Path(text).expanduser().is_absolute():
            return self.tr("Give the whole path, e.g. D:\\Yichao.")
        if self.has_data():
            return None  # already there: opened as it is (without WAL and with a warning if unsafe)
        return core.location_problem(self.folder())

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.path.text())
        if chosen:
            self.path.setText(str(Path(chosen)))

    def _revalidate(self) -> None:
        self.error.setText(self.problem() or "")
        note = ""
        if self.has_data():
            note = self.tr("This folder already holds Yichao data. Finish to use it and sign in.")
            risk = core.location_warning(self.folder())  # a share, a stick, a synced folder: said now
            if risk:
                note += "\n" + risk
        self.note.setText(note)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.problem() is None

    def nextId(self) -> int:  # noqa: N802
        return -1 if self.has_data() else super().nextId()
