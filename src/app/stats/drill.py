"""What is behind a figure of the 工作台: the records it counts, for the list that opens on a click.

"逾期需求 30" opens exactly those 30 needs. Each drill reuses its figure's own query (the helpers of
the ``fig_*`` modules), so the list and the number cannot drift apart. A figure that counts records
inside others (activities, ledger entries, payments) opens the organizations, passbooks or projects
they belong to and says so in the caption.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.workspace import Workspace
from yichao.app.stats import fig_needs, fig_org_records, fig_orgs, fig_passbook, fig_people, fig_projects
from yichao.app.stats import figures as registry
from yichao.app.stats.period import Period, china_today, current
from yichao.app.stats.scope import Scope, own_scope

# which list a drill's uids belong to, and the page that shows it
TARGET_PAGES = {"orgs": "orgs", "needs": "residents", "people": "residents", "passbooks": "passbook",
                "projects": "projects"}


@dataclass(frozen=True)
class DrillDown:
    """``uids`` None: the whole list (the figure counts every record of it)."""

    key: str
    page: str
    target: str
    uids: tuple[str, ...] | None
    caption: str
    exact: bool = True  # one row per counted record (False: the records the counted ones belong to)


Drill = Callable[[Session, Period, date, Scope], tuple[str, Any, bool]]


def _uids(session: Session, stmt: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in session.scalars(stmt) if u))


def _in(column: Any, period: Period, utc: bool) -> Any:
    if utc:
        return (column >= period.start_utc) & (column < period.end_utc)
    return (column >= period.start) & (column < period.end)


def _need_steps(session: Session, period: Period, scope: Scope, **where: str) -> tuple[str, ...]:
    step = fig_needs.NeedStep
    stmt = fig_needs._steps(scope).filter_by(**where).where(_in(step.at, period, True))
    return _uids(session, stmt.with_only_columns(step.need_uid))


def _stage_changes(session: Session, period: Period, scope: Scope, **where: str) -> tuple[str, ...]:
    change = fig_org_records.OrgStageChange
    stmt = fig_org_records._live(change, scope).filter_by(**where).where(_in(change.on, period, False))
    return _uids(session, stmt.with_only_columns(change.org_uid))


def _activity_orgs(session: Session, period: Period, scope: Scope) -> tuple[str, ...]:
    activity = fig_org_records.OrgActivity
    orgs = list(_uids(session, fig_org_records._live(activity, scope).where(_in(activity.on, period, False))
                      .with_only_columns(activity.org_uid)))
    project, project_activity = fig_projects.Project, fig_org_records.Activity
    stmt = (fig_org_records._live(project_activity, scope).where(_in(project_activity.held_on, period, False))
            .join(project, project.uid == project_activity.project_uid).with_only_columns(project.org_uid))
    orgs += _uids(session, stmt)
    return tuple(dict.fromkeys(orgs))


def _ledger_books(session: Session, period: Period, kind: str, scope: Scope) -> tuple[str, ...]:
    entry = fig_passbook.LedgerEntry
    stmt = fig_passbook._entries(scope, kind).where(_in(entry.on, period, False))
    return _uids(session, stmt.with_only_columns(entry.passbook_uid))


def _active_holders(session: Session, period: Period, scope: Scope) -> tuple[str, ...]:
    entry, book = fig_passbook.LedgerEntry, fig_passbook.Passbook
    stmt = (fig_passbook._entries(scope, "deposit").join(book, book.uid == entry.passbook_uid)
            .where(_in(entry.on, period, False)).with_only_columns(book.holder_uid))
    return _uids(session, stmt)


def _people_in(session: Session, scope: Scope) -> tuple[str, ...] | None:
    """Every resident (None: the whole list), or an office's own."""
    if scope.origin is None:
        return None
    return _uids(session, fig_people._people(scope).with_only_columns(fig_people.Person.uid))


def _projects(session: Session, stmt: Any) -> tuple[str, ...]:
    return _uids(session, stmt)


def _project_rows(session: Session, where: Any) -> tuple[str, ...]:
    project = fig_projects.Project
    return _uids(session, select(project.uid).where(project.deleted.is_(False), where))


DRILLS: dict[str, Drill] = {
    "needs_new": lambda s, p, t, sc: ("needs", _need_steps(s, p, sc, from_status=""), True),
    "needs_closed": lambda s, p, t, sc: ("needs", _need_steps(s, p, sc, to_status=fig_needs.CLOSED), True),
    "needs_median_days": lambda s, p, t, sc: ("needs", _need_steps(s, p, sc, to_status=fig_needs.CLOSED), True),
    "needs_open": lambda s, p, t, sc: ("needs", _uids(s, fig_needs._open(sc).with_only_columns(fig_needs.Need.uid)),
                                   True),
    "needs_overdue": lambda s, p, t, sc: ("needs", _uids(s, fig_needs._open(sc).where(fig_needs.Need.due_date < t)
                                                     .with_only_columns(fig_needs.Need.uid)), True),
    "orgs_new": lambda s, p, t, sc: ("orgs", _stage_changes(s, p, sc, from_stage=""), True),
    "orgs_graduated": lambda s, p, t, sc: ("orgs", _stage_changes(s, p, sc, to_stage="graduated"), True),
    "orgs_incubating": lambda s, p, t, sc: ("orgs", _uids(s, fig_orgs._orgs(sc).where(
        fig_orgs.Organization.stage.in_(fig_orgs.INCUBATING)).with_only_columns(fig_orgs.Organization.uid)), True),
    "activities": lambda s, p, t, sc: ("orgs", _activity_orgs(s, p, sc), False),
    "participants": lambda s, p, t, sc: ("orgs", _activity_orgs(s, p, sc), False),
    "subsidies_paid": lambda s, p, t, sc: ("orgs", _uids(s, fig_org_records._live(fig_org_records.OrgSubsidy, sc).where(
        fig_org_records.OrgSubsidy.status == "paid", _in(fig_org_records.OrgSubsidy.paid_on, p, False))
        .with_only_columns(fig_org_records.OrgSubsidy.org_uid)), False),
    "volunteers_active": lambda s, p, t, sc: ("people", _active_holders(s, p, sc), True),
    "points_deposited": lambda s, p, t, sc: ("passbooks", _ledger_books(s, p, "deposit", sc), False),
    "points_redeemed": lambda s, p, t, sc: ("passbooks", _ledger_books(s, p, "redeem", sc), False),
    "passbooks_active": lambda s, p, t, sc: ("passbooks", _uids(s, fig_passbook._active(sc).with_only_columns(
        fig_passbook.Passbook.uid)), True),
    "points_outstanding": lambda s, p, t, sc: ("passbooks", _uids(s, fig_passbook._active(sc).with_only_columns(
        fig_passbook.Passbook.uid)), False),
    "residents": lambda s, p, t, sc: ("people", _people_in(s, sc), True),
    "new_residents": lambda s, p, t, sc: ("people", None, False),
    "volunteers": lambda s, p, t, sc: ("people", _uids(s, fig_people._people(sc).where(
        fig_people.Person.is_volunteer.is_(True)).with_only_columns(fig_people.Person.uid)), True),
    "projects_running": lambda s, p, t, sc: ("projects", _project_rows(s, fig_projects.Project.status.in_(
        fig_projects.UNDER_WAY)), True),
    "program_budget": lambda s, p, t, sc: ("projects", _projects(s, select(fig_projects.Project.uid).join(
        fig_projects.Program, fig_projects.Program.uid == fig_projects.Project.program_uid).where(
        fig_projects.Program.year == t.year, fig_projects.Program.deleted.is_(False),
        fig_projects.Project.deleted.is_(False))), False),
    "funds_committed": lambda s, p, t, sc: ("projects", _projects(s, select(fig_projects.ProjectTransition.project_uid)
        .where(fig_projects.ProjectTransition.to_status == "approved",
               fig_projects.ProjectTransition.deleted.is_(False),
               _in(fig_projects.ProjectTransition.on, p, False))), False),
    "funds_disbursed": lambda s, p, t, sc: ("projects", _projects(s, select(fig_projects.Tranche.project_uid).where(
        fig_projects.Tranche.deleted.is_(False), _in(fig_projects.Tranche.disbursed_on, p, False))), False),
    # to-dos
    "needs_past_due": lambda s, p, t, sc: ("needs", _uids(s, fig_needs._open(sc).where(fig_needs.Need.due_date < t)
                                                      .with_only_columns(fig_needs.Need.uid)), True),
    "followups_overdue": lambda s, p, t, sc: ("orgs", _uids(s, fig_org_records._live(
        fig_org_records.OrgMentoring, sc).where(fig_org_records.OrgMentoring.follow_up_on < t,
                                                 fig_org_records.OrgMentoring.follow_up_done.is_(False))
        .with_only_columns(fig_org_records.OrgMentoring.org_uid)), False),
    "passbooks_pending": lambda s, p, t, sc: ("passbooks", _uids(s, fig_passbook._active(sc).where(
        fig_passbook.Passbook.entry_count > fig_passbook.Passbook.printed_seq).with_only_columns(
        fig_passbook.Passbook.uid)), True),
    "tranches_due": lambda s, p, t, sc: ("projects", _uids(s, fig_projects.due_tranches(sc).with_only_columns(
        fig_projects.Tranche.project_uid)), False),
}


TARGET_WORDS = {"orgs": "个组织", "needs": "件需求", "people": "位居民", "passbooks": "本存折", "projects": "个项目"}


def drill_down(ws: Workspace, key: str, shown: str = "", now: datetime | None = None) -> DrillDown:
    """The list behind the dashboard figure or to-do ``key`` (this month or year, as its card counts).

    ``shown`` is what the clerk clicked ("逾期需求 6 件"); the caption repeats it above the list."""
    ws.require("viewer", "查看工作台")
    registry.load()
    fig = registry.get(key)
    item = None if fig is not None else next((t for t in registry.todos() if t.key == key), None)
    page = fig.page if fig is not None else (item.page if item is not None else "")
    label = shown or (fig.label if fig is not None else "")
    drill = DRILLS.get(key)
    if drill is None:
        return DrillDown(key, page, "", None, f"工作台：{label}")
    span = "year" if fig is not None and fig.span == "year" else "month"
    with ws.read() as session:
        target, uids, exact = drill(session, current(span, now), china_today(now), own_scope(ws.site))
    if not shown and fig is not None and fig.kind == "flow":
        label = ("本年" if span == "year" else "本月") + label
    caption = f"工作台：{label}"
    if uids is not None and not exact:
        caption += f"（涉及 {len(uids)} {TARGET_WORDS.get(target, '条记录')}）"
    return DrillDown(key, TARGET_PAGES.get(target, page), target, uids, caption, exact)
