"""Needs as a paged table: a source over the needs service, columns, overdue shown in red."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from yichao.app.core import Workspace
from yichao.app.needs import CLAIMANT_KIND_LABELS, NeedRow, NeedsFilter, count_needs, query_needs
from yichao.ui.models.paged_table_model import Column

OVERDUE_COLOR = "#c62828"


@dataclass
class NeedsSource:
    ws: Workspace
    flt: NeedsFilter

    def count(self) -> int:
        return count_needs(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_needs(self.ws, self.flt, offset, limit, sort_key or "due_date", descending)



def overdue_color(n: NeedRow) -> str | None:
    return OVERDUE_COLOR if n.overdue else None


def due_text(n: NeedRow) -> str:
    if n.due_date is None:
        return ""
    text = n.due_date.isoformat()
    return text + " " + QCoreApplication.translate("NeedTable", "(overdue)") if n.overdue else text


def need_columns(communities: dict[str, str]) -> list[Column]:
    return [
        Column("title", QCoreApplication.translate("NeedTable", "Title"), lambda n: n.title, color=overdue_color),
        Column("category", QCoreApplication.translate("NeedTable", "Category"), lambda n: n.category),
        Column("status", QCoreApplication.translate("NeedTable", "Status"), lambda n: n.status_label),
        Column(
            "urgency",
            QCoreApplication.translate("NeedTable", "Urgency"),
            lambda n: n.urgency_label,
            color=lambda n: "#e65100" if n.urgency == "critical" else None,
        ),
        Column("due_date", QCoreApplication.translate("NeedTable", "Due"), due_text, color=overdue_color),
        Column(
            "community_uid",
            QCoreApplication.translate("NeedTable", "Community"),
            lambda n: communities.get(n.community_uid or "", ""),
        ),
        Column("", QCoreApplication.translate("NeedTable", "Requester"), lambda n: n.requester_name),
        Column(
            "claimant_name",
            QCoreApplication.translate("NeedTable", "Claimed by"),
            lambda n: f"{CLAIMANT_KIND_LABELS.get(n.claimant_kind, '')}·{n.claimant_name}" if n.claimant_name else "",
        ),
        Column(
            "reward_points",
            QCoreApplication.translate("NeedTable", "Points"),
            lambda n: str(n.reward_points) if n.reward_points else "",
        ),
    ]
