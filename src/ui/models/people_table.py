"""Residents as a paged table: a source over the residents service and the list's columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from yichao.app.core import Workspace
from yichao.app.people import GENDER_LABELS, PeopleFilter, PersonRow, count_people, query_people
from yichao.ui.models.paged_table_model import Column


@dataclass
class PeopleSource:
    """count() and fetch() of :class:`PagedTableModel` for one filter; the count is asked once."""

    ws: Workspace
    flt: PeopleFilter

    def count(self) -> int:
        return count_people(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_people(self.ws, self.flt, offset, limit, sort_key or "name", descending)

def volunteer_text(p: PersonRow, yes: str) -> str:
    return p.volunteer_number or (yes if p.is_volunteer else "")


def people_columns(communities: dict[str, str], skills: bool = False) -> list[Column]:
    """The residents list's columns; with ``skills``, the skills register's (能人库) columns."""
    yes = QCoreApplication.translate("PeopleTable", "Yes")
    cols = [
        Column("name", QCoreApplication.translate("PeopleTable", "Name"), lambda p: p.name),
        Column(
            "gender", QCoreApplication.translate("PeopleTable", "Gender"), lambda p: GENDER_LABELS.get(p.gender, "")
        ),
        Column(
            "community_uid",
            QCoreApplication.translate("PeopleTable", "Community"),
            lambda p: communities.get(p.community_uid or "", ""),
        ),
    ]
    if skills:
        return cols + [
            Column("skills", QCoreApplication.translate("PeopleTable", "Skills"), lambda p: p.skills),
            Column("", QCoreApplication.translate("PeopleTable", "Offers"), lambda p: p.offers),
            Column("volunteer_number", QCoreApplication.translate("PeopleTable", "Volunteer"),
                   lambda p: volunteer_text(p, yes)),
            Column("phone", QCoreApplication.translate("PeopleTable", "Phone"), lambda p: p.phone),
        ]
    return cols + [
        Column("id_masked", QCoreApplication.translate("PeopleTable", "Identity number"), lambda p: p.id_masked),
        Column("phone", QCoreApplication.translate("PeopleTable", "Phone"), lambda p: p.phone),
        Column("building", QCoreApplication.translate("PeopleTable", "Address"), lambda p: p.address),
        Column(
            "", QCoreApplication.translate("PeopleTable", "Household head"), lambda p: yes if p.household_head else ""
        ),
        Column(
            "volunteer_number", QCoreApplication.translate("PeopleTable", "Volunteer"), lambda p: volunteer_text(p, yes)
        ),
        Column("skills", QCoreApplication.translate("PeopleTable", "Skills"), lambda p: p.skills),
    ]
