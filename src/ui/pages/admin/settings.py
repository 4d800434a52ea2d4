"""Settings tab: language, database, backups kept, attachment size (admin only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace, update_settings
from yichao.ui.i18n import LANGUAGES
from yichao.ui.icons import icon
from yichao.ui.operations import call


class SettingsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        s = ws.settings
        self.language = QComboBox()
        self.language.setObjectName("language")
        for key, label in LANGUAGES.items():
            self.language.addItem(label, key)
        self.language.setCurrentIndex(max(0, self.language.findData(s.get("language"))))
        self.database_url = QLineEdit(s.get("database_url") or "")
        self.database_url.setPlaceholderText(self.tr("empty: the built-in SQLite database in the data folder"))
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 100)
        self.backup_keep.setValue(int(s.get("backup_keep")))
        self.attachment_mb = QSpinBox()
        self.attachment_mb.setRange(1, 500)
        self.attachment_mb.setSuffix(" MB")
        self.attachment_mb.setValue(int(s.get("attachment_max_mb")))
        form = QFormLayout()
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow(self.tr("&Database (district, PostgreSQL):"), self.database_url)
        form.addRow(self.tr("Automatic &backups kept:"), self.backup_keep)
        form.addRow(self.tr("Largest &attachment:"), self.attachment_mb)
        form.addRow(self.tr("Data folder:"), QLabel(str(ws.data_dir)))
        self.save_button = QPushButton(icon("save"), self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addStretch()

    def save(self) -> None:
        changes = {
            "language": self.language.currentData(),
            "database_url": self.database_url.text().strip(),
            "backup_keep": self.backup_keep.value(),
            "attachment_max_mb": self.attachment_mb.value(),
        }
        restart = (changes["language"] != self.ws.settings.get("language")
                   or changes["database_url"] != (self.ws.settings.get("database_url") or ""))
        if call(self, update_settings, self.ws, changes) is None:
            return
        message = self.tr("Settings saved.")
        if restart:
            message += " " + self.tr("Restart Yichao for the language or database change to take effect.")
        QMessageBox.information(self, self.tr("Settings"), message)
