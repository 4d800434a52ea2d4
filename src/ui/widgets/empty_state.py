"""What an empty list says on day one: what to do next, and a button that does it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
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


def no_match_state(text: str, clear: Callable[[], None], parent: QWidget | None = None) -> EmptyState:
    """The other empty list: records exist but the search and filters let none through. It says so,
    and its button clears the filters."""
    return EmptyState(text, [(QCoreApplication.translate("EmptyState", "Clear the filter"), clear)], parent)


def show_list_states(none_yet: EmptyState | None, no_match: EmptyState, shown_rows: int,
                     has_records: Callable[[], bool]) -> None:
    """Tell the two empty lists apart: nothing recorded yet (``none_yet``: what to do, with its
    buttons) or nothing that matches (``no_match``); neither while rows are shown. ``has_records``
    is asked only when the list is empty."""
    anything = bool(shown_rows) or has_records()
    if none_yet is not None:
        none_yet.show_when(not anything)
    no_match.show_when(anything and not shown_rows)


def open_page(widget: QWidget, key: str) -> QWidget | None:
    """Go to another page of the main window (e.g. ``"orgs"``), from any page; the page, or None
    where the widget is not in a main window."""
    show_page = getattr(widget.window(), "show_page", None)
    return show_page(key) if callable(show_page) else None


def open_admin_tab(widget: QWidget, tab_attribute: str) -> None:
    """Go to 系统管理 and one of its tabs (e.g. ``communities_tab``), from any page."""
    page = open_page(widget, "admin")
    tabs, tab = getattr(page, "tabs", None), getattr(page, tab_attribute, None)
    if tabs is not None and tab is not None:
        tabs.setCurrentWidget(tab)
