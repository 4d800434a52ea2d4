"""The line above a list that says why it shows only some records ("工作台：逾期需求 6 件") and
gives the whole list back with one click (or Alt+A)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class FilterBanner(QFrame):
    """Hidden until :meth:`show_caption`; ``cleared`` when the clerk asks for the whole list."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBanner")
        self.setStyleSheet("QFrame#filterBanner { background: #fff8e1; border: 1px solid #ffe082;"
                           " border-radius: 3px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Show &all"))
        self.button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_caption(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def active(self) -> bool:
        return not self.isHidden()

    def clear(self) -> None:
        if self.active():
            self.hide()
            self.cleared.emit()
