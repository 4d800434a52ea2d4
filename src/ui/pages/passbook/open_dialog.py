"""Issue a passbook to a resident, or take over one already in the resident's hands (接管).

A takeover keeps the number printed on the cover, the balance and hours it shows, and the page and
line where printing must continue.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from yichao.app.core import Workspace, list_communities
from yichao.app.passbook import PassbookRow, open_passbook, take_over
from yichao.app.people import PeopleFilter, query_people
from yichao.ui.operations import call
from yichao.ui.widgets.form import Field, FormDialog


def _taking_over(values: dict[str, Any]) -> bool:
    return bool(values["takeover"])


class OpenPassbookDialog(FormDialog):
    """``saved`` holds the issued (or taken over) passbook."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        self.ws = ws
        if ws.site.role == "community":  # an office issues under its own code only (passbook.issuing)
            sites = [(ws.site.code, self.tr("%1 (community office)").replace("%1", ws.site.name))]
        else:
            sites = [(ws.site.code, self.tr("%1 (street branch)").replace("%1", ws.site.name))]
            sites += [(c.code, self.tr("%1 (community office)").replace("%1", c.name))
                      for c in call(parent, list_communities, ws) or [] if c.code]
        super().__init__(self.tr("Issue a love passbook"), [
            Field("search", self.tr("Find resident"),
                  placeholder=self.tr("Name, pinyin initials or phone of the resident")),
            Field("holder", self.tr("Resident"), "pick", required=True),
            Field("site", self.tr("Issuing site"), "choice", choices=sites),
            Field("takeover", "", "check", text=self.tr("Take over a passbook the resident already holds")),
            Field("number", self.tr("Passbook number"), placeholder=self.tr("Number printed on the cover"),
                  enabled=_taking_over, required=True),
            Field("balance", self.tr("Balance carried over"), "int", maximum=1_000_000, enabled=_taking_over),
            Field("hours", self.tr("Hours already served"), "float", maximum=100_000, enabled=_taking_over),
            Field("page", self.tr("Continue printing on page"), "int", 1, minimum=1, maximum=999, enabled=_taking_over),
            Field("line", self.tr("at line"), "int", 1, minimum=1, maximum=99, enabled=_taking_over),
        ], parent, submit=self._issue, width=480)
        self.search.textChanged.connect(self._find)

    def _find(self, text: str) -> None:
        people: QListWidget = self.holder
        people.clear()
        if text.strip():
            for p in query_people(self.ws, PeopleFilter(text=text), limit=30):
                item = QListWidgetItem(f"{p.name}  {p.id_masked}  {p.phone}  {p.volunteer_number}".strip())
                item.setData(Qt.ItemDataRole.UserRole, p.uid)
                people.addItem(item)
            if people.count():
                people.setCurrentRow(0)
        self.revalidate()

    def _issue(self, v: dict[str, Any]) -> PassbookRow:
        if v["takeover"]:
            return take_over(self.ws, v["number"], v["holder"], v["balance"], v["hours"], v["page"], v["line"],
                             site_code=v["site"])
        return open_passbook(self.ws, v["holder"], v["site"])
