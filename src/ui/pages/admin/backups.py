"""Backups tab: the automatic and manual backups, a backup now, restore (admin)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yichao.app import core
from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.operations import run_op


class BackupsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.backup_button = QPushButton(icon("save"), self.tr("&Back up now"))
        self.backup_to_button = QPushButton(icon("export"), self.tr("Back up &to a folder..."))
        self.restore_button = QPushButton(icon("backup"), self.tr("&Restore selected..."))
        self.backup_button.clicked.connect(lambda: self.backup())
        self.backup_to_button.clicked.connect(self.backup_to)
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.backup_to_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for info in core.backups(self.ws):
            text = f"{info.made_at:%Y-%m-%d %H:%M:%S}    {info.path.name}    {info.size / 1_048_576:.1f} MB"
            item = QListWidgetItem(icon("backup"), text)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)

    def backup(self, folder: Path | None = None) -> None:
        run_op(self, lambda: core.make_backup(self.ws, folder), on_success=self._done,
               label=self.tr("Backing up..."), with_progress=True)

    def backup_to(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to folder"))
        if folder:
            self.backup(Path(folder))

    def _done(self, path: Path) -> None:
        self.refresh()
        QMessageBox.information(self, self.tr("Backups"), self.tr("Backup written to %1").replace("%1", str(path)))

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore backup"),
            self.tr("Replace the current data with this backup? The current data is backed up first, "
                    "and Yichao closes afterwards."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        # on the one worker, after whatever it is doing; the restore waits for other threads too
        run_op(self, lambda: core.restore_backup(self.ws, Path(item.data(Qt.ItemDataRole.UserRole))),
               on_success=self._restored, label=self.tr("Restoring..."), with_progress=True)

    def _restored(self, _saved: Path) -> None:
        QMessageBox.information(self, self.tr("Restore backup"),
                                self.tr("The backup was restored. Please start Yichao again."))
        QApplication.quit()
