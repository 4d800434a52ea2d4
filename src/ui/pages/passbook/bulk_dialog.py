"""Bulk credit (批量记分): one activity, its volunteers' passbooks scanned one per line, one step.

The points come from the rules for the activity type unless typed; the service refuses a second
posting of the same activity and credits a passbook listed twice only once.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace
from yichao.app.passbook import ActivityInput, CreditResult, activity_types, credit_activity, points_for_service
from yichao.ui.operations import call


class BulkCreditDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.result: CreditResult | None = None
        self.setWindowTitle(self.tr("Bulk credit for an activity"))
        self.title = QLineEdit()
        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(call(self, activity_types, ws) or [])
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(2)
        self.points = QSpinBox()
        self.points.setRange(0, 100_000)
        self.numbers = QPlainTextEdit()
        self.numbers.setPlaceholderText(self.tr("Scan or type one passbook number per line"))
        self.count = QLabel()
        self.numbers.textChanged.connect(self._count)
        self.hours.valueChanged.connect(self._price)
        self.kind.currentTextChanged.connect(self._price)
        form = QFormLayout()
        form.addRow(self.tr("Activity"), self.title)
        form.addRow(self.tr("Activity type"), self.kind)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Hours each"), self.hours)
        form.addRow(self.tr("Points each"), self.points)
        form.addRow(self.tr("Passbooks"), self.numbers)
        form.addRow("", self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Credit all"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._price()
        self._count()
        self.resize(460, 560)

    def number_list(self) -> list[str]:
        return [line.strip() for line in self.numbers.toPlainText().splitlines() if line.strip()]

    def _count(self) -> None:
        numbers = self.number_list()
        self.count.setText(self.tr("%1 passbooks (%2 different)").replace("%1", str(len(numbers)))
                           .replace("%2", str(len(set(n.upper() for n in numbers)))))

    def _price(self) -> None:
        try:
            self.points.setValue(points_for_service(self.ws, self.kind.currentText(), self.hours.value()))
        except USER_ERRORS:
            pass  # no rule: the clerk types the points

    def submit(self) -> None:
        data = ActivityInput(self.title.text(), self.kind.currentText(), self.held_on.date().toPython(),
                             self.hours.value(), self.points.value())
        self.result = call(self, credit_activity, self.ws, data, self.number_list())
        if self.result is not None:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "%1 passbooks credited with %2 points each.").replace("%1", str(self.result.credited))
                .replace("%2", str(self.result.points_each)))
            self.accept()
