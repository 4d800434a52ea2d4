"""A QAbstractTableModel over a paged service query (after Anki's browser table).

Only the count is asked up front; rows are fetched a page at a time when a view asks for them and
kept in a small cache. Sorting re-runs the query in SQL. Stays instant at 100,000 rows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

UID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_SIZE = 200
MAX_CACHED_PAGES = 50

Index = QModelIndex | QPersistentModelIndex


class PagedSource(Protocol):
    """What a page gives the model: a count and pages of rows, both for the current filter."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]: ...


@dataclass(frozen=True)
class Column:
    key: str  # the service's sort key; "" when the column cannot be sorted
    header: str  # already translated
    text: Callable[[Any], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    color: Callable[[Any], str | None] | None = None
    # the whole text when the cell may be cut off (a long change in a journal); shown wrapped
    tip: Callable[[Any], str] | None = None


def wrapped_tip(text: str) -> str:
    """A tooltip that wraps: Qt wraps only rich-text tooltips, so plain text goes in as HTML, one
    paragraph per line."""
    if not text:
        return ""
    return "<qt>" + "".join(f"<p>{escape(line)}</p>" for line in text.splitlines()) + "</qt>"


class PagedTableModel(QAbstractTableModel):
    def __init__(self, source: PagedSource, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        self._columns = list(columns)
        self._count = 0
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._sort_key = next((c.key for c in self._columns if c.key), "")
        self._descending = False
        self.refresh()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-count and drop the cache: call after the filter or the data changed."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._source.count()
        self.endResetModel()

    def set_source(self, source: PagedSource) -> None:
        self._source = source
        self.refresh()

    def _row(self, row: int) -> Any | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._source.fetch(page_no * PAGE_SIZE, PAGE_SIZE, self._sort_key, self._descending)
            self._pages[page_no] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def row_object(self, row: int) -> Any | None:
        if 0 <= row < self._count:
            return self._row(row)
        return None

    # -- Qt interface ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            return "" if row is None else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole and column.color is not None:
            row = self._row(index.row())

            name = column.color(row) if row is not None else None
            return QColor(name) if name else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            row = self._row(index.row())
            return wrapped_tip(column.tip(row)) if row is not None else None
        if role == UID_ROLE:
            row = self._row(index.row())
            return getattr(row, "uid", None) if row is not None else None
        if role == ROW_ROLE:
            return self._row(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)) or not self._columns[column].key:
            return
        self._sort_key = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self._pages.clear()
        self.layoutChanged.emit()
