"""数据冲突: the district's overlaps between streets, records side by side, and held records.

A district clerk picks an overlap (one credit code in two streets, one resident who moved), sees
the streets' records side by side and decides: the same organization or person, different ones,
or ask the streets to correct (the next bundle to each street concerned carries the request).
Below, every record held back from an import, with its reason. A street sees the district's
correction requests here instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from yichao.app import sync
from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.models.rows_model import RowsModel, text_columns
from yichao.ui.operations import call
from yichao.ui.widgets.table_view import make_table_view


class ConflictsTab(QWidget):
    """The district's conflicts (or a street's correction requests) and the held records."""

    decided = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.district = ws.site.role == "district"
        self.rows: list[sync.ConflictRow] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(split, 1)
        split.addWidget(self._conflicts_box() if self.district else self._notices_box())
        split.addWidget(self._held_box())
        split.setSizes([420, 200])
        self.refresh()

    # -- building -------------------------------------------------------------------------------
    def _conflicts_box(self) -> QWidget:
        box = QGroupBox(self.tr("Records of different streets that share a key"), self)
        layout = QVBoxLayout(box)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(box)
        self.status_filter.addItem(self.tr("Open"), "open")
        self.status_filter.addItem(self.tr("All"), "")
        for key, label in sync.STATUSES.items():
            if key != "open":
                self.status_filter.addItem(label, key)
        self.street_filter = QComboBox(box)
        filters.addWidget(QLabel(self.tr("Show:"), box))
        filters.addWidget(self.status_filter)
        filters.addWidget(QLabel(self.tr("Street:"), box))
        filters.addWidget(self.street_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.street_filter.currentIndexChanged.connect(self.refresh)
        row = QHBoxLayout()
        headers = [self.tr("Kind"), self.tr("Key"), self.tr("Records"), self.tr("Status")]
        self.list_model = RowsModel(text_columns(headers, numbers=(2,)), self)
        self.list_view = make_table_view(box)
        self.list_view.setSortingEnabled(False)
        self.list_view.setModel(self.list_model)
        self.list_view.selectionModel().currentRowChanged.connect(self.show_selected)
        row.addWidget(self.list_view, 2)
        right = QVBoxLayout()
        self.side_model = RowsModel(text_columns([self.tr("Field")]), self)
        self.side_view = make_table_view(box)
        self.side_view.setSortingEnabled(False)
        self.side_view.setModel(self.side_model)
        right.addWidget(self.side_view, 1)
        self.note = QLineEdit(box)
        self.note.setPlaceholderText(self.tr("What should the street check or correct? (needed when asking)"))
        right.addWidget(self.note)
        buttons = QHBoxLayout()
        self.link_button = QPushButton(icon("link"), self.tr("&Same one"), box)
        self.apart_button = QPushButton(icon("apart"), self.tr("&Different ones"), box)
        self.ask_button = QPushButton(icon("export"), self.tr("As&k the street to correct"), box)
        self.link_button.setToolTip(self.tr("One real organization or person registered in several streets"))
        self.apart_button.setToolTip(self.tr("Different organizations or people that happen to share the key"))
        for button, action in ((self.link_button, "link"), (self.apart_button, "apart"), (self.ask_button, "ask")):
            button.clicked.connect(lambda _=False, a=action: self.decide(a))
            buttons.addWidget(button)
        right.addLayout(buttons)
        row.addLayout(right, 3)
        layout.addLayout(row, 1)
        return box

    def _notices_box(self) -> QWidget:
        box = QGroupBox(self.tr("Correction requests from the district"), self)
        layout = QVBoxLayout(box)
        self.notice_model = RowsModel(text_columns([self.tr("From"), self.tr("Kind"), self.tr("Request")]), self)
        view = make_table_view(box)
        view.setSortingEnabled(False)
        view.setModel(self.notice_model)
        layout.addWidget(view)
        return box

    def _held_box(self) -> QWidget:
        box = QGroupBox(self.tr("Records held back from imports (the rest was imported)"), self)
        layout = QVBoxLayout(box)
        self.held_model = RowsModel(text_columns([self.tr("From"), self.tr("Kind"), self.tr("Reason")]), self)
        view = make_table_view(box)
        view.setSortingEnabled(False)
        view.setModel(self.held_model)
        layout.addWidget(view)
        return box

    # -- state ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        held = call(self, sync.list_held, self.ws) or []
        self.held_model.set_rows([[h.peer_code, h.kind, h.reason] for h in held])
        if not self.district:
            notices = call(self, sync.open_notices, self.ws) or []
            self.notice_model.set_rows([[n.peer_code, sync.kind_label(n.entity), n.text] for n in notices])
            self.summary.setText(self.tr("%1 correction requests, %2 records held.")
                                 .replace("%1", str(len(notices))).replace("%2", str(len(held))))
            return
        self._fill_streets()
        status = self.status_filter.currentData() or None
        street = self.street_filter.currentData() or None
        self.rows = call(self, sync.list_conflicts, self.ws, status, street) or []
        self.list_model.set_rows([[r.kind, f"{r.key_name} {r.shown_key}", r.summary, r.status_label]
                                  for r in self.rows])
        opened = sum(1 for r in self.rows if r.status == "open")
        self.summary.setText(self.tr("%1 overlaps shown (%2 open), %3 records held.")
                             .replace("%1", str(len(self.rows))).replace("%2", str(opened))
                             .replace("%3", str(len(held))))
        if self.rows:
            self.list_view.selectRow(0)
        self.show_selected()

    def _fill_streets(self) -> None:
        current = self.street_filter.currentData()
        self.street_filter.blockSignals(True)
        self.street_filter.clear()
        self.street_filter.addItem(self.tr("All streets"), "")
        for p in call(self, sync.list_peers, self.ws) or []:
            if p.role != "district":
                self.street_filter.addItem(f"{p.name}（{p.code}）", p.code)
        if current and (i := self.street_filter.findData(current)) >= 0:
            self.street_filter.setCurrentIndex(i)
        self.street_filter.blockSignals(False)

    def selected(self) -> sync.ConflictRow | None:
        index = self.list_view.currentIndex()
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def show_selected(self) -> None:
        row = self.selected()
        for button in (self.link_button, self.apart_button, self.ask_button):
            button.setEnabled(row is not None)
        if row is None:
            self.side_model.set_columns(text_columns([self.tr("Field")]))
            return
        labels = [label for label, _ in row.members[0].fields] if row.members else []
        rows = [[label, *(dict(m.fields).get(label, "—") for m in row.members)] for label in labels]
        self.side_model.set_columns(text_columns([self.tr("Field"), *(m.site_name for m in row.members)]), rows)
        self.note.setText(row.note)

    def decide(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        if call(self, sync.decide_conflict, self.ws, row.id, action, self.note.text()) is None:
            return
        self.note.clear()
        self.refresh()
        self.decided.emit()

