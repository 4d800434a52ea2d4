"""The sync page's paged bundle history: its source and its columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from yichao.app import sync
from yichao.app.core import Workspace
from yichao.ui.models.paged_table_model import Column

Index = QModelIndex | QPersistentModelIndex


class HistorySource:
    """The bundle history for :class:`PagedTableModel`, paged and sorted in SQL."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def count(self) -> int:
        return sync.count_history(self.ws)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return sync.history(self.ws, offset, limit, sort_key or "at", descending)


def history_columns() -> list[Column]:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    sent = QCoreApplication.translate("SyncHistory", "Sent")
    received = QCoreApplication.translate("SyncHistory", "Received")
    return [
        Column("at", QCoreApplication.translate("SyncHistory", "Time"),
               lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M")),
        Column("direction", QCoreApplication.translate("SyncHistory", "Direction"),
               lambda r: sent if r.direction == "out" else received),
        Column("peer", QCoreApplication.translate("SyncHistory", "Site"), lambda r: r.peer_code),
        Column("seq", QCoreApplication.translate("SyncHistory", "No."), lambda r: str(r.seq), right),
        Column("records", QCoreApplication.translate("SyncHistory", "Records"), lambda r: f"{r.records:,}", right),
        Column("", QCoreApplication.translate("SyncHistory", "Contents"), lambda r: r.summary),
        Column("", QCoreApplication.translate("SyncHistory", "File"), lambda r: r.file_name),
        Column("", QCoreApplication.translate("SyncHistory", "By"), lambda r: r.user),
    ]
