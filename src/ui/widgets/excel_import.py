"""The one way a page imports a spreadsheet: choose the file, check every row off the GUI thread, show
the check, then import all rows (or, ticked, the valid ones) off the GUI thread and say how many."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from yichao.app.core import ImportReport, ValueMap, ValueQuestion
from yichao.ui.operations import run_op
from yichao.ui.widgets.value_mapping import ValueMappingDialog

# (file, dry_run, skip_invalid, value map) -> the report
Importer = Callable[[Path, bool, bool, ValueMap], ImportReport]


class PreviewDialog(Protocol):
    def exec(self) -> int: ...
    def skip_invalid(self) -> bool: ...


class ExcelImport(QObject):
    """``title`` heads the file dialog and the last message; ``done_text`` has %1 for the count."""

    def __init__(self, parent: QWidget, title: str, importer: Importer, done_text: str,
                 preview: Callable[[ImportReport, QWidget], PreviewDialog], on_done: Callable[[], Any],
                 questions: Callable[[Path], list[ValueQuestion]] | None = None) -> None:
        super().__init__(parent)
        self.widget, self.title, self.importer = parent, title, importer
        self.done_text, self.preview, self.on_done, self.questions = done_text, preview, on_done, questions
        self.path = Path()
        self.value_map: ValueMap = {}

    def start(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.widget, self.title, "", self.tr("Excel files (*.xlsx)"))
        if not chosen:
            return
        self.path = Path(chosen)
        if self.questions is None:
            self._check()
        else:
            ask = self.questions
            run_op(self.widget, lambda: ask(self.path), on_success=self._answer,
                   label=self.tr("Reading the file..."), with_progress=True)

    def _answer(self, questions: list[ValueQuestion]) -> None:
        """The values the program's lists lack: mapped once, for all rows, before the check."""
        if questions:
            dialog = ValueMappingDialog(questions, self.widget)
            if not dialog.exec():
                return
            self.value_map = dialog.value_map()
        self._check()

    def _check(self) -> None:
        run_op(self.widget, lambda: self.importer(self.path, True, True, self.value_map), on_success=self._checked,
               label=self.tr("Checking every row..."), with_progress=True)

    def _checked(self, report: ImportReport) -> None:
        dialog = self.preview(report, self.widget)
        if dialog.exec() and report.valid:
            skip = dialog.skip_invalid()
            run_op(self.widget, lambda: self.importer(self.path, False, skip, self.value_map),
                   on_success=self._imported, label=self.tr("Importing..."), with_progress=True)

    def _imported(self, report: ImportReport) -> None:
        self.on_done()
        QMessageBox.information(self.widget, self.title, self.done_text.replace("%1", str(report.applied)))
