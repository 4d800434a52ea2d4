"""A form field declared as data, and the one place that knows how each kind becomes a widget,
is read and is written back. :mod:`yichao.ui.widgets.form` builds dialogs from these."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from yichao.app.core import USER_ERRORS, parse_yuan, plain_yuan

KINDS = ("text", "password", "multiline", "int", "float", "money", "date", "optional_date", "choice",
         "check", "checks", "pick", "label")


@dataclass(frozen=True)
class Field:
    """One field of a form.

    kind: text | password | multiline | int | float | money (typed as yuan, valued in fen) | date |
    optional_date (a tick box and a date; None when not ticked) | choice (``choices`` as
    (value, label)) | check | checks (several of ``choices`` ticked; a list of values) | pick (one of a
    list the page may refill, e.g. search results; None until one is chosen) | label (read-only text).
    ``check(value, values)`` returns the problem as a sentence ("" when fine) or raises UserError.
    ``visible`` / ``enabled`` take the form's current values and say whether the field shows / may
    be edited. ``inline`` puts the field beside the previous one (building / unit / room);
    ``column`` 1 puts it in a second column, -1 in a full-width part under the columns.
    """

    key: str
    label: str
    kind: str = "text"
    default: Any = None
    required: bool = False
    choices: Sequence[tuple[Any, str]] = field(default=())
    minimum: float = 0
    maximum: float = 10_000_000
    decimals: int = 1
    step: float = 1
    placeholder: str = ""
    text: str = ""  # the tick box's own words (check, optional_date)
    min_date: date | None = None
    max_date: date | None = None
    check: Callable[[Any, dict[str, Any]], str] | None = None
    visible: Callable[[dict[str, Any]], bool] | None = None
    enabled: Callable[[dict[str, Any]], bool] | None = None
    inline: bool = False
    column: int = 0
    height: int = 0  # multiline / checks: a fixed height in pixels
    suffix: str = ""  # int / float: a unit shown after the number (" mm")
    editable: bool = False  # choice: the clerk may also type a value of their own (its text is the value)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind!r}")


class OptionalDate(QWidget):
    """A tick box and a date beside it: the date counts only when ticked."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(text)
        self.date = date_edit()
        self.date.setEnabled(False)
        self.box.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)
        row.addWidget(self.date, 1)
        self.setFocusProxy(self.box)


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    set_date(edit, day or date.today())
    return edit


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def make_widget(f: Field, changed: Callable[[], None]) -> QWidget:
    """The widget for ``f``, showing its default, calling ``changed`` (with no arguments) on every edit."""

    def notify(*_signal_args: object) -> None:
        changed()

    w: QWidget
    if f.kind == "multiline":
        w = QPlainTextEdit(str(f.default or ""))
        w.setTabChangesFocus(True)  # Tab goes to the next field, as in every other field
        w.setFixedHeight(f.height or 70)
        w.setPlaceholderText(f.placeholder)
        w.textChanged.connect(notify)
    elif f.kind in ("date", "optional_date"):
        opt = OptionalDate(f.text) if f.kind == "optional_date" else None
        edit = opt.date if opt else date_edit()
        if f.min_date:
            edit.setMinimumDate(_qdate(f.min_date))
        if f.max_date:
            edit.setMaximumDate(_qdate(f.max_date))
        if f.default:
            set_date(edit, f.default)
        edit.dateChanged.connect(notify)
        if opt:
            opt.box.setChecked(f.default is not None)
            opt.box.toggled.connect(notify)
        w = opt or edit
    elif f.kind == "int":
        w = QSpinBox()
        w.setSuffix(f.suffix)
        w.setRange(int(f.minimum), int(f.maximum))
        w.setSingleStep(int(f.step))
        w.setValue(int(f.default or 0))
        w.valueChanged.connect(notify)
    elif f.kind == "float":
        w = QDoubleSpinBox()
        w.setSuffix(f.suffix)
        w.setDecimals(f.decimals)
        w.setRange(f.minimum, f.maximum)
        w.setSingleStep(f.step)
        w.setValue(float(f.default or 0))
        w.valueChanged.connect(notify)
    elif f.kind == "choice":
        w = QComboBox()
        w.setEditable(f.editable)
        for value, label in f.choices:
            w.addItem(label, value)
        if f.default is not None:
            w.setCurrentIndex(max(0, w.findData(f.default)))
        w.currentIndexChanged.connect(notify)
        if f.editable:
            w.editTextChanged.connect(notify)
    elif f.kind == "check":
        w = QCheckBox(f.text)
        w.setChecked(bool(f.default))
        w.toggled.connect(notify)
    elif f.kind == "checks":
        w = QListWidget()
        w.setFlow(QListWidget.Flow.LeftToRight)
        w.setWrapping(True)
        w.setFixedHeight(f.height or 90)
        chosen = set(f.default or ())
        for value, label in f.choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
            w.addItem(item)
        w.itemChanged.connect(notify)
    elif f.kind == "pick":
        w = QListWidget()
        w.setMinimumHeight(f.height or 140)
        for value, label in f.choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            w.addItem(item)
        w.currentRowChanged.connect(notify)
    elif f.kind == "label":
        w = QLabel(str(f.default or ""))
        w.setWordWrap(True)
    else:
        text = plain_yuan(f.default) if f.kind == "money" and f.default is not None else str(f.default or "")
        w = QLineEdit(text)
        if f.kind == "password":
            w.setEchoMode(QLineEdit.EchoMode.Password)
        w.setPlaceholderText(f.placeholder)
        w.textChanged.connect(notify)
        if f.kind == "money":
            w.editingFinished.connect(lambda: _normalise_money(w))
    return w


def _normalise_money(edit: QLineEdit) -> None:
    """'5,000元' becomes '5000' when the clerk leaves the field: what is kept is what is shown."""
    try:
        fen = parse_yuan(edit.text())
    except USER_ERRORS:
        return  # the form says what is wrong
    if edit.text().strip() and edit.text() != plain_yuan(fen):
        edit.setText(plain_yuan(fen))


def read_widget(f: Field, w: QWidget) -> Any:
    """What the field holds as typed: text stripped (money still text), numbers, dates, data."""
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText().strip()
    if isinstance(w, OptionalDate):
        return w.date.date().toPython() if w.box.isChecked() else None
    if isinstance(w, QDateEdit):
        return w.date().toPython()
    if isinstance(w, (QSpinBox, QDoubleSpinBox)):
        return w.value()
    if isinstance(w, QComboBox):
        return w.currentText().strip() if f.editable else w.currentData()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QListWidget) and f.kind == "pick":
        item = w.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    if isinstance(w, QListWidget):
        return [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                if w.item(i).checkState() == Qt.CheckState.Checked]
    if isinstance(w, QLabel):
        return w.text()
    assert isinstance(w, QLineEdit)
    return w.text() if f.kind == "password" else w.text().strip()


def editor_of(w: QWidget) -> QWidget:
    """The part of ``w`` that takes the red frame and the focus."""
    return w.date if isinstance(w, OptionalDate) else w
