"""Who a certificate is about, per kind: one registry so a new kind plugs in with one loader.

A loader reads the subject (organization, person, project) and returns a :class:`Subject`: the name
printed as recipient, the facts the body text needs, and a ``dedupe_key`` that says when two issues
are the same certificate (then the second is a reprint, not a new serial). Facts owned by other
domains (volunteer hours, roadshow awards) are read through their facades.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from yichao.app.certificates.labels import KIND_LABELS
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.app.orgs import STAGE_LABELS
from yichao.app.passbook import star_level, volunteer_hours
from yichao.app.roadshow import project_award_subject
from yichao.models.journal import JournalEntry
from yichao.models.org_records import OrgRating, OrgStageChange
from yichao.models.organization import Organization
from yichao.models.person import Person


@dataclass(frozen=True)
class KindSpec:
    kind: str
    code: str  # the serial's kind part: DL-2026-CK-0001
    title: str  # printed title
    label: str  # the register's name for the kind
    subject_type: str  # organization | person | project


KINDS: dict[str, KindSpec] = {
    k.kind: k for k in (
        KindSpec("entry", "RZ", KIND_LABELS["entry"], KIND_LABELS["entry"], "organization"),
        KindSpec("graduation", "CK", KIND_LABELS["graduation"], KIND_LABELS["graduation"], "organization"),
        KindSpec("rating", "XJ", "荣誉证书", KIND_LABELS["rating"], "organization"),
        KindSpec("volunteer", "ZY", KIND_LABELS["volunteer"], KIND_LABELS["volunteer"], "person"),
        KindSpec("award", "RY", "荣誉证书", KIND_LABELS["award"], "project"),
    )
}


@dataclass(frozen=True)
class Subject:
    kind: str
    subject_type: str
    uid: str
    recipient: str
    dedupe_key: str
    facts: dict[str, Any] = field(default_factory=dict)


# a loader reads many subjects at once (a batch of 1,000 must not cost 4,000 queries)
Loader = Callable[[Workspace, list[str], Mapping[str, Any]], list[Subject]]
_LOADERS: dict[str, Loader] = {}


def subject_loader(kind: str) -> Callable[[Loader], Loader]:
    def deco(fn: Loader) -> Loader:
        _LOADERS[kind] = fn
        return fn

    return deco


def one_by_one(fn: Callable[[Workspace, str, Mapping[str, Any]], Subject]) -> Loader:
    """Make a batch loader of a loader for one subject (kinds whose facts come from other modules)."""
    def many(ws: Workspace, uids: list[str], options: Mapping[str, Any]) -> list[Subject]:
        return [fn(ws, uid, options) for uid in uids]

    return many


def kind_spec(kind: str) -> KindSpec:
    spec = KINDS.get(kind)
    if spec is None:
        raise UserError(f"没有“{kind}”这种证书，可选：{'、'.join(KINDS)}。")
    return spec


def load_subjects(ws: Workspace, kind: str, uids: list[str], options: Mapping[str, Any] | None = None) -> list[Subject]:
    """The subjects of certificates of ``kind``, in order; refuses with one sentence naming the first
    one that cannot receive it."""
    kind_spec(kind)
    uids = [(u or "").strip() for u in uids]
    if not uids or not all(uids):
        raise UserError("请指定证书的对象（组织、志愿者或项目）。")
    return _LOADERS[kind](ws, uids, options or {})


# -- organizations ------------------------------------------------------------------------------


CHUNK = 500


def _chunks(uids: list[str]) -> list[list[str]]:
    return [uids[i:i + CHUNK] for i in range(0, len(uids), CHUNK)]


# Batch queries look rows up by the uids alone and sort out tombstones, kinds and operations in
# Python: given "deleted = 0" or "entity = ?" too, SQLite (no statistics) prefers those indexes and
# reads every record of the table for each chunk, where the uid index reads only the batch's rows.


def _orgs(ws: Workspace, uids: list[str]) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with ws.read() as session:
        for chunk in _chunks(uids):  # plain rows, not ORM objects: a batch reads a thousand at once
            stmt = select(Organization.uid, Organization.name, Organization.credit_code, Organization.stage,
                          Organization.resident_since, Organization.deleted).where(Organization.uid.in_(chunk))
            for uid, name, credit_code, stage, resident_since, deleted in session.execute(stmt):
                if not deleted:
                    found[uid] = {
                        "uid": uid, "name": name, "credit_code": credit_code or "", "stage": stage,
                        "stage_label": STAGE_LABELS.get(stage, stage), "resident_since": resident_since,
                    }
    missing = [u for u in uids if u not in found]
    if missing:
        raise NotFound(f"找不到这个组织（{missing[0]}）。")
    return [found[u] for u in uids]


def _stage_dates(ws: Workspace, uids: list[str], stage: str) -> dict[str, date]:
    """When each organization (last) entered ``stage``: its stage history, else the journal."""
    dates: dict[str, date] = {}
    with ws.read() as session:
        for chunk in _chunks(uids):
            stmt = select(OrgStageChange.org_uid, OrgStageChange.on, OrgStageChange.to_stage,
                          OrgStageChange.deleted).where(OrgStageChange.org_uid.in_(chunk))
            for uid, on, to_stage, deleted in session.execute(stmt):
                if to_stage == stage and not deleted and (uid not in dates or on > dates[uid]):
                    dates[uid] = on
            rest = [u for u in chunk if u not in dates]
            if rest:
                first: dict[str, datetime] = {}
                journal = (select(JournalEntry.uid, JournalEntry.at, JournalEntry.entity, JournalEntry.op)
                           .where(JournalEntry.uid.in_(rest), JournalEntry.data.like(f'%"stage": "{stage}"%')))
                for uid, at, entity, op in session.execute(journal):
                    if (
                        entity == "organization"
                        and op in ("insert", "update")
                        and (uid not in first or at < first[uid])
                    ):
                        first[uid] = at
                dates.update({uid: at.date() for uid, at in first.items()})
    return dates


def _first_seen(ws: Workspace, uids: list[str]) -> dict[str, date]:
    first: dict[str, datetime] = {}
    if not uids:
        return {}
    with ws.read() as session:
        for chunk in _chunks(uids):
            stmt = select(JournalEntry.uid, JournalEntry.at, JournalEntry.entity).where(JournalEntry.uid.in_(chunk))
            for uid, at, entity in session.execute(stmt):
                if entity == "organization" and (uid not in first or at < first[uid]):
                    first[uid] = at
    return {uid: at.date() for uid, at in first.items()}


def _plain(org: dict[str, Any]) -> dict[str, Any]:
    """The facts worth recording with the certificate (the register stores them as JSON)."""
    return {k: v for k, v in org.items() if k not in ("uid", "resident_since")}


def _stage_date(ws: Workspace, uid: str, stage: str) -> date | None:
    return _stage_dates(ws, [uid], stage).get(uid)


@subject_loader("entry")
def _entry(ws: Workspace, uids: list[str], options: Mapping[str, Any]) -> list[Subject]:
    orgs = _orgs(ws, uids)
    for org in orgs:
        if org["stage"] == "exited":
            raise UserError(f"“{org['name']}”已退出孵化，不能签发入驻证书。")
    nursery = _stage_dates(ws, uids, "nursery")
    # the first journal entry only for those with neither an entry date nor a nursery stage on record
    seen = _first_seen(ws, [o["uid"] for o in orgs if not o["resident_since"] and o["uid"] not in nursery])
    subjects = []
    for org in orgs:
        uid = org["uid"]
        since = org["resident_since"] or nursery.get(uid) or seen.get(uid)
        facts = {**_plain(org), "since": since.isoformat() if since else ""}
        subjects.append(Subject("entry", "organization", uid, org["name"], uid, facts))
    return subjects


@subject_loader("graduation")
def _graduation(ws: Workspace, uids: list[str], options: Mapping[str, Any]) -> list[Subject]:
    orgs = _orgs(ws, uids)
    for org in orgs:
        if org["stage"] != "graduated":
            raise UserError(f"“{org['name']}”还没有出壳（当前阶段：{org['stage_label']}），不能签发出壳证书。")
    dates = _stage_dates(ws, uids, "graduated")
    subjects = []
    for org in orgs:
        on = dates.get(org["uid"])
        facts = {**_plain(org), "graduated_on": on.isoformat() if on else ""}
        subjects.append(Subject("graduation", "organization", org["uid"], org["name"], org["uid"], facts))
    return subjects


@subject_loader("rating")
@one_by_one
def _rating(ws: Workspace, uid: str, options: Mapping[str, Any]) -> Subject:
    org = _plain(_orgs(ws, [uid])[0])
    level, rating_kind, on = options.get("stars"), "star", options.get("rating_date")
    if level is None:
        found = _latest_rating(ws, uid)
        if found is None:
            raise UserError(f"“{org['name']}”还没有星级或等级评估结果，请先在组织档案中登记。")
        level, rating_kind, on = found
    try:
        level = int(level)
    except (TypeError, ValueError):
        raise UserError("星级应为 1 到 5 的整数。") from None
    if not 1 <= level <= 5:
        raise UserError("星级应为 1 到 5 的整数。")
    on = on if isinstance(on, date) else date.fromisoformat(on) if on else date.today()
    facts = {**org, "level": level, "rating_kind": rating_kind, "rated_on": on.isoformat(), "rating_year": on.year}
    return Subject("rating", "organization", uid, org["name"], f"{uid}:{rating_kind}:{level}:{on.year}", facts)


def _latest_rating(ws: Workspace, uid: str) -> tuple[int, str, date] | None:
    with ws.read() as session:
        rating = session.scalars(select(OrgRating).where(OrgRating.org_uid == uid, OrgRating.deleted.is_(False))
                                 .order_by(OrgRating.awarded_on.desc()).limit(1)).first()
        if rating is None:
            return None
        kind = "grade" if rating.rating_kind == "grade" else "star"
        return rating.level, kind, rating.awarded_on


# -- volunteers ----------------------------------------------------------------------------------
@subject_loader("volunteer")
@one_by_one
def _volunteer(ws: Workspace, uid: str, options: Mapping[str, Any]) -> Subject:
    with ws.read() as session:
        person = session.get(Person, uid)
        if person is None or person.deleted:
            raise NotFound("找不到这位居民。")
        if not person.is_volunteer:
            raise UserError(f"{person.name} 不是登记的志愿者，不能开具志愿服务证明。")
        name, number = person.name, person.volunteer_number
    given = options.get("hours")
    hours = round(float((volunteer_hours(ws, uid) if given is None else given) or 0), 1)
    if hours <= 0:
        raise UserError(f"{name} 还没有登记的志愿服务时长，无法开具志愿服务证明。")
    stars = star_level(hours)
    facts = {"name": name, "volunteer_number": number, "hours": hours, "stars": stars}
    return Subject("volunteer", "person", uid, name, f"{uid}:{hours}", facts)


# -- roadshow awards ----------------------------------------------------------------------------
@subject_loader("award")
@one_by_one
def _award(ws: Workspace, uid: str, options: Mapping[str, Any]) -> Subject:
    found = project_award_subject(ws, uid)
    if found is None:
        raise UserError("这个项目没有路演获奖记录，不能签发荣誉证书。")
    project, org, program = found.project_name, found.org_name, found.roadshow_name
    award = str(options.get("award") or found.rank_label)
    if not award:
        raise UserError(f"项目“{project}”没有获奖名次，不能签发荣誉证书。")
    recipient = found.recipient or org or project
    facts = {"project": project, "org_name": org, "award": award, "program": program}
    return Subject("award", "project", uid, recipient, f"{uid}:{award}", facts)
