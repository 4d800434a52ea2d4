"""Settings tab: language, database, backups kept, the second backup folder, attachment size (admin only)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace, last_second_backup, update_settings
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
        form.addRow(self.tr("Second backup &folder:"), self._second_folder_row(s.get("backup_second_dir") or ""))
        self.second_days = QSpinBox()
        self.second_days.setObjectName("backup_second_every_days")
        self.second_days.setRange(1, 30)
        self.second_days.setValue(int(s.get("backup_second_every_days")))
        self.second_days.setPrefix(self.tr("every "))
        self.second_days.setSuffix(self.tr(" day(s), when Yichao closes"))
        self.second_keep = QSpinBox()
        self.second_keep.setRange(1, 100)
        self.second_keep.setValue(int(s.get("backup_second_keep")))
        form.addRow(self.tr("Copy a backup there:"), self.second_days)
        form.addRow(self.tr("Backups kept there:"), self.second_keep)
        last = call(self, last_second_backup, ws)
        form.addRow(self.tr("Last copy there:"), QLabel(f"{last:%Y-%m-%d %H:%M}" if last else self.tr("none yet")))
        form.addRow(self.tr("Largest &attachment:"), self.attachment_mb)
        form.addRow(self.tr("Data folder:"), QLabel(str(ws.data_dir)))
        self.save_button = QPushButton(icon("save"), self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addStretch()

    def _second_folder_row(self, value: str) -> QWidget:
        """Another drive or a USB stick: a restore card that wipes C: cannot take these copies."""
        self.second_dir = QLineEdit(value)
        self.second_dir.setObjectName("backup_second_dir")
        self.second_dir.setPlaceholderText(self.tr("e.g. E:\\Yichao backups on a USB stick; empty: none"))
        browse = QPushButton(self.tr("Bro&wse..."))
        browse.clicked.connect(self._browse_second)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.second_dir, 1)
        box.addWidget(browse)
        return row

    def _browse_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"), self.second_dir.text())
        if folder:
            self.second_dir.setText(str(Path(folder)))

    def save(self) -> None:
        changes = {
            "language": self.language.currentData(),
            "database_url": self.database_url.text().strip(),
            "backup_keep": self.backup_keep.value(),
            "attachment_max_mb": self.attachment_mb.value(),
            "backup_second_dir": self.second_dir.text().strip(),
            "backup_second_every_days": self.second_days.value(),
            "backup_second_keep": self.second_keep.value(),
        }
        restart = (changes["language"] != self.ws.settings.get("language")
                   or changes["database_url"] != (self.ws.settings.get("database_url") or ""))
        if call(self, update_settings, self.ws, changes) is None:
            return
        message = self.tr("Settings saved.")
        if restart:
            message += " " + self.tr("Restart Yichao for the language or database change to take effect.")
        QMessageBox.information(self, self.tr("Settings"), message)
