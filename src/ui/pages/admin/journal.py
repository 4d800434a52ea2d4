"""Journal tab (操作日志): who changed what and when, filtered, with before/after of a change."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app import core, history
from yichao.app.core import JournalFilter, Workspace
from yichao.app.history import DescribedEntry
from yichao.ui.models.paged_table_model import ROW_ROLE, Column, PagedTableModel, wrapped_tip
from yichao.ui.widgets.dates import to_date
from yichao.ui.widgets.table_view import make_table_view


class JournalSource:
    """Adapts the journal, described in words, to the paged model for one filter."""

    def __init__(self, ws: Workspace, flt: JournalFilter) -> None:
        self.ws, self.flt = ws, flt

    def count(self) -> int:
        return core.count_journal(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[DescribedEntry]:
        return history.described_journal(self.ws, self.flt, offset, limit, descending=not descending)


class JournalTab(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = QComboBox()
        self.user.setObjectName("journal_user")
        self.entity = QComboBox()
        self.entity.setObjectName("journal_entity")
        self.use_dates = QCheckBox(self.tr("From"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text = QLineEdit()
        self.text.setObjectName("journal_text")
        self.text.setPlaceholderText(self.tr("Search text in changes..."))
        self.text.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("User:")))
        filters.addWidget(self.user)
        filters.addWidget(QLabel(self.tr("Record type:")))
        filters.addWidget(self.entity)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(self.text, 1)

        columns = [
            Column("id", self.tr("Time"), lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")),
            Column("", self.tr("User"), lambda r: r.user),
            Column("", self.tr("Action"), lambda r: r.action),
            Column("", self.tr("Record type"), lambda r: r.kind),
            Column("", self.tr("Record"), lambda r: r.record, tip=lambda r: r.record),
            Column("", self.tr("Revision"), lambda r: str(r.rev) if r.rev else ""),
        ]
        self.model = PagedTableModel(JournalSource(ws, JournalFilter()), columns, self)
        self.view = make_table_view(self)
        self.view.setModel(self.model)
        for column, width in enumerate((160, 100, 110, 130, 240, 60)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QTableWidget(0, 3)
        self.detail.setObjectName("journal_detail")
        self.detail.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.verticalHeader().hide()
        self.detail.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.detail.setWordWrap(True)  # a long value wraps in its row (and its tooltip has it whole)
        self.detail.setColumnWidth(0, 140)
        self.detail.setColumnWidth(1, 360)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.apply_filter)
        self.text.textChanged.connect(self._debounce.start)
        for combo in (self.user, self.entity):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.reload_choices()
        self.apply_filter()

    def reload_choices(self) -> None:
        for combo, choices in ((self.user, history.user_choices(self.ws)),
                               (self.entity, history.entity_choices(self.ws))):
            combo.blockSignals(True)
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("(all)"), "")
            for value, label in choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        since: date | None = None
        until: date | None = None
        if self.use_dates.isChecked():
            since = to_date(self.since.date())
            until = to_date(self.until.date())
        return JournalFilter(user=self.user.currentData() or "", entity=self.entity.currentData() or "",
                             since=since, until=until, text=self.text.text().strip())

    def apply_filter(self) -> None:
        self.model.set_source(JournalSource(self.ws, self.current_filter()))
        self.count_label.setText(self.tr("%1 entries").replace("%1", str(self.model.rowCount())))
        self.detail.setRowCount(0)

    def _show_detail(self, current: Any, previous: Any = None) -> None:
        row: DescribedEntry | None = self.model.data(current, ROW_ROLE) if current.isValid() else None
        changes = row.changes if row is not None else ()
        self.detail.setRowCount(len(changes))
        for i, change in enumerate(changes):
            for j, value in enumerate((change.field, change.before, change.after)):
                item = QTableWidgetItem(value)
                item.setToolTip(wrapped_tip(value))
                self.detail.setItem(i, j, item)
        self.detail.resizeRowsToContents()
