"""The counter (柜台): scan or type a passbook number, see the holder and balance, post in a few keys.

Made for speed: the number field has the focus; Enter looks the passbook up; F2 jumps to service
(hours fill in the points by the rules), F3 to redemption, Enter in either row posts it, F5 prints
the pending lines, Esc goes back to the number for the next visitor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from yichao.app import passbook
from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.passbook import (
    PassbookRow,
    activity_types,
    list_items,
    points_for_service,
    redeem_item,
    star_level,
    volunteer_hours,
)
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, PagedTableModel
from yichao.ui.models.passbook_tables import EntrySource, book_status_label, entry_columns
from yichao.ui.operations import call, show_error
from yichao.ui.widgets.confirm import confirm
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class CounterTab(QWidget):
    changed = Signal()  # a posting happened: lists elsewhere refresh
    search_requested = Signal(str)  # not a passbook number (a name?): look in the passbook list

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current: PassbookRow | None = None
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Scan or type the passbook number, then Enter"))
        self.number.setClearButtonEnabled(True)
        big = QFont(self.number.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.number.setFont(big)
        self.number.returnPressed.connect(self.look_up)
        self.holder = QLabel("—")
        self.status = QLabel("")
        self.balance = QLabel("")
        self.balance.setFont(QFont(big.family(), int(big.pointSizeF() * 1.6), QFont.Weight.Bold))
        self.hours = QLabel("")
        self.pending = QLabel("")
        summary = QGridLayout()
        summary.addWidget(QLabel(self.tr("Holder")), 0, 0)
        summary.addWidget(self.holder, 0, 1)
        summary.addWidget(QLabel(self.tr("Status")), 1, 0)
        summary.addWidget(self.status, 1, 1)
        summary.addWidget(QLabel(self.tr("Service hours")), 2, 0)
        summary.addWidget(self.hours, 2, 1)
        summary.addWidget(QLabel(self.tr("Pending lines")), 3, 0)
        summary.addWidget(self.pending, 3, 1)
        summary.addWidget(QLabel(self.tr("Balance (points)")), 0, 2, Qt.AlignmentFlag.AlignRight)
        summary.addWidget(self.balance, 1, 2, 3, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        summary.setColumnStretch(1, 1)
        self._build_posting_rows()
        self.toolbar = self._build_toolbar()
        self.model = PagedTableModel(EntrySource(ws), entry_columns(), self)
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        apply_column_widths(self.table, [50, 95, 70, 260, 70, 70, 80, 70, 80])
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Passbook No.")))
        top.addWidget(self.number, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(summary)
        layout.addWidget(self.service_box)
        layout.addWidget(self.redeem_box)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        for key, slot in (("F2", self.hours_in.setFocus), ("F3", self.redeem_points.setFocus),
                          ("F5", self.print_pending), ("Esc", self.next_visitor)):
            QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._show(None)

    # -- layout ---------------------------------------------------------------------------------
    def _build_posting_rows(self) -> None:
        self.activity = QComboBox()
        self.activity.setEditable(True)
        self.activity.addItems(call(self, activity_types, self.ws) or [])
        self.hours_in = QDoubleSpinBox()
        self.hours_in.setRange(0, 1000)
        self.hours_in.setDecimals(1)
        self.hours_in.setSingleStep(0.5)
        self.hours_in.setSuffix(self.tr(" h"))
        self.deposit_points = QSpinBox()
        self.deposit_points.setRange(0, 100_000)
        self.deposit_memo = QLineEdit()
        self.deposit_memo.setPlaceholderText(self.tr("Summary, e.g. the activity"))
        self.deposit_button = QPushButton(icon("add"), self.tr("Deposit"))
        self.hours_in.valueChanged.connect(self._price_service)
        self.activity.currentTextChanged.connect(self._price_service)
        self.deposit_memo.returnPressed.connect(self.post_deposit)
        self.deposit_button.clicked.connect(self.post_deposit)
        row = QHBoxLayout()
        for label, widget, stretch in (
            (self.tr("Activity"), self.activity, 2),
            (self.tr("Hours"), self.hours_in, 0),
            (self.tr("Points"), self.deposit_points, 0),
            (self.tr("Summary"), self.deposit_memo, 3),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget, stretch)
        row.addWidget(self.deposit_button)
        self.service_box = QGroupBox(self.tr("Record service (F2)"))
        self.service_box.setLayout(row)

        self.item = QComboBox()
        self.item.addItem(self.tr("(points only)"), None)
        for it in call(self, list_items, self.ws, True) or []:
            self.item.addItem(self.tr("%1 — %2 points (stock %3)").replace("%1", it.name).replace(
                "%2", str(it.points)).replace("%3", str(it.stock)), it.uid)
        self.redeem_points = QSpinBox()
        self.redeem_points.setRange(0, 100_000)
        self.redeem_memo = QLineEdit()
        self.redeem_memo.setPlaceholderText(self.tr("What was redeemed"))
        self.redeem_memo.returnPressed.connect(self.post_redeem)
        self.redeem_button = QPushButton(icon("export"), self.tr("Redeem"))
        self.redeem_button.clicked.connect(self.post_redeem)
        self.item.currentIndexChanged.connect(self._item_chosen)
        row2 = QHBoxLayout()
        for label, widget, stretch in (
            (self.tr("Catalog item"), self.item, 2),
            (self.tr("Points"), self.redeem_points, 0),
            (self.tr("Summary"), self.redeem_memo, 3),
        ):
            row2.addWidget(QLabel(label))
            row2.addWidget(widget, stretch)
        row2.addWidget(self.redeem_button)
        self.redeem_box = QGroupBox(self.tr("Redeem (F3)"))
        self.redeem_box.setLayout(row2)

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.print_action = bar.addAction(icon("print"), self.tr("Print pending (F5)"), self.print_pending)
        self.reprint_action = bar.addAction(icon("reprint"), self.tr("Reprint a page"), self.reprint_page)
        self.statement_action = bar.addAction(icon("preview"), self.tr("A4 statement"), self.statement)
        bar.addSeparator()
        self.reverse_action = bar.addAction(icon("revoke"), self.tr("Reverse selected entry"), self.reverse_selected)
        self.lost_action = bar.addAction(icon("lock"), self.tr("Report lost"), self.report_lost)
        self.lift_action = bar.addAction(icon("unlock"), self.tr("Lift loss"), self.lift_loss)
        self.replace_action = bar.addAction(icon("reprint"), self.tr("Replace passbook"), self.replace)
        self.close_action = bar.addAction(icon("delete"), self.tr("Close passbook"), self.close_book)
        return bar

    # -- showing a passbook ---------------------------------------------------------------------
    def look_up(self) -> None:
        text = self.number.text().strip()
        if not text:
            return
        try:
            row = passbook.get_passbook(self.ws, text)
        except USER_ERRORS as exc:
            if not any(ch.isdigit() for ch in text):
                self.search_requested.emit(text)
                return
            show_error(self, message_of(exc))
            self.number.selectAll()
            return
        self._show(row)
        self.hours_in.setFocus()

    def open_number(self, number: str) -> None:
        self.number.setText(number)
        self.look_up()

    def reload(self) -> None:
        if self.current is not None:
            self._show(call(self, passbook.get_passbook, self.ws, self.current.number))

    def _show(self, row: PassbookRow | None) -> None:
        self.current = row
        active = row is not None and row.status == "active"
        for w in (self.service_box, self.redeem_box):
            w.setEnabled(active)
        for a in (self.print_action, self.reverse_action, self.lost_action, self.replace_action):
            a.setEnabled(active)
        self.statement_action.setEnabled(row is not None)
        self.reprint_action.setEnabled(row is not None)
        self.lift_action.setEnabled(row is not None and row.status == "lost")
        self.replace_action.setEnabled(row is not None and row.status in ("active", "lost"))
        self.close_action.setEnabled(active)
        if row is None:
            self.holder.setText("—")
            for label in (self.status, self.balance, self.hours, self.pending):
                label.setText("")
            self.model.set_source(EntrySource(self.ws))
            return
        total = volunteer_hours(self.ws, row.holder_uid)
        self.holder.setText(f"{row.holder_name}  {row.volunteer_number}  {row.holder_phone}".strip())
        self.status.setText(book_status_label(row))
        self.status.setStyleSheet("" if active and not row.overdrawn else "color: #b71c1c; font-weight: bold;")
        self.redeem_box.setEnabled(active and not row.overdrawn)  # until the street settles it
        self.balance.setText(str(row.balance))
        self.hours.setText(self.tr("%1 h  %2").replace("%1", f"{total:g}").replace("%2", "★" * star_level(total)))
        self.pending.setText(self.tr("%1 (next: page %2, line %3)").replace("%1", str(row.pending_lines))
                             .replace("%2", str(row.next_page)).replace("%3", str(row.next_line)))
        self.model.set_source(EntrySource(self.ws, row.number))

    def next_visitor(self) -> None:
        self.number.clear()
        self.number.setFocus()

    # -- posting --------------------------------------------------------------------------------
    def _price_service(self) -> None:
        if self.hours_in.value() <= 0 or not self.activity.currentText().strip():
            return
        try:
            self.deposit_points.setValue(
                points_for_service(self.ws, self.activity.currentText(), self.hours_in.value())
            )
        except USER_ERRORS:
            pass  # no rule for this type: the clerk types the points
        if not self.deposit_memo.text():
            self.deposit_memo.setText(self.activity.currentText().strip())

    def _item_chosen(self) -> None:
        uid = self.item.currentData()
        for it in call(self, list_items, self.ws, True) or []:
            if it.uid == uid:
                self.redeem_points.setValue(it.points)
                self.redeem_memo.setText(self.tr("Redeem %1").replace("%1", it.name))

    def post_deposit(self) -> None:
        if self.current is None:
            return
        hours = self.hours_in.value() or None
        if call(self, passbook.deposit, self.ws, self.current.number, self.deposit_points.value(),
                self.deposit_memo.text(), hours) is not None:
            self.hours_in.setValue(0)
            self.deposit_points.setValue(0)
            self.deposit_memo.clear()
            self._posted()

    def post_redeem(self) -> None:
        if self.current is None:
            return
        uid = self.item.currentData()
        if uid:
            done = call(self, redeem_item, self.ws, self.current.number, uid, 1)
        else:
            done = call(
                self, passbook.redeem, self.ws, self.current.number, self.redeem_points.value(), self.redeem_memo.text()
            )
        if done is not None:
            self.item.setCurrentIndex(0)
            self.redeem_points.setValue(0)
            self.redeem_memo.clear()
            self._posted()

    def _posted(self) -> None:
        self.reload()
        self.changed.emit()

    def reverse_selected(self) -> None:
        index = self.table.currentIndex()
        entry = self.model.data(index, ROW_ROLE) if index.isValid() else None
        if self.current is None or entry is None:
            show_error(self, self.tr("Select the entry to reverse in the ledger first."))
            return
        asked = confirm(self, self.tr("Reverse entry"), self.tr(
            "Reverse entry %1 (%2, %3 points)? The entry stays; an opposite entry is added.")
            .replace("%1", str(entry.seq)).replace("%2", entry.memo).replace("%3", str(entry.points)),
            self.tr("Reverse entry"))
        if asked and call(self, passbook.reverse, self.ws, self.current.number, entry.seq):
            self._posted()

    def report_lost(self) -> None:
        if self.current and confirm(self, self.tr("Report lost"), self.tr(
                "Block passbook %1 now? No entry can be made until the loss is lifted or it is replaced.")
                .replace("%1", self.current.number), self.tr("Report lost")):
            if call(self, passbook.report_lost, self.ws, self.current.number):
                self._posted()

    def lift_loss(self) -> None:
        if self.current and call(self, passbook.lift_loss, self.ws, self.current.number):
            self._posted()

    def replace(self) -> None:
        """补发/换折: says that the old book is voided and what carries over, then asks."""
        row = self.current
        if row is None:
            return
        text = self.tr("Replace passbook %1 of %2 with a new one?").replace("%1", row.number).replace(
            "%2", row.holder_name)
        more = self.tr("Passbook %1 is voided at once: nothing more can be entered or printed on it. "
                       "The balance of %2 points carries over to the new passbook on its first line.").replace(
            "%1", row.number).replace("%2", str(row.balance))
        if row.pending_lines:
            more += " " + self.tr("Its %1 unprinted lines will not be printed on the old passbook.").replace(
                "%1", str(row.pending_lines))
        if not confirm(self, self.tr("Replace passbook"), text, self.tr("Issue new passbook"), more):
            return
        new = call(self, passbook.replace, self.ws, row.number)
        if new is not None:
            QMessageBox.information(self, self.tr("Replace passbook"), self.tr(
                "New passbook %1 issued; the balance of %2 points was carried over.")
                .replace("%1", new.number).replace("%2", str(new.balance)))
            self.number.setText(new.number)
            self._show(new)
            self.changed.emit()

    def close_book(self) -> None:
        """销户: only an empty passbook closes (points are never silently lost); asks first."""
        row = self.current
        if row is None:
            return
        text = self.tr("Close passbook %1 of %2?").replace("%1", row.number).replace("%2", row.holder_name)
        more = self.tr("A closed passbook cannot be used again. Its balance is %1 points: only an empty "
                       "passbook can be closed (redeem or replace it first).").replace("%1", str(row.balance))
        if not confirm(self, self.tr("Close passbook"), text, self.tr("Close passbook"), more):
            return
        closed = call(self, passbook.close_passbook, self.ws, row.number)
        if closed is not None:
            self._show(closed)
            self.changed.emit()

    # -- printing -------------------------------------------------------------------------------
    def print_pending(self) -> None:
        if self.current is None or self.current.status != "active":
            return
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog

        PassbookPrintDialog(self.ws, self.current.number, self).exec()
        self.reload()
        self.changed.emit()

    def reprint_page(self) -> None:
        if self.current is None:
            return
        page, ok = QInputDialog.getInt(self, self.tr("Reprint a page"), self.tr("Passbook page to reprint:"),
                                       max(1, self.current.next_page), 1, 999)
        if not ok:
            return
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.print_dialogs import PassbookPrintDialog, ask_reprint_reason

        reason = ask_reprint_reason(self, self.tr(
            "Print page %1 of passbook %2 again, line for line as it was printed? Nothing on the passbook "
            "changes; the reprint and its reason are recorded in the journal.").replace("%1", str(page))
            .replace("%2", self.current.number))
        if reason is not None:
            PassbookPrintDialog(self.ws, self.current.number, self, reprint=page, reason=reason).exec()

    def statement(self) -> None:
        if self.current is None:
            return
        # the dialog's module loads on first use
        from yichao.ui.pages.passbook.print_dialogs import show_statement

        show_statement(self.ws, self.current.number, self)

