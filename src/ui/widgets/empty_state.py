"""What an empty list says on day one: what to do next, and a button that does it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QFrame):
    """A sentence and its buttons; hidden until :meth:`show_when` finds the list empty."""

    def __init__(self, text: str, actions: Sequence[tuple[str, Callable[[], None]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setStyleSheet("QFrame#emptyState { background: #e3f2fd; border: 1px solid #90caf9;"
                           " border-radius: 4px; }")
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for title, slot in actions:
            button = QPushButton(title)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)
        layout.addLayout(row)
        self.hide()

    def show_when(self, empty: bool) -> None:
        self.setVisible(empty)


def open_admin_tab(widget: QWidget, tab_attribute: str) -> None:
    """Go to 系统管理 and one of its tabs (e.g. ``communities_tab``), from any page."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    page = show_page("admin") if callable(show_page) else None
    tab = getattr(page, tab_attribute, None)
    if page is not None and tab is not None:
        page.tabs.setCurrentWidget(tab)
