"""接管纸质存折: take over the passbooks of the street's Excel ledger: its own words for genders and
offices mapped once (值对照), every row checked first, then all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from yichao.app.core import Workspace
from yichao.app.passbook import import_passbooks, takeover_questions
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog
from yichao.ui.widgets.excel_import import ExcelImport


def take_over_passbooks(parent: QWidget, ws: Workspace, on_done: Callable[[], None]) -> None:
    """Ask for the ledger workbook, show the check of every row, then take the books over."""
    ExcelImport(
        parent, QCoreApplication.translate("PassbookTakeover", "Take over paper passbooks"),
        lambda path, dry_run, skip, values, _add: import_passbooks(ws, Path(path), dry_run=dry_run, skip_invalid=skip,
                                                                   value_map=values),
        QCoreApplication.translate(
            "PassbookTakeover", "%1 passbooks taken over; printing continues on each at its next free line."),
        ImportPreviewDialog, on_done, questions=lambda path: takeover_questions(ws, path),
    ).start()
