"""Residents (居民): create, find, list in pages; identity numbers masked unless revealed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select

from yichao.models.identifiers import mask_id_number, validate_id_number, validate_phone
from yichao.models.journal import record_event
from yichao.models.person import Person

from .errors import NotFound, UserError
from .pinyin import initials
from .workspace import Workspace

GENDERS = ("male", "female")


@dataclass
class PersonInput:
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


def person_row(p: Person) -> PersonRow:
    return PersonRow(p.uid, p.name, p.gender, p.id_masked, p.phone, p.community_uid, p.building,
                     p.unit, p.room, p.household_head, p.is_volunteer, p.volunteer_number, p.skills)


def clean_person(data: PersonInput) -> dict[str, Any]:
    """Validate and normalise one resident; raise one sentence naming the wrong field."""
    name = data.name.strip()
    if not name:
        raise UserError("姓名不能为空。")
    values: dict[str, Any] = {
        "name": name, "name_initials": initials(name), "gender": data.gender,
        "phone": "", "community_uid": data.community_uid or None, "building": data.building.strip(),
        "unit": data.unit.strip(), "room": data.room.strip(), "household_head": data.household_head,
        "is_volunteer": data.is_volunteer, "volunteer_number": data.volunteer_number.strip(),
        "skills": data.skills.strip(), "notes": data.notes.strip(), "id_number": None, "id_masked": "",
    }
    if data.id_number.strip():
        from yichao.models.identifiers import id_gender

        number = validate_id_number(data.id_number)
        values["id_number"] = number
        values["id_masked"] = mask_id_number(number)
        values["gender"] = id_gender(number)
    if values["gender"] not in ("", *GENDERS):
        raise UserError("性别只能是 男 或 女。")
    if data.phone.strip():
        values["phone"] = validate_phone(data.phone)
    return values


def create_person(ws: Workspace, data: PersonInput) -> PersonRow:
    ws.require("staff", "登记居民")
    values = clean_person(data)
    with ws.unit() as session:
        if values["id_number"]:
            existing = session.scalars(select(Person).where(Person.id_number == values["id_number"])).first()
            if existing is not None:
                raise UserError(f"身份证号码 {values['id_masked']} 已登记为居民“{existing.name}”，不能重复登记。")
        person = Person(**values)
        session.add(person)
        session.flush()
        return person_row(person)


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


@dataclass(frozen=True)
class PeopleFilter:
    text: str = ""
    community_uid: str | None = None
    volunteers_only: bool = False


SORTABLE = {"name": Person.name_initials, "gender": Person.gender, "phone": Person.phone,
            "community_uid": Person.community_uid, "building": Person.building,
            "volunteer_number": Person.volunteer_number}


def _filtered(stmt: Select[Any], flt: PeopleFilter) -> Select[Any]:
    stmt = stmt.where(Person.deleted.is_(False))
    text = flt.text.strip()
    if text:
        if text.isascii() and text.isalpha():
            stmt = stmt.where(or_(Person.name_initials.like(f"{text.lower()}%"), Person.name.like(f"%{text}%")))
        else:
            stmt = stmt.where(or_(Person.name.like(f"{text}%"), Person.phone.like(f"{text}%"),
                                  Person.id_masked.like(f"{text}%")))
    if flt.community_uid:
        stmt = stmt.where(Person.community_uid == flt.community_uid)
    if flt.volunteers_only:
        stmt = stmt.where(Person.is_volunteer.is_(True))
    return stmt


def count_people(ws: Workspace, flt: PeopleFilter = PeopleFilter()) -> int:
    with ws.read() as session:
        return session.scalar(_filtered(select(func.count(Person.uid)), flt)) or 0


def query_people(ws: Workspace, flt: PeopleFilter = PeopleFilter(), offset: int = 0, limit: int = 200,
                 sort: str = "name", descending: bool = False) -> list[PersonRow]:
    column = SORTABLE.get(sort, Person.name_initials)
    order = column.desc() if descending else column.asc()
    stmt = _filtered(select(Person), flt).order_by(order, Person.uid).offset(offset).limit(limit)
    with ws.read() as session:
        return [person_row(p) for p in session.scalars(stmt)]
