"""Stage change and residency forms: the rule that would refuse is shown before saving."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from yichao.app import orgs
from yichao.app.core import Workspace
from yichao.app.orgs import STAGE_LABELS, OrgDetail
from yichao.ui.widgets.form import Field, FormDialog


class StageDialog(FormDialog):
    """Move an organization along nursery -> accelerating -> scaling -> graduated, or exit."""

    def __init__(self, ws: Workspace, org: OrgDetail, parent: QWidget | None = None) -> None:
        self.org = org
        super().__init__(self.tr("Change stage"), [
            Field("now", self.tr("Now"), "label", STAGE_LABELS[org.stage]),
            Field("target", self.tr("Move to"), "choice",
                  choices=[(s, STAGE_LABELS[s]) for s in orgs.allowed_next(org.stage)]),
            Field("on", self.tr("Date"), "date", min_date=org.stage_since, max_date=date.today()),
            Field("reason", self.tr("Reason"), required=True),
        ], parent, check=self._rule,
            submit=lambda v: orgs.change_stage(ws, org.uid, v["target"], v["on"], v["reason"]))

    def _rule(self, values: dict) -> str | tuple[str, str]:
        if values["target"] is None:
            return "target", self.tr("A graduated organization does not change stage any more.")
        problem = orgs.refusal(self.org, values["target"])  # type: ignore[arg-type]  # same attributes
        return ("target", problem) if problem else ""


class ResidencyDialog(FormDialog):
    """Start residency (a workstation) or, for a resident organization, end it."""

    def __init__(self, ws: Workspace, org: OrgDetail, parent: QWidget | None = None) -> None:
        ending = org.resident
        fields = [
            Field("workstation", self.tr("Workstation"), "label" if ending else "text", org.workstation,
                  required=not ending),
            Field("on", self.tr("Until") if ending else self.tr("Since"), "date", max_date=date.today()),
        ]
        if ending:
            fields.append(Field("hint", "", "label", self.tr("Leaving residency frees the workstation.")))
        super().__init__(self.tr("End residency") if ending else self.tr("Start residency"), fields, parent,
                         submit=lambda v: orgs.end_residency(ws, org.uid, v["on"]) if ending
                         else orgs.start_residency(ws, org.uid, v["workstation"], v["on"]))
