"""Organizations as a paged table: a source over the organizations query and the list's columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from yichao.app.core import Workspace
from yichao.app.orgs import KIND_LABELS, STAGE_LABELS, OrgFilter, OrgRow, org_uids, orgs_by_uid
from yichao.ui.models.paged_table_model import Column


@dataclass
class OrgSource:
    """count() and fetch() of :class:`PagedTableModel` for one filter.

    Ids first, rows lazily (after Anki's browser): the filtered, sorted uids are read once per
    filter or sort order; a page asks only for its 200 rows.
    """

    ws: Workspace
    flt: OrgFilter
    _uids: list[str] | None = field(default=None, init=False)
    _order: tuple[str, bool] = field(default=("name", False), init=False)

    def _ids(self, sort_key: str, descending: bool) -> list[str]:
        order = (sort_key or "name", descending)
        if self._uids is None or order != self._order:
            self._uids, self._order = org_uids(self.ws, self.flt, *order), order
        return self._uids

    def count(self) -> int:
        return len(self._ids(*self._order))

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return orgs_by_uid(self.ws, self._ids(sort_key, descending)[offset:offset + limit])


STAGE_COLORS = {"nursery": "#2e7d32", "accelerating": "#1565c0", "scaling": "#6a1b9a",
                "graduated": "#ef6c00", "exited": "#757575"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def org_columns(category_names: dict[str, str], streets: dict[str, str] | None = None,
                linked: dict[str, int] | None = None) -> list[Column]:
    """The organizations list's columns; the key is the service's SQL sort key. ``streets`` (a
    district): a 街道 column naming the street that keeps each record, and ``linked`` how many
    streets an organization linked across streets is registered in."""
    street = []
    if streets is not None:
        counts = linked or {}
        several = QCoreApplication.translate("OrgTable", " (in %1 streets)")
        street = [Column("origin", QCoreApplication.translate("OrgTable", "Street"),
                         lambda o: streets.get(o.origin, o.origin)
                         + (several.replace("%1", str(counts[o.uid])) if o.uid in counts else ""))]
    return [
        Column("name", QCoreApplication.translate("OrgTable", "Name"), lambda o: o.name),
        *street,
        Column("short_name", QCoreApplication.translate("OrgTable", "Short name"), lambda o: o.short_name),
        Column("kind", QCoreApplication.translate("OrgTable", "Kind"), lambda o: KIND_LABELS.get(o.kind, o.kind)),
        Column(
            "",
            QCoreApplication.translate("OrgTable", "Category"),
            lambda o: category_names.get(o.category_uid or "", ""),
        ),
        Column(
            "stage",
            QCoreApplication.translate("OrgTable", "Stage"),
            lambda o: STAGE_LABELS.get(o.stage, o.stage),
            color=lambda o: STAGE_COLORS.get(o.stage),
        ),
        Column("community", QCoreApplication.translate("OrgTable", "Community"), lambda o: o.community),
        Column("leader", QCoreApplication.translate("OrgTable", "Leader"), lambda o: o.leader),
        Column("", QCoreApplication.translate("OrgTable", "Phone"), lambda o: o.phone),
        Column(
            "credit_code",
            QCoreApplication.translate("OrgTable", "Credit code / filing no."),
            lambda o: o.credit_code or o.filing_number,
        ),
        Column("members", QCoreApplication.translate("OrgTable", "Members"), lambda o: str(o.members), align=RIGHT),
        Column(
            "",
            QCoreApplication.translate("OrgTable", "Grade"),
            lambda o: o.grade_label,
            color=lambda o: "#c62828" if o.grade_expired else None,
        ),
        Column(
            "workstation",
            QCoreApplication.translate("OrgTable", "Workstation"),
            lambda o: o.workstation if o.resident else "",
        ),
    ]


def row_of(model: Any, row: int) -> OrgRow | None:
    return model.row_object(row)
