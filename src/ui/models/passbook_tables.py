"""Paged sources and columns for the passbook lists: all passbooks, and one passbook's ledger."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication, Qt

from yichao.app.passbook import entries, entry_count
from yichao.app.passbook_query import PassbookFilter, count_passbooks, query_passbooks
from yichao.app.workspace import Workspace

from .paged_table_model import Column

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _t(text: str) -> str:
    return QCoreApplication.translate("PassbookTables", text)


def status_label(status: str) -> str:
    return {"active": _t("Active"), "lost": _t("Reported lost"), "replaced": _t("Replaced"),
            "closed": _t("Closed")}.get(status, status)


def kind_label(kind: str) -> str:
    return {"deposit": _t("Deposit"), "redeem": _t("Redeem"), "reversal": _t("Reversal"),
            "carried_forward": _t("Carried forward"), "expiry": _t("Expired")}.get(kind, kind)


@dataclass
class PassbookSource:
    ws: Workspace
    flt: PassbookFilter

    def count(self) -> int:
        return count_passbooks(self.ws, self.flt)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return query_passbooks(self.ws, self.flt, offset, limit, sort_key or "number", descending)


def passbook_columns() -> list[Column]:
    return [
        Column("number", _t("Number"), lambda b: b.number),
        Column("holder", _t("Holder"), lambda b: b.holder_name),
        Column("status", _t("Status"), lambda b: status_label(b.status),
               color=lambda b: None if b.status == "active" else "#b71c1c"),
        Column("balance", _t("Balance"), lambda b: str(b.balance), RIGHT),
        Column("minutes", _t("Hours"), lambda b: f"{b.hours:g}", RIGHT),
        Column("pending", _t("Pending lines"), lambda b: str(b.pending_lines) if b.pending_lines else "", RIGHT),
        Column("opened_on", _t("Opened"), lambda b: f"{b.opened_on:%Y-%m-%d}"),
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
        Column("seq", _t("No."), lambda e: str(e.seq), RIGHT),
        Column("", _t("Date"), lambda e: f"{e.on:%Y-%m-%d}"),
        Column("", _t("Kind"), lambda e: kind_label(e.kind),
               color=lambda e: "#b71c1c" if e.kind in ("reversal", "expiry") else None),
        Column("", _t("Summary"), lambda e: e.memo),
        Column("", _t("In"), lambda e: signed(e.points, True), RIGHT),
        Column("", _t("Out"), lambda e: signed(e.points, False), RIGHT),
        Column("", _t("Balance"), lambda e: str(e.balance_after), RIGHT),
        Column("", _t("Hours"), lambda e: f"{e.hours:g}" if e.minutes else "", RIGHT),
        Column("", _t("Operator"), lambda e: e.operator),
    ]
