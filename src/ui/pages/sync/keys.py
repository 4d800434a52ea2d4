"""Keys tab of 数据同步: this site's fingerprint, export the key file, trust a peer's after a check."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from yichao.app import sync
from yichao.app.core import Workspace, safe_filename
from yichao.ui.icons import icon
from yichao.ui.models.rows_model import RowsModel, text_columns
from yichao.ui.operations import call
from yichao.ui.widgets.table_view import make_table_view


def when(value) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


class KeysTab(QWidget):
    """Key exchange happens once per pair of sites; the fingerprints are read out over the phone."""

    trusted = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        own = QGroupBox(self.tr("This site's key"))
        own_layout = QVBoxLayout(own)
        self.fingerprint = QLabel()
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(mono.pointSize() + 3)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(self.fingerprint.textInteractionFlags()
                                                 | self.fingerprint.textInteractionFlags().TextSelectableByMouse)
        own_layout.addWidget(QLabel(self.tr("Fingerprint (read it out to the other site when they trust your key):")))
        own_layout.addWidget(self.fingerprint)
        row = QHBoxLayout()
        self.export_button = QPushButton(icon("export"), self.tr("Export key file..."))
        self.export_button.clicked.connect(self.export_key)
        self.trust_button = QPushButton(icon("key"), self.tr("Trust a site's key file..."))
        self.trust_button.clicked.connect(self.trust_key)
        row.addWidget(self.export_button)
        row.addWidget(self.trust_button)
        row.addStretch(1)
        own_layout.addLayout(row)
        layout.addWidget(own)
        layout.addWidget(QLabel(self.tr("Trusted sites")))
        self.model = RowsModel(text_columns([self.tr("Code"), self.tr("Name"), self.tr("Fingerprint"),
                                             self.tr("Trusted on"), self.tr("Last sent"),
                                             self.tr("Last received")]), self)
        self.table = make_table_view(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        key = call(self, sync.own_key, self.ws)
        if key is not None:
            self.fingerprint.setText(key.fingerprint)
        peers = call(self, sync.list_peers, self.ws) or []
        self.model.set_rows([[p.code, p.name, p.fingerprint, when(p.trusted_at), when(p.last_sent_at),
                              when(p.last_received_at)] for p in peers])
        self.table.resizeColumnsToContents()

    def export_key(self) -> None:
        name = safe_filename(f"{self.ws.site.code}-{self.ws.site.name}", ".ycbkey")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export key file"), name,
                                              self.tr("Yichao key files (*.ycbkey)"))
        if not path:
            return
        key = call(self, sync.export_key_file, self.ws, Path(path))
        if key is not None:
            QMessageBox.information(self, self.tr("Key file written"), self.tr(
                "Give the file to the other site and read them this fingerprint:\n%1").replace("%1", key.fingerprint))

    def trust_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Trust a site's key file"), "",
                                              self.tr("Yichao key files (*.ycbkey *.key *.json);;All files (*)"))
        if path:
            self.trust_path(Path(path))

    def trust_path(self, path: Path, confirm: bool = True) -> bool:
        """Show the fingerprint first; trust only after the user says it matches."""
        key = call(self, sync.read_key_file, path)
        if key is None:
            return False
        old = call(self, sync.trusted_fingerprint, self.ws, key.code) or ""
        replace = bool(old) and old != key.fingerprint
        if replace:
            # never silently: both fingerprints, an explicit answer, default No
            text = self.tr("%1 (%2) is already trusted with another key.\n\nTrusted fingerprint:\n%3\n\n"
                           "Fingerprint of this file:\n%4\n\nReplace the key only if the other site was set up "
                           "again and reads you the new fingerprint over the phone.")
            text = (text.replace("%1", key.name).replace("%2", key.code).replace("%3", old)
                    .replace("%4", key.fingerprint))
            answer = QMessageBox.warning(self, self.tr("Replace a trusted key?"), text,
                                         QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                         QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        elif confirm:
            text = self.tr("Key of %1 (%2).\n\nFingerprint:\n%3\n\nTrust it only if the other site reads you "
                           "the same fingerprint over the phone.")
            text = text.replace("%1", key.name).replace("%2", key.code).replace("%3", key.fingerprint)
            if key.code == self.ws.site.parent_code:  # what the parent will learn, before any bundle exists
                text += "\n\n" + sync.POLICY_NOTICE
            answer = QMessageBox.question(self, self.tr("Trust this key?"), text)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        if call(self, sync.trust_key_file, self.ws, path, replace) is None:
            return False
        self.refresh()
        self.trusted.emit()
        return True


def totals_rows(ws: Workspace) -> tuple[list[str], list[list[str]]]:
    """The district's cross-street table: one row per street, one column per kind."""
    totals = sync.district_totals(ws)
    flags = sync.street_flags(ws)
    kinds = sorted({k for _, _, counts in totals for k in counts})
    rows = [[name, code, flags.get(code, "正常"), *(f"{counts.get(k, 0):,}" for k in kinds)]
            for code, name, counts in totals]
    if totals:
        rows.append(["合计", "", "", *(f"{sum(c.get(k, 0) for _, _, c in totals):,}" for k in kinds)])
    return ["状态", *(sync.kind_label(k) for k in kinds)], rows
