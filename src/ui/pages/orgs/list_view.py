"""The organizations list: instant search, filters and SQL-sorted columns over a paged model.

A keystroke re-counts and fetches one page after a short pause (pinyin initials are stored, so
``xqt`` costs the same as any text). The filters map one to one onto :class:`OrgFilter`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from yichao.app.core import Workspace, list_communities
from yichao.app.orgs import KIND_LABELS, STAGE_LABELS, OrgFilter, OrgRow, list_lookups, lookup_names
from yichao.app.sync import registered_in, street_names
from yichao.ui.models.org_table import OrgSource, org_columns
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.widgets.filter_banner import FilterBanner
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view

SEARCH_PAUSE_MS = 150
WIDTHS = [190, 80, 150, 90, 80, 100, 70, 110, 160, 60, 60, 70]  # the kind column fits 社区社会组织（备案）


class OrgListPanel(QWidget):
    """Filters above a paged table; emits ``current_changed(uid)`` ("" when nothing is selected)."""

    current_changed = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: name, short name, leader, credit code, pinyin initials (xqt)"))
        self.kind = self._combo(self.tr("All kinds"), KIND_LABELS.items())
        self.stage = self._combo(self.tr("All stages"), STAGE_LABELS.items())
        self.category = QComboBox()
        self.domain = QComboBox()
        self.community = QComboBox()
        self.rating = self._combo(self.tr("Any grade"), [
            ("none", self.tr("Not rated")), ("expired", self.tr("Grade expired")),
            *((str(n), self.tr("%1A or better").replace("%1", str(n))) for n in (3, 4, 5))])
        self.resident = self._combo(self.tr("Resident or not"), [
            ("yes", self.tr("Resident")), ("no", self.tr("Not resident"))])
        self.todo = QCheckBox(self.tr("&To complete"))  # 待补: what their roster lacked
        self.todo.setObjectName("todo-filter")
        self.todo.setToolTip(self.tr("Only organizations whose file still lacks something (e.g. a filing number)"))
        self.categories: dict[str, str] = {}  # shared with the Category column, updated in place
        # a district lists every street's records: a 街道 column and filter
        self.district = ws.site.role == "district"
        self.streets = street_names(ws) if self.district else {}
        self.street = self._combo(self.tr("All streets"), sorted(self.streets.items()))
        self.street.setVisible(self.district)
        self.uids: tuple[str, ...] | None = None  # the records behind a dashboard figure, if shown
        self.banner = FilterBanner(self)
        self.banner.cleared.connect(self._show_all)
        self.reload_lists()
        row1 = QHBoxLayout()
        row1.addWidget(self.search, 3)
        row1.addWidget(self.stage, 1)
        row1.addWidget(self.kind, 1)
        row1.addWidget(self.community, 1)
        row1.addWidget(self.street, 1)
        row2 = QHBoxLayout()
        for box in (self.category, self.domain, self.rating, self.resident):
            row2.addWidget(box, 1)
        row2.addWidget(self.todo)
        self.view = make_table_view(self)
        columns = (org_columns(self.categories, self.streets, registered_in(ws, "organization")) if self.district
                   else org_columns(self.categories))
        self.model = PagedTableModel(OrgSource(ws, self.filter()), columns, self)
        self.view.setModel(self.model)
        apply_column_widths(self.view, WIDTHS[:1] + [150] + WIDTHS[1:] if self.district else WIDTHS)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        for box in (self.kind, self.stage, self.category, self.domain, self.community, self.rating, self.resident,
                    self.street):
            box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.todo.toggled.connect(lambda _on: self.apply_filter())
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._emit_current())
        self.update_count()

    def _combo(self, everything: str, items) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, "")
        for key, label in items:
            box.addItem(label, key)
        return box

    def reload_lists(self) -> None:
        """(Re)fill the combos whose entries the center edits: categories, domains, communities."""
        self.categories.clear()
        self.categories.update(lookup_names(self.ws))
        for box, everything, entries in (
            (self.category, self.tr("All categories"), [(e.uid, e.name) for e in list_lookups(self.ws, "category")]),
            (self.domain, self.tr("All service domains"), [(e.uid, e.name) for e in list_lookups(self.ws, "domain")]),
            (self.community, self.tr("All communities"), [(c.uid, c.name) for c in list_communities(self.ws)]),
        ):
            keep = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for uid, name in entries:
                box.addItem(name, uid)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)

    # -- filtering --------------------------------------------------------------------------
    def filter(self) -> OrgFilter:
        resident = {"yes": True, "no": False}.get(self.resident.currentData() or "")
        return OrgFilter(self.search.text(), self.kind.currentData() or "", self.category.currentData() or "",
                         self.domain.currentData() or "", self.stage.currentData() or "",
                         self.community.currentData() or "", self.rating.currentData() or "", resident,
                         todo=self.todo.isChecked(), uids=self.uids, origin=self.street.currentData() or "")

    def show_records(self, uids: tuple[str, ...] | None, caption: str) -> None:
        """Only ``uids`` (None: all), every other filter cleared, the caption above; one record: selected."""
        self._reset_filters()
        self.uids = uids
        if uids is None:
            self.banner.hide()
        else:
            self.banner.show_caption(caption)
        self.apply_filter()
        if self.model.rowCount() == 1:
            self.view.selectRow(0)

    def _reset_filters(self) -> None:
        for box in (self.kind, self.stage, self.category, self.domain, self.community, self.rating, self.resident,
                    self.street):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.todo.blockSignals(True)
        self.todo.setChecked(False)
        self.todo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def _show_all(self) -> None:
        self.uids = None
        self.apply_filter()

    def clear_filters(self) -> None:
        """Every organization again: search, filters and a dashboard figure's selection cleared."""
        self.uids = None
        self.banner.hide()
        self._reset_filters()
        self.apply_filter()

    def apply_filter(self) -> None:
        self.timer.stop()
        self.model.set_source(OrgSource(self.ws, self.filter()))
        self.update_count()
        self._emit_current()

    def update_count(self) -> None:
        self.count_label.setText(self.tr("%1 organizations").replace("%1", f"{self.model.rowCount():,}"))

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.model._columns) if c.key == key)

    def reload(self, select_uid: str | None = None) -> None:
        """After a change: re-read the ids, drop the cache, select ``select_uid`` if it is near the top."""
        self.model.set_source(OrgSource(self.ws, self.filter()))
        self.update_count()
        if select_uid and not self._select(select_uid):
            # a record the active filters hide (a new one, say) is shown, not stranded: filters go
            self.uids = None
            self.banner.hide()
            self._reset_filters()
            self.model.set_source(OrgSource(self.ws, self.filter()))
            self.update_count()
            self._select(select_uid)
        self._emit_current()

    def _select(self, uid: str) -> bool:
        for row in range(min(self.model.rowCount(), 400)):
            found = self.model.row_object(row)
            if found is not None and found.uid == uid:
                self.view.selectRow(row)
                return True
        return False

    # -- selection --------------------------------------------------------------------------
    def current(self) -> OrgRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def _emit_current(self) -> None:
        row = self.current()
        self.current_changed.emit(row.uid if row else "")
