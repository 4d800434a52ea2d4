"""数据同步: export a bundle for the district (or a street), import one with a preview, history, keys.

The district sees a fourth tab with every street's record counts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app import sync
from yichao.app.core import OVERDUE_DAYS, Workspace, exchange_due, last_exchange, set_up_at
from yichao.app.sync import ImportResult
from yichao.ui.icons import icon
from yichao.ui.models.paged_table_model import PagedTableModel
from yichao.ui.models.rows_model import RowsModel, text_columns
from yichao.ui.models.sync_tables import HistorySource, history_columns
from yichao.ui.operations import call, run_op, show_error
from yichao.ui.pages.sync.conflicts import ConflictsTab
from yichao.ui.pages.sync.keys import KeysTab, totals_rows
from yichao.ui.pages.sync.preview import PreviewDialog
from yichao.ui.widgets.empty_state import EmptyState
from yichao.ui.widgets.table_view import apply_column_widths, make_table_view


class SyncPage(QWidget):
    exchanged = Signal()  # a bundle was imported or exported (the window refreshes what it shows)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.tabs.addTab(self._exchange_tab(), icon("sync"), self.tr("Exchange"))
        self.history_model = PagedTableModel(HistorySource(ws), history_columns(), self)
        self.history_view = make_table_view(self)
        self.history_view.setModel(self.history_model)
        apply_column_widths(self.history_view, [130, 60, 90, 50, 80, 260, 200, 80])
        self.tabs.addTab(self.history_view, icon("journal"), self.tr("History"))
        self.keys_tab = KeysTab(ws, self)
        self.keys_tab.trusted.connect(self.refresh)
        self.tabs.addTab(self.keys_tab, icon("key"), self.tr("Keys"))
        self.conflicts_tab = ConflictsTab(ws, self)
        self.tabs.addTab(self.conflicts_tab, icon("conflicts"),
                         self.tr("Conflicts") if ws.site.role == "district" else self.tr("Requests and held records"))
        self.totals_model: RowsModel | None = None
        if ws.site.role == "district":
            self.totals_view = make_table_view(self)
            self.totals_view.setSortingEnabled(False)
            self.tabs.addTab(self.totals_view, icon("reports"), self.tr("Streets"))
        self.refresh()

    def _exchange_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        box = QGroupBox(self.tr("Bundles on a USB stick"), tab)
        form = QFormLayout(box)
        self.peer = QComboBox(box)
        self.peer.setMinimumWidth(280)
        form.addRow(self.tr("Exchange with:"), self.peer)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(icon("export"), self.tr("Export bundle..."), box)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(icon("import"), self.tr("Import bundle..."), box)
        self.import_button.clicked.connect(self.import_bundle)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(box)
        self.peer_state = QLabel(box)
        self.peer_state.setWordWrap(True)
        form.addRow(self.peer_state)
        self.peer.currentIndexChanged.connect(self.show_peer_state)
        self.last_label = QLabel(tab)
        self.hint = QLabel(tab)
        self.hint.setWordWrap(True)
        self.no_keys = EmptyState(self.tr(
            "No key exchanged yet. Once per pair of sites, export this site's key file for the district "
            "and trust the district's key file; then bundles can go back and forth."),
            [(self.tr("Exchange &keys..."), lambda: self.tabs.setCurrentWidget(self.keys_tab))], tab)
        layout.addWidget(self.no_keys)
        layout.addWidget(self.last_label)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        return tab

    # -- state ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        peers = call(self, sync.list_peers, self.ws) or []
        current = self.peer.currentData()
        self.peer.clear()
        for p in peers:
            self.peer.addItem(f"{p.name}（{p.code}）", p.code)
        if current is not None and (i := self.peer.findData(current)) >= 0:
            self.peer.setCurrentIndex(i)
        self.export_button.setEnabled(bool(peers))
        self.no_keys.show_when(not peers)
        self.hint.setText("" if peers else self.tr(
            "No site is trusted yet: exchange key files on the Keys tab first (once per pair of sites)."))
        last = last_exchange(self.ws)
        if last is None:
            self.last_label.setText(self.tr("Last bundle exchange: never"))
            # a site set up less than 30 days ago is not overdue
            self.last_label.setStyleSheet("color: #b26a00;" if exchange_due(None, set_up_at(self.ws)) else "")
        else:
            days = (datetime.now(UTC) - last).days
            text = self.tr("Last bundle exchange: %1 (%2 days ago)")
            self.last_label.setText(text.replace("%1", last.astimezone().strftime("%Y-%m-%d %H:%M"))
                                    .replace("%2", str(days)))
            self.last_label.setStyleSheet("color: #b26a00;" if days >= OVERDUE_DAYS else "")
        self.history_model.refresh()
        self.show_peer_state()
        self.conflicts_tab.refresh()
        if self.ws.site.role == "district":
            kinds, rows = totals_rows(self.ws)
            self.totals_model = RowsModel(text_columns([self.tr("Street"), self.tr("Code"), *kinds],
                                                        numbers=range(2, 2 + len(kinds))), self)
            self.totals_model.set_rows(rows)
            self.totals_view.setModel(self.totals_model)

    def show_peer_state(self) -> None:
        code = self.peer.currentData()
        status = call(self, sync.sync_status, self.ws) if code else None
        peer = next((p for p in status.peers if p.code == code), None) if status else None
        if peer is None:
            self.peer_state.setText("")
            return
        text = self.tr("Changes waiting to be sent: %1. Sent %2 bundles (confirmed up to no. %3); "
                       "received %4 bundles.")
        text = (text.replace("%1", f"{peer.pending:,}").replace("%2", str(peer.out_seq))
                .replace("%3", str(peer.acked_seq)).replace("%4", str(peer.in_seq)))
        if peer.relayed:  # a street passes on its offices' and its district's records
            text += " " + self.tr("Of the changes, %1 are other sites' records passed on.").replace(
                "%1", f"{peer.relayed:,}")
        self.peer_state.setText(text)

    # -- actions --------------------------------------------------------------------------------
    def export_bundle(self) -> None:
        code = self.peer.currentData()
        if not code:
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder (USB stick) for the bundle"))
        if folder:
            self.export_to(code, Path(folder))

    def export_to(self, code: str, folder: Path) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        path = folder / f"{self.ws.site.code}-to-{code}-{stamp}.ycb"

        def done(r: sync.ExportResult) -> None:
            self.refresh()
            self.exchanged.emit()
            text = self.tr("Bundle no. %1 for %2 written: %3 records.\n%4")
            QMessageBox.information(
                self,
                self.tr("Bundle exported"),
                text.replace("%1", str(r.seq))
                .replace("%2", r.to_name)
                .replace("%3", f"{r.records:,}")
                .replace("%4", str(r.path)),
            )

        run_op(self, lambda progress: sync.export_bundle(self.ws, code, path, progress=progress),
               on_success=done, label=self.tr("Exporting bundle..."), with_progress=True)

    def import_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import bundle"), "",
                                              self.tr("Yichao bundles (*.ycb);;All files (*)"))
        if path:
            self.preview(Path(path))

    def preview(self, path: Path, confirm: bool = True) -> None:
        """Dry run first; apply only after the user has seen what would change."""
        def previewed(r: ImportResult) -> None:
            if r.already:
                QMessageBox.information(self, self.tr("Import bundle"), r.message)
                return
            dialog = PreviewDialog(r, self)
            self.last_preview = dialog
            if not confirm or dialog.exec():
                self.apply(path)

        run_op(self, lambda progress: sync.import_bundle(self.ws, path, dry_run=True, progress=progress),
               on_success=previewed, label=self.tr("Checking bundle..."), with_progress=True)

    def apply(self, path: Path) -> None:
        def applied(r: ImportResult) -> None:
            self.refresh()
            if r.already:
                show_error(self, r.message)
                return
            self.exchanged.emit()
            total = sum(c.new + c.changed + c.deleted for c in r.kinds.values())
            text = self.tr("Bundle no. %1 from %2 imported: %3 records new or changed.").replace(
                "%1", str(r.seq)).replace("%2", r.from_name).replace("%3", f"{total:,}")
            held, conflicts = len(r.held), sum(1 for c in r.conflicts if c.new)
            if held or conflicts:
                text += "\n" + self.tr("%1 records held, %2 overlaps with other sites: see the Conflicts tab.").replace(
                    "%1", str(held)).replace("%2", str(conflicts))
            QMessageBox.information(self, self.tr("Bundle imported"), text)

        run_op(self, lambda progress: sync.import_bundle(self.ws, path, progress=progress),
               on_success=applied, label=self.tr("Importing bundle..."), with_progress=True)
