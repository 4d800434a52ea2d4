"""For an organization: the published needs it could claim, ranked, with the reason shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace
from yichao.app.needs import claimable_orgs, needs_for_org

UID_ROLE = Qt.ItemDataRole.UserRole + 1


class NeedsForOrgDialog(QDialog):
    """``chosen`` holds the uid of the need the clerk opened (double-click or Open)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Needs an organization could claim"))
        self.setMinimumSize(560, 460)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find the organization by name or pinyin initials"))
        self.org = QComboBox()
        self.needs = QListWidget()
        self.needs.setWordWrap(True)
        self.needs.itemDoubleClicked.connect(lambda _i: self.open_need())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.open_need)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.org)
        layout.addWidget(QLabel(self.tr("Published needs that fit its service domains and community:")))
        layout.addWidget(self.needs, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.find_orgs)
        self.org.currentIndexChanged.connect(lambda _i: self.fill())
        self.find_orgs("")

    def find_orgs(self, text: str) -> None:
        self.org.blockSignals(True)
        self.org.clear()
        for o in claimable_orgs(self.ws, text, 100):
            self.org.addItem(o.name, o.uid)
        self.org.blockSignals(False)
        self.fill()

    def fill(self) -> None:
        self.needs.clear()
        uid = self.org.currentData()
        if not uid:
            return
        for row, s in needs_for_org(self.ws, uid, 50):
            due = row.due_date.isoformat() if row.due_date else ""
            item = QListWidgetItem(f"{row.title}（{row.category}，{due}）\n{s.reason}")
            item.setData(UID_ROLE, row.uid)
            self.needs.addItem(item)
        if not self.needs.count():
            self.needs.addItem(self.tr("No published need fits this organization now."))

    def open_need(self) -> None:
        item = self.needs.currentItem()
        if item is not None and item.data(UID_ROLE):
            self.chosen = item.data(UID_ROLE)
            self.accept()
