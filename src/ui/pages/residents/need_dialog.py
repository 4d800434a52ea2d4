"""Record or edit a need: title, category, community, the resident who asked, urgency, due date,
reward points. Validates as the clerk types."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.needs import CATEGORIES, MAX_POINTS, URGENCY_LABELS, NeedInput, NeedRow, create_need, update_need
from yichao.app.people import PeopleFilter, query_people


class NeedDialog(QDialog):
    def __init__(self, ws: Workspace, communities: dict[str, str], row: NeedRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.row = ws, row
        self.saved: NeedRow | None = None
        self.setWindowTitle(self.tr("Edit need") if row else self.tr("New need"))
        self.setMinimumWidth(480)
        self.title = QLineEdit(row.title if row else "")
        self.category = QComboBox()
        self.category.addItems(list(CATEGORIES))
        self.description = QPlainTextEdit(row.description if row else "")
        self.description.setFixedHeight(80)
        self.community = QComboBox()
        self.community.addItem(self.tr("(the requester's community)"), None)
        for uid, name in communities.items():
            self.community.addItem(name, uid)
        self.requester_search = QLineEdit()
        self.requester_search.setPlaceholderText(self.tr("Type a name or pinyin initials"))
        self.requester = QComboBox()
        self.requester.addItem(self.tr("(nobody in particular)"), None)
        if row and row.requester_uid:
            self.requester.addItem(row.requester_name, row.requester_uid)
            self.requester.setCurrentIndex(1)
        self.requester_search.textChanged.connect(self.find_requester)
        requester = QHBoxLayout()
        requester.addWidget(self.requester_search, 1)
        requester.addWidget(self.requester, 2)
        self.urgency = QComboBox()
        for key, label in URGENCY_LABELS.items():
            self.urgency.addItem(label, key)
        self.has_due = QCheckBox(self.tr("Due by"))
        self.due = QDateEdit(QDate.currentDate().addDays(14))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        due = QHBoxLayout()
        due.addWidget(self.has_due)
        due.addWidget(self.due, 1)
        self.points = QSpinBox()
        self.points.setRange(0, MAX_POINTS)
        self.points.setSingleStep(5)
        if row:
            self.category.setCurrentText(row.category)
            self.community.setCurrentIndex(max(0, self.community.findData(row.community_uid)))
            self.urgency.setCurrentIndex(max(0, self.urgency.findData(row.urgency)))
            self.points.setValue(row.reward_points)
            if row.due_date:
                self.has_due.setChecked(True)
                self.due.setDate(QDate(row.due_date.year, row.due_date.month, row.due_date.day))
        self.due.setEnabled(self.has_due.isChecked())
        self.has_due.toggled.connect(self.due.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("C&ategory:"), self.category)
        form.addRow(self.tr("&Description:"), self.description)
        asked_by = QLabel(self.tr("&Asked by:"))
        asked_by.setBuddy(self.requester_search)
        form.addRow(asked_by, requester)
        form.addRow(self.tr("Co&mmunity:"), self.community)
        form.addRow(self.tr("&Urgency:"), self.urgency)
        form.addRow(self.tr("Due date:"), due)
        form.addRow(self.tr("&Reward points:"), self.points)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self.check)
        self.check()

    def find_requester(self, text: str) -> None:
        current = self.requester.currentData()
        self.requester.clear()
        self.requester.addItem(self.tr("(nobody in particular)"), None)
        if text.strip():
            for p in query_people(self.ws, PeopleFilter(text), 0, 30):
                label = f"{p.name}  {p.id_masked or p.phone}  {p.address}".strip()
                self.requester.addItem(label, p.uid)
            if self.requester.count() > 1:
                self.requester.setCurrentIndex(1)
        elif current:
            self.requester.setCurrentIndex(max(0, self.requester.findData(current)))

    def data(self) -> NeedInput:
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None  # type: ignore[assignment]
        return NeedInput(self.title.text(), self.category.currentText(), self.description.toPlainText(),
                         self.community.currentData(), self.requester.currentData(), self.urgency.currentData(),
                         due, self.points.value())

    def check(self) -> None:
        problem = "" if self.title.text().strip() else self.tr("Title: please say what is needed.")
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def save(self) -> None:
        try:
            if self.row is None:
                self.saved = create_need(self.ws, self.data())
            else:
                self.saved = update_need(self.ws, self.row.uid, self.data())
        except USER_ERRORS as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
