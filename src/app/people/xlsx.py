"""Residents in and out of Excel: community rosters (花名册) in, any filtered list out.

Import reads messy rosters through :mod:`yichao.app.core.excel`, checks every row first and reports each
refused one with its sheet row number; it applies all rows or none (``skip_invalid`` applies the
valid ones). Identity numbers that Excel turned into numbers have lost digits and are refused.
Exports carry identity numbers masked only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from yichao.app.core.communities import community_names, own_community_uid
from yichao.app.core.community_match import RosterCommunities
from yichao.app.core.errors import UserError, message_of
from yichao.app.core.excel import Column, ImportReport, read_table, write_xlsx
from yichao.app.core.import_memory import annotate_rejections, mapped_table, questions_for, remember
from yichao.app.core.progress import ProgressFn, no_progress
from yichao.app.core.value_map import FixedList, ValueMap, ValueQuestion
from yichao.app.core.workspace import Workspace
from yichao.app.people.labels import GENDER_CODES, GENDER_LABELS, GENDER_SYNONYMS
from yichao.app.people.residents import (
    PeopleFilter,
    PersonInput,
    clean_person,
    count_people,
    query_people,
    refresh_statistics,
)
from yichao.models.base import new_uid
from yichao.models.identifiers import IdentifierError
from yichao.models.journal import bulk_insert, record_event
from yichao.models.person import Person

ALIASES: dict[str, list[str]] = {
    "name": ["姓名", "居民姓名", "名字"],
    "id_number": ["身份证号码", "身份证号", "公民身份号码", "证件号码", "身份证"],
    "gender": ["性别"],
    "phone": ["联系电话", "电话", "手机", "手机号码", "联系方式"],
    "community": ["社区", "所属社区", "社区名称", "居委会"],
    "building": ["楼栋", "楼号", "楼栋号"],
    "unit": ["单元", "单元号"],
    "room": ["户", "门牌号", "房号", "室", "户号"],
    "household_head": ["庭户长", "是否庭户长", "户长"],
    "is_volunteer": ["是否志愿者", "志愿者"],
    "volunteer_number": ["志愿者编号", "志愿者号"],
    "skills": ["技能", "特长", "技能特长", "能人特长"],
    "offers": ["可提供服务", "愿意提供的服务", "服务意向"],
    "notes": ["备注", "说明"],
}
YES = {"是", "√", "✓", "y", "yes", "1", "true", "有"}
NO = {"", "否", "×", "n", "no", "0", "false", "无"}


def yes_no(text: str, what: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise UserError(f"“{what}”一栏应填 是 或 否，现为“{text}”。")


def _row_input(record: dict[str, str], communities: RosterCommunities) -> PersonInput:
    community_uid = communities.resolve(record.get("community", ""))
    gender_text = record.get("gender", "").strip()
    gender = GENDER_CODES.get(gender_text)
    if gender is None:
        raise UserError(f"性别应填 男 或 女，现为“{gender_text}”。")
    volunteer_number = record.get("volunteer_number", "").strip()
    return PersonInput(
        name=record.get("name", ""), id_number=record.get("id_number", ""), gender=gender,
        phone=record.get("phone", ""), community_uid=community_uid,
        building=record.get("building", ""), unit=record.get("unit", ""), room=record.get("room", ""),
        household_head=yes_no(record.get("household_head", ""), "庭户长"),
        is_volunteer=yes_no(record.get("is_volunteer", ""), "志愿者") or bool(volunteer_number),
        volunteer_number=volunteer_number, skills=record.get("skills", ""),
        offers=record.get("offers", ""), notes=record.get("notes", ""),
    )


# the columns with a fixed list of values, and the words rosters use for them
GENDER_LIST = FixedList("gender", "性别", (GENDER_LABELS["male"], GENDER_LABELS["female"]), synonyms=GENDER_SYNONYMS)
FIXED_LISTS = (GENDER_LIST,)


def value_questions(ws: Workspace, path: Path) -> list[ValueQuestion]:
    """The values of this roster's fixed-list columns that the clerk must still map."""
    return questions_for(ws, "people", read_table(Path(path), ALIASES), FIXED_LISTS)


def check_rows(ws: Workspace, path: Path, add_communities: bool = False, value_map: ValueMap | None = None
               ) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, str]], Any, RosterCommunities,
                          dict[str, dict[str, str]]]:
    """Every data row checked: (valid rows as column values, rejected (row, reason), the table,
    the communities it names, the value map it used)."""
    table, used_map = mapped_table(ws, "people", read_table(path, ALIASES), FIXED_LISTS, value_map)
    if "name" not in table.mapping.values():
        raise UserError(f"文件 {path.name} 中找不到“姓名”一栏，无法导入居民。")
    with ws.read() as session:
        communities = RosterCommunities.load(session, add_communities)
        registered = dict(
            session.execute(select(Person.id_number, Person.name).where(Person.id_number.is_not(None))).all()
        )
        numbers = dict(session.execute(select(Person.volunteer_number, Person.name).where(
            Person.volunteer_number != "", Person.deleted.is_(False))).all())
    valid: list[tuple[int, dict[str, Any]]] = []
    rejected: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    for number, record in table.records():
        try:
            values = clean_person(_row_input(record, communities))
            id_number = values["id_number"]
            if id_number in seen:
                raise UserError(f"身份证号码 {values['id_masked']} 与第{seen[id_number]}行重复。")
            if id_number:
                seen[id_number] = number
            if id_number in registered:
                raise UserError(
                    f"身份证号码 {values['id_masked']} 已登记为居民“{registered[id_number]}”，不能重复登记。"
                )
            volunteer_number = values["volunteer_number"]
            if volunteer_number in numbers:
                raise UserError(f"志愿者编号 {volunteer_number} 已被居民“{numbers[volunteer_number]}”使用。")
            if volunteer_number in seen_numbers:
                raise UserError(f"志愿者编号 {volunteer_number} 与第{seen_numbers[volunteer_number]}行重复。")
            if volunteer_number:
                seen_numbers[volunteer_number] = number
            stated = record.get("gender", "").strip()
            if id_number and stated and GENDER_LABELS[values["gender"]] != stated:
                raise UserError(f"性别“{stated}”与身份证号码不符。")
        except (UserError, IdentifierError) as exc:
            rejected.append((number, message_of(exc)))
            continue
        valid.append((number, values))
    return valid, annotate_rejections(rejected, table, FIXED_LISTS), table, communities, used_map


def import_people(ws: Workspace, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
                  progress: ProgressFn = no_progress, add_communities: bool = False,
                  value_map: ValueMap | None = None) -> ImportReport:
    """Import a roster; all rows or none, unless ``skip_invalid``. Nothing on a dry run. With
    ``add_communities`` the communities it names and the site lacks are created with the rows."""
    ws.require("staff", "导入居民")
    path = Path(path)
    valid, rejected, table, communities, used_map = check_rows(ws, path, add_communities, value_map)
    total = len(valid) + len(rejected)
    found: dict[str, Any] = dict(new_communities=communities.missing(), communities_added=add_communities)
    if dry_run or (rejected and not skip_invalid) or not valid:
        return ImportReport(total, len(valid), 0, tuple(rejected), table.skipped, dry_run, **found)
    rows = []
    for _number, values in valid:
        values["uid"] = new_uid()
        rows.append(values)
    with ws.unit() as session:
        communities.create(session, ws.site.code)
        own = own_community_uid(session, ws.site.code) if ws.site.role == "community" else None
        for values in rows if own else ():  # an office's roster rows without a community are its own
            values["community_uid"] = values["community_uid"] or own
        for start in range(0, len(rows), 5000):
            bulk_insert(session, Person, rows[start:start + 5000])
            progress(min(start + 5000, len(rows)), len(rows))
        record_event(session, "import", "person", "", {"file": path.name, "rows": len(rows),
                                                       "rejected": len(rejected)})
        refresh_statistics(session)
    remember(ws, "people", table.headers, table.mapping, used_map)
    return ImportReport(total, len(valid), len(rows), tuple(rejected), table.skipped, False, **found)


# ------------------------------------------------------------------------------------- export

EXPORT_COLUMNS = [
    Column("name", "姓名", 10), Column("gender", "性别", 6), Column("id_number", "身份证号码", 22),
    Column("phone", "联系电话", 15), Column("community", "社区", 16), Column("building", "楼栋", 8),
    Column("unit", "单元", 8), Column("room", "户", 8), Column("household_head", "庭户长", 8),
    Column("is_volunteer", "志愿者", 8), Column("volunteer_number", "志愿者编号", 14),
    Column("skills", "技能", 24), Column("offers", "可提供服务", 30),
]


def export_rows(ws: Workspace, flt: PeopleFilter = PeopleFilter(), page: int = 5000) -> Iterator[dict[str, Any]]:
    """The filtered residents as export rows; identity numbers masked."""
    names = community_names(ws)
    total = count_people(ws, flt)
    for offset in range(0, total, page):
        for p in query_people(ws, flt, offset, page):
            yield {"name": p.name, "gender": GENDER_LABELS.get(p.gender, ""), "id_number": p.id_masked,
                   "phone": p.phone, "community": names.get(p.community_uid or "", ""),
                   "building": p.building, "unit": p.unit, "room": p.room,
                   "household_head": "是" if p.household_head else "", "is_volunteer": "是" if p.is_volunteer else "",
                   "volunteer_number": p.volunteer_number, "skills": p.skills, "offers": p.offers}


def export_people(ws: Workspace, path: Path, flt: PeopleFilter = PeopleFilter()) -> int:
    """Write the (filtered) residents to .xlsx; the export itself is journaled."""
    ws.require("viewer", "导出居民名册")
    title = f"{ws.site.name} 居民名册（{date.today():%Y-%m-%d} 导出，身份证号码已隐去）"
    count = write_xlsx(path, EXPORT_COLUMNS, export_rows(ws, flt), sheet_title="居民", title=title)
    with ws.unit() as session:
        record_event(session, "export", "person", "", {"file": Path(path).name, "rows": count})
    return count
