"""Paged sources and columns for the passbook lists: all passbooks, and one passbook's ledger."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from yichao.app.core import Workspace
from yichao.app.passbook import PassbookFilter, count_passbooks, entries, entry_count, query_passbooks
from yichao.ui.models.paged_table_model import Column

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def status_label(status: str) -> str:
    return {
        "active": QCoreApplication.translate("PassbookTables", "Active"),
        "lost": QCoreApplication.translate("PassbookTables", "Reported lost"),
        "replaced": QCoreApplication.translate("PassbookTables", "Replaced"),
        "closed": QCoreApplication.translate("PassbookTables", "Closed"),
    }.get(status, status)


def book_status_label(book: Any) -> str:
    """The status, and the flag of a merged overdraw (two counters redeemed the same points offline)."""
    if not book.overdrawn:
        return status_label(book.status)
    return QCoreApplication.translate("PassbookTables", "%1, overdrawn: awaiting reversal").replace(
        "%1", status_label(book.status))


def kind_label(kind: str) -> str:
    return {
        "deposit": QCoreApplication.translate("PassbookTables", "Deposit"),
        "redeem": QCoreApplication.translate("PassbookTables", "Redeem"),
        "reversal": QCoreApplication.translate("PassbookTables", "Reversal"),
        "carried_forward": QCoreApplication.translate("PassbookTables", "Carried forward"),
        "expiry": QCoreApplication.translate("PassbookTables", "Expired"),
    }.get(kind, kind)


@dataclass
class PassbookSource:
    ws: Workspace
    flt: PassbookFilter

    def count(self) -> int:
        return count_passbooks(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_passbooks(self.ws, self.flt, offset, limit, sort_key or "number", descending)


def passbook_columns(street: Sequence[Column] = ()) -> list[Column]:
    """The passbooks list's columns; ``street`` (a district): the 街道 column, after the holder."""
    return [
        Column("number", QCoreApplication.translate("PassbookTables", "Number"), lambda b: b.number),
        Column("holder", QCoreApplication.translate("PassbookTables", "Holder"), lambda b: b.holder_name),
        *street,
        Column(
            "status",
            QCoreApplication.translate("PassbookTables", "Status"),
            book_status_label,
            color=lambda b: None if b.status == "active" and not b.overdrawn else "#b71c1c",
        ),
        Column("balance", QCoreApplication.translate("PassbookTables", "Balance"), lambda b: str(b.balance), RIGHT,
               color=lambda b: "#b71c1c" if b.overdrawn else None),
        Column("minutes", QCoreApplication.translate("PassbookTables", "Hours"), lambda b: f"{b.hours:g}", RIGHT),
        Column(
            "pending",
            QCoreApplication.translate("PassbookTables", "Pending lines"),
            lambda b: str(b.pending_lines) if b.pending_lines else "",
            RIGHT,
        ),
        Column(
            "opened_on", QCoreApplication.translate("PassbookTables", "Opened"), lambda b: f"{b.opened_on:%Y-%m-%d}"
        ),
    ]


@dataclass
class EntrySource:
    """One passbook's ledger, newest first; an empty number gives an empty list."""

    ws: Workspace
    number: str = ""

    def count(self) -> int:
        return entry_count(self.ws, self.number) if self.number else 0

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return entries(self.ws, self.number, offset, limit, newest_first=not descending) if self.number else []


def entry_columns() -> list[Column]:
    def signed(points: int, positive: bool) -> str:
        return str(abs(points)) if points and (points > 0) == positive else ""

    return [
        Column("seq", QCoreApplication.translate("PassbookTables", "No."), lambda e: str(e.seq), RIGHT),
        Column("", QCoreApplication.translate("PassbookTables", "Date"), lambda e: f"{e.on:%Y-%m-%d}"),
        Column(
            "",
            QCoreApplication.translate("PassbookTables", "Kind"),
            lambda e: kind_label(e.kind),
            color=lambda e: "#b71c1c" if e.kind in ("reversal", "expiry") else None,
        ),
        Column("", QCoreApplication.translate("PassbookTables", "Summary"), lambda e: e.memo),
        Column("", QCoreApplication.translate("PassbookTables", "In"), lambda e: signed(e.points, True), RIGHT),
        Column("", QCoreApplication.translate("PassbookTables", "Out"), lambda e: signed(e.points, False), RIGHT),
        Column("", QCoreApplication.translate("PassbookTables", "Balance"), lambda e: str(e.balance_after), RIGHT),
        Column(
            "",
            QCoreApplication.translate("PassbookTables", "Hours"),
            lambda e: f"{e.hours:g}" if e.minutes else "",
            RIGHT,
        ),
        Column("", QCoreApplication.translate("PassbookTables", "Operator"), lambda e: e.operator),
    ]
