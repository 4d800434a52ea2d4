"""揭榜: choose who claims a need (an organization, a household or a volunteer), with the matching
suggestions on top and a search below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.needs import NeedRow, Suggestion, claim, claimable_orgs, orgs_for_need, people_for_need
from yichao.app.people import PeopleFilter, query_people
from yichao.ui.widgets.form_style import ErrorLabel

UID_ROLE = Qt.ItemDataRole.UserRole + 1


class ClaimDialog(QDialog):
    def __init__(self, ws: Workspace, need: NeedRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.need = ws, need
        self.saved: NeedRow | None = None
        self.setWindowTitle(self.tr("Claim need: %1").replace("%1", need.title))
        self.setMinimumSize(520, 460)
        self.kinds = QButtonGroup(self)
        kinds = QHBoxLayout()
        for i, (key, label) in enumerate(
            (
                ("volunteer", self.tr("Volunteer")),
                ("organization", self.tr("Organization")),
                ("household", self.tr("Household")),
            )
        ):
            button = QRadioButton(label)
            button.setProperty("kind", key)
            self.kinds.addButton(button, i)
            kinds.addWidget(button)
        kinds.addStretch()
        self.kinds.button(0).setChecked(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or pinyin initials"))
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda _item: self.save())
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional), e.g. when they will come"))
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Claim"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who claims it:")))
        layout.addLayout(kinds)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kinds.idToggled.connect(lambda _id, on: self.fill() if on else None)
        self.search.textChanged.connect(lambda _t: self.fill())
        self._suggested: dict[str, list[Suggestion]] = {}
        self.fill()

    def kind(self) -> str:
        checked = self.kinds.checkedButton()
        return str(checked.property("kind")) if checked is not None else ""

    def _suggestions(self, kind: str) -> list[Suggestion]:
        if kind not in self._suggested:
            if kind == "organization":
                self._suggested[kind] = orgs_for_need(self.ws, self.need.uid)
            else:
                self._suggested[kind] = [s for s in people_for_need(self.ws, self.need.uid, 30)
                                         if kind == "household" or s.kind == "volunteer"][:10]
        return self._suggested[kind]

    def _add(self, uid: str, text: str, tip: str = "") -> None:
        item = QListWidgetItem(text)
        item.setData(UID_ROLE, uid)
        item.setToolTip(tip)
        self.list.addItem(item)

    def fill(self) -> None:
        kind, text = self.kind(), self.search.text().strip()
        self.list.clear()
        shown: set[str] = set()
        if not text and kind != "household":
            for s in self._suggestions(kind):
                self._add(s.uid, f"★ {s.name} — {s.reason}", s.reason)
                shown.add(s.uid)
        if kind == "organization":
            for o in claimable_orgs(self.ws, text):
                if o.uid not in shown:
                    self._add(o.uid, o.name)
        else:
            flt = PeopleFilter(text, volunteers_only=kind == "volunteer", household_heads_only=kind == "household")
            for p in query_people(self.ws, flt, 0, 50):
                if p.uid not in shown:
                    extra = p.volunteer_number if kind == "volunteer" else p.address
                    self._add(p.uid, f"{p.name}  {extra}  {p.skills}".strip())
        if self.list.count():
            self.list.setCurrentRow(0)

    def save(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.error.setText(self.tr("Choose who claims the need."))
            return
        try:
            self.saved = claim(self.ws, self.need.uid, self.kind(), item.data(UID_ROLE), self.note.text())
        except USER_ERRORS as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
