"""导入往年项目: past venture projects from the street's ledger, into their rounds, checked first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from yichao.app.core import Workspace
from yichao.app.projects import import_projects, value_questions
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog
from yichao.ui.widgets.excel_import import ExcelImport


def import_past_projects(parent: QWidget, ws: Workspace, on_done: Callable[[], None]) -> None:
    """Ask for the ledger of past projects, show the check of every row, then import them."""
    ExcelImport(
        parent, QCoreApplication.translate("PastProjectsImport", "Import past projects"),
        lambda path, dry_run, skip, values, _add: import_projects(ws, Path(path), dry_run=dry_run, skip_invalid=skip,
                                                            value_map=values),
        QCoreApplication.translate(
            "PastProjectsImport", "%1 past projects imported into their rounds; the statistics now cover those years."),
        ImportPreviewDialog, on_done, questions=lambda path: value_questions(ws, path),
    ).start()
