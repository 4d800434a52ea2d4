"""Bulk credit (批量记分): one activity, its volunteers' passbooks scanned one per line, one step.

The points come from the rules for the activity type unless typed; the service refuses a second
posting of the same activity and credits a passbook listed twice only once. A refusal keeps the
list that was scanned.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from yichao.app.core import USER_ERRORS, Workspace
from yichao.app.passbook import ActivityInput, CreditResult, activity_types, credit_activity, points_for_service
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, FormDialog


class BulkCreditDialog(FormDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        self.ws = ws
        types = call(parent, activity_types, ws) or []
        super().__init__(self.tr("Bulk credit for an activity"), [
            Field("title", self.tr("Activity"), required=True),
            Field("kind", self.tr("Activity type"), "choice", choices=[(t, t) for t in types], editable=True),
            Field("held_on", self.tr("Date"), "date", max_date=date.today()),
            Field("hours", self.tr("Hours each"), "float", 2, maximum=24, step=0.5),
            Field("points", self.tr("Points each"), "int", maximum=100_000),
            Field("numbers", self.tr("Passbooks"), "multiline", height=240, required=True,
                  placeholder=self.tr("Scan or type one passbook number per line")),
            Field("count", "", "label"),
        ], parent, submit=self._credit, ok_text=self.tr("Credit all"))
        self.numbers.textChanged.connect(self._count)
        self.hours.valueChanged.connect(self._price)
        self.kind.currentTextChanged.connect(self._price)
        self._price()
        self._count()

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

    def _credit(self, v: dict[str, Any]) -> CreditResult:
        result = credit_activity(self.ws, ActivityInput(v["title"], v["kind"], v["held_on"], v["hours"], v["points"]),
                                 self.number_list())
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "%1 passbooks credited with %2 points each.").replace("%1", str(result.credited))
            .replace("%2", str(result.points_each)))
        return result
