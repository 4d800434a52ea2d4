"""The organization profile dialog: validates as the clerk types and names the field that is wrong.

The checks here are the quick ones (identifiers, dates, counts); the service repeats every check
(and the uniqueness ones) when saving, so nothing the dialog misses can be saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app import orgs
from yichao.app.core import USER_ERRORS, Workspace, list_communities, message_of, parse_date
from yichao.app.orgs import KIND_LABELS, PARTY_FORM_LABELS, REGISTERED_KINDS, OrgDetail, OrgInput, list_lookups
from yichao.models.identifiers import validate_credit_code, validate_phone
from yichao.ui.operations import call


class OrgDialog(QDialog):
    """New (``detail`` None) or edit. After ``exec``, ``saved`` holds the stored OrgDetail."""

    def __init__(self, ws: Workspace, detail: OrgDetail | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.detail, self.saved = ws, detail, None
        self.setWindowTitle(self.tr("Edit organization") if detail else self.tr("New organization"))
        self.name = QLineEdit()
        self.short_name = QLineEdit()
        self.kind = QComboBox()
        for key, label in KIND_LABELS.items():
            self.kind.addItem(label, key)
        self.category = QComboBox()
        self.category.addItem("", None)
        for e in list_lookups(ws, "category"):
            self.category.addItem(e.name, e.uid)
        self.domains = QListWidget()
        self.domains.setMaximumHeight(110)
        self.domains.setFlow(QListWidget.Flow.LeftToRight)
        self.domains.setWrapping(True)
        for e in list_lookups(ws, "domain"):
            item = QListWidgetItem(e.name)
            item.setData(Qt.ItemDataRole.UserRole, e.uid)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.domains.addItem(item)
        self.credit_code = QLineEdit()
        self.credit_code.setPlaceholderText(self.tr("18 characters, e.g. 52370102MJ1234561G"))
        self.waiver = QLineEdit()
        self.waiver.setPlaceholderText(self.tr("Why this early code is accepted (admins only)"))
        self.waiver_label = QLabel(self.tr("Accept failing check because"))
        self.filing_number = QLineEdit()
        self.registered_on = QLineEdit()
        self.filed_on = QLineEdit()
        for edit in (self.registered_on, self.filed_on):
            edit.setPlaceholderText("2024-05-01")
        self.community = QComboBox()
        self.community.addItem("", None)
        for c in list_communities(ws):
            self.community.addItem(c.name, c.uid)
        self.address = QLineEdit()
        self.leader = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("mobile or 0531-86012345"))
        self.members, self.volunteers, self.party_members = QSpinBox(), QSpinBox(), QSpinBox()
        for spin in (self.members, self.volunteers, self.party_members):
            spin.setRange(0, orgs.MAX_COUNT)
        self.party_form = QComboBox()
        for key, label in PARTY_FORM_LABELS.items():
            self.party_form.addItem(label, key)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self._layout()
        if detail:
            self._fill(detail)
        else:
            self.kind.setCurrentIndex(self.kind.findData("unregistered_team"))
        for edit in (self.name, self.credit_code, self.waiver, self.filing_number, self.registered_on,
                     self.filed_on, self.phone, self.leader):
            edit.textChanged.connect(lambda _t: self.validate())
        for box in (self.kind, self.party_form):
            box.currentIndexChanged.connect(lambda _i: self.validate())
        for spin in (self.members, self.party_members):
            spin.valueChanged.connect(lambda _v: self.validate())
        self.validate()

    def _layout(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("&Name"), self.name)
        left.addRow(self.tr("S&hort name"), self.short_name)
        left.addRow(self.tr("&Kind"), self.kind)
        left.addRow(self.tr("Ca&tegory"), self.category)
        left.addRow(self.tr("Credit &code"), self.credit_code)
        left.addRow(self.waiver_label, self.waiver)
        left.addRow(self.tr("&Filing number"), self.filing_number)
        left.addRow(self.tr("Registered on"), self.registered_on)
        left.addRow(self.tr("Filed on"), self.filed_on)
        right.addRow(self.tr("Co&mmunity"), self.community)
        right.addRow(self.tr("&Address"), self.address)
        right.addRow(self.tr("&Leader"), self.leader)
        right.addRow(self.tr("&Phone"), self.phone)
        right.addRow(self.tr("Members"), self.members)
        right.addRow(self.tr("Volunteers"), self.volunteers)
        right.addRow(self.tr("Party members"), self.party_members)
        right.addRow(self.tr("Party building"), self.party_form)
        grid = QGridLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        form = QFormLayout()
        form.addRow(self.tr("Service domains"), self.domains)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 560)

    def _fill(self, d: OrgDetail) -> None:
        self.name.setText(d.name)
        self.short_name.setText(d.short_name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        self.category.setCurrentIndex(max(0, self.category.findData(d.category_uid)))
        for i in range(self.domains.count()):
            item = self.domains.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in d.domain_uids:
                item.setCheckState(Qt.CheckState.Checked)
        self.credit_code.setText(d.credit_code)
        self.waiver.setText(d.credit_code_waiver)
        self.filing_number.setText(d.filing_number)
        self.registered_on.setText(d.registered_on.isoformat() if d.registered_on else "")
        self.filed_on.setText(d.filed_on.isoformat() if d.filed_on else "")
        self.community.setCurrentIndex(max(0, self.community.findData(d.community_uid)))
        self.address.setText(d.address)
        self.leader.setText(d.leader)
        self.phone.setText(d.phone)
        self.members.setValue(d.members)
        self.volunteers.setValue(d.volunteers)
        self.party_members.setValue(d.party_members)
        self.party_form.setCurrentIndex(max(0, self.party_form.findData(d.party_form)))
        self.notes.setPlainText(d.notes)

    # -- validation -------------------------------------------------------------------------
    def _problem(self) -> str:
        """The first thing wrong, naming the field; "" when the form may be saved."""
        is_admin = self.ws.user is not None and self.ws.user.role == "admin"
        needs_waiver = self._needs_waiver = False
        if not self.name.text().strip():
            return self.tr("Name: required.")
        code = self.credit_code.text()
        kind = self.kind.currentData()
        if kind in REGISTERED_KINDS and not code.strip():
            return self.tr("Credit code: required for this kind.")
        if kind == "filed_community_org" and not self.filing_number.text().strip():
            return self.tr("Filing number: required for a filed community organization.")
        if code.strip():
            try:
                validate_credit_code(code)
            except USER_ERRORS as exc:
                try:
                    validate_credit_code(code, allow_bad_check=True)
                    needs_waiver = True
                except USER_ERRORS:
                    return self.tr("Credit code: %1").replace("%1", message_of(exc))
                self._needs_waiver = True
                if not (is_admin and self.waiver.text().strip()):
                    self.waiver_label.setVisible(is_admin)
                    self.waiver.setVisible(is_admin)
                    return self.tr("Credit code: %1").replace("%1", message_of(exc))
        self.waiver_label.setVisible(needs_waiver and is_admin)
        self.waiver.setVisible(needs_waiver and is_admin)
        for label, edit in ((self.tr("Registered on"), self.registered_on), (self.tr("Filed on"), self.filed_on)):
            try:
                day = parse_date(edit.text())
            except USER_ERRORS as exc:
                return f"{label}: {message_of(exc)}"
            if day and day > date.today():
                return self.tr("%1: cannot be later than today.").replace("%1", label)
        if self.phone.text().strip():
            try:
                validate_phone(self.phone.text())
            except USER_ERRORS as exc:
                return self.tr("Phone: %1").replace("%1", message_of(exc))
        if self.members.value() and self.party_members.value() > self.members.value():
            return self.tr("Party members: more than the members.")
        return ""

    def validate(self) -> bool:
        problem = self._problem()
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)
        return not problem

    def data(self) -> OrgInput:
        domains = [self.domains.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.domains.count())
                   if self.domains.item(i).checkState() == Qt.CheckState.Checked]
        return OrgInput(
            name=self.name.text(), kind=self.kind.currentData(), short_name=self.short_name.text(),
            category_uid=self.category.currentData(), domain_uids=domains, credit_code=self.credit_code.text(),
            filing_number=self.filing_number.text(), registered_on=parse_date(self.registered_on.text()),
            filed_on=parse_date(self.filed_on.text()), community_uid=self.community.currentData(),
            address=self.address.text(), leader=self.leader.text(), phone=self.phone.text(),
            members=self.members.value(), volunteers=self.volunteers.value(),
            party_members=self.party_members.value(), party_form=self.party_form.currentData(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        if not self.validate():
            return
        waiver = self.waiver.text() if self._needs_waiver else ""
        if self.detail is None:
            saved = call(self, orgs.create_org, self.ws, self.data(), waiver=waiver)
        else:
            saved = call(self, orgs.update_org, self.ws, self.detail.uid, self.data(), waiver=waiver)
        if saved is not None:
            self.saved = saved
            self.accept()
