"""The passbook page's 多网点 tab (issue 17 point 3): one passbook at the street and its offices.

At the street: the passbooks overdrawn when two counters' ledgers merged, settled here with a
reversal of the duplicate redemption, and each office's offline redemption limit, set here. At an
office: the limit its street set for it (read-only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QToolBar, QVBoxLayout, QWidget

from yichao.app.core import Workspace, level_rank
from yichao.app.passbook import (
    OfficeLimitRow,
    OverdrawRow,
    entries,
    list_overdraws,
    office_limits,
    set_office_limit,
    settle_overdraw,
)
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, Column
from yichao.ui.models.passbook_tables import RIGHT
from yichao.ui.models.rows_model import RowsModel
from yichao.ui.operations import call, show_error
from yichao.ui.widgets.form import Field, ask
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view

STREET_RANK = 1


class CountersTab(QWidget):
    """Merged overdraws to settle and the offices' redemption limits."""

    open_number = Signal(str)
    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.street = level_rank(ws.site.code) == STREET_RANK
        layout = QVBoxLayout(self)
        self.overdraw_bar = QToolBar(self)
        self.overdraw_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.settle_action = self.overdraw_bar.addAction(icon("revoke"), self.tr("Settle with a reversal..."),
                                                         self.settle)
        self.show_settled = QCheckBox(self.tr("Settled ones too"))
        self.show_settled.toggled.connect(self.refresh)
        self.overdraw_bar.addWidget(self.show_settled)
        self.overdraws = RowsModel(self._overdraw_columns(), self)
        self.overdraw_table = make_table_view(self)
        self.overdraw_table.setSortingEnabled(False)
        self.overdraw_table.setModel(self.overdraws)
        apply_column_widths(self.overdraw_table, [170, 100, 110, 90, 90, 150])
        self.overdraw_table.doubleClicked.connect(self._open)
        self.overdraw_title = QLabel(self.tr(
            "Passbooks overdrawn when two counters' ledgers merged (both redeemed the same points offline). "
            "They take no redemption until settled: reverse the duplicate redemption."))
        self.overdraw_title.setWordWrap(True)
        for w in (self.overdraw_title, self.overdraw_bar, self.overdraw_table):
            layout.addWidget(w, 1 if w is self.overdraw_table else 0)
            w.setVisible(self.street)
        self.limit_bar = QToolBar(self)
        self.limit_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.limit_action = self.limit_bar.addAction(icon("edit"), self.tr("Set limit..."), self.set_limit)
        self.limit_bar.setVisible(self.street)
        self.limits = RowsModel(self._limit_columns(), self)
        self.limit_table = make_table_view(self)
        self.limit_table.setSortingEnabled(False)
        self.limit_table.setModel(self.limits)
        apply_column_widths(self.limit_table, [140, 220, 220])
        self.limit_table.doubleClicked.connect(lambda _i: self.set_limit() if self.street else None)
        limit_title = QLabel(self.tr(
            "Offline redemption limit of each community office: the most points an office redeems from one "
            "passbook before the street has seen it (set by the street, it reaches the office with the next "
            "bundle).") if self.street else self.tr(
            "The offline redemption limit the street set for this office: the most points redeemed here from "
            "one passbook before the street has seen it."))
        limit_title.setWordWrap(True)
        layout.addWidget(limit_title)
        layout.addWidget(self.limit_bar)
        layout.addWidget(self.limit_table, 1)
        self.refresh()

    def _overdraw_columns(self) -> list[Column]:
        return [
            Column("", self.tr("Passbook"), lambda r: r.number),
            Column("", self.tr("Holder"), lambda r: r.holder_name),
            Column("", self.tr("Status"), lambda r: self.tr("Awaiting reversal") if r.status == "open"
                   else self.tr("Settled"), color=lambda r: "#b71c1c" if r.status == "open" else None),
            Column("", self.tr("Balance found"), lambda r: str(r.balance_found), RIGHT),
            Column("", self.tr("Balance now"), lambda r: str(r.balance_now), RIGHT),
            Column("", self.tr("Found"), lambda r: f"{r.found_at:%Y-%m-%d %H:%M}"),
        ]

    def _limit_columns(self) -> list[Column]:
        return [
            Column("", self.tr("Office code"), lambda r: r.office_code),
            Column("", self.tr("Office"), lambda r: r.office_name),
            Column("", self.tr("Limit per passbook"), lambda r: self.tr("Not set (the balance alone)")
                   if r.points is None else self.tr("%1 points").replace("%1", str(r.points))),
        ]

    def refresh(self) -> None:
        if self.street:
            status = None if self.show_settled.isChecked() else "open"
            self.overdraws.set_rows(call(self, list_overdraws, self.ws, status) or [])
        self.limits.set_rows(call(self, office_limits, self.ws) or [])

    def _selected(self, table, model: RowsModel):
        index = table.currentIndex()
        return model.data(index, ROW_ROLE) if index.isValid() else None

    def _open(self, index) -> None:
        row = self.overdraws.data(index, ROW_ROLE)
        if row is not None:
            self.open_number.emit(row.number)

    def settle(self) -> None:
        """Reverse one redemption of the selected overdrawn passbook (the duplicate one)."""
        case: OverdrawRow | None = self._selected(self.overdraw_table, self.overdraws)
        if case is None or case.status != "open":
            show_error(self, self.tr("Select an overdraw awaiting reversal first."))
            return
        redemptions = [e for e in call(self, entries, self.ws, case.number, 0, 10_000, False) or []
                       if e.kind == "redeem"]
        choices = [(e.seq, self.tr("No. %1  %2  %3  %4 points  %5").replace("%1", str(e.seq))
                    .replace("%2", f"{e.on:%Y-%m-%d}").replace("%3", e.memo).replace("%4", str(-e.points))
                    .replace("%5", e.operator)) for e in redemptions]
        if not choices:
            show_error(self, self.tr("This passbook has no redemption to reverse."))
            return
        fields = [
            Field("seq", self.tr("Redemption to reverse"), "choice", choices[-1][0], choices=choices),
            Field("memo", self.tr("Memo"), "text", "", placeholder=self.tr("e.g. redeemed twice at two counters")),
        ]
        note = self.tr("Passbook %1 of %2 is overdrawn by %3 points.").replace("%1", case.number).replace(
            "%2", case.holder_name).replace("%3", str(-case.balance_now))
        if ask(self, self.tr("Settle overdraw"), fields, note=note,
               submit=lambda v: settle_overdraw(self.ws, case.id, v["seq"], v["memo"])) is not None:
            self.refresh()
            self.changed.emit()

    def set_limit(self) -> None:
        """The street sets (or lifts) the selected office's limit."""
        row: OfficeLimitRow | None = self._selected(self.limit_table, self.limits)
        if row is None:
            show_error(self, self.tr("Select an office first."))
            return
        fields = [
            Field("lift", self.tr("Limit"), "check", row.points is None,
                  text=self.tr("No limit: within the balance it has seen")),
            Field("points", self.tr("Points per passbook"), "int", row.points or 100, minimum=0,
                  maximum=1_000_000, enabled=lambda v: not v["lift"]),
        ]
        title = self.tr("Redemption limit of %1").replace("%1", row.office_name or row.office_code)
        if ask(self, title, fields, submit=lambda v: set_office_limit(
                self.ws, row.office_code, None if v["lift"] else v["points"])) is not None:
            self.refresh()
