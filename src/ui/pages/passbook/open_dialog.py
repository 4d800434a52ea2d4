"""Issue a passbook to a resident, or take over one already in the resident's hands (接管).

A takeover keeps the number printed on the cover, the balance and hours it shows, and the page and
line where printing must continue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import Workspace, list_communities
from yichao.app.passbook import PassbookRow, open_passbook, take_over
from yichao.app.people import PeopleFilter, query_people
from yichao.ui.operations import call, show_error


class OpenPassbookDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.result: PassbookRow | None = None
        self.setWindowTitle(self.tr("Issue a love passbook"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, pinyin initials or phone of the resident"))
        self.search.textChanged.connect(self._find)
        self.people = QListWidget()
        self.people.setMinimumHeight(140)
        self.site = QComboBox()
        self.site.addItem(self.tr("%1 (street branch)").replace("%1", ws.site.name), ws.site.code)
        for c in call(self, list_communities, ws) or []:
            if c.code:
                self.site.addItem(self.tr("%1 (community office)").replace("%1", c.name), c.code)
        self.takeover = QCheckBox(self.tr("Take over a passbook the resident already holds"))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Number printed on the cover"))
        self.balance = QSpinBox()
        self.balance.setRange(0, 1_000_000)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 100_000)
        self.hours.setDecimals(1)
        self.page = QSpinBox()
        self.page.setRange(1, 999)
        self.line = QSpinBox()
        self.line.setRange(1, 99)
        self.takeover_fields = (self.number, self.balance, self.hours, self.page, self.line)
        self.takeover.toggled.connect(self._toggle)
        form = QFormLayout()
        form.addRow(self.tr("Resident"), self.search)
        form.addRow("", self.people)
        form.addRow(self.tr("Issuing site"), self.site)
        form.addRow(self.takeover)
        form.addRow(self.tr("Passbook number"), self.number)
        form.addRow(self.tr("Balance carried over"), self.balance)
        form.addRow(self.tr("Hours already served"), self.hours)
        form.addRow(self.tr("Continue printing on page"), self.page)
        form.addRow(self.tr("at line"), self.line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._toggle(False)
        self.resize(480, 520)

    def _toggle(self, on: bool) -> None:
        for w in self.takeover_fields:
            w.setEnabled(on)

    def _find(self, text: str) -> None:
        self.people.clear()
        if not text.strip():
            return
        for p in query_people(self.ws, PeopleFilter(text=text), limit=30):
            item = QListWidgetItem(f"{p.name}  {p.id_masked}  {p.phone}  {p.volunteer_number}".strip())
            item.setData(Qt.ItemDataRole.UserRole, p.uid)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)

    def submit(self) -> None:
        item = self.people.currentItem()
        if item is None:
            show_error(self, self.tr("Choose the resident who receives the passbook."))
            return
        holder = item.data(Qt.ItemDataRole.UserRole)
        site = self.site.currentData()
        if self.takeover.isChecked():
            self.result = call(self, take_over, self.ws, self.number.text(), holder, self.balance.value(),
                               self.hours.value(), self.page.value(), self.line.value(), site_code=site)
        else:
            self.result = call(self, open_passbook, self.ws, holder, site)
        if self.result is not None:
            self.accept()
