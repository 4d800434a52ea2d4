"""路演 tab: pick a roadshow and a judge, type the paper sheets into the grid (first typing), let a
second staff member type them again (confirm), and watch the ranking, marked provisional until
every sheet is confirmed. Sheets go out and come back as Excel; the result sheet is a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app import roadshow
from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.roadshow import TIE_RULE, list_roadshows
from yichao.ui.icons import icon
from yichao.ui.models.score_grid_model import CONFIRM, ENTER, ScoreGridModel
from yichao.ui.operations import call, show_error
from yichao.ui.pages.projects.roadshow_actions import RoadshowActions
from yichao.ui.pages.projects.score_grid import ScoreGridView


class RoadshowTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.roadshows = QComboBox()
        self.roadshows.setObjectName("roadshow_combo")
        self.judges = QComboBox()
        self.judges.setObjectName("judge_combo")
        self.enter_mode, self.confirm_mode = (
            QRadioButton(self.tr("&First typing")),
            QRadioButton(self.tr("&Confirm (second typing)")),
        )
        self.enter_mode.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.enter_mode)
        modes.addButton(self.confirm_mode)
        self.model = ScoreGridModel(self)
        self.view = ScoreGridView(self)
        self.view.setModel(self.model)
        self.message = QLabel()
        self.message.setObjectName("grid_message")
        self.progress = QLabel()
        self.results = QTableWidget(0, 4)
        self.results.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Project"), self.tr("Score"), self.tr("Judges")]
        )
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((44, 170, 64, 64)):
            self.results.setColumnWidth(col, width)
        self.status = QLabel()
        self.status.setObjectName("result_status")
        self.status.setWordWrap(True)
        rule = QLabel(self.tr("Ties: %1").replace("%1", TIE_RULE))
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Roadshow:")))
        top.addWidget(self.roadshows, 1)
        files = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, name, text in (
            ("new", "add", self.tr("&New roadshow...")),
            ("entries", "add", self.tr("Pro&jects...")),
            ("rubric", "edit", self.tr("R&ubric...")),
            ("judge", "user", self.tr("Add &judge...")),
            ("recusal", "warning", self.tr("&Recusal...")),
            ("blank", "export", self.tr("&Blank sheet...")),
            ("import", "import", self.tr("&Import sheet...")),
            ("scores", "export", self.tr("E&xport scores...")),
            ("pdf", "print", self.tr("Result &sheet PDF...")),
        ):
            b = QPushButton(icon(name), text, self)
            b.setObjectName(f"roadshow_{key}")
            (files if key in ("blank", "import", "scores", "pdf") else top).addWidget(b)
            self.buttons[key] = b
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("&Judge:")))
        second.itemAt(0).widget().setBuddy(self.judges)  # type: ignore[union-attr]
        second.addWidget(self.judges, 1)
        second.addWidget(self.enter_mode)
        second.addWidget(self.confirm_mode)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(second)
        lv.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.progress)
        lv.addLayout(bottom)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(files)
        rv.addWidget(self.status)
        rv.addWidget(self.results, 1)
        rv.addWidget(rule)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([740, 360])
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.roadshows.currentIndexChanged.connect(lambda _i: self.load())
        self.judges.currentIndexChanged.connect(lambda _i: self.show_judge())
        self.enter_mode.toggled.connect(lambda _on: self.show_judge())
        self.model.row_completed.connect(self.save_row)
        self.view.judge_step.connect(self.step_judge)
        self.view.delegate.invalid_typed.connect(self.show_typing_problem)
        QShortcut(QKeySequence("Ctrl+G"), self).activated.connect(self.view.start)
        self.actions_ = RoadshowActions(self)
        self.reload_roadshows()

    # -- loading ----------------------------------------------------------------------------
    @property
    def roadshow_uid(self) -> str:
        return self.roadshows.currentData() or ""

    def reload_roadshows(self, select: str = "") -> None:
        rows = call(self, list_roadshows, self.ws) or []
        self.roadshows.blockSignals(True)
        self.roadshows.clear()
        for r in rows:
            self.roadshows.addItem(f"{r.held_on:%Y-%m-%d}  {r.name}", r.uid)
        if select:
            self.roadshows.setCurrentIndex(max(0, self.roadshows.findData(select)))
        self.roadshows.blockSignals(False)
        self.load()

    def load(self) -> None:
        self.grid = call(self, roadshow.load_grid, self.ws, self.roadshow_uid) if self.roadshow_uid else None
        current = self.judges.currentData()
        self.judges.blockSignals(True)
        self.judges.clear()
        for j in self.grid.judges if self.grid else ():
            self.judges.addItem(j.name + (f"（{j.affiliation}）" if j.affiliation else ""), j.uid)
        if current:
            self.judges.setCurrentIndex(max(0, self.judges.findData(current)))
        self.judges.blockSignals(False)
        for key, b in self.buttons.items():
            b.setEnabled(key == "new" or self.grid is not None)
        self.show_judge()

    def show_judge(self) -> None:
        self.model.set_grid(
            self.grid, self.judges.currentData() or "", CONFIRM if self.confirm_mode.isChecked() else ENTER
        )
        for col in range(self.model.criteria_count):
            self.view.setColumnWidth(col, 84)
        self.message.clear()
        self.refresh_results()

    def step_judge(self, step: int) -> None:
        if self.judges.count():
            self.judges.setCurrentIndex((self.judges.currentIndex() + step) % self.judges.count())
            self.view.start()

    def refresh_results(self, result: roadshow.RoadshowResult | None = None) -> None:
        if result is None and self.grid is not None:
            result = call(self, roadshow.roadshow_result, self.ws, self.roadshow_uid)
        self.results.setRowCount(0)
        if result is None:
            self.status.setText("")
            self.progress.setText("")
            return
        self.status.setText(result.status_line)
        self.status.setStyleSheet(
            "color: #c62828; font-weight: bold;" if result.provisional else "color: #2e7d32; font-weight: bold;"
        )
        self.progress.setText(self.tr("%1 / %2 confirmed").replace("%1", str(result.grid.confirmed_count()))
                              .replace("%2", str(result.grid.expected())))
        for line in result.lines:
            row = self.results.rowCount()
            self.results.insertRow(row)
            for col, text in enumerate((str(line.ranked.rank), line.title, f"{line.ranked.score:.2f}",
                                        str(line.ranked.judges_counted))):
                item = QTableWidgetItem(text)
                if col != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.results.setItem(row, col, item)

    # -- typing -----------------------------------------------------------------------------
    def show_typing_problem(self, message: str) -> None:
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(message)

    def save_row(self, judge_uid: str, project_uid: str, values: list) -> None:
        """A completed row: first typing saves it, second typing must match it."""
        confirm = self.model.mode == CONFIRM
        row = next(i for i, e in enumerate(self.grid.entries) if e.project_uid == project_uid)  # type: ignore[union-attr]
        try:
            (roadshow.confirm_sheet if confirm else roadshow.enter_sheet)(
                self.ws, self.roadshow_uid, judge_uid, project_uid, values
            )
        except USER_ERRORS as exc:
            if confirm:
                self.model.mark_mismatch(row)
                self.show_typing_problem(message_of(exc))
            else:
                show_error(self, message_of(exc))
            return
        result = roadshow.roadshow_result(self.ws, self.roadshow_uid)  # one read for the grid and the ranking
        self.grid = result.grid
        self.model.sheet_saved(self.grid, row)
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Saved.") if not confirm else self.tr("Confirmed."))
        self.refresh_results(result)

    # -- files ------------------------------------------------------------------------------
    def ask_save(self, caption: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / name), pattern)
        return Path(path) if path else None
