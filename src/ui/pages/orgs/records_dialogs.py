"""Forms that add an organization's activity, mentoring visit, subsidy or the district's grade.
Each is a :class:`FormDialog`: the service saves before the dialog closes, so a refusal keeps the form."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from yichao.app import orgs
from yichao.app.core import Workspace, plain_yuan
from yichao.app.orgs import MENTORING_LABELS, SUBSIDY_LABELS, SUBSIDY_STATUS_LABELS, list_lookups
from yichao.ui.widgets.form import Field, FormDialog

Std = FormDialog.Std


class ActivityDialog(FormDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        domains = [(None, ""), *((e.uid, e.name) for e in list_lookups(ws, "domain"))]
        super().__init__(self.tr("New activity"), [
            Field("on", self.tr("Date"), "date", max_date=date.today()),
            Field("title", self.tr("Title"), required=True),
            Field("place", self.tr("Place")),
            Field("domain", self.tr("Service domain"), "choice", choices=domains),
            Field("participants", self.tr("Participants"), "int", maximum=1_000_000),
            Field("beneficiaries", self.tr("Beneficiaries"), "int", maximum=1_000_000),
            Field("hours", self.tr("Volunteer hours"), "float", maximum=100_000),
            Field("notes", self.tr("Notes")),
        ], parent, ok=Std.Save, submit=lambda v: orgs.add_activity(
            ws, org_uid, v["on"], v["title"], place=v["place"], domain_uid=v["domain"],
            participants=v["participants"], beneficiaries=v["beneficiaries"], volunteer_hours=v["hours"],
            notes=v["notes"]))


class MentoringDialog(FormDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New mentoring visit"), [
            Field("on", self.tr("Date"), "date", max_date=date.today()),
            Field("kind", self.tr("Kind"), "choice", choices=list(MENTORING_LABELS.items())),
            Field("mentor", self.tr("Mentor"), required=True),
            Field("findings", self.tr("Findings"), "multiline"),
            Field("follow_on", self.tr("Follow up"), "optional_date", text=self.tr("Follow up on"),
                  min_date=date.today() - timedelta(days=3650)),
        ], parent, ok=Std.Save, submit=lambda v: orgs.add_mentoring(
            ws, org_uid, v["on"], v["kind"], v["mentor"], v["findings"], v["follow_on"]))
        self.follow_on.date.setDate(self.follow_on.date.date().addDays(30))


class SubsidyDialog(FormDialog):
    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        this_year = date.today().year
        super().__init__(self.tr("New subsidy"), [
            Field("kind", self.tr("Kind"), "choice", choices=list(SUBSIDY_LABELS.items())),
            Field("year", self.tr("Year"), "int", this_year, minimum=2000, maximum=this_year + 1),
            Field("amount", self.tr("Amount"), "money", required=True),
            Field("status", self.tr("Status"), "choice",
                  choices=[(k, label) for k, label in SUBSIDY_STATUS_LABELS.items() if k != "cancelled"]),
            Field("on", self.tr("Date"), "date", max_date=date.today()),
            Field("notes", self.tr("Notes")),
        ], parent, ok=Std.Save, submit=lambda v: orgs.add_subsidy(
            ws, org_uid, v["kind"], v["year"], plain_yuan(v["amount"]), status=v["status"], on=v["on"],
            notes=v["notes"]))


class RatingDialog(FormDialog):
    """The district's grade (等级评估) of an organization; only a district site may save it."""

    def __init__(self, ws: Workspace, org_uid: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record grade"), [
            Field("level", self.tr("Grade"), "choice", 3, choices=[(n, f"{n}A") for n in range(1, 6)]),
            Field("on", self.tr("Awarded on"), "date", max_date=date.today()),
            Field("certificate", self.tr("Certificate number")),
            Field("notes", self.tr("Notes")),
            Field("hint", "", "label", self.tr("Valid for five years; certificate and plaque from 3A.")),
        ], parent, ok=Std.Save, submit=lambda v: orgs.record_rating(
            ws, org_uid, v["level"], v["on"], certificate_no=v["certificate"], notes=v["notes"]))
