"""Record or edit a need: title, category, community, the resident who asked, urgency, due date,
reward points. Validates as the clerk types; a refusal keeps the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from yichao.app.core import Workspace
from yichao.app.needs import CATEGORIES, MAX_POINTS, URGENCY_LABELS, NeedInput, NeedRow, create_need, update_need
from yichao.app.people import PeopleFilter, query_people
from yichao.ui.widgets.form import Field, FormDialog


class NeedDialog(FormDialog):
    def __init__(self, ws: Workspace, communities: dict[str, str], row: NeedRow | None = None,
                 parent: QWidget | None = None) -> None:
        self.ws, self.row = ws, row
        r = row
        nobody = (None, self.tr("(nobody in particular)"))
        asked = [nobody, (r.requester_uid, r.requester_name)] if r and r.requester_uid else [nobody]
        super().__init__(self.tr("Edit need") if r else self.tr("New need"), [
            Field("title", self.tr("&Title:"), default=r.title if r else "", required=True),
            Field("category", self.tr("C&ategory:"), "choice", r.category if r else None,
                  choices=[(c, c) for c in CATEGORIES]),
            Field("description", self.tr("&Description:"), "multiline", r.description if r else "", height=80),
            Field("requester_search", self.tr("&Asked by:"), placeholder=self.tr("Type a name or pinyin initials")),
            Field("requester", self.tr("Asked by"), "choice", r.requester_uid if r else None, choices=asked,
                  inline=True),
            Field("community", self.tr("Co&mmunity:"), "choice", r.community_uid if r else None,
                  choices=[(None, self.tr("(the requester's community)")), *communities.items()]),
            Field("urgency", self.tr("&Urgency:"), "choice", r.urgency if r else "normal",
                  choices=list(URGENCY_LABELS.items())),
            Field("due", self.tr("Due date:"), "optional_date", r.due_date if r else None, text=self.tr("Due by")),
            Field("points", self.tr("&Reward points:"), "int", r.reward_points if r else 0, maximum=MAX_POINTS,
                  step=5),
        ], parent, ok=FormDialog.Std.Save, submit=self._save, width=480)
        if r is None or r.due_date is None:
            self.due.date.setDate(self.due.date.date().addDays(14))
        self.requester_search.textChanged.connect(self.find_requester)

    def find_requester(self, text: str) -> None:
        combo: QComboBox = self.requester
        current = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("(nobody in particular)"), None)
        if text.strip():
            for p in query_people(self.ws, PeopleFilter(text), 0, 30):
                combo.addItem(f"{p.name}  {p.id_masked or p.phone}  {p.address}".strip(), p.uid)
            if combo.count() > 1:
                combo.setCurrentIndex(1)
        elif current:
            combo.setCurrentIndex(max(0, combo.findData(current)))

    def _save(self, v: dict[str, Any]) -> NeedRow:
        data = NeedInput(v["title"], v["category"] or "", v["description"], v["community"], v["requester"],
                         v["urgency"], v["due"], v["points"])
        if self.row is None:
            return create_need(self.ws, data)
        return update_need(self.ws, self.row.uid, data)
