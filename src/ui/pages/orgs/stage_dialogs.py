"""Stage change and residency dialogs: the rule that would refuse is shown before saving."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from yichao.app import orgs
from yichao.app.core import Workspace
from yichao.app.orgs import STAGE_LABELS, OrgDetail
from yichao.ui.operations import call


def date_edit(day: date | None = None) -> QDateEdit:
    """A calendar date field limited to today (nothing in this module happens in the future)."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate.currentDate())
    d = day or date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def py_date(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: OrgDetail | None = None
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(440, 220)

    def show_problem(self, problem: str | None) -> None:
        self.error.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class StageDialog(_Base):
    """Move an organization along nursery -> accelerating -> scaling -> graduated, or exit."""

    def __init__(self, ws: Workspace, org: OrgDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change stage"), parent)
        self.ws, self.org = ws, org
        self.target = QComboBox()
        for stage in orgs.allowed_next(org.stage):
            self.target.addItem(STAGE_LABELS[stage], stage)
        self.on = date_edit()
        if org.stage_since:
            self.on.setMinimumDate(QDate(org.stage_since.year, org.stage_since.month, org.stage_since.day))
        self.reason = QLineEdit()
        self.form.addRow(self.tr("Now"), QLabel(STAGE_LABELS[org.stage]))
        self.form.addRow(self.tr("&Move to"), self.target)
        self.form.addRow(self.tr("&Date"), self.on)
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.target.currentIndexChanged.connect(lambda _i: self.check())
        self.reason.textChanged.connect(lambda _t: self.check())
        self.check()

    def check(self) -> None:
        target = self.target.currentData()
        if target is None:
            self.show_problem(self.tr("A graduated organization does not change stage any more."))
            return
        problem = orgs.refusal(self.org, target)  # type: ignore[arg-type]  # same attributes
        if not problem and not self.reason.text().strip():
            problem = self.tr("Reason: required.")
        self.show_problem(problem)

    def save(self) -> None:
        saved = call(self, orgs.change_stage, self.ws, self.org.uid, self.target.currentData(),
                     py_date(self.on), self.reason.text())
        if saved is not None:
            self.saved = saved
            self.accept()


class ResidencyDialog(_Base):
    """Start residency (a workstation) or, for a resident organization, end it."""

    def __init__(self, ws: Workspace, org: OrgDetail, parent: QWidget | None = None) -> None:
        ending = org.resident
        super().__init__(self.tr("End residency") if ending else self.tr("Start residency"), parent)
        self.ws, self.org, self.ending = ws, org, ending
        self.workstation = QLineEdit(org.workstation)
        self.workstation.setReadOnly(ending)
        self.on = date_edit()
        self.form.addRow(self.tr("&Workstation"), self.workstation)
        self.form.addRow(self.tr("&Until") if ending else self.tr("&Since"), self.on)
        if ending:
            self.form.addRow(QLabel(self.tr("Leaving residency frees the workstation.")))
        self.workstation.textChanged.connect(lambda _t: self.check())
        self.check()

    def check(self) -> None:
        if not self.ending and not self.workstation.text().strip():
            self.show_problem(self.tr("Workstation: required."))
        else:
            self.show_problem(None)

    def save(self) -> None:
        if self.ending:
            saved = call(self, orgs.end_residency, self.ws, self.org.uid, py_date(self.on))
        else:
            saved = call(self, orgs.start_residency, self.ws, self.org.uid, self.workstation.text(),
                         py_date(self.on))
        if saved is not None:
            self.saved = saved
            self.accept()
