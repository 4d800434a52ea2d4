"""导入需求清单: a community's need list from Excel, its own words for categories mapped once, checked
first (the communities it names and the street lacks offered for creation), then imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from yichao.app.core import Workspace
from yichao.app.needs import import_needs, value_questions
from yichao.ui.pages.residents.import_dialog import ImportPreviewDialog
from yichao.ui.widgets.excel_import import ExcelImport


def import_need_list(parent: QWidget, ws: Workspace, on_done: Callable[[], object]) -> None:
    """Ask for the need list, map its values, show the check of every row, then import it."""
    ExcelImport(
        parent, QCoreApplication.translate("NeedListImport", "Import a need list"),
        lambda path, dry_run, skip, values, add: import_needs(ws, Path(path), dry_run=dry_run, skip_invalid=skip,
                                                              value_map=values, add_communities=add),
        QCoreApplication.translate("NeedListImport", "%1 needs imported."),
        ImportPreviewDialog, on_done, questions=lambda path: value_questions(ws, path), communities=True,
    ).start()
