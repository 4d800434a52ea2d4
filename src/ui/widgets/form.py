"""One declarative form dialog for every edit dialog of Yichao.

Fields are declared as data (:class:`~yichao.ui.widgets.form_fields.Field`). While the clerk types,
the dialog names the first wrong field in one red sentence, frames that field and keeps OK disabled.
On OK it checks again and runs the service (``submit``) while it is still open: a refusal (the
service's UserError) is shown the same way, the field the sentence names is framed and focused, and
everything typed stays. The first field has the focus; Tab leaves multi-line fields; every label
gets its own Alt-letter.

    dialog = FormDialog(self.tr("Add user"), [Field("name", self.tr("User name"), required=True), ...],
                        parent, submit=lambda v: create_user(ws, v["name"], ...))
    if dialog.exec():
        use(dialog.saved)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, UserError, message_of, parse_yuan
from yichao.ui.widgets.form_fields import Field, editor_of, make_widget, read_widget
from yichao.ui.widgets.form_style import ErrorLabel, mark_invalid

# the form's rule over several fields: "" when fine, a sentence, or (field key, sentence)
Check = Callable[[dict[str, Any]], "str | tuple[str, str]"]
Submit = Callable[[dict[str, Any]], Any]
Std = QDialogButtonBox.StandardButton
_MNEMONIC = re.compile(r"\s*[(（]&(\w)[)）]|&(?=\w)")


def plain(label: str) -> str:
    """'&Name:' / '名称(&N)：' -> 'Name' / '名称' (how a sentence names the field)."""
    return _MNEMONIC.sub("", label).replace("&&", "&").strip().rstrip(":：").strip()


def assign_mnemonics(labels: Sequence[tuple[str, str]], taken: set[str]) -> list[str]:
    """Give each (key, label) its own Alt-letter, none of ``taken``: the letter the label asked
    for when still free, else a letter of its key. Latin labels get '&' in place; others '(&X)'."""
    out = []
    for key, label in labels:
        asked = _MNEMONIC.search(label)
        wanted = (asked.group(1) or label[asked.end()]) if asked else ""
        text = plain(label)
        letter = next((c.upper() for c in wanted + key.replace("_", "") + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       if c.isascii() and c.isalpha() and c.upper() not in taken), "")
        if not letter:
            out.append(text)
            continue
        taken.add(letter)
        at = next((i for i, c in enumerate(text) if c.upper() == letter), -1) if text.isascii() else -1
        out.append(text[:at] + "&" + text[at:] if at >= 0 else f"{text}(&{letter})")
    return out


class FormDialog(QDialog):
    """A form from ``fields``; ``saved`` holds what ``submit`` returned once the dialog closed on OK."""

    Std = Std  # FormDialog(..., ok=FormDialog.Std.Save)

    def __init__(self, title: str, fields: Sequence[Field], parent: QWidget | None = None, *,
                 check: Check | None = None, submit: Submit | None = None, note: str = "",
                 ok: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Ok, ok_text: str = "",
                 width: int = 460) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.fields = list(fields)
        self._form_rule, self._submit = check, submit
        self.saved: Any = None
        self.problem_key: str | None = None
        # a field is framed red only once the clerk has edited it or pressed OK: a new, empty form
        # says what it needs in its sentence but does not shout at every field
        self.touched: set[str] = set()
        self.tried = False
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(ok | Std.Cancel)
        self.ok_button: QPushButton = self.buttons.button(ok)
        if ok_text:
            self.ok_button.setText(ok_text)  # before the labels take their letters
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._build(note)
        for key in self.widgets:
            if hasattr(type(self), key) or key in vars(self):
                raise ValueError(f"field key {key!r} hides an attribute of the dialog")
        self.revalidate()
        first = next((editor_of(self.widgets[f.key]) for f in self.fields
                      if f.kind != "label" and self.widgets[f.key].isEnabled()), None)
        if first is not None:
            first.setFocus()

    # -- building -----------------------------------------------------------------------------
    def _build(self, note: str) -> None:
        taken = {m.upper() for b in self.buttons.buttons() for m in re.findall(r"&(\w)", b.text())}
        named = [f for f in self.fields if (f.text if f.kind == "check" else f.label)
                 and f.kind != "label" and (f.kind == "check" or not f.inline)]
        texts = dict(zip((f.key for f in named), assign_mnemonics(
            [(f.key, f.text if f.kind == "check" else f.label) for f in named], taken)))
        # the column layouts, by Field.column; a subclass may add rows that are not fields
        self.forms = forms = {0: QFormLayout(), 1: QFormLayout(), -1: QFormLayout()}
        row: QHBoxLayout | None = None
        for f in self.fields:
            widget = make_widget(f, partial(self._edited, f.key))
            widget.setObjectName(f.key)
            if f.kind == "money" and not f.placeholder and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(QCoreApplication.translate("FormDialog", "yuan, e.g. 5000 or 5000.50"))
            self.widgets[f.key] = widget
            if isinstance(widget, QCheckBox) and f.kind == "check":
                widget.setText(texts.get(f.key, f.text))
            if f.inline and row is not None:
                row.addWidget(widget, 0 if f.kind == "check" else 1)
                continue
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            label = QLabel(plain(f.label) if f.kind in ("label", "check") else texts.get(f.key, f.label))
            label.setBuddy(editor_of(widget))
            self.labels[f.key] = label
            forms[f.column if f.column in forms else 0].addRow(label, row)
        layout = QVBoxLayout(self)
        if note:
            hint = QLabel(note)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        if forms[1].rowCount():
            columns = QHBoxLayout()
            columns.addLayout(forms[0], 1)
            columns.addSpacing(16)
            columns.addLayout(forms[1], 1)
            layout.addLayout(columns)
        else:
            layout.addLayout(forms[0])
        if forms[-1].rowCount():
            layout.addLayout(forms[-1])
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- values -------------------------------------------------------------------------------
    def name_of(self, key: str) -> str:
        f = next(f for f in self.fields if f.key == key)
        return plain(f.label or f.text or f.placeholder or key)

    def _parse(self, f: Field, raw: Any) -> Any:
        if f.kind == "money":
            return parse_yuan(raw, self.name_of(f.key)) if raw else None
        return raw

    def _shown(self, f: Field, values: dict[str, Any]) -> bool:
        return f.visible is None or bool(f.visible(values))

    def _raw_values(self) -> dict[str, Any]:
        """Every field's value as far as it can be read (a money field not yet right is None)."""
        out: dict[str, Any] = {}
        for f in self.fields:
            raw = read_widget(f, self.widgets[f.key])
            try:
                out[f.key] = self._parse(f, raw)
            except USER_ERRORS:
                out[f.key] = None
        return out

    def find_problem(self) -> tuple[str | None, str]:
        """(the key of the first wrong field or None, the sentence); ("" sentence) when all is well."""
        loose = self._raw_values()
        values: dict[str, Any] = {}
        for f in self.fields:
            if not self._shown(f, loose) or (f.enabled and not f.enabled(loose)):
                values[f.key] = loose[f.key]
                continue
            raw = read_widget(f, self.widgets[f.key])
            name = self.name_of(f.key)
            if f.required and raw in ("", None, []):
                return f.key, QCoreApplication.translate("FormDialog", "%1: required.").replace("%1", name)
            try:
                values[f.key] = self._parse(f, raw)
                problem = f.check(values[f.key], loose) if f.check else ""
            except USER_ERRORS as exc:
                problem = message_of(exc)
            if problem:
                return f.key, self._naming(name, problem)
        if self._form_rule:
            try:
                result = self._form_rule(values)
            except USER_ERRORS as exc:
                result = message_of(exc)
            if isinstance(result, tuple):
                return result
            if result:
                return self.field_named(result), result
        return None, ""

    def _naming(self, name: str, problem: str) -> str:
        if name in problem:
            return problem
        return QCoreApplication.translate("FormDialog", "%1: %2").replace("%1", name).replace("%2", problem)

    def field_named(self, sentence: str) -> str | None:
        """The field the sentence names first (立项金额不能超过申请金额 -> 立项金额); of names found at
        the same place the longest wins (立项金额 over 金额)."""
        named = [(sentence.find(name), -len(name), f.key) for f in self.fields
                 if f.kind != "label" and (name := self.name_of(f.key)) and name in sentence
                 and not self.widgets[f.key].isHidden()]
        return min(named)[2] if named else None

    def values(self) -> dict[str, Any]:
        """The form's values (money in fen; hidden fields included). Raises UserError when wrong."""
        key, problem = self.find_problem()
        if problem:
            raise UserError(problem)
        values = self._raw_values()
        return values

    # -- showing ------------------------------------------------------------------------------
    def revalidate(self) -> bool:
        """Show the first problem (or none), apply visible/enabled rules; True when OK may be pressed."""
        loose = self._raw_values()
        for f in self.fields:
            shown = self._shown(f, loose)
            self.widgets[f.key].setVisible(shown)
            if f.key in self.labels:
                self.labels[f.key].setVisible(shown)
            if f.enabled is not None:
                self.widgets[f.key].setEnabled(bool(f.enabled(loose)))
        key, problem = self.find_problem()
        self.show_problem(problem, key)
        self.ok_button.setEnabled(not problem)
        return not problem

    def __getattr__(self, name: str) -> Any:
        """A field's widget by its key (``dialog.amount.setText(...)``), as pages and tests use it."""
        widgets = vars(self).get("widgets") or {}
        if name in widgets:
            return widgets[name]
        raise AttributeError(f"{type(self).__name__!r} has no attribute or field {name!r}")

    def _edited(self, key: str) -> None:
        self.touched.add(key)
        self.revalidate()

    def show_problem(self, sentence: str, key: str | None = None) -> None:
        """Say ``sentence`` under the form and frame the field ``key`` (no frame when None)."""
        self.error.setText(sentence)
        self.problem_key = key
        for k, widget in self.widgets.items():
            mark_invalid(editor_of(widget), k == key and (self.tried or k in self.touched))

    def accept(self) -> None:
        """Check again, run ``submit`` while the form is open; a refusal keeps everything typed."""
        self.tried = True
        if not self.revalidate():
            self._focus_problem()
            return
        values = self.values()
        if self._submit is not None:
            try:
                self.saved = self._submit(values)
            except USER_ERRORS as exc:
                if not self.refused(exc):
                    sentence = message_of(exc)
                    self.show_problem(sentence, self.field_named(sentence))
                    self._focus_problem()
                return
        else:
            self.saved = values
        super().accept()

    def refused(self, exc: Exception) -> bool:
        """A subclass's own answer to a refusal (True: handled); by default the form shows it."""
        return False

    def save(self) -> None:
        """What the Save / OK button does (tests and keyboard shortcuts call it)."""
        self.accept()

    def _focus_problem(self) -> None:
        if self.problem_key:
            editor_of(self.widgets[self.problem_key]).setFocus()


def ask(parent: QWidget | None, title: str, fields: Sequence[Field], check: Check | None = None,
        note: str = "", submit: Submit | None = None) -> Any:
    """Show the form; None when cancelled, else what ``submit`` returned (the values without it)."""
    dialog = FormDialog(title, fields, parent, check=check, submit=submit, note=note)
    return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
