"""Edit a weighted rubric: criteria with weight and maximum, checked as you type (weights must sum
to 1); saved to the roadshow (before any score is typed) and, if named, as a reusable template."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, UserError, message_of
from yichao.app.roadshow import CriterionSpec, check_criteria
from yichao.ui.widgets.form_style import ErrorLabel


class RubricDialog(QDialog):
    def __init__(
        self, criteria: tuple[CriterionSpec, ...], template_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scoring rubric"))
        self.resize(560, 400)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Weight"), self.tr("Maximum")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        for c in criteria:
            self.add_row(c.name, f"{c.weight:g}", f"{c.max:g}")
        self.template = QLineEdit(template_name)
        self.template.setPlaceholderText(self.tr("Leave empty to keep it for this roadshow only"))
        add, remove = QPushButton(self.tr("&Add criterion")), QPushButton(self.tr("&Remove criterion"))
        add.clicked.connect(lambda: self.add_row("", "0", "10"))
        remove.clicked.connect(
            lambda: self.table.removeRow(self.table.currentRow()) if self.table.currentRow() >= 0 else None
        )
        remove.clicked.connect(self.revalidate)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Save as template named:")))
        layout.addWidget(self.template)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.table.itemChanged.connect(lambda _i: self.revalidate())
        self.revalidate()

    def add_row(self, name: str, weight: str, top: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((name, weight, top)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.revalidate()

    def _cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item is not None else ""

    def criteria(self) -> list[CriterionSpec]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in range(3)]
            try:
                weight, top = float(cells[1]), float(cells[2])
            except ValueError as exc:
                raise UserError(
                    self.tr("Row %1: weight and maximum must be numbers.").replace("%1", str(row + 1))
                ) from exc
            out.append(CriterionSpec(cells[0], weight, top))
        return out

    def revalidate(self) -> None:
        if not hasattr(self, "buttons"):
            return
        try:
            check_criteria(self.criteria())
            message = ""
        except USER_ERRORS as exc:
            message = message_of(exc)
        self.error.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)
