"""值对照: the distinct values of a file's fixed-list columns that the program's lists lack, each with a
proposed program value; the clerk confirms or changes each once, for all rows of the file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import ValueQuestion
from yichao.ui.operations import run_op


class ValueMappingDialog(QDialog):
    """One row per question; a value left at "keep as is" stays a row error the check reports."""

    def __init__(self, questions: list[ValueQuestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Values not on the program's lists"))
        self.questions = questions
        intro = QLabel(self.tr("These values of the file are not on the program's lists. Choose once what each "
                               "means; the choice applies to every row and is remembered for files of this layout."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(questions), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Value in the file"), self.tr("Rows"),
                                              self.tr("Means")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: list[QComboBox] = []
        for row, q in enumerate(questions):
            for col, text in enumerate((q.column, q.value, str(q.rows))):
                self.table.setItem(row, col, QTableWidgetItem(text))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("(keep as is: these rows are refused)"), None)
            for choice in q.choices:
                combo.addItem(choice, choice)
            combo.setCurrentIndex(max(0, combo.findData(q.proposal)) if q.proposal else 0)
            self.table.setCellWidget(row, 3, combo)
            self.combos.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, min(560, 180 + 34 * len(questions)))
        if self.combos:
            self.combos[0].setFocus()

    def value_map(self) -> dict[str, dict[str, str]]:
        """{column header: {value in the file: program value}} of the values the clerk mapped."""
        out: dict[str, dict[str, str]] = {}
        for q, combo in zip(self.questions, self.combos):
            target = combo.currentData()
            if target:
                out.setdefault(q.column, {})[q.value] = target
        return out


class ValueAnswers:
    """What a clerk answered during one import: the values mapped, and every value already asked (a
    value left unmapped is not asked again when the same file is checked once more)."""

    def __init__(self) -> None:
        self.value_map: dict[str, dict[str, str]] = {}
        self.asked: set[tuple[str, str]] = set()

    def ask(self, parent: QWidget, questions: Callable[[], list[ValueQuestion]],
            then: Callable[[dict[str, dict[str, str]]], None]) -> None:
        """Find the file's unlisted values off the GUI thread, ask the new ones, then call ``then``
        with the whole map (not at all when the clerk cancels)."""

        def answer(found: list[ValueQuestion]) -> None:
            new = [q for q in found if (q.column, q.value) not in self.asked]
            if new:
                dialog = ValueMappingDialog(new, parent)
                if not dialog.exec():
                    return
                self.asked.update((q.column, q.value) for q in new)
                for column, mapped in dialog.value_map().items():
                    self.value_map.setdefault(column, {}).update(mapped)
            then(self.value_map)

        run_op(parent, questions, on_success=answer, label=QCoreApplication.translate(
            "ValueAnswers", "Reading the file..."), with_progress=True)
