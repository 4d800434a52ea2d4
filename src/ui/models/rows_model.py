"""One table model for short lists shown whole (catalog, rules, peers, conflicts, totals).

The paged model serves lists that grow; these stay at tens of rows and are loaded at once. Rows are
any objects and each :class:`Column` says how a row reads, exactly as for the paged model; a list of
plain text rows gets its columns from :func:`text_columns`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from yichao.ui.models.paged_table_model import ROW_ROLE, UID_ROLE, Column

Index = QModelIndex | QPersistentModelIndex
READ_ONLY_COLOR = "#607d8b"  # the district's records in a street's lists: shown, not editable
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def text_columns(headers: Sequence[str], numbers: Collection[int] = ()) -> list[Column]:
    """Columns over rows that are lists of texts; the columns at ``numbers`` hold figures (right)."""

    def cell(i: int, header: str) -> Column:
        align = RIGHT if i in numbers else Column.align
        return Column("", header, lambda row: row[i], align)

    return [cell(i, header) for i, header in enumerate(headers)]


class RowsModel(QAbstractTableModel):
    """A whole short list; rows with a true ``read_only`` attribute are greyed."""

    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column], rows: Sequence[Any] = ()) -> None:
        """New columns (and their rows) at once: a side-by-side view whose sites vary."""
        self.beginResetModel()
        self.columns = list(columns)
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole:
            name = column.color(row) if column.color is not None else None
            if name is None and getattr(row, "read_only", False):
                name = READ_ONLY_COLOR
            return QColor(name) if name else None
        if role == UID_ROLE:
            return getattr(row, "uid", None)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None
