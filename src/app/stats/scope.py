"""Whose records a figure counts: the whole database, or one street's records (by origin).

A street counts everything in its own database. The district counts each street separately, by
the ``origin`` of the records (the street that wrote them), and in total.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from yichao.models.person import Person
from yichao.models.site import Community, Site

_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back


@dataclass(frozen=True)
class Scope:
    """``origin`` None means every record; otherwise only records written by that site."""

    origin: str | None = None
    label: str = "合计"

    def where(self, stmt: Select[*_Ts], model: Any) -> Select[*_Ts]:
        """``stmt`` restricted to this scope's records of ``model`` (an indexed column)."""
        if self.origin is None:
            return stmt
        return stmt.where(model.origin == self.origin)


ALL = Scope()


def street_scopes(session: Session, local_code: str) -> list[Scope]:
    """The streets whose records a district holds, by origin, named from the site table.

    Origins are read through the ``origin`` indexes of the main tables (``SELECT DISTINCT`` on an
    index), never by walking rows.
    """
    origins_stmt = union(
        select(Person.origin).distinct(),
        select(Community.origin).distinct(),
        *_extra_origin_selects(),
    )
    origins = {o for o in session.scalars(origins_stmt) if o and o != local_code}
    names = dict(session.execute(select(Site.code, Site.name).where(Site.role == "street")).all())
    origins |= {code for code in names if code != local_code}
    return [Scope(code, names.get(code) or code) for code in sorted(origins)]


def _extra_origin_selects() -> list[Select[Any]]:
    """Organizations count too."""
    # on first use: the dashboard imports this module at start-up, the organization model need not load then
    from yichao.models.organization import Organization

    return [select(Organization.origin).distinct()]
