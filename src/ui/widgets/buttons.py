"""Small button helpers shared by pages: a row of buttons, a button with an icon and a slot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from yichao.ui.icons import icon


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch()
    return row


def new_button(name: str, text: str, slot: Callable[[], None], parent: QWidget) -> QPushButton:
    b = QPushButton(icon(name), text, parent)
    b.clicked.connect(slot)
    return b
