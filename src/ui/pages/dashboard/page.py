"""工作台: key figures (each opens its list), monthly trend charts and the to-do list."""

from __future__ import annotations

import sys
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app import stats
from yichao.app.core import Workspace
from yichao.app.stats import Card, Dashboard, Table, TodoItem, dashboard_data
from yichao.app.stats import prepare as prepare  # the launcher's head start, while the user types
from yichao.ui.first_paint import after_first_paint
from yichao.ui.icons import icon, when_ready
from yichao.ui.models.report_table import ReportTableModel
from yichao.ui.operations import call, run_op
from yichao.ui.pages import PAGES
from yichao.ui.pages.dashboard.cards import FigureCard, card_number
from yichao.ui.widgets.chart_view import ChartView

CARD_COLUMNS = 4
CHART_COLUMNS = 2
STALE_SECONDS = 30.0


class DashboardPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.data: Dashboard | None = None
        self.cards: list[FigureCard] = []
        self.charts: list[ChartView] = []
        self.todos: list[TodoItem] = []
        self._loaded_at = 0.0
        self._loading = False

        self.title = QLabel(self.tr("Dashboard"))
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.month_label = QLabel()
        self.month_label.setStyleSheet("color: #607d8b;")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        when_ready(self, lambda: self.refresh_button.setIcon(icon("refresh")))
        self.refresh_button.setToolTip(self.tr("Recount every figure (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addSpacing(12)
        header.addWidget(self.month_label, 1)
        header.addWidget(self.refresh_button)

        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(12)
        for col in range(CARD_COLUMNS):
            self.card_grid.setColumnStretch(col, 1)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        for col in range(CHART_COLUMNS):
            self.chart_grid.setColumnStretch(col, 1)
        # this month by site (a street's community offices, a district's streets): shown where there are some
        self.sites_view = QTableView()
        self.sites_view.setObjectName("sitesTable")
        self.sites_view.setAlternatingRowColors(True)
        self.sites_view.verticalHeader().setVisible(False)
        self.sites_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.sites_box = QGroupBox(self.tr("By site"))
        QVBoxLayout(self.sites_box).addWidget(self.sites_view)
        self.sites_box.hide()
        self.todo_list = QListWidget()
        self.todo_list.setObjectName("todoList")
        self.todo_list.setWordWrap(True)
        self.todo_list.itemActivated.connect(self._open_todo)
        todo_box = QGroupBox(self.tr("To do"))
        todo_layout = QVBoxLayout(todo_box)
        todo_layout.addWidget(self.todo_list)
        todo_box.setFixedWidth(300)
        todo_box.setMinimumHeight(260)

        left = QVBoxLayout()
        left.addLayout(self.card_grid)
        left.addWidget(self.sites_box)
        left.addLayout(self.chart_grid)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(todo_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(8)
        columns.addLayout(right)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(header)
        column.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        # count once the window is painted: the worker's imports and queries would hold it up
        after_first_paint(self, self.refresh)

    # -- data -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recount off the GUI thread; the page stays usable meanwhile."""
        if self._loading:
            return
        self._loading = True
        self.refresh_button.setEnabled(False)
        run_op(self, lambda: dashboard_data(self.ws), on_success=self.show_data, on_failure=self._failed)

    def _failed(self, exc: Exception) -> None:
        self._loading = False
        self.refresh_button.setEnabled(True)
        # off the start-up path (the first page): only when the figures fail
        from yichao.app.core import USER_ERRORS, message_of
        from yichao.ui.operations import show_error

        if isinstance(exc, USER_ERRORS):
            show_error(self, message_of(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def show_data(self, data: Dashboard) -> None:
        self._loading = False
        self._loaded_at = time.monotonic()
        self.refresh_button.setEnabled(True)
        self.data = data
        self.month_label.setText(self.tr("%1 · this month: %2").replace("%1", self.ws.site.name)
                                 .replace("%2", data.month.label))
        self.month_label.setToolTip(self.tr("Counted in %1 ms").replace("%1", f"{data.seconds * 1000:.0f}"))
        self._fill_cards(data.cards)
        self._fill_sites(data.sites)
        self._fill_charts(data)
        self._fill_todos(data.todos)

    def _fill_cards(self, cards: tuple[Card, ...]) -> None:
        for card in self.cards:
            card.deleteLater()
        existing = {spec.key for spec in PAGES}
        self.cards = []
        for i, data in enumerate(cards):
            card = FigureCard(data, clickable=data.page in existing, parent=self)
            card.activated.connect(self.open_list)
            self.card_grid.addWidget(card, i // CARD_COLUMNS, i % CARD_COLUMNS)
            self.cards.append(card)

    def _fill_sites(self, table: Table | None) -> None:
        """Each office's (or street's) figures of this month and the total, as the report has them."""
        self.sites_box.setVisible(table is not None)
        if table is None:
            return
        self.sites_box.setTitle(table.title)
        self.sites_box.setToolTip(table.note)
        old = self.sites_view.model()
        self.sites_view.setModel(ReportTableModel(table, self.sites_view))
        if old is not None:
            old.deleteLater()
        rows = len(table.rows) + 1
        self.sites_view.setMinimumHeight(min(rows, 12) * self.sites_view.verticalHeader().defaultSectionSize() + 6)

    def _fill_charts(self, data: Dashboard) -> None:
        for view in self.charts:
            view.deleteLater()
        self.charts = []
        for i, chart in enumerate(data.charts):
            view = ChartView(chart, self)
            self.chart_grid.addWidget(view, i // CHART_COLUMNS, i % CHART_COLUMNS)
            self.charts.append(view)

    def _fill_todos(self, todos: tuple[TodoItem, ...]) -> None:
        self.todo_list.clear()
        self.todos = list(todos)  # by row; Python objects are kept out of QVariants
        for todo in todos:
            item = QListWidgetItem(icon("warning", "#b26a00"), todo.text)
            item.setToolTip(self.tr("Double-click or press Enter to open the list"))
            self.todo_list.addItem(item)
        if not todos:
            item = QListWidgetItem(icon("ok", "#2e7d32"), self.tr("Nothing waiting. Well done."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.todo_list.addItem(item)

    # -- navigation -----------------------------------------------------------------------------
    def open_list(self, target: Any) -> None:
        """Show the list behind a card or to-do, filtered to exactly what it counts.

        The records come from :func:`stats.drill_down` (the figure's own query); a page shows them
        through its ``show_records(target, uids, caption)``.
        """
        window = self.window()
        if not target.page or not hasattr(window, "show_page"):
            return
        shown = target.text if isinstance(target, TodoItem) else \
            f"{target.label} {card_number(target)} {target.unit}".strip()
        drill = call(self, stats.drill_down, self.ws, target.key, shown)  # its module loads on first use
        if drill is None:
            return
        page = window.show_page(drill.page or target.page)
        tab = getattr(page, dict(target.filters).get("tab", ""), None)  # a first step's own tab
        if isinstance(tab, QWidget) and isinstance(getattr(page, "tabs", None), QTabWidget):
            page.tabs.setCurrentWidget(tab)
        show = getattr(page, "show_records", None)  # the page protocol for the records behind a figure
        if drill.target and callable(show):
            show(drill.target, drill.uids, drill.caption)

    def _open_todo(self, item: QListWidgetItem) -> None:
        row = self.todo_list.row(item)
        if 0 <= row < len(self.todos):
            self.open_list(self.todos[row])

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._loaded_at and time.monotonic() - self._loaded_at > STALE_SECONDS:
            self.refresh()
