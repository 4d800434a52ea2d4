"""爱心存折: the counter first (where the clerk spends the day), then all passbooks, catalog, rules."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTabWidget, QToolBar, QVBoxLayout, QWidget

from yichao.app.core import Workspace
from yichao.app.passbook import expire_points
from yichao.ui.icons import icon
from yichao.ui.operations import run_op
from yichao.ui.pages.passbook.counter import CounterTab
from yichao.ui.pages.passbook.counters_tab import CountersTab
from yichao.ui.pages.passbook.tabs import CatalogTab, PassbooksTab, RulesTab
from yichao.ui.pages.passbook.takeover import take_over_passbooks


class PassbookPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws

        self.counter = CounterTab(ws, self)
        self.passbooks = PassbooksTab(ws, self)
        self.catalog = CatalogTab(ws, self)
        self.rules = RulesTab(ws, self)
        self.counters = CountersTab(ws, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.counter, icon("passbook"), self.tr("Counter"))
        self.tabs.addTab(self.passbooks, icon("search"), self.tr("Passbooks"))
        self.tabs.addTab(self.catalog, icon("export"), self.tr("Redemption catalog"))
        self.tabs.addTab(self.rules, icon("settings"), self.tr("Points rules"))
        self.tabs.addTab(self.counters, icon("warning"), self.tr("Several counters"))
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(icon("add"), self.tr("Issue passbook..."), self.issue)
        bar.addAction(icon("users"), self.tr("Bulk credit for an activity..."), self.bulk_credit)
        bar.addAction(icon("import"), self.tr("Take over paper passbooks..."), self.take_over)
        bar.addAction(icon("settings"), self.tr("Printer calibration..."), self.calibrate)
        bar.addAction(icon("calendar"), self.tr("Expire old points..."), self.expire)
        self.passbooks.open_number.connect(self.open_in_counter)
        self.passbooks.issue_wanted.connect(self.issue)
        self.passbooks.take_over_wanted.connect(self.take_over)
        self.counter.changed.connect(self.passbooks.refresh)
        self.counter.search_requested.connect(self.search_list)
        self.counter.changed.connect(self.catalog.refresh)
        self.counter.changed.connect(self.counters.refresh)
        self.counters.open_number.connect(self.open_in_counter)
        self.counters.changed.connect(self.passbooks.refresh)
        self.counters.changed.connect(self.counter.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.tabs, 1)
        self.counter.number.setFocus()

    def take_over(self) -> None:
        """Bulk 接管 from the street's ledger workbook."""
        take_over_passbooks(self, self.ws, self.passbooks.refresh)

    def open_in_counter(self, number: str) -> None:
        self.tabs.setCurrentWidget(self.counter)
        self.counter.open_number(number)

    def show_filtered(self, filters: dict[str, str]) -> None:
        """The dashboard's protocol: ``pending`` lists passbooks with lines to print, ``status`` a status."""
        tab = self.passbooks
        tab.pending.blockSignals(True)
        tab.status.blockSignals(True)
        tab.pending.setChecked(filters.get("pending") in ("1", "true", "yes"))
        tab.status.setCurrentIndex(max(0, tab.status.findData(filters.get("status", ""))))
        tab.pending.blockSignals(False)
        tab.status.blockSignals(False)
        tab.search.clear()
        tab.refresh()
        self.tabs.setCurrentWidget(tab)

    def show_records(self, target: str, uids: tuple[str, ...] | None, caption: str) -> None:
        """The dashboard's protocol: the passbooks behind a figure, under ``caption``."""
        self.passbooks.show_records(uids, caption)
        self.tabs.setCurrentWidget(self.passbooks)

    def search_list(self, text: str) -> None:
        self.passbooks.search.setText(text)
        self.passbooks.refresh()
        self.tabs.setCurrentWidget(self.passbooks)

    def issue(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.open_dialog import OpenPassbookDialog

        dialog = OpenPassbookDialog(self.ws, self)
        if dialog.exec() and dialog.saved is not None:
            self.passbooks.refresh()
            self.open_in_counter(dialog.saved.number)

    def bulk_credit(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.bulk_dialog import BulkCreditDialog

        if BulkCreditDialog(self.ws, self).exec():
            self.passbooks.refresh()
            self.counter.reload()

    def calibrate(self) -> None:
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.print_dialogs import CalibrationDialog

        CalibrationDialog(self.ws, self).exec()

    def expire(self) -> None:
        if QMessageBox.question(self, self.tr("Expire old points"), self.tr(
                "Write expiry entries for points older than the expiry rule allows, on every active passbook?")
                ) != QMessageBox.StandardButton.Yes:
            return

        def done(result) -> None:
            QMessageBox.information(
                self,
                self.tr("Expire old points"),
                self.tr("%1 points expired on %2 passbooks.")
                .replace("%1", str(result.points))
                .replace("%2", str(result.passbooks)),
            )
            self.passbooks.refresh()
            self.counter.reload()

        # every active passbook is examined: off the GUI thread
        run_op(self, lambda: expire_points(self.ws), on_success=done, label=self.tr("Expire old points"),
               with_progress=True)
