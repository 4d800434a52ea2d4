"""Keeping the identity numbers' key from the backups tab: export it wrapped with a passphrase to
a file kept off the PC, import it back after a Windows reinstall (``core.keys_admin``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from yichao.app import core
from yichao.app.core import Workspace
from yichao.ui.widgets.form import FormDialog
from yichao.ui.widgets.form_fields import Field


class ExportKeyDialog(FormDialog):
    """The passphrase, twice; on OK the key file is written (a refusal keeps the form)."""

    def __init__(self, ws: Workspace, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export identity-number key"), [
            Field("passphrase", self.tr("Passphrase"), "password", required=True),
            Field("again", self.tr("Passphrase again"), "password", required=True),
        ], parent, check=lambda v: ("again", self.tr("The two passphrases are not the same."))
            if v["passphrase"] != v["again"] else "",
            note=self.tr("Whoever has the file and the passphrase can read every identity number: keep the "
                         "file off this PC (a USB stick in the safe) and the passphrase apart from it."),
            submit=lambda v: core.export_data_key(ws, path, v["passphrase"]))


class ImportKeyDialog(FormDialog):
    """The passphrase the key was exported with; on OK the key is imported (a refusal keeps the form)."""

    def __init__(self, ws: Workspace, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Import identity-number key"), [
            Field("passphrase", self.tr("Passphrase"), "password", required=True),
        ], parent, note=self.tr("The key exported before, for this site: identity numbers of backups made "
                                "with it can be read again."),
            submit=lambda v: core.import_data_key(ws, path, v["passphrase"]))


def export_key(parent: QWidget, ws: Workspace) -> None:
    title = QCoreApplication.translate("DataKey", "Export identity-number key")
    name = QCoreApplication.translate("DataKey", "%1 identity-number key").replace("%1", ws.site.name)
    kinds = QCoreApplication.translate("DataKey", "Yichao key exports (*.ykey)")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, core.safe_filename(name, ".ykey"), kinds)
    if not chosen:
        return
    dialog = ExportKeyDialog(ws, Path(chosen), parent)
    if dialog.exec():
        done = QCoreApplication.translate("DataKey", "The identity-number key was written to %1. Keep it off this PC.")
        QMessageBox.information(parent, title, done.replace("%1", str(dialog.saved)))


def import_key(parent: QWidget, ws: Workspace) -> None:
    title = QCoreApplication.translate("DataKey", "Import identity-number key")
    kinds = QCoreApplication.translate("DataKey", "Yichao key exports (*.ykey);;All files (*)")
    chosen, _ = QFileDialog.getOpenFileName(parent, title, "", kinds)
    if not chosen:
        return
    dialog = ImportKeyDialog(ws, Path(chosen), parent)
    if dialog.exec():
        QMessageBox.information(parent, title, dialog.saved.message)
