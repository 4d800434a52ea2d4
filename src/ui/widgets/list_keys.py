"""The keyboard of a searchable list, the same on every page: Enter or Down in the search box moves
into the results, Enter on a row opens it, Delete deletes it (the page asks first)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

_INTO_RESULTS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _SearchKeys(QObject):
    def __init__(self, search: QLineEdit, results: Callable[[], QAbstractItemView],
                 apply: Callable[[], None] | None) -> None:
        super().__init__(search)
        self.results, self.apply = results, apply

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in _INTO_RESULTS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self.apply is not None:
                self.apply()  # what was typed is searched now, not after the pause
            enter_results(self.results())
            return True
        return False


class _RowKeys(QObject):
    def __init__(self, view: QAbstractItemView, open_row: Callable[[], None] | None,
                 delete_row: Callable[[], None] | None) -> None:
        super().__init__(view)
        self.open_row, self.delete_row = open_row, delete_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        view = self.parent()
        has_row = isinstance(view, QAbstractItemView) and view.currentIndex().isValid()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.open_row and has_row:
            self.open_row()
            return True
        if event.key() == Qt.Key.Key_Delete and self.delete_row and has_row:
            self.delete_row()
            return True
        return False


def enter_results(view: QAbstractItemView) -> None:
    """Focus the list, on its current row or else its first."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    view.setFocus(Qt.FocusReason.TabFocusReason)
    if not view.currentIndex().isValid():
        view.setCurrentIndex(model.index(0, 0))


def searchable_list(search: QLineEdit, view: QAbstractItemView, open_row: Callable[[], None] | None = None,
                    delete_row: Callable[[], None] | None = None, apply: Callable[[], None] | None = None,
                    results: Callable[[], QAbstractItemView] | None = None) -> None:
    """Give ``search`` and ``view`` the list keyboard; ``open_row``/``delete_row`` act on the current row,
    ``apply`` runs a search still waiting for its pause before the results get the focus; ``results``
    picks the view the search box moves into when a page shows its records in more than one
    (the needs board or list), ``view`` otherwise."""
    search.installEventFilter(_SearchKeys(search, results or (lambda: view), apply))
    row_keys(view, open_row, delete_row)


def row_keys(view: QAbstractItemView, open_row: Callable[[], None] | None = None,
             delete_row: Callable[[], None] | None = None) -> None:
    """Enter on a row of ``view`` opens it, Delete deletes it (the page asks first)."""
    view.installEventFilter(_RowKeys(view, open_row, delete_row))
