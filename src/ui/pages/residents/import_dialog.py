"""The dry-run report of a roster import, before anything is written: errors and warnings apart with
their counts, the communities the file would add (ticked: created with the rows, checked again);
the clerk imports all rows, or (ticked) only the valid ones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import ImportReport
from yichao.ui.widgets.import_check import ImportCheckView


class ImportPreviewDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import check"))
        self.setMinimumSize(560, 400)
        self.report = report
        self.check = ImportCheckView()
        self.check.add_communities.setEnabled(False)  # until an owner can check again
        self.skip = QCheckBox(self.tr("Import the valid rows and leave out the rows with errors"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        self.skip.toggled.connect(lambda _on: self._enable())
        self.show_report(report)

    def set_recheck(self, recheck: Callable[[bool], None]) -> None:
        """Ticking 新建这些社区 calls ``recheck(ticked)``; it answers with :meth:`show_report`."""
        self.check.add_communities.setEnabled(True)
        self.check.add_communities_toggled.connect(lambda on: (self.ok.setEnabled(False), recheck(on)))

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.check.show_report(report)
        self.skip.setVisible(bool(report.rejected))
        self._enable()

    def _enable(self) -> None:
        r = self.report
        self.ok.setEnabled(r.valid > 0 and (self.skip.isChecked() or not r.rejected))

    def skip_invalid(self) -> bool:
        return self.skip.isChecked()

    def add_communities(self) -> bool:
        return self.report.communities_added

    @staticmethod
    def announce(report: ImportReport, parent: QWidget) -> None:
        tr = lambda text: QCoreApplication.translate("ImportPreviewDialog", text)  # noqa: E731
        QMessageBox.information(parent, tr("Import"), tr("%1 residents imported.").replace("%1", str(report.applied)))
