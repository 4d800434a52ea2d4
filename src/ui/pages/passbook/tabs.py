"""The passbook page's other tabs: all passbooks (paged), the catalog with stock, the points rules.

The district's rules and items (arriving by bundle) are shown greyed and cannot be edited here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace, level_rank, offers
from yichao.app.passbook import (
    ItemRow,
    PassbookFilter,
    RuleRow,
    count_passbooks,
    list_items,
    list_rules,
    restock,
)
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, Column, PagedTableModel
from yichao.ui.models.passbook_tables import RIGHT, PassbookSource, passbook_columns
from yichao.ui.models.rows_model import RowsModel
from yichao.ui.operations import call, show_error
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, show_list_states
from yichao.ui.widgets.filter_banner import FilterBanner
from yichao.ui.widgets.form import Field, ask
from yichao.ui.widgets.list_keys import searchable_list
from yichao.ui.widgets.street_filter import StreetFilter
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class PassbooksTab(QWidget):
    """Every passbook, searchable by number, name, initials or phone; double-click opens it."""

    open_number = Signal(str)
    issue_wanted = Signal()  # the empty list's buttons: the page issues or takes over
    take_over_wanted = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, holder, pinyin initials or phone"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        for key, label in (("", self.tr("All statuses")), ("active", self.tr("Active")),
                           ("lost", self.tr("Reported lost")), ("replaced", self.tr("Replaced")),
                           ("closed", self.tr("Closed"))):
            self.status.addItem(label, key)
        self.pending = QCheckBox(self.tr("With pending lines"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.status.currentIndexChanged.connect(self.refresh)
        self.pending.toggled.connect(self.refresh)
        self.street = StreetFilter(ws)  # a district: the street of each passbook, and a filter
        self.street.currentIndexChanged.connect(self.refresh)
        self.model = PagedTableModel(PassbookSource(ws, PassbookFilter()), passbook_columns(self.street.column()),
                                     self)
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        apply_column_widths(self.table, [170, 110, 110, 80, 80, 80, 90, 100] if self.street.district
                            else [170, 110, 80, 80, 80, 90, 100])
        self.table.doubleClicked.connect(self._open)
        searchable_list(self.search, self.table, open_row=lambda: self._open(self.table.currentIndex()),
                        apply=self.refresh)
        self.uids: tuple[str, ...] | None = None  # the passbooks behind a dashboard figure, if shown
        self.banner = FilterBanner(self)
        self.banner.cleared.connect(self._show_all)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.street)
        bar.addWidget(self.pending)
        # day one: what to do when no passbook is issued yet; when nothing matches, the way back
        self.no_passbooks = EmptyState(self.tr(
            "No passbooks issued yet. Issue a resident's passbook, or take over the street's paper passbooks "
            "from their ledger workbook."),
            [(self.tr("Issue passbook..."), self.issue_wanted.emit),
             (self.tr("Take over paper passbooks..."), self.take_over_wanted.emit)], self)
        can_write = ws.user is not None and ws.user.role in ("staff", "admin")
        for b in self.no_passbooks.buttons:
            b.setEnabled(can_write)
        self.no_match = no_match_state(self.tr(
            "No passbook matches the search and filters. Clear the filter to see every passbook."),
            self.clear_filters, self)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.no_passbooks)
        layout.addWidget(self.no_match)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.model.modelReset.connect(self.update_list_states)
        self.update_list_states()

    def update_list_states(self) -> None:
        """None issued yet (what to do) or none that matches the filter (clear it); as the list changes."""
        show_list_states(self.no_passbooks, self.no_match, self.model.rowCount(),
                         lambda: count_passbooks(self.ws) > 0)

    def clear_filters(self) -> None:
        """Every passbook again: search, status, pending lines and a dashboard figure cleared."""
        self.show_records(None, "")

    def refresh(self) -> None:
        self.timer.stop()
        flt = PassbookFilter(self.search.text(), self.status.currentData() or "", self.pending.isChecked(),
                             uids=self.uids, origin=self.street.origin())
        self.model.set_source(PassbookSource(self.ws, flt))

    def show_records(self, uids: tuple[str, ...] | None, caption: str) -> None:
        """Only ``uids`` (None: every passbook), the other filters cleared, the caption above."""
        for widget in (self.search, self.status, self.street, self.pending):
            widget.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.street.setCurrentIndex(0)
        self.pending.setChecked(False)
        for widget in (self.search, self.status, self.street, self.pending):
            widget.blockSignals(False)
        self.uids = uids
        if uids is None:
            self.banner.hide()
        else:
            self.banner.show_caption(caption)
        self.refresh()

    def _show_all(self) -> None:
        self.uids = None
        self.refresh()

    def _open(self, index) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None:
            self.open_number.emit(row.number)


class _ListTab(QWidget):
    """A toolbar over a small table; subclasses fill the rows and the actions."""

    def __init__(self, ws: Workspace, widths: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.model = RowsModel(self.columns(), self)
        self.table = make_table_view(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        apply_column_widths(self.table, widths)
        self.table.doubleClicked.connect(lambda _: self.edit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)

    def selected(self):
        index = self.table.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def editable_selected(self):
        row = self.selected()
        if row is not None and row.read_only:
            show_error(self, self.tr("This record is published by the district and is read-only here."))
            return None
        return row

    def columns(self) -> list[Column]:  # overridden
        return []

    def made_by(self, row: ItemRow | RuleRow) -> str:
        """Which level published the record; another level's is read-only here."""
        rank = level_rank(row.origin)
        if not row.read_only:
            return self.tr("Street")
        if rank == 0:
            return self.tr("District (read-only)")
        return self.tr("Street (read-only)") if rank == 1 else self.tr("Community office (read-only)")

    def edit(self) -> None:  # overridden
        pass


class CatalogTab(_ListTab):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [200, 100, 70, 90, 60, 140], parent)
        if offers(ws.site.role, "catalog"):  # a community office keeps stock of items it cannot edit
            self.toolbar.addAction(icon("add"), self.tr("New item"), self.add)
            self.toolbar.addAction(icon("edit"), self.tr("Edit"), self.edit)
        self.toolbar.addAction(icon("import"), self.tr("Stock in / correct"), self.move_stock)
        self.refresh()

    def columns(self) -> list[Column]:
        return [
            Column("", self.tr("Item"), lambda i: i.name),
            Column("", self.tr("Category"), lambda i: i.category),
            Column("", self.tr("Points"), lambda i: str(i.points), RIGHT),
            Column("", self.tr("Stock"), lambda i: f"{i.stock} {i.unit}", RIGHT),
            Column("", self.tr("Offered"), lambda i: self.tr("Yes") if i.active else self.tr("No")),
            Column("", self.tr("Published by"), self.made_by),
        ]

    def refresh(self) -> None:
        self.model.set_rows(call(self, list_items, self.ws) or [])

    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.edit_dialogs import ItemDialog

        if ItemDialog(self.ws, None, self).exec():
            self.refresh()

    def edit(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.edit_dialogs import ItemDialog

        item = self.editable_selected()
        if item is not None and ItemDialog(self.ws, item, self).exec():
            self.refresh()

    def move_stock(self) -> None:
        item = self.selected()
        if item is None:
            return
        if ask(self, self.tr("Stock"), [Field("delta", self.tr(
                "Change the stock of %1 by (negative to correct down):").replace("%1", item.name), "int", 10,
                minimum=-100_000, maximum=100_000)],
               submit=lambda v: restock(self.ws, item.uid, v["delta"])) is not None:
            self.refresh()


class RulesTab(_ListTab):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, [200, 150, 100, 60, 50, 60, 140], parent)
        if offers(ws.site.role, "rules"):  # a community office uses the district's and the street's rules
            self.toolbar.addAction(icon("add"), self.tr("New rule"), self.add)
            self.toolbar.addAction(icon("edit"), self.tr("Edit"), self.edit)
        self.refresh()

    def columns(self) -> list[Column]:
        kinds = {"hourly": self.tr("Points per service hour"), "need": self.tr("Fixed points for a need"),
                 "expiry": self.tr("Points expire after years")}
        return [
            Column("", self.tr("Rule"), lambda r: r.name),
            Column("", self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
            Column("", self.tr("Activity type"), lambda r: r.activity_type),
            Column("", self.tr("Points"), lambda r: str(r.points) if r.kind != "expiry" else "", RIGHT),
            Column("", self.tr("Years"), lambda r: str(r.years) if r.kind == "expiry" else "", RIGHT),
            Column("", self.tr("In force"), lambda r: self.tr("Yes") if r.active else self.tr("No")),
            Column("", self.tr("Made by"), self.made_by),
        ]

    def refresh(self) -> None:
        self.model.set_rows(call(self, list_rules, self.ws) or [])

    def add(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.edit_dialogs import RuleDialog

        if RuleDialog(self.ws, None, self).exec():
            self.refresh()

    def edit(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.edit_dialogs import RuleDialog

        rule = self.editable_selected()
        if rule is not None and RuleDialog(self.ws, rule, self).exec():
            self.refresh()
