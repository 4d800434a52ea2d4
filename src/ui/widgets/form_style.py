"""The one look of a form's problems: a red sentence under the form and a red frame on the field
it names. Every dialog uses these instead of hand-made red labels."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = "#c62828"
_INVALID = f"border: 1px solid {ERROR_COLOR}; border-radius: 2px; background: #fff5f5;"


class ErrorLabel(QLabel):
    """The sentence that says what is wrong, in the house's error colour; empty when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formError")
        self.setStyleSheet(f"QLabel#formError {{ color: {ERROR_COLOR}; }}")
        self.setWordWrap(True)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Frame ``widget`` in red (or take the frame off). Only the widget's own style sheet changes,
    so the rest of the form keeps the platform look."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    name = widget.metaObject().className()
    widget.setStyleSheet(f"{name} {{ {_INVALID} }}" if invalid else "")
