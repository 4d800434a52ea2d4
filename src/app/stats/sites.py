"""The roll-up by site (issue 17 point 5): each community savings office's figures beside its
street's, and the total; at a district each street with its offices under it.

Every record carries its origin (the one site that wrote it), so a site's row is the figure
functions themselves evaluated on that origin: the roll-up can never disagree with the other
tables. Offices are known from the site records their bundles brought and from the keys trusted
here; a street without offices shows no roll-up (its one row would repeat the 现状 table).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import SiteInfo
from yichao.app.stats import figures as registry
from yichao.app.stats.compute import flow, stock
from yichao.app.stats.figures import Figure, Number
from yichao.app.stats.model import Column, Table
from yichao.app.stats.period import Period
from yichao.app.stats.scope import ALL, OFFICE_DIGITS, Scope, street_scopes
from yichao.models.site import Site
from yichao.models.sync import SyncPeer

TOTAL = "合计"
INDENT = "　"  # an office's row sits under its street's
LEVEL_WORDS = {"street": "街道", "own": "街道本级", "office": "社区储蓄所", "total": ""}


@dataclass(frozen=True)
class SiteRow:
    """One row of the roll-up: ``level`` street (a district's street with its offices), own (a
    street's own records), office, or total."""

    scope: Scope
    level: str


def office_names(session: Session, street_code: str) -> dict[str, str]:
    """Code -> name of the community offices of ``street_code`` known here: from the site records
    their bundles carried, else from their trusted keys (before any bundle came)."""
    names: dict[str, str] = {}
    peers = select(SyncPeer.code, SyncPeer.name).where(SyncPeer.role == "community")
    sites = select(Site.code, Site.name).where(Site.role == "community", Site.deleted.is_(False))
    for code, name in [*session.execute(peers).all(), *session.execute(sites).all()]:
        if len(code) == OFFICE_DIGITS and code.startswith(street_code):
            names[code] = name or names.get(code) or code
    return dict(sorted(names.items()))


def site_rows(session: Session, site: SiteInfo) -> list[SiteRow]:
    """The rows of the roll-up at ``site``: none at a street without offices or at an office."""
    if site.role == "street":
        offices = office_names(session, site.code)
        if not offices:
            return []
        return [SiteRow(Scope(site.code, f"{site.name}本级"), "own"),
                *(SiteRow(Scope(code, INDENT + name), "office") for code, name in offices.items()),
                SiteRow(Scope(None, TOTAL), "total")]
    if site.role != "district":
        return []
    rows: list[SiteRow] = []
    for street in street_scopes(session, site.code):
        rows.append(SiteRow(street, "street"))
        if street.offices:
            named = office_names(session, street.origin or "")
            rows.append(SiteRow(Scope(street.origin, f"{INDENT}{street.label}本级"), "own"))
            rows += [SiteRow(Scope(code, INDENT + named.get(code, code)), "office") for code in street.offices]
    if not rows:
        return []
    return [*rows, SiteRow(ALL, "total")]


def rollup_figures() -> list[Figure]:
    """The figures of the roll-up (each office records these), in the order of their modules in
    ``FIGURE_MODULES`` whichever imported first."""
    order = {name: i for i, name in enumerate(registry.FIGURE_MODULES)}
    return sorted((f for f in registry.available() if f.rollup), key=lambda f: order.get(f.fn.__module__, len(order)))


def rollup_table(session: Session, rows: Sequence[SiteRow], period: Period, title: str,
                 totals: Mapping[str, Number] | None = None) -> Table | None:
    """The roll-up of ``period`` (stocks as they stand now): a row per site, a column per figure.
    ``totals``: figures of every record for ``period`` the caller has already counted (the
    工作台's cards), taken for the total row instead of counting them again."""
    if not rows:
        return None
    figs = rollup_figures()
    known = totals or {}
    body: list[tuple[Any, ...]] = []
    for row in rows:
        values = [known[f.key] if row.scope.origin is None and f.key in known
                  else stock(session, f, row.scope) if f.kind == "stock"
                  else flow(session, f, [period], row.scope)[0]
                  for f in figs]
        body.append((row.scope.label, LEVEL_WORDS[row.level], *values))
    columns = (Column("站点", width=24), Column("层级", width=10),
               *(Column(f"{f.label}（{f.unit}）", f.fmt, 9) for f in figs))
    note = ("各站点按记录的来源站点统计：存入、支取和服务时长算在记账的柜台，存折和居民算在开立、登记的站点；"
            "在用存折、居民和未办结需求为现状。")
    return Table("sites", title, columns, tuple(body), note)
