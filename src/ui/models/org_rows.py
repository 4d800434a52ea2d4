"""Small per-organization tables (history, visits, subsidies, attachments, journal) as paged
sources, so the detail tabs use the same model and view as the big list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ListSource:
    """A ready list of rows (a few dozen at most) behind :class:`PagedTableModel`."""

    rows: Sequence[Any] = field(default_factory=list)

    def count(self) -> int:
        return len(self.rows)

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return self.rows[offset:offset + limit]


@dataclass
class CallSource:
    """Count and pages from two service calls (an organization's activities: thousands at most)."""

    counter: Callable[[], int]
    pager: Callable[[int, int], Sequence[Any]]

    def count(self) -> int:
        return self.counter()

    def fetch(self, offset: int, limit: int, sort_key: str, descending: bool) -> Sequence[Any]:
        return self.pager(offset, limit)
