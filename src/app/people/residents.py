"""Residents (居民) and the skills register (能人库): create, edit, find, list in pages.

Identity numbers are stored once and only ever leave this module masked; the full number comes out
of :func:`reveal_id_number` alone, for staff and admins, and every reveal is journaled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text

from yichao.app.core.communities import own_community_uid
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.pinyin import initials
from yichao.app.core.workspace import Workspace
from yichao.app.people.labels import GENDER_CODES
from yichao.models.identifiers import id_gender, mask_id_number, validate_id_number, validate_phone
from yichao.models.journal import record_event
from yichao.models.person import Person

GENDERS = ("male", "female")
TAG_SEPARATOR = "、"
_TAG_SPLIT = re.compile(r"[、,，;；/／|\s]+")


class DuplicatePerson(UserError):
    """The identity number is already registered; ``existing_uid`` links to that resident."""

    def __init__(self, message: str, existing_uid: str) -> None:
        super().__init__(message)
        self.existing_uid = existing_uid


@dataclass
class PersonInput:
    """What a clerk types for a resident. On edit, an empty ``id_number`` keeps the stored one."""

    name: str
    id_number: str = ""
    gender: str = ""
    phone: str = ""
    community_uid: str | None = None
    building: str = ""
    unit: str = ""
    room: str = ""
    household_head: bool = False
    is_volunteer: bool = False
    volunteer_number: str = ""
    skills: str = ""
    notes: str = ""
    offers: str = ""


@dataclass(frozen=True)
class PersonRow:
    """A resident as every list and export sees it: the identity number masked."""

    uid: str
    name: str
    gender: str
    id_masked: str
    phone: str
    community_uid: str | None
    building: str
    unit: str
    room: str
    household_head: bool
    is_volunteer: bool
    volunteer_number: str
    skills: str
    extra: dict[str, Any] = field(default_factory=dict)
    offers: str = ""
    notes: str = ""

    @property
    def address(self) -> str:
        return "".join(p for p in (self.building, self.unit, self.room) if p)

def person_row(p: Person) -> PersonRow:
    return PersonRow(p.uid, p.name, p.gender, p.id_masked, p.phone, p.community_uid, p.building,
                     p.unit, p.room, p.household_head, p.is_volunteer, p.volunteer_number, p.skills,
                     offers=p.offers or "", notes=p.notes or "")


def split_tags(text: str) -> list[str]:
    """Skill tags as typed (``理发, 书法；摄影``) -> ``["理发", "书法", "摄影"]``, without repeats."""
    seen: list[str] = []
    for tag in _TAG_SPLIT.split(text or ""):
        tag = tag.strip()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def join_tags(text: str) -> str:
    return TAG_SEPARATOR.join(split_tags(text))


def clean_person(data: PersonInput) -> dict[str, Any]:
    """Validate and normalise one resident; raise one sentence naming the wrong field."""
    name = data.name.strip()
    if not name:
        raise UserError("姓名不能为空。")
    if len(name) > 64:
        raise UserError("姓名太长（最多64个字）。")
    gender = GENDER_CODES.get(data.gender.strip(), data.gender.strip())
    values: dict[str, Any] = {
        "name": name, "name_initials": initials(name), "gender": gender,
        "phone": "", "community_uid": data.community_uid or None, "building": data.building.strip()[:16],
        "unit": data.unit.strip()[:16], "room": data.room.strip()[:16], "household_head": bool(data.household_head),
        "is_volunteer": bool(data.is_volunteer), "volunteer_number": data.volunteer_number.strip(),
        "skills": join_tags(data.skills), "offers": data.offers.strip(), "notes": data.notes.strip(),
        "id_number": None, "id_masked": "",
    }
    if data.id_number.strip():
        number = validate_id_number(data.id_number)
        values["id_number"] = number
        values["id_masked"] = mask_id_number(number)
        values["gender"] = id_gender(number)
    if values["gender"] not in ("", *GENDERS):
        raise UserError("性别只能是 男 或 女。")
    if data.phone.strip():
        values["phone"] = validate_phone(data.phone)
    if values["volunteer_number"] and not values["is_volunteer"]:
        raise UserError("填写了志愿者编号，请同时勾选“志愿者”。")
    return values


def _refuse_duplicate(session: Any, number: str | None, masked: str, except_uid: str | None = None) -> None:
    if not number:
        return
    existing = session.scalars(select(Person).where(Person.id_number == number)).first()
    if existing is not None and existing.uid != except_uid:
        state = "（已删除）" if existing.deleted else ""
        raise DuplicatePerson(
            f"身份证号码 {masked} 已登记为居民“{existing.name}”{state}，不能重复登记。", existing.uid)


def _refuse_taken_volunteer_number(session: Any, number: str, except_uid: str | None = None) -> None:
    if not number:
        return
    other = session.scalars(select(Person).where(Person.volunteer_number == number, Person.deleted.is_(False))).first()
    if other is not None and other.uid != except_uid:
        raise UserError(f"志愿者编号 {number} 已被居民“{other.name}”使用。")


def check_new_person(session: Any, data: PersonInput) -> dict[str, Any]:
    """The cleaned values of a resident to register, or the sentence :func:`register_in_session`
    would refuse it with: a bulk import checks every row before it writes any."""
    values = clean_person(data)
    _refuse_duplicate(session, values["id_number"], values["id_masked"])
    _refuse_taken_volunteer_number(session, values["volunteer_number"])
    return values


def register_in_session(session: Any, data: PersonInput) -> Person:
    """Register one resident inside the caller's session (a bulk take-over registers holders with
    their passbooks in one transaction); the same rules as :func:`create_person`."""
    person = Person(**check_new_person(session, data))
    session.add(person)
    session.flush()
    return person


def person_uid_by_id_number(session: Any, number: str) -> str | None:
    """The registered (not deleted) resident with this validated identity number, if any: the one
    place an import looks a person up by number."""
    return session.scalar(select(Person.uid).where(Person.id_number == number, Person.deleted.is_(False)))


def create_person(ws: Workspace, data: PersonInput) -> PersonRow:
    """Register a resident; at a community savings office one without a community belongs to the
    office's own."""
    ws.require("staff", "登记居民")
    with ws.unit() as session:
        if ws.site.role == "community" and not data.community_uid:
            data = replace(data, community_uid=own_community_uid(session, ws.site.code))
        return person_row(register_in_session(session, data))


def update_person(ws: Workspace, uid: str, data: PersonInput) -> PersonRow:
    """Change a resident; an empty identity number in ``data`` keeps the stored one."""
    ws.require("staff", "修改居民信息")
    values = clean_person(data)
    if values["id_number"] is None:
        for key in ("id_number", "id_masked"):
            values.pop(key)
        if not data.gender.strip():
            values.pop("gender")
    with ws.unit() as session:
        person = session.get(Person, uid)
        if person is None or person.deleted:
            raise NotFound("找不到这位居民。")
        if person.id_number and "id_number" not in values:
            values.pop("gender", None)  # the stored number decides the gender
        if values.get("id_number"):
            _refuse_duplicate(session, values["id_number"], values["id_masked"], except_uid=uid)
        _refuse_taken_volunteer_number(session, values["volunteer_number"], except_uid=uid)
        for key, value in values.items():
            if getattr(person, key) != value:
                setattr(person, key, value)
        session.flush()
        return person_row(person)


def delete_person(ws: Workspace, uid: str) -> None:
    """Tombstone a resident (nothing synced is hard-deleted)."""
    ws.require("staff", "删除居民")
    with ws.unit() as session:
        person = session.get(Person, uid)
        if person is None or person.deleted:
            raise NotFound("找不到这位居民。")
        person.deleted = True


def get_person(ws: Workspace, uid: str) -> PersonRow:
    with ws.read() as session:
        p = session.get(Person, uid)
        if p is None or p.deleted:
            raise NotFound("找不到这位居民。")
        return person_row(p)


def reveal_id_number(ws: Workspace, uid: str) -> str:
    """The full identity number, for admin and staff only; every reveal is journaled."""
    ws.require("staff", "查看完整身份证号码")
    with ws.unit() as session:
        p = session.get(Person, uid)
        if p is None:
            raise NotFound("找不到这位居民。")
        record_event(session, "reveal", "person", uid, {"name": p.name})
        return p.id_number or ""


# ------------------------------------------------------------------------------------- lists

@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    community_uid: str | None = None
    volunteers_only: bool = False
    household_heads_only: bool = False
    skill: str = ""  # 能人库: residents whose skills or offers mention this
    with_skills_only: bool = False
    uids: tuple[str, ...] | None = None  # only these (the residents behind a dashboard figure)


SORTABLE = {"name": Person.name_sort, "gender": Person.gender, "phone": Person.phone,
            "community_uid": Person.community_uid, "building": Person.building,
            "volunteer_number": Person.volunteer_number, "id_masked": Person.id_masked,
            "skills": Person.skills}


def prefix(column: Any, text: str) -> ColumnElement[bool]:
    """``column`` starts with ``text``, as a range an index can serve (LIKE cannot in SQLite)."""
    return and_(column >= text, column < text + "\U0010ffff")


def _text_clause(text: str) -> ColumnElement[bool]:
    if text.isascii() and text.isalpha():
        return prefix(Person.name_initials, text.lower())
    if text.isascii() and text.isalnum():
        found = or_(prefix(Person.phone, text), prefix(Person.volunteer_number, text.upper()))
        if len(text) == 4:  # the last four characters of an identity number (stored in clear)
            found = or_(found, Person.id_suffix == text.upper())
        return found
    return or_(prefix(Person.name, text), Person.name.like(f"%{text}%"))


def _filtered(stmt: Select[Any], flt: PeopleFilter) -> Select[Any]:
    stmt = stmt.where(Person.deleted.is_(False))
    if flt.uids is not None:
        stmt = stmt.where(Person.uid.in_(flt.uids))
    text = flt.text.strip()
    if text:
        stmt = stmt.where(_text_clause(text))
    if flt.community_uid:
        stmt = stmt.where(Person.community_uid == flt.community_uid)
    if flt.volunteers_only:
        stmt = stmt.where(Person.is_volunteer.is_(True))
    if flt.household_heads_only:
        stmt = stmt.where(Person.household_head.is_(True))
    if flt.with_skills_only:
        stmt = stmt.where(or_(Person.skills != "", Person.offers != ""))
    skill = flt.skill.strip()
    if skill:
        stmt = stmt.where(or_(Person.skills.like(f"%{skill}%"), Person.offers.like(f"%{skill}%")))
    return stmt


def count_people(ws: Workspace, flt: PeopleFilter = PeopleFilter()) -> int:
    with ws.read() as session:
        return session.scalar(_filtered(select(func.count()).select_from(Person), flt)) or 0


def query_people(ws: Workspace, flt: PeopleFilter = PeopleFilter(), offset: int = 0, limit: int = 200,
                 sort: str = "name", descending: bool = False) -> list[PersonRow]:
    column = SORTABLE.get(sort, Person.name_sort)
    order = (column.desc(), Person.uid.desc()) if descending else (column.asc(), Person.uid.asc())
    # page the uids first (an index-only walk past ``offset``), then load just those rows
    page = _filtered(select(Person.uid), flt).order_by(*order).offset(offset).limit(limit)
    stmt = select(Person).where(Person.uid.in_(page.scalar_subquery())).order_by(*order)
    with ws.read() as session:
        return [person_row(p) for p in session.scalars(stmt)]


def skill_tag_counts(ws: Workspace) -> list[tuple[str, int]]:
    """Every skill tag of the register with how many residents have it, most common first."""
    stmt = (select(Person.skills, func.count()).where(Person.deleted.is_(False), Person.skills != "")
            .group_by(Person.skills))
    counts: dict[str, int] = {}
    with ws.read() as session:
        for skills, n in session.execute(stmt):
            for tag in split_tags(skills):
                counts[tag] = counts.get(tag, 0) + n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def refresh_statistics(session: Any) -> None:
    """Let the query planner see the new spread of rows after a bulk load (ANALYZE works on both
    SQLite and PostgreSQL); without it SQLite walks the one-value ``deleted`` index."""
    session.execute(text("ANALYZE person"))
