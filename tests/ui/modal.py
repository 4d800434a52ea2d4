"""Answering a modal dialog from a test: a timer finds the active modal and presses a named button.

    answer("confirm-action")            # press the action of the next confirm()
    answer("confirm-action", fill=f)    # call f(dialog) first (choose a reason, set a date)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

seen: list[str] = []  # the texts of the modals answered, for asserting what was asked


def _text_of(dialog: QWidget) -> str:
    from PySide6.QtWidgets import QLabel, QMessageBox

    if isinstance(dialog, QMessageBox):
        return dialog.text() + "\n" + dialog.informativeText()
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def answer(button: str | None = "confirm-action", fill: Callable[[Any], None] | None = None, tries: int = 200) -> None:
    """When the next modal dialog is up, call ``fill`` on it and press its button named ``button``
    (None: ``fill`` closes it)."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        seen.append(_text_of(dialog))
        if fill is not None:
            fill(dialog)
        if button is None:
            return
        target = dialog.findChild(QAbstractButton, button)
        assert target is not None, f"no button {button!r} on {dialog.windowTitle()}"
        target.click()

    QTimer.singleShot(0, lambda: attempt(tries))
