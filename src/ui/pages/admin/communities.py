"""社区 tab of 系统管理: the street's communities — add, rename or recode, merge two, retire.

Words engineers' empty states ("no communities yet") open this tab with :func:`open_communities`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app import core
from yichao.app.core import CommunityRow, Workspace
from yichao.ui.icons import icon
from yichao.ui.operations import call
from yichao.ui.widgets.confirm import ask_choice, confirm
from yichao.ui.widgets.form import Field, FormDialog

UID_ROLE = Qt.ItemDataRole.UserRole + 1


def community_fields(tr: Any, row: CommunityRow | None = None) -> list[Field]:
    """Name and optional 12-digit statistical code, shared by add and edit (and the wizard's words)."""
    return [
        Field("name", tr("Community &name"), required=True, default=row.name if row else "",
              placeholder=tr("e.g. 甸柳第一社区")),
        Field("code", tr("Statistical &code"), default=row.code if row else "",
              placeholder=tr("12 digits, optional")),
    ]


class CommunitiesTab(QWidget):
    """A small list (a street has a few dozen communities): loaded whole, sorted by pinyin."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.rows: list[CommunityRow] = []
        self.empty = QLabel(self.tr("No communities yet. Add the street's communities (社区) here: residents, "
                                    "organizations and needs each belong to one."))
        self.empty.setObjectName("communities-empty")
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("communities-table")
        self.table.setHorizontalHeaderLabels([self.tr("Community"), self.tr("Statistical code"), self.tr("Records"),
                                              self.tr("Status")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 150)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton(icon("add"), self.tr("&Add community..."))
        self.edit_button = QPushButton(icon("edit"), self.tr("&Rename..."))
        self.merge_button = QPushButton(icon("merge"), self.tr("&Merge into..."))
        self.retire_button = QPushButton(icon("retire"), self.tr("Re&tire"))
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button.clicked.connect(lambda: self.edit())
        self.merge_button.clicked.connect(lambda: self.merge())
        self.retire_button.clicked.connect(lambda: self.toggle_retired())
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.merge_button, self.retire_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.can_write = ws.user is not None and ws.user.role in ("staff", "admin")
        self.reload()

    def reload(self, select_uid: str = "") -> None:
        rows = call(self, core.list_communities, self.ws, include_retired=True)
        usage = call(self, core.community_usage, self.ws) or {}
        self.rows = rows or []
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            values = [c.name, c.code or "—", str(usage.get(c.uid, 0)),
                      self.tr("Retired") if c.retired else self.tr("In use")]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(UID_ROLE, c.uid)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
            if c.uid == select_uid:
                self.table.selectRow(r)
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        self._enable()

    def current(self) -> CommunityRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) and self.table.selectedItems() else None

    def _enable(self) -> None:
        c = self.current()
        self.add_button.setEnabled(self.can_write)
        for b in (self.edit_button, self.retire_button):
            b.setEnabled(self.can_write and c is not None)
        self.merge_button.setEnabled(self.can_write and c is not None and len(self.rows) > 1)
        self.retire_button.setText(self.tr("Take back into &use") if c and c.retired else self.tr("Re&tire"))

    def add(self) -> CommunityRow | None:
        dialog = FormDialog(self.tr("Add community"), community_fields(self.tr), self,
                            submit=lambda v: core.add_community(self.ws, v["name"], v["code"]))
        if dialog.exec() and dialog.saved is not None:
            self.reload(dialog.saved.uid)
            return dialog.saved
        return None

    def edit(self) -> None:
        c = self.current()
        if c is None or not self.can_write:
            return
        dialog = FormDialog(self.tr("Rename community"), community_fields(self.tr, c), self,
                            submit=lambda v: core.update_community(self.ws, c.uid, v["name"], v["code"]),
                            note=self.tr("Every resident, organization and need of this community follows the "
                                         "new name."))
        if dialog.exec() and dialog.saved is not None:
            self.reload(c.uid)

    def merge(self) -> None:
        c = self.current()
        if c is None:
            return
        others = {o.name: o for o in self.rows if o.uid != c.uid and not o.retired}
        chosen = ask_choice(self, self.tr("Merge communities"),
                            self.tr("Move every record of “%1” to another community; “%1” then goes away.")
                            .replace("%1", c.name), self.tr("&Merge"), self.tr("Merge into"), list(others))
        if chosen is None:
            return
        into = others[chosen[0]]
        result = call(self, core.merge_communities, self.ws, c.uid, into.uid)
        if result is not None:
            self.reload(into.uid)
            QMessageBox.information(self, self.tr("Merge communities"), result.sentence(c.name))

    def toggle_retired(self) -> None:
        c = self.current()
        if c is None:
            return
        if not c.retired and not confirm(
                self, self.tr("Retire community"),
                self.tr("Retire “%1”? It is no longer offered for new records; its records keep its name.")
                .replace("%1", c.name), self.tr("Re&tire")):
            return
        if call(self, core.set_retired, self.ws, c.uid, not c.retired) is not None:
            self.reload(c.uid)


def open_communities(window: Any) -> CommunitiesTab | None:
    """Show 系统管理 → 社区 in the main window (the "no communities yet" empty states call this)."""
    page = window.show_page("admin")
    tab = getattr(page, "communities_tab", None)
    if tab is not None:
        page.tabs.setCurrentWidget(tab)
    return tab
