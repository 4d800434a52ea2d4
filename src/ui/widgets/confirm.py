"""Asking before something that cannot be undone, the one way every page asks.

    if confirm(self, self.tr("Replace passbook"), text, self.tr("Replace")):
        ...

The question says what will happen; the button that does it is named after the action (never a
bare "Yes"), and Cancel is the default, so Enter or Escape never does the irreversible thing by
accident. :func:`ask_date` and :func:`ask_choice` ask the one thing such an action needs (the payment
date of a subsidy, the reason of a reprint) in the same breath.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)


def _cancel() -> str:
    return QCoreApplication.translate("Confirm", "Cancel")


def confirm(parent: QWidget | None, title: str, text: str, action: str, informative: str = "") -> bool:
    """True when the user pressed the button named ``action``; Cancel (the default) or Escape: False."""
    box = QMessageBox(parent)
    box.setObjectName("confirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("confirm-action")
    cancel = box.addButton(_cancel(), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("confirm-cancel")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked: QAbstractButton | None = box.clickedButton()
    return clicked is go


class _AskDialog(QDialog):
    """A small form: the question, one field, the action button and Cancel (the default)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, action: str) -> None:
        super().__init__(parent)
        self.setObjectName("ask")
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        question = QLabel(text)
        question.setWordWrap(True)
        self.form.addRow(question)
        self.buttons = QDialogButtonBox()
        self.go = QPushButton(action)
        self.go.setObjectName("confirm-action")
        self.cancel = QPushButton(_cancel())
        self.cancel.setObjectName("confirm-cancel")
        self.buttons.addButton(self.go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.go.setAutoDefault(False)
        self.cancel.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


def ask_date(parent: QWidget | None, title: str, text: str, action: str, label: str,
             initial: date | None = None, latest: date | None = None) -> date | None:
    """Ask for the date the action takes effect (e.g. the day a subsidy was paid); None: cancelled."""
    dialog = _AskDialog(parent, title, text, action)
    edit = QDateEdit()
    edit.setObjectName("ask-date")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = initial or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    if latest is not None:
        edit.setMaximumDate(QDate(latest.year, latest.month, latest.day))
    dialog.form.addRow(label, edit)
    dialog.finish()
    dialog.edit = edit  # type: ignore[attr-defined]  # reachable by tests
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


def ask_choice(parent: QWidget | None, title: str, text: str, action: str, label: str,
               choices: list[str], note_label: str = "") -> tuple[str, str] | None:
    """Ask for one of ``choices`` (e.g. why a certificate is reprinted) and an optional note.

    Returns (choice, note); None when cancelled. The action stays disabled until a choice is made.
    """
    dialog = _AskDialog(parent, title, text, action)
    combo = QComboBox()
    combo.setObjectName("ask-choice")
    combo.addItem(QCoreApplication.translate("Confirm", "(choose)"), "")
    for choice in choices:
        combo.addItem(choice, choice)
    dialog.form.addRow(label, combo)
    note = QLineEdit()
    note.setObjectName("ask-note")
    if note_label:
        dialog.form.addRow(note_label, note)
    dialog.finish()
    dialog.go.setEnabled(False)
    combo.currentIndexChanged.connect(lambda _i: dialog.go.setEnabled(bool(combo.currentData())))
    if dialog.exec() != QDialog.DialogCode.Accepted or not combo.currentData():
        return None
    return str(combo.currentData()), note.text().strip()
