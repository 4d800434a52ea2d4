"""A small form dialog shared by this module's dialogs (round, application, status step,
proposal step, roadshow, recusal, evaluation, disbursement).

Fields are declared once; the dialog checks them as the user types, names the field that is wrong
in a red line and keeps OK disabled until the form is right. The service checks again on save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

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
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, message_of
from yichao.app.projects import fen_to_yuan, yuan_to_fen


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | multiline | date | money | int | float | choice
    default: Any = None
    required: bool = False
    choices: Sequence[tuple[Any, str]] = field(default=())
    maximum: float = 10_000_000
    optional_date: bool = False


Check = Callable[[dict[str, Any]], str]


class FormDialog(QDialog):
    def __init__(self, title: str, fields: Sequence[Field], parent: QWidget | None = None,
                 check: Check | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.fields = list(fields)
        self.check = check
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout()
        for f in self.fields:
            widget = self._make(f)
            widget.setObjectName(f.key)
            self.widgets[f.key] = widget
            form.addRow(f.label + ("*" if f.required else ""), widget)
        self.error = QLabel()
        self.error.setObjectName("form_error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.revalidate()

    def _make(self, f: Field) -> QWidget:
        if f.kind == "multiline":
            w = QPlainTextEdit(str(f.default or ""))
            w.setTabChangesFocus(True)
            w.setFixedHeight(70)
            w.textChanged.connect(self.revalidate)
            return w
        if f.kind == "date":
            w = QDateEdit()
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            day = f.default or date.today()
            w.setDate(QDate(day.year, day.month, day.day))
            w.dateChanged.connect(self.revalidate)
            return w
        if f.kind in ("int", "float"):
            w = QSpinBox() if f.kind == "int" else QDoubleSpinBox()
            w.setRange(0, int(f.maximum) if f.kind == "int" else f.maximum)  # type: ignore[arg-type]
            w.setValue(f.default or 0)
            w.valueChanged.connect(self.revalidate)
            return w
        if f.kind == "choice":
            w = QComboBox()
            for value, label in f.choices:
                w.addItem(label, value)
            if f.default is not None:
                w.setCurrentIndex(max(0, w.findData(f.default)))
            w.currentIndexChanged.connect(self.revalidate)
            return w
        default = fen_to_yuan(f.default).replace(",", "") if f.kind == "money" and f.default else (f.default or "")
        w = QLineEdit(str(default))
        if f.kind == "money":
            w.setPlaceholderText(self.tr("yuan, e.g. 50000"))
        w.textChanged.connect(self.revalidate)
        return w

    def raw(self, f: Field) -> Any:
        w = self.widgets[f.key]
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        if isinstance(w, QDateEdit):
            return w.date().toPython()
        if isinstance(w, (QSpinBox, QDoubleSpinBox)):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QLineEdit)
        return w.text().strip()

    def values(self) -> dict[str, Any]:
        """The form's values; money as fen. Raises UserError naming a wrong field."""
        out: dict[str, Any] = {}
        for f in self.fields:
            value = self.raw(f)
            if f.required and value in ("", None):
                from yichao.app.core import UserError

                raise UserError(self.tr("Please fill in “%1”.").replace("%1", f.label))
            if f.kind == "money":
                value = yuan_to_fen(value, f.label) if value else 0
            out[f.key] = value
        return out

    def revalidate(self) -> None:
        try:
            values = self.values()
            message = self.check(values) if self.check else ""
        except USER_ERRORS as exc:
            message = message_of(exc)
        self.error.setText(message)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not message)


def ask(parent: QWidget | None, title: str, fields: Sequence[Field], check: Check | None = None,
        note: str = "") -> dict[str, Any] | None:
    """Show the form; the values when accepted, None when cancelled."""
    dialog = FormDialog(title, fields, parent, check, note)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
