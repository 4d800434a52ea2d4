"""Edit the center's lists: organization categories and service domains (admins)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from yichao.app import orgs
from yichao.app.core import Workspace
from yichao.ui.icons import icon
from yichao.ui.operations import call
from yichao.ui.widgets.confirm import confirm
from yichao.ui.widgets.form import Field, ask


class LookupList(QWidget):
    """One list with Add / Rename / Retire."""

    def __init__(self, ws: Workspace, list_kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.list_kind = ws, list_kind
        self.entries = QListWidget()
        add = QPushButton(icon("add"), self.tr("&Add..."))
        rename = QPushButton(icon("edit"), self.tr("&Rename..."))
        retire = QPushButton(icon("delete"), self.tr("R&etire"))
        add.clicked.connect(self.add)
        rename.clicked.connect(self.rename)
        retire.clicked.connect(self.retire)
        buttons = QVBoxLayout()
        for b in (add, rename, retire):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.entries, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.entries.clear()
        for e in orgs.list_lookups(self.ws, self.list_kind):
            item = QListWidgetItem(e.name)
            item.setData(Qt.ItemDataRole.UserRole, e.uid)
            self.entries.addItem(item)

    def _current(self) -> QListWidgetItem | None:
        return self.entries.currentItem()

    def add(self) -> None:
        if ask(self, self.tr("Add"), [Field("name", self.tr("Name:"), required=True)],
               submit=lambda v: orgs.add_lookup(self.ws, self.list_kind, v["name"])) is not None:
            self.reload()

    def rename(self) -> None:
        item = self._current()
        if item is None:
            return
        uid = item.data(Qt.ItemDataRole.UserRole)
        if ask(self, self.tr("Rename"), [Field("name", self.tr("Name:"), default=item.text(), required=True)],
               submit=lambda v: orgs.rename_lookup(self.ws, uid, v["name"])) is not None:
            self.reload()

    def retire(self) -> None:
        item = self._current()
        if item is None:
            return
        if confirm(self, self.tr("Retire"), self.tr(
                "Retire “%1”? It is no longer offered for new entries; organizations keep the name.")
                .replace("%1", item.text()), self.tr("Retire")):
            call(self, orgs.retire_lookup, self.ws, item.data(Qt.ItemDataRole.UserRole))
            self.reload()


class LookupsDialog(QDialog):
    """Categories and service domains; organizations keep the names of retired entries."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Categories and service domains"))
        tabs = QTabWidget()
        self.categories = LookupList(ws, "category", self)
        self.domains = LookupList(ws, "domain", self)
        tabs.addTab(self.categories, self.tr("Categories"))
        tabs.addTab(self.domains, self.tr("Service domains"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(420, 400)
