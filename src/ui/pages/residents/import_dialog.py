"""The dry-run report of a roster import, before anything is written: every refused row with its
row number and reason; the clerk imports all rows, or (ticked) only the valid ones."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import ImportReport, rejection_lines


class ImportPreviewDialog(QDialog):
    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import check"))
        self.setMinimumSize(520, 360)
        summary = QLabel(self.tr("%1 rows read: %2 can be imported, %3 have errors.")
                         .replace("%1", str(report.total)).replace("%2", str(report.valid))
                         .replace("%3", str(len(report.rejected))))
        summary.setWordWrap(True)
        self.rows = QListWidget()
        self.rows.addItems(rejection_lines(report))
        self.skip = QCheckBox(self.tr("Import the valid rows and leave out the rows with errors"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        if report.rejected:
            layout.addWidget(QLabel(self.tr("Nothing is imported while any row has an error:")))
            layout.addWidget(self.rows, 1)
            layout.addWidget(self.skip)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(report.valid > 0 and not report.rejected)
        self.skip.toggled.connect(lambda on: ok.setEnabled(report.valid > 0 and (on or not report.rejected)))

    def skip_invalid(self) -> bool:
        return self.skip.isChecked()

    @staticmethod
    def done(report: ImportReport, parent: QWidget) -> None:
        tr = lambda text: QCoreApplication.translate("ImportPreviewDialog", text)  # noqa: E731
        QMessageBox.information(parent, tr("Import"), tr("%1 residents imported.").replace("%1", str(report.applied)))
