"""The resident's review of a served need: satisfaction 1-5 and a comment."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from yichao.app.core import Workspace
from yichao.app.needs import NeedRow, review
from yichao.ui.widgets.form import Field, FormDialog


class ReviewDialog(FormDialog):
    def __init__(self, ws: Workspace, need: NeedRow, parent: QWidget | None = None) -> None:
        labels = (self.tr("1 - very dissatisfied"), self.tr("2 - dissatisfied"), self.tr("3 - acceptable"),
                  self.tr("4 - satisfied"), self.tr("5 - very satisfied"))
        fields = [
            Field("served_by", self.tr("Served by:"), "label", need.claimant_name),
            Field("satisfaction", self.tr("&Satisfaction:"), "choice", 5,
                  choices=[(n, "★" * n + "  " + label) for n, label in enumerate(labels, start=1)]),
            Field("comment", self.tr("&Comment:"), "multiline", placeholder=self.tr("What the resident said")),
        ]
        if need.claimant_kind == "volunteer" and need.reward_points:
            fields.append(Field("reward", "", "label", self.tr("%1 points go to the volunteer's love passbook.")
                                .replace("%1", str(need.reward_points))))
        super().__init__(self.tr("Review: %1").replace("%1", need.title), fields, parent, ok=FormDialog.Std.Save,
                         submit=lambda v: review(ws, need.uid, int(v["satisfaction"]), v["comment"]), width=420)
