"""证书打印: the certificate register with issue, batch print, reprint, revoke, verify and preview."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from yichao.app.certificates import (
    REPRINT_REASONS,
    CertificateFilter,
    CertificateRow,
    PrintResult,
    count_certificates,
    kinds,
    output_folder,
    print_certificates,
    print_history,
    query_certificates,
    reprint_certificates,
    result_sheets,
    revoke_certificate,
)
from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import ROW_ROLE, Column, PagedTableModel
from yichao.ui.operations import call, run_op
from yichao.ui.pages.certificates.dialogs import IssueDialog, RevokeDialog, SetupDialog, VerifyDialog
from yichao.ui.widgets.confirm import ask_choice
from yichao.ui.widgets.empty_state import EmptyState, no_match_state, show_list_states
from yichao.ui.widgets.street_filter import StreetFilter
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class RegisterSource:
    """The register as the paged model sees it: count and pages for the current filter."""

    def __init__(self, ws: Workspace, flt: CertificateFilter) -> None:
        self.ws, self.flt = ws, flt

    def count(self) -> int:
        return count_certificates(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_certificates(self.ws, self.flt, offset, limit, sort_key, descending)


class CertificatesPage(QWidget):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.last_pdf: Path | None = None
        self._build_toolbar()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Recipient, serial or code"))
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for key, label in kinds(ws.site.role):  # an office: the kinds it may issue
            self.kind_filter.addItem(label, key)
        self.status_filter = QComboBox()
        for label, key in ((self.tr("Any status"), ""), (self.tr("Valid"), "valid"), (self.tr("Revoked"), "revoked")):
            self.status_filter.addItem(label, key)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("&Search:")))
        filters.itemAt(0).widget().setBuddy(self.search)  # type: ignore[union-attr]
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        self.street_filter = StreetFilter(ws)  # a district: the street of each certificate, and a filter
        filters.addWidget(self.street_filter)
        columns = [
            Column("serial", self.tr("Serial"), lambda r: r.serial),
            Column("kind", self.tr("Kind"), lambda r: r.kind_label),
            Column("recipient", self.tr("Recipient"), lambda r: r.recipient),
            *self.street_filter.column(),
            Column("issued_on", self.tr("Issued"), lambda r: r.issued_on.isoformat()),
            Column("status", self.tr("Status"), lambda r: self.status_text(r),
                   color=lambda r: "#b71c1c" if r.status == "revoked" else None),
            Column("print_count", self.tr("Prints"), lambda r: str(r.print_count),
                   align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column("", self.tr("Code"), lambda r: r.code),
        ]
        self.model = PagedTableModel(RegisterSource(ws, CertificateFilter()), columns, self)
        self.view: QTableView = make_table_view(self)
        self.view.setModel(self.model)
        self.view.sortByColumn([c.key for c in columns].index("issued_on"), Qt.SortOrder.DescendingOrder)
        apply_column_widths(self.view, [150, 110, 320, *([110] if self.street_filter.district else []),
                                        100, 80, 60, 100])
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMargin(8)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        # day one: what to do when nothing is issued yet; when nothing matches, the way back
        self.no_certificates = EmptyState(self.tr(
            "No certificates issued yet. Issue one to an organization, a volunteer or a project, or print a "
            "batch at once; each is numbered in this register and can be verified by its code."),
            [(self.tr("Issue a certificate..."), self.issue), (self.tr("Batch print..."), self.batch)], self)
        for b in self.no_certificates.buttons:
            b.setEnabled(self.issue_action.isEnabled())
        self.no_match = no_match_state(self.tr(
            "No certificate matches the search, kind and status. Clear the filter to see the whole register."),
            self.clear_filters, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.no_certificates)
        layout.addWidget(self.no_match)
        layout.addWidget(splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.street_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.view.doubleClicked.connect(lambda _i: self.open_record())  # never a reprint: that asks why
        self.model.modelReset.connect(self.update_list_states)
        self.show_detail()
        self.update_list_states()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.issue_action = bar.addAction(icon("add"), self.tr("Issue..."), self.issue)
        self.issue_action.setShortcut("Ctrl+N")
        self.batch_action = bar.addAction(icon("print"), self.tr("Batch print..."), self.batch)
        self.reprint_action = bar.addAction(icon("reprint"), self.tr("Reprint"), self.reprint)
        self.revoke_action = bar.addAction(icon("revoke"), self.tr("Revoke..."), self.revoke)
        bar.addSeparator()
        self.verify_action = bar.addAction(icon("verify"), self.tr("Verify..."), self.verify)
        self.verify_action.setShortcut("Ctrl+Shift+V")
        self.setup_action = bar.addAction(icon("settings"), self.tr("Setup..."), self.setup)
        can_write = self.ws.user is not None and self.ws.user.role in ("staff", "admin")
        for action in (self.issue_action, self.batch_action, self.reprint_action, self.revoke_action):
            action.setEnabled(can_write)
        self.setup_action.setEnabled(self.ws.user is not None and self.ws.user.role == "admin")
        self.toolbar = bar

    def status_text(self, row: CertificateRow) -> str:
        return self.tr("Revoked") if row.status == "revoked" else self.tr("Valid")

    # -- list ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        flt = CertificateFilter(text=self.search.text(), kind=str(self.kind_filter.currentData() or ""),
                                status=str(self.status_filter.currentData() or ""),
                                origin=self.street_filter.origin())
        self.model.set_source(RegisterSource(self.ws, flt))
        self.show_detail()

    def update_list_states(self) -> None:
        """None issued yet (what to do) or none that matches the filter (clear it); as the list changes."""
        show_list_states(self.no_certificates, self.no_match, self.model.rowCount(),
                         lambda: count_certificates(self.ws, CertificateFilter()) > 0)

    def clear_filters(self) -> None:
        """The whole register again: search, kind, status and street cleared."""
        for widget in (self.search, self.kind_filter, self.status_filter, self.street_filter):
            widget.blockSignals(True)
        self.search.clear()
        self.kind_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.street_filter.setCurrentIndex(0)
        for widget in (self.search, self.kind_filter, self.status_filter, self.street_filter):
            widget.blockSignals(False)
        self.refresh()

    def selected(self) -> CertificateRow | None:
        index = self.view.currentIndex()
        return self.model.data(index, ROW_ROLE) if index.isValid() else None

    def show_detail(self) -> None:
        row = self.selected()
        can_write = self.issue_action.isEnabled()
        self.reprint_action.setEnabled(can_write and row is not None and row.status == "valid")
        self.revoke_action.setEnabled(can_write and row is not None and row.status == "valid")
        if row is None:
            self.detail.setText(self.tr("Select a certificate to see its details and print history."))
            return
        lines = [f"<b>{row.title}</b> {row.serial} · {self.status_text(row)}",
                 f"{row.recipient} · {row.issued_on.isoformat()} · {row.issuer} · {row.code}"]
        if row.status == "revoked":
            lines.append(
                self.tr("Revoked on %1: %2").replace("%1", str(row.revoked_on)).replace("%2", row.revoked_reason)
            )
        for p in call(self, print_history, self.ws, row.uid) or []:
            kind = self.tr("reprint") if p.reprint else self.tr("first print")
            when = p.printed_at.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(f"{when} · {p.printed_by} · {kind} · {p.layout}{' · ' + p.reason if p.reason else ''}")
        self.detail.setText("<br>".join(lines))

    # -- actions -------------------------------------------------------------------------------
    def _out(self, kind: str) -> Path:
        return output_folder(self.ws) / f"{kind}-{datetime.now():%Y%m%d-%H%M%S}.pdf"

    def issue(self) -> None:
        self._issue(batch=False)

    def batch(self) -> None:
        self._issue(batch=True)

    def _issue(self, batch: bool) -> None:
        dialog = IssueDialog(self.ws, self, batch=batch)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, uids, opts = dialog.current_kind, dialog.subject_uids(), dialog.options()
        out = self._out(kind)

        def work(progress, cancel):
            return print_certificates(self.ws, kind, uids, out, layout=opts["layout"],  # type: ignore[arg-type]
                                      preprinted=opts["preprinted"], extra=opts["extra"],  # type: ignore[arg-type]
                                      progress=progress, cancel=cancel)

        run_op(self, work, on_success=self._printed, label=self.tr("Printing certificates..."), with_progress=True)

    def open_record(self) -> None:
        """The selected certificate's register entry and print history, in a window of its own."""
        row = self.selected()
        if row is None:
            return
        self.show_detail()
        box = QMessageBox(QMessageBox.Icon.Information, row.serial, self.detail.text(),
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("certificate-record")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def reprint(self) -> None:
        """A reprint (补打) is deliberate: it says what happens and asks why (damaged, lost, corrected)."""
        row = self.selected()
        if row is None or row.status != "valid" or not self.reprint_action.isEnabled():
            return
        answer = ask_choice(
            self, self.tr("Reprint certificate"),
            self.tr("Print %1 for %2 again? The reprint has the same serial and verification code, is marked "
                    "as a reprint and is recorded in the print history.").replace("%1", row.serial)
            .replace("%2", row.recipient),
            self.tr("Reprint"), self.tr("Reason"), list(REPRINT_REASONS), self.tr("Note"))
        if answer is None:
            return
        reason = answer[0] + (f"：{answer[1]}" if answer[1] else "")
        out = self._out(row.kind)
        run_op(self, lambda: reprint_certificates(self.ws, [row.uid], out, reason=reason),
               on_success=self._printed, label=self.tr("Printing certificates..."))

    def revoke(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = RevokeDialog(row.serial, self, revoke=lambda reason: revoke_certificate(self.ws, row.uid, reason))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.refresh()
            self.show_detail()

    def verify(self) -> None:
        VerifyDialog(self.ws, self).exec()

    def setup(self) -> None:
        SetupDialog(self.ws, self).exec()

    def _printed(self, result: PrintResult) -> None:
        self.last_pdf = result.path
        self.model.refresh()
        self.show_detail()
        self.open_preview(result.path, result)

    def open_preview(self, path: Path, result: PrintResult | None = None) -> None:
        """The PDF to look at; printing from it sends the certificates at 1:1 as vector pages."""
        # the dialog's module loads on first use
        from yichao.ui.dialogs.pdf_preview import PdfPreviewDialog

        sheets = (lambda: result_sheets(result)) if result is not None else None
        self.preview = PdfPreviewDialog(path, self.tr("Certificates"), self, sheets=sheets)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.show()
