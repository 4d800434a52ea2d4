"""The keyboard-only score entry view: type a number, Enter (or Tab) goes to the next criterion and
on to the next project; the range is checked as you type (the cell turns red and says the range);
Ctrl+PgDown / Ctrl+PgUp switch judge. Built to type 20 projects x 7 judges x 5 criteria quickly.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from yichao.ui.models.score_grid_model import ScoreGridModel, parse_score
from yichao.ui.widgets.form_style import ERROR_COLOR

Index = QModelIndex | QPersistentModelIndex
INVALID_STYLE = f"QLineEdit {{ background: #ffcdd2; border: 2px solid {ERROR_COLOR}; }}"


class ScoreDelegate(QStyledItemDelegate):
    """A plain line edit that flags an out-of-range score while it is typed."""

    invalid_typed = Signal(str)  # the message, '' when the text is fine

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("score_editor")
        editor.setMaxLength(6)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        model = index.model()
        top = model.grid.criteria[index.column()].max if isinstance(model, ScoreGridModel) and model.grid else 100.0
        editor.textChanged.connect(lambda text, e=editor, t=top: self._check(e, text, t))
        return editor

    def _check(self, editor: QLineEdit, text: str, top: float) -> None:
        bad = bool(text.strip()) and parse_score(text, top) is None
        editor.setStyleSheet(INVALID_STYLE if bad else "")
        editor.setProperty("invalid", bad)
        message = self.tr("A score here is a number from 0 to %1.").replace("%1", f"{top:g}") if bad else ""
        editor.setToolTip(message)
        self.invalid_typed.emit(message)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if not editor.property("invalid"):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ScoreGridView(QTableView):
    judge_step = Signal(int)  # +1 / -1: next or previous judge

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = ScoreDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(28)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def grid_model(self) -> ScoreGridModel:
        model = self.model()
        assert isinstance(model, ScoreGridModel)
        return model

    def next_cell(self, index: QModelIndex, backwards: bool = False) -> QModelIndex:
        """The next (or previous) editable score cell in reading order, or an invalid index."""
        model = self.grid_model()
        n, rows = model.criteria_count, model.rowCount()
        pos = index.row() * n + min(index.column(), n - 1) if index.isValid() else -1
        step = -1 if backwards else 1
        pos += step
        while 0 <= pos < rows * n:
            candidate = model.index(pos // n, pos % n)
            if model.flags(candidate) & Qt.ItemFlag.ItemIsEditable:
                return candidate
            pos += step
        return QModelIndex()

    def start(self) -> None:
        """Put the cursor on the first cell still to type, ready for the first digit."""
        model = self.grid_model()
        first = self.next_cell(QModelIndex())
        for row in range(model.rowCount()):
            if model.state(row) in ("empty", "mismatch") or (model.mode == "confirm" and model.state(row) == "entered"):
                candidate = model.index(row, 0)
                if model.flags(candidate) & Qt.ItemFlag.ItemIsEditable:
                    first = candidate
                    break
        if first.isValid():
            self.setCurrentIndex(first)
        self.setFocus()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter and Tab both go on to the next criterion (then the next project) and keep typing."""
        current = self.currentIndex()
        go = hint in (QAbstractItemDelegate.EndEditHint.SubmitModelCache,
                      QAbstractItemDelegate.EndEditHint.EditNextItem,
                      QAbstractItemDelegate.EndEditHint.EditPreviousItem)
        if go and editor.property("invalid"):
            editor.setFocus()  # an out-of-range score is not left behind
            return
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if go:
            target = self.next_cell(current, hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem)
            if target.isValid():
                self.setCurrentIndex(target)
                self.edit(target)

    def keyPressEvent(self, event) -> None:
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.judge_step.emit(1 if event.key() == Qt.Key.Key_PageDown else -1)
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)
