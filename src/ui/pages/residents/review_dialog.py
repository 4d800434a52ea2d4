"""The resident's review of a served need: satisfaction 1-5 and a comment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.needs import NeedRow, review


class ReviewDialog(QDialog):
    def __init__(self, ws: Workspace, need: NeedRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.need = ws, need
        self.saved: NeedRow | None = None
        self.setWindowTitle(self.tr("Review: %1").replace("%1", need.title))
        self.setMinimumWidth(420)
        self.satisfaction = QComboBox()
        labels = (self.tr("1 - very dissatisfied"), self.tr("2 - dissatisfied"), self.tr("3 - acceptable"),
                  self.tr("4 - satisfied"), self.tr("5 - very satisfied"))
        for value, label in enumerate(labels, start=1):
            self.satisfaction.addItem("★" * value + "  " + label, value)
        self.satisfaction.setCurrentIndex(4)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("What the resident said"))
        form = QFormLayout()
        form.addRow(self.tr("Served by:"), QLabel(need.claimant_name))
        form.addRow(self.tr("&Satisfaction:"), self.satisfaction)
        form.addRow(self.tr("&Comment:"), self.comment)
        if need.claimant_kind == "volunteer" and need.reward_points:
            form.addRow("", QLabel(self.tr("%1 points go to the volunteer's love passbook.")
                                   .replace("%1", str(need.reward_points))))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.saved = review(self.ws, self.need.uid, int(self.satisfaction.currentData()), self.comment.toPlainText())
        except USER_ERRORS as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
