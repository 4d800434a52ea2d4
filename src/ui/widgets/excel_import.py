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
from yichao.ui.widgets.value_mapping import ValueAnswers

# (file, dry_run, skip_invalid, value map, add the communities the file names) -> the report
Importer = Callable[[Path, bool, bool, ValueMap, bool], ImportReport]


class PreviewDialog(Protocol):
    def exec(self) -> int: ...
    def skip_invalid(self) -> bool: ...
    def add_communities(self) -> bool: ...
    def set_recheck(self, recheck: Callable[[bool], None]) -> None: ...
    def show_report(self, report: ImportReport) -> None: ...


class ExcelImport(QObject):
    """``title`` heads the file dialog and the last message; ``done_text`` has %1 for the count."""

    def __init__(self, parent: QWidget, title: str, importer: Importer, done_text: str,
                 preview: Callable[[ImportReport, QWidget], PreviewDialog], on_done: Callable[[], Any],
                 questions: Callable[[Path], list[ValueQuestion]] | None = None, communities: bool = False) -> None:
        super().__init__(parent)
        self.widget, self.title, self.importer = parent, title, importer
        self.done_text, self.preview, self.on_done, self.questions = done_text, preview, on_done, questions
        self.communities = communities  # the file names communities: the check offers 新建这些社区
        self.path = Path()
        self.value_map: ValueMap = {}
        self.answers = ValueAnswers()

    def start(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self.widget, self.title, "", self.tr("Excel files (*.xlsx)"))
        if not chosen:
            return
        self.path = Path(chosen)
        if self.questions is None:
            self._check()
        else:
            ask, path = self.questions, self.path
            self.answers.ask(self.widget, lambda: ask(path), lambda values: self._check(values))

    def _check(self, values: ValueMap | None = None) -> None:
        self.value_map = values or {}
        run_op(self.widget, lambda: self.importer(self.path, True, True, self.value_map, False),
               on_success=self._checked, label=self.tr("Checking every row..."), with_progress=True)

    def _checked(self, report: ImportReport) -> None:
        dialog = self.preview(report, self.widget)
        if self.communities:
            dialog.set_recheck(lambda add: run_op(
                self.widget, lambda: self.importer(self.path, True, True, self.value_map, add),
                on_success=dialog.show_report, label=self.tr("Checking every row..."), with_progress=True))
        if dialog.exec():
            skip, add = dialog.skip_invalid(), dialog.add_communities()
            run_op(self.widget, lambda: self.importer(self.path, False, skip, self.value_map, add),
                   on_success=self._imported, label=self.tr("Importing..."), with_progress=True)

    def _imported(self, report: ImportReport) -> None:
        self.on_done()
        QMessageBox.information(self.widget, self.title, self.done_text.replace("%1", str(report.applied)))
