"""Key-figure cards of the 工作台: a big number that opens the list behind it when clicked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from yichao.app.stats import Card, format_number


def card_number(card: Card) -> str:
    """The big number: money of ten thousand yuan and more reads in 万 (as clerks write it)."""
    if card.fmt == "money" and card.value is not None and abs(float(card.value)) >= 10_000:
        return f"{float(card.value) / 10_000:,.2f}万"
    return format_number(card.value, card.fmt)


class FigureCard(QFrame):
    """One figure. Clicking it (or Enter/Space when focused) emits ``activated(card)``."""

    activated = Signal(object)

    def __init__(self, card: Card, clickable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.clickable = clickable
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumSize(170, 88)
        self.setStyleSheet(
            "QFrame#figureCard { background: white; border: 1px solid #cfd8dc; border-radius: 6px; }"
            "QFrame#figureCard:hover { border-color: #c62828; }"
            "QFrame#figureCard:focus { border: 2px solid #c62828; }"
        )
        self.value_label = QLabel(card_number(card))
        self.value_label.setObjectName("value")
        self.value_label.setStyleSheet("font-size: 19pt; font-weight: 600; color: #263238; border: none;")
        self.unit_label = QLabel(card.unit)
        self.title_label = QLabel(card.label)
        self.title_label.setStyleSheet("font-size: 11pt; color: #37474f; border: none;")
        self.detail_label = QLabel(f"{card.detail} · {card.unit}" if card.unit else card.detail)
        self.detail_label.setStyleSheet("color: #78909c; border: none;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setToolTip(self.tr("Click to open the list behind this figure"))
        self.setAccessibleName(f"{card.label} {self.value_label.text()} {card.unit}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.card)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.card)
            return
        super().keyPressEvent(event)
