"""The score grid of one judge: a row per pitching project, a column per criterion, then the
weighted total and the sheet's state.

The model holds what is being typed; when every criterion of a row has a value in range it emits
:attr:`ScoreGridModel.row_completed` and the page saves it through the service (first typing) or
confirms it (second typing). In *confirm* mode a sheet not yet confirmed is shown blank, so the
second typist types blind from the paper, as double entry requires.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from yichao.app.roadshow import ScoreGrid, weighted_total

Index = QModelIndex | QPersistentModelIndex
ENTER, CONFIRM = "enter", "confirm"
COLORS = {"confirmed": "#e8f5e9", "entered": "#fff8e1", "recused": "#eeeeee", "mismatch": "#ffebee"}


def parse_score(text: str, top: float) -> float | None:
    """The typed text as a score in 0..top, or None (full-width digits from an input method are fine)."""
    text = text.strip().translate({cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}).replace("．", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value <= top else None


class ScoreGridModel(QAbstractTableModel):
    row_completed = Signal(str, str, list)  # judge uid, project uid, scores

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: ScoreGrid | None = None
        self.judge_uid = ""
        self.mode = ENTER
        self._typed: dict[int, list[float | None]] = {}
        self._mismatch: set[int] = set()

    # -- state ------------------------------------------------------------------------------
    def set_grid(self, grid: ScoreGrid | None, judge_uid: str = "", mode: str = ENTER) -> None:
        self.beginResetModel()
        self.grid, self.mode = grid, mode
        self.judge_uid = judge_uid or (grid.judges[0].uid if grid and grid.judges else "")
        self._typed = {}
        self._mismatch = set()
        self.endResetModel()

    @property
    def criteria_count(self) -> int:
        return len(self.grid.criteria) if self.grid else 0

    def project_uid(self, row: int) -> str:
        assert self.grid is not None
        return self.grid.entries[row].project_uid

    def recused(self, row: int) -> bool:
        return self.grid is not None and (self.judge_uid, self.project_uid(row)) in self.grid.recusals

    def sheet(self, row: int):
        return self.grid.sheets.get((self.judge_uid, self.project_uid(row))) if self.grid else None

    def state(self, row: int) -> str:
        if self.recused(row):
            return "recused"
        if row in self._mismatch:
            return "mismatch"
        sheet = self.sheet(row)
        if sheet is None:
            return "empty"
        return "confirmed" if sheet.confirmed else "entered"

    def shown(self, row: int) -> list[float | None]:
        """The values displayed in a row: what is being typed, else the stored sheet (unless blind)."""
        if row in self._typed:
            return self._typed[row]
        sheet = self.sheet(row)
        if sheet is None or (self.mode == CONFIRM and not sheet.confirmed):
            return [None] * self.criteria_count
        return list(sheet.scores)

    def mark_mismatch(self, row: int) -> None:
        """The second typing disagreed: clear the row for retyping and show it red."""
        self._typed.pop(row, None)
        self._mismatch.add(row)
        self._changed(row)

    def sheet_saved(self, grid: ScoreGrid, row: int) -> None:
        """After the service saved a row: take the new state, forget the typed values."""
        self.grid = grid
        self._typed.pop(row, None)
        self._mismatch.discard(row)
        self._changed(row)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else len(self.grid.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.grid is None else self.criteria_count + 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.grid is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < self.criteria_count and not self.recused(index.row()) and not (
                self.mode == CONFIRM and self.state(index.row()) in ("confirmed", "empty")):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if self.grid is None or not index.isValid():
            return None
        row, col, n = index.row(), index.column(), self.criteria_count
        values = self.shown(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if self.recused(row):
                return self.tr("Recused") if col == n + 1 else "—"
            if col < n:
                return "" if values[col] is None else f"{values[col]:g}"
            if col == n:
                done = [v for v in values if v is not None]
                return f"{weighted_total(self.grid.criteria, tuple(done)):.2f}" if len(done) == n else ""
            return self.state_label(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            color = COLORS.get(self.state(row))
            return QColor(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) if col <= n else None
        if role == Qt.ItemDataRole.ToolTipRole and col < n:
            c = self.grid.criteria[col]
            return self.tr("%1: 0 to %2, weight %3").replace("%1", c.name).replace("%2", f"{c.max:g}").replace(
                "%3", f"{c.weight:g}")
        return None

    def state_label(self, row: int) -> str:
        return {"recused": self.tr("Recused"), "mismatch": self.tr("Differs - type again"),
                "empty": self.tr("Not typed"), "entered": self.tr("Awaiting confirmation"),
                "confirmed": self.tr("Confirmed")}[self.state(row)]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            e = self.grid.entries[section]
            return f"{e.seq}. {e.title}"
        n = self.criteria_count
        if section < n:
            c = self.grid.criteria[section]
            return f"{c.name}\n(0-{c.max:g})"
        return self.tr("Total") if section == n else self.tr("State")

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Accept a score in range; refuse anything else (the cell keeps its old value)."""
        if (
            role != Qt.ItemDataRole.EditRole
            or self.grid is None
            or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable)
        ):
            return False
        row, col = index.row(), index.column()
        text = str(value).strip()
        values = list(self.shown(row))
        if text == "":
            values[col] = None
        else:
            score = parse_score(text, self.grid.criteria[col].max)
            if score is None:
                return False
            values[col] = score
        self._typed[row] = values
        self._mismatch.discard(row)
        self._changed(row)
        complete = all(v is not None for v in values)
        if complete and (self.mode == CONFIRM or values != list(self._stored(row))):
            self.row_completed.emit(self.judge_uid, self.project_uid(row), [float(v) for v in values])  # type: ignore[arg-type]
        return True

    def _stored(self, row: int) -> tuple[float | None, ...]:
        sheet = self.sheet(row)
        return tuple(sheet.scores) if sheet is not None else ()
