"""Qt dates to Python dates, typed (PySide6's stubs type ``QDate.toPython()`` as ``object``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate


def to_date(value: QDate) -> date:
    """The calendar day ``value`` holds (a date edit's value is always a valid date)."""
    return date(value.year(), value.month(), value.day())
