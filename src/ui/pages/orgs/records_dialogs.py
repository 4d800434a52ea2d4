"""Dialogs that add an organization's activity, mentoring visit or subsidy."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from yichao.app import orgs
from yichao.app.core import Workspace
from yichao.app.orgs import MENTORING_LABELS, SUBSIDY_LABELS, SUBSIDY_STATUS_LABELS, list_lookups
from yichao.ui.operations import call
from yichao.ui.pages.orgs.stage_dialogs import date_edit, py_date


class _RecordDialog(QDialog):
    def __init__(self, ws: Workspace, org_uid: str, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ws, self.org_uid, self.saved = ws, org_uid, None
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 300)

    def require(self, edit: QLineEdit, label: str) -> None:
        def check() -> None:
            missing = not edit.text().strip()
            self.error.setText(self.tr("%1: required.").replace("%1", label) if missing else "")
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not missing)
        edit.textChanged.connect(lambda _t: check())
        check()

    def finish(self, saved: Any) -> None:
        if saved is not None:
            self.saved = saved
            self.accept()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class ActivityDialog(_RecordDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, org_uid, self.tr("New activity"), parent)
        self.on = date_edit()
        self.title = QLineEdit()
        self.place = QLineEdit()
        self.domain = QComboBox()
        self.domain.addItem("", None)
        for e in list_lookups(ws, "domain"):
            self.domain.addItem(e.name, e.uid)
        self.participants, self.beneficiaries = QSpinBox(), QSpinBox()
        for spin in (self.participants, self.beneficiaries):
            spin.setRange(0, 1_000_000)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 100_000)
        self.hours.setDecimals(1)
        self.notes = QLineEdit()
        for label, widget in ((self.tr("&Date"), self.on), (self.tr("&Title"), self.title),
                              (self.tr("&Place"), self.place), (self.tr("Service &domain"), self.domain),
                              (self.tr("Participants"), self.participants),
                              (self.tr("Beneficiaries"), self.beneficiaries),
                              (self.tr("Volunteer hours"), self.hours), (self.tr("Notes"), self.notes)):
            self.form.addRow(label, widget)
        self.require(self.title, self.tr("Title"))

    def save(self) -> None:
        self.finish(call(self, orgs.add_activity, self.ws, self.org_uid, py_date(self.on),
                         self.title.text(), place=self.place.text(), domain_uid=self.domain.currentData(),
                         participants=self.participants.value(), beneficiaries=self.beneficiaries.value(),
                         volunteer_hours=self.hours.value(), notes=self.notes.text()))


class MentoringDialog(_RecordDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, org_uid, self.tr("New mentoring visit"), parent)
        self.on = date_edit()
        self.kind = QComboBox()
        for key, label in MENTORING_LABELS.items():
            self.kind.addItem(label, key)
        self.mentor = QLineEdit()
        self.findings = QPlainTextEdit()
        self.findings.setMaximumHeight(70)
        self.follow = QCheckBox(self.tr("Follow up on"))
        self.follow_on = date_edit()
        self.follow_on.setMaximumDate(QDate(2100, 1, 1))
        self.follow_on.setDate(QDate.currentDate().addDays(30))
        self.follow_on.setEnabled(False)
        self.follow.toggled.connect(self.follow_on.setEnabled)
        for label, widget in ((self.tr("&Date"), self.on), (self.tr("&Kind"), self.kind),
                              (self.tr("&Mentor"), self.mentor), (self.tr("Findings"), self.findings)):
            self.form.addRow(label, widget)
        self.form.addRow(self.follow, self.follow_on)
        self.require(self.mentor, self.tr("Mentor"))

    def save(self) -> None:
        follow = py_date(self.follow_on) if self.follow.isChecked() else None
        self.finish(call(self, orgs.add_mentoring, self.ws, self.org_uid, py_date(self.on),
                         self.kind.currentData(), self.mentor.text(), self.findings.toPlainText(), follow))


class SubsidyDialog(_RecordDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, org_uid, self.tr("New subsidy"), parent)
        self.kind = QComboBox()
        for key, label in SUBSIDY_LABELS.items():
            self.kind.addItem(label, key)
        self.year = QSpinBox()
        self.year.setRange(2000, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 3000 or 3000.50"))
        self.status = QComboBox()
        for key, label in SUBSIDY_STATUS_LABELS.items():
            if key != "cancelled":
                self.status.addItem(label, key)
        self.on = date_edit()
        self.notes = QLineEdit()
        for label, widget in ((self.tr("&Kind"), self.kind), (self.tr("&Year"), self.year),
                              (self.tr("&Amount"), self.amount), (self.tr("&Status"), self.status),
                              (self.tr("&Date"), self.on), (self.tr("Notes"), self.notes)):
            self.form.addRow(label, widget)
        self.require(self.amount, self.tr("Amount"))

    def save(self) -> None:
        self.finish(call(self, orgs.add_subsidy, self.ws, self.org_uid, self.kind.currentData(),
                         self.year.value(), self.amount.text(), status=self.status.currentData(),
                         on=py_date(self.on), notes=self.notes.text()))


class RatingDialog(_RecordDialog):
    """The district's grade (等级评估) of an organization; only a district site may save it."""

    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, org_uid, self.tr("Record grade"), parent)
        self.level = QComboBox()
        for n in range(1, 6):
            self.level.addItem(f"{n}A", n)
        self.level.setCurrentIndex(2)
        self.on = date_edit()
        self.certificate = QLineEdit()
        self.notes = QLineEdit()
        for label, widget in ((self.tr("&Grade"), self.level), (self.tr("&Awarded on"), self.on),
                              (self.tr("&Certificate number"), self.certificate), (self.tr("Notes"), self.notes)):
            self.form.addRow(label, widget)
        self.form.addRow(QLabel(self.tr("Valid for five years; certificate and plaque from 3A.")))

    def save(self) -> None:
        from yichao.app.orgs import record_rating

        self.finish(call(self, record_rating, self.ws, self.org_uid, self.level.currentData(), py_date(self.on),
                         certificate_no=self.certificate.text(), notes=self.notes.text()))
