"""The one way a page imports a spreadsheet: choose the file, check every row off the GUI thread, show
the check, then import all rows (or, ticked, the valid ones) off the GUI thread and say how many."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from yichao.app.core import ImportReport
from yichao.ui.operations import run_op

Importer = Callable[[Path, bool, bool], ImportReport]  # (file, dry_run, skip_invalid)


class PreviewDialog(Protocol):
    def exec(self) -> int: ...
    def skip_invalid(self) -> bool: ...


class ExcelImport(QObject):
    """``title`` heads the file dialog and the last message; ``done_text`` has %1 for the count."""

    def __init__(self, parent: QWidget, title: str, importer: Importer, done_text: str,
                 preview: Callable[[ImportReport, QWidget], PreviewDialog], on_done: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.widget, self.title, self.importer = parent, title, importer
        self.done_text, self.preview, self.on_done = done_text, preview, on_done
        self.path = Path()

    def start(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.widget, self.title, "", self.tr("Excel files (*.xlsx)"))
        if chosen:
            self.path = Path(chosen)
            run_op(self.widget, lambda: self.importer(self.path, True, True), on_success=self._checked,
                   label=self.tr("Checking every row..."), with_progress=True)

    def _checked(self, report: ImportReport) -> None:
        dialog = self.preview(report, self.widget)
        if dialog.exec() and report.valid:
            skip = dialog.skip_invalid()
            run_op(self.widget, lambda: self.importer(self.path, False, skip), on_success=self._imported,
                   label=self.tr("Importing..."), with_progress=True)

    def _imported(self, report: ImportReport) -> None:
        self.on_done()
        QMessageBox.information(self.widget, self.title, self.done_text.replace("%1", str(report.applied)))
