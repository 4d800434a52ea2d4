"""Backups tab: the automatic and manual backups, a backup now, restore, and keeping the identity
numbers' key (export / import, ``data_key.py``) (admin)."""

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
from yichao.app.core import RestoreResult, Workspace
from yichao.ui.icons import icon
from yichao.ui.operations import call, run_op
from yichao.ui.pages.admin import data_key
from yichao.ui.widgets.confirm import confirm


class BackupsTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.backup_button = QPushButton(icon("save"), self.tr("&Back up now"))
        self.backup_to_button = QPushButton(icon("export"), self.tr("Back up &to a folder..."))
        self.restore_button = QPushButton(icon("backup"), self.tr("&Restore selected..."))
        self.restore_file_button = QPushButton(icon("import"), self.tr("Restore from a &file..."))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.export_key_button = QPushButton(icon("key"), self.tr("E&xport identity-number key..."))
        self.import_key_button = QPushButton(icon("key"), self.tr("&Import identity-number key..."))
        self.export_key_button.setToolTip(self.tr(
            "Keep the key of the identity numbers off this PC, so backups stay readable after Windows is reinstalled"))
        self.export_key_button.clicked.connect(lambda: data_key.export_key(self, self.ws))
        self.import_key_button.clicked.connect(lambda: data_key.import_key(self, self.ws))
        self.backup_button.clicked.connect(lambda: self.backup())
        self.backup_to_button.clicked.connect(self.backup_to)
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.backup_to_button, self.restore_button, self.restore_file_button):
            buttons.addWidget(b)
        buttons.addStretch()
        key_buttons = QHBoxLayout()
        for b in (self.export_key_button, self.import_key_button):
            key_buttons.addWidget(b)
        key_buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(key_buttons)
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
        self.restore_file(Path(item.data(Qt.ItemDataRole.UserRole)))

    def restore_from_file(self) -> None:
        """A backup made elsewhere (a USB stick, another folder)."""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup file"), "",
                                              self.tr("Yichao backups (*.db)"))
        if name:
            self.restore_file(Path(name))

    def restore_file(self, path: Path) -> None:
        """Say what the restore keeps and drops, ask, then restore on the worker and quit."""
        plan = call(self, core.restore_plan, self.ws, path)
        if plan is None:
            return
        if plan.problems:
            QMessageBox.warning(self, self.tr("Restore backup"), self.tr(
                "This backup cannot be restored without losing what is already on paper:") + "\n"
                + "\n".join(plan.problems))
            return
        made = plan.backup_made_at.strftime("%Y-%m-%d %H:%M") if plan.backup_made_at else ""
        text = self.tr("Replace the current data with the backup of %1?").replace("%1", made)
        more = plan.summary() + "\n" + self.tr(
            "The current data is kept in the backups folder first, and Yichao closes afterwards.")
        if not confirm(self, self.tr("Restore backup"), text, self.tr("Restore"), more):
            return
        # on the one worker, after whatever it is doing; the restore waits for other threads too
        run_op(self, lambda: core.restore_backup(self.ws, path), on_success=self._restored,
               label=self.tr("Restoring..."), with_progress=True)

    def _restored(self, result: RestoreResult) -> None:
        text = self.tr("The backup was restored. Please start Yichao again.")
        if result.warning:  # the backup's identity numbers need the key they were sealed with
            QMessageBox.warning(self, self.tr("Restore backup"), text + "\n\n" + result.warning)
        else:
            QMessageBox.information(self, self.tr("Restore backup"), text)
        QApplication.quit()
