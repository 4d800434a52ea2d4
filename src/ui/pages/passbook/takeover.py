"""接管纸质存折: take over the passbooks of the street's Excel ledger, checked first, then all at once."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from yichao.app.core import ImportReport, Workspace
from yichao.app.passbook import import_passbooks
from yichao.ui.operations import run_op
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog


class PassbookTakeover(QObject):
    """Ask for the ledger workbook, show the check of every row, then take the books over."""

    def __init__(self, parent: QWidget, ws: Workspace, on_done: Callable[[], None]) -> None:
        super().__init__(parent)
        self.widget, self.ws, self.on_done = parent, ws, on_done
        self.path = ""

    def start(self) -> None:
        self.path, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Take over passbooks from the ledger workbook"),
                                                   "", self.tr("Excel files (*.xlsx)"))
        if self.path:
            run_op(self.widget, lambda: import_passbooks(self.ws, Path(self.path), dry_run=True, skip_invalid=True),
                   on_success=self._checked, label=self.tr("Checking the ledger..."), with_progress=True)

    def _checked(self, report: ImportReport) -> None:
        dialog = ImportPreviewDialog(report, self.widget)
        if dialog.exec() and report.valid:
            skip = dialog.skip_invalid()
            run_op(self.widget, lambda: import_passbooks(self.ws, Path(self.path), skip_invalid=skip),
                   on_success=self._imported, label=self.tr("Taking over passbooks..."), with_progress=True)

    def _imported(self, report: ImportReport) -> None:
        self.on_done()
        QMessageBox.information(self.widget, self.tr("Take over passbooks"),
                                self.tr("%1 passbooks taken over; printing continues on each at its next free line.")
                                .replace("%1", str(report.applied)))
