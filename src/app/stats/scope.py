"""Whose records a figure counts: the whole database, or one site's records (by origin).

A street counts everything in its own database. The district counts each street separately, by
the ``origin`` of the records (the street that wrote them, and its community savings offices whose
records it relayed up), and in total. The roll-up by site (:mod:`.sites`) counts each office alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVarTuple

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from yichao.models.person import Person
from yichao.models.site import Community, Site

_Ts = TypeVarTuple("_Ts")  # the columns of a statement a filter narrows and hands back

OFFICE_DIGITS = 12  # a community savings office's code: its street's 9 digits and 3 more
STREET_DIGITS = 9


@dataclass(frozen=True)
class Scope:
    """``origin`` None means every record; otherwise only records written by that site, or (with
    ``offices``) by that street and its community offices."""

    origin: str | None = None
    label: str = "合计"
    offices: tuple[str, ...] = ()

    @property
    def origins(self) -> tuple[str, ...]:
        return () if self.origin is None else (self.origin, *self.offices)

    def condition(self, column: Any) -> Any:
        """The SQL condition on an ``origin`` column, or None for every record."""
        if self.origin is None:
            return None
        if self.offices:
            return column.in_(self.origins)
        return column == self.origin

    def where(self, stmt: Select[*_Ts], model: Any) -> Select[*_Ts]:
        """``stmt`` restricted to this scope's records of ``model`` (an indexed column)."""
        return self.on(stmt, model.origin)

    def on(self, stmt: Select[*_Ts], column: Any) -> Select[*_Ts]:
        """``stmt`` restricted on ``column`` (an origin column of an aliased or joined table)."""
        condition = self.condition(column)
        return stmt if condition is None else stmt.where(condition)


ALL = Scope()


def own_scope(site: Any) -> Scope:
    """What a site's 工作台 and reports count: a street or a district everything it holds; a community
    savings office its own records only (it also holds its street's, its district's and its sibling
    offices' passbooks, which those sites count)."""
    if site.role == "community":
        return Scope(site.code, site.name)
    return Scope(None, site.name)


def street_scopes(session: Session, local_code: str) -> list[Scope]:
    """The streets whose records a district holds, by origin, named from the site table; each
    street's scope takes in its community offices' records (an office's code begins with its
    street's), so a street's column is the street and its offices together.

    Origins are read through the ``origin`` indexes of the main tables (``SELECT DISTINCT`` on an
    index), never by walking rows.
    """
    origins_stmt = union(
        select(Person.origin).distinct(),
        select(Community.origin).distinct(),
        select(Site.code).where(Site.role.in_(("street", "community")), Site.deleted.is_(False)),
        *_extra_origin_selects(),
    )
    origins = {o for o in session.scalars(origins_stmt) if o and o != local_code}
    names = dict(session.execute(select(Site.code, Site.name).where(Site.role == "street")).all())
    origins |= {code for code in names if code != local_code}
    streets = sorted({o[:STREET_DIGITS] if len(o) == OFFICE_DIGITS else o for o in origins})
    return [Scope(code, names.get(code) or code,
                  tuple(sorted(o for o in origins if len(o) == OFFICE_DIGITS and o.startswith(code))))
            for code in streets]


def _extra_origin_selects() -> list[Select[Any]]:
    """Organizations count too."""
    # on first use: the dashboard imports this module at start-up, the organization model need not load then
    from yichao.models.organization import Organization

    return [select(Organization.origin).distinct()]
