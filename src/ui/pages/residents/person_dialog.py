"""Add or edit a resident; validates as the clerk types and names the field that is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from yichao.app.core import USER_ERRORS, Workspace, message_of
from yichao.app.people import DuplicatePerson, PersonInput, PersonRow, create_person, update_person
from yichao.models.identifiers import IdentifierError, validate_id_number, validate_phone


class PersonDialog(QDialog):
    """``row`` given: edit it (the identity number stays unless retyped). ``saved`` holds the result;
    ``open_existing`` the uid of the registered resident when the clerk chose to open a duplicate."""

    def __init__(self, ws: Workspace, communities: dict[str, str], row: PersonRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws, self.row = ws, row
        self.saved: PersonRow | None = None
        self.open_existing: str | None = None
        self.setWindowTitle(self.tr("Edit resident") if row else self.tr("Add resident"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(row.name if row else "")
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(24)
        self.id_number.setPlaceholderText(
            self.tr("Kept: %1 (type a new number to change)").replace("%1", row.id_masked)
            if row and row.id_masked else self.tr("18 digits; gender is taken from it"))
        self.gender = QComboBox()
        for key, label in (("", self.tr("(from the identity number)")), ("male", self.tr("Male")),
                           ("female", self.tr("Female"))):
            self.gender.addItem(label, key)
        self.phone = QLineEdit(row.phone if row else "")
        self.community = QComboBox()
        self.community.addItem(self.tr("(none)"), None)
        for uid, name in communities.items():
            self.community.addItem(name, uid)
        self.building = QLineEdit(row.building if row else "")
        self.unit = QLineEdit(row.unit if row else "")
        self.room = QLineEdit(row.room if row else "")
        for w, hint in ((self.building, self.tr("Building")), (self.unit, self.tr("Unit")), (self.room, self.tr("Room"))):
            w.setPlaceholderText(hint)
        address = QHBoxLayout()
        for w in (self.building, self.unit, self.room):
            address.addWidget(w)
        self.household_head = QCheckBox(self.tr("Household head (庭户长)"))
        self.is_volunteer = QCheckBox(self.tr("Volunteer"))
        self.volunteer_number = QLineEdit(row.volunteer_number if row else "")
        self.volunteer_number.setPlaceholderText(self.tr("Volunteer number"))
        self.skills = QLineEdit(row.skills if row else "")
        self.skills.setPlaceholderText(self.tr("Tags separated by 、 or commas, e.g. 理发、水电维修"))
        self.offers = QPlainTextEdit(row.offers if row else "")
        self.offers.setPlaceholderText(self.tr("What the resident offers to do for neighbours"))
        self.offers.setFixedHeight(60)
        self.notes = QLineEdit(row.notes if row else "")
        if row:
            self.gender.setCurrentIndex(max(0, self.gender.findData(row.gender)))
            self.community.setCurrentIndex(max(0, self.community.findData(row.community_uid)))
            self.household_head.setChecked(row.household_head)
            self.is_volunteer.setChecked(row.is_volunteer)
        flags = QHBoxLayout()
        flags.addWidget(self.household_head)
        flags.addWidget(self.is_volunteer)
        flags.addWidget(self.volunteer_number)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Identity number:"), self.id_number)
        form.addRow(self.tr("&Gender:"), self.gender)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Community:"), self.community)
        form.addRow(self.tr("Address:"), address)
        form.addRow("", flags)
        form.addRow(self.tr("&Skills:"), self.skills)
        form.addRow(self.tr("&Offers:"), self.offers)
        form.addRow(self.tr("N&otes:"), self.notes)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for w in (self.name, self.id_number, self.phone, self.volunteer_number):
            w.textChanged.connect(self.check)
        self.is_volunteer.toggled.connect(self.check)
        self.check()

    def data(self) -> PersonInput:
        return PersonInput(
            self.name.text(), self.id_number.text(), self.gender.currentData() or "", self.phone.text(),
            self.community.currentData(), self.building.text(), self.unit.text(), self.room.text(),
            self.household_head.isChecked(), self.is_volunteer.isChecked(), self.volunteer_number.text(),
            self.skills.text(), self.notes.text(), self.offers.toPlainText())

    def problem(self) -> str:
        """The first wrong field as one sentence, or ""."""
        if not self.name.text().strip():
            return self.tr("Name: please enter the resident's name.")
        try:
            if self.id_number.text().strip():
                validate_id_number(self.id_number.text())
            if self.phone.text().strip():
                validate_phone(self.phone.text())
        except IdentifierError as exc:
            return exc.message
        if self.volunteer_number.text().strip() and not self.is_volunteer.isChecked():
            return self.tr("Volunteer number: tick 'Volunteer' as well.")
        return ""

    def check(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def save(self) -> None:
        try:
            if self.row is None:
                self.saved = create_person(self.ws, self.data())
            else:
                self.saved = update_person(self.ws, self.row.uid, self.data())
        except DuplicatePerson as exc:
            self.error.setText(exc.message)
            box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), exc.message, parent=self)
            open_button = box.addButton(self.tr("Open the registered resident"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is open_button:
                self.open_existing = exc.existing_uid
                self.reject()
            return
        except USER_ERRORS as exc:
            self.error.setText(message_of(exc))
            return
        self.accept()
