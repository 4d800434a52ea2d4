"""Taking over a paper love bank (`yichao xlsx import passbooks`): the books already in residents' hands.

A street that adopts Yichao has kept its passbooks in an Excel ledger for years: one row per book with
its number, the holder, the balance, the service hours, where the next line goes on paper, the
opening date and the office that issued it. Each row becomes a passbook that keeps its number, with
one 承前 entry (counted as printed) and printing continuing at the next free line. A holder not yet
registered is registered from the same row when the sheet gives a name and an identity number.

Like every import: every row is checked first and reported with its sheet row number; all rows are
applied in one transaction or none (unless ``skip_invalid``); nothing on a dry run.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from yichao.app.core.errors import UserError, message_of
from yichao.app.core.excel import ImportReport, Table, clean_text, parse_date, read_table
from yichao.app.core.import_memory import annotate_rejections, mapped_table, questions_for, remember
from yichao.app.core.value_map import FixedList, ValueMap, ValueQuestion
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.accounts import normalize_number, operator_name
from yichao.app.passbook.issuing import issuing_code
from yichao.app.passbook.labels import STATUS_LABELS
from yichao.app.passbook.layout import load_layout
from yichao.app.passbook.lifecycle import (
    MAX_TAKEOVER_MINUTES,
    MAX_TAKEOVER_POINTS,
    check_takeover_position,
    take_over_in_session,
)
from yichao.app.passbook.takeover_columns import (
    ALIASES,
    fixed_lists,
    offices,
    position_is_last_printed,
    split_position_columns,
)
from yichao.app.people import (
    GENDER_CODES,
    GENDER_LABELS,
    PersonInput,
    check_new_person,
    person_uid_by_id_number,
    register_in_session,
)
from yichao.models.identifiers import IdentifierError, validate_id_number, validate_phone
from yichao.models.journal import record_event
from yichao.models.passbook import Passbook
from yichao.models.person import Person

_POSITION = re.compile(r"第?\s*(\d+)\s*(?:页|[-/／、,，.pP\s])\s*第?\s*(\d+)\s*行?")
_NUMBER_NOISE = re.compile(r"[,，\s]|分$|积分$|小时$|h$|H$|时$")


@dataclass(frozen=True)
class _Book:
    """One checked row, ready to apply: the holder is either registered or to be registered."""

    row: int
    number: str
    holder_uid: str | None
    new_holder: PersonInput | None
    balance: int
    minutes: int
    page: int
    line: int
    opened_on: date | None
    site_code: str


def parse_amount(text: str, what: str, *, integral: bool) -> float:
    """A figure as a ledger keeps it: "1,200", "１２００", "1200分", "12.5小时", or empty for 0."""
    s = _NUMBER_NOISE.sub("", clean_text(text))
    if not s:
        return 0
    try:
        value = float(s)
    except ValueError:
        raise UserError(f"{what}“{text}”不是数字。") from None
    if not math.isfinite(value):
        raise UserError(f"{what}“{text}”不是数字。")
    if value < 0:
        raise UserError(f"{what}不能为负数（现为 {text}）。")
    if integral and not value.is_integer():
        raise UserError(f"{what}应为整数，现为“{text}”。")
    return value


def parse_position(text: str) -> tuple[int, int]:
    """(page, line) from "第3页第12行", "3-12", "3/12", "3页12行" or "P3 L12"."""
    s = clean_text(text).upper().replace("P", "").replace("L", " ")
    m = _POSITION.fullmatch(s.strip())
    if not m:
        raise UserError(f"打印位置“{text}”无法识别，请写成“第3页第12行”或“3-12”。")
    return int(m[1]), int(m[2])


def _next_free(page: int, line: int, per_page: int, last_printed: bool) -> tuple[int, int]:
    if last_printed:
        if page < 1 or line < 1:
            raise UserError("打印位置的页号和行号必须从 1 开始。")
        if line > per_page:
            raise UserError(f"打印位置第{page}页第{line}行超出了存折每页 {per_page} 行。")
        line += 1
    elif line > per_page:
        raise UserError(f"打印位置第{page}页第{line}行超出了存折每页 {per_page} 行。")
    return check_takeover_position(page, line, per_page)


class _Checker:
    """Checks rows one by one, remembering what earlier rows of the same file claimed."""

    def __init__(self, ws: Workspace, session: Any, table: Table, office_codes: dict[str, str]) -> None:
        self.ws, self.session = ws, session
        self.per_page = load_layout("standard").lines_per_page
        self.last_printed = position_is_last_printed(table)
        self.offices = office_codes
        self.numbers: dict[str, int] = {}
        self.holders: dict[str, int] = {}

    def check(self, row: int, record: dict[str, str]) -> _Book:
        number = normalize_number(record.get("number", ""))
        if not number:
            raise UserError("存折号码为空。")
        if number in self.numbers:
            raise UserError(f"存折号码 {number} 与第{self.numbers[number]}行重复。")
        if self.session.scalar(select(func.count()).select_from(Passbook).where(Passbook.number == number)):
            raise UserError(f"存折号码 {number} 已经登记过了。")
        balance = int(parse_amount(record.get("balance", ""), "积分余额", integral=True))
        if balance > MAX_TAKEOVER_POINTS:
            raise UserError(f"积分余额 {balance} 太大（最多 {MAX_TAKEOVER_POINTS} 分），请核对。")
        minutes = round(parse_amount(record.get("hours", ""), "服务时长", integral=False) * 60)
        if minutes > MAX_TAKEOVER_MINUTES:
            raise UserError("服务时长太长（最多 100000 小时），请核对。")
        page, line = self._position(record)
        opened_on = parse_date(record.get("opened_on", ""), "开户日期")
        if opened_on and opened_on > date.today():
            raise UserError(f"开户日期 {opened_on:%Y-%m-%d} 在今天之后。")
        site_code = self._office(record.get("office", ""))
        holder_uid, new_holder, key = self._holder(record)
        if key in self.holders:
            raise UserError(f"持折人与第{self.holders[key]}行是同一人，一人只能有一本在用的存折。")
        if holder_uid:
            self._refuse_active_book(holder_uid)
        self.numbers[number] = row
        self.holders[key] = row
        return _Book(row, number, holder_uid, new_holder, balance, minutes, page, line, opened_on, site_code)

    def _position(self, record: dict[str, str]) -> tuple[int, int]:
        text = record.get("position", "").strip()
        if text:
            page, line = parse_position(text)
        elif record.get("page", "").strip() or record.get("line", "").strip():
            page = int(parse_amount(record.get("page", "") or "1", "页号", integral=True))
            line = int(parse_amount(record.get("line", "") or "1", "行号", integral=True))
        else:
            raise UserError("没有填写打印位置（下一空行的页号和行号）。")
        return _next_free(page, line, self.per_page, self.last_printed)

    def _office(self, text: str) -> str:
        name = clean_text(text)
        if not name:
            return self.ws.site.code
        code = self.offices.get(name)
        if code is None:
            raise UserError(f"发折网点“{name}”不是本街道或它的社区。")
        return issuing_code(self.session, self.ws.site, code)

    def _holder(self, record: dict[str, str]) -> tuple[str | None, PersonInput | None, str]:
        name = clean_text(record.get("name", ""))
        id_text = clean_text(record.get("id_number", ""))
        stated = clean_text(record.get("gender", ""))
        if stated not in GENDER_CODES:
            raise UserError(f"性别应填 男 或 女，现为“{stated}”。")
        if id_text:
            number = validate_id_number(id_text)
            uid = person_uid_by_id_number(self.session, number)
            if uid is not None:
                return uid, None, uid
            if not name:
                raise UserError("持折人尚未登记，登记需要姓名。")
            holder = PersonInput(name=name, id_number=number, gender=GENDER_CODES[stated],
                                 phone=record.get("phone", ""))
            values = check_new_person(self.session, holder)  # checked now, not when the rows are applied
            if stated and GENDER_LABELS[values["gender"]] != stated:
                raise UserError(f"性别“{stated}”与身份证号码不符。")
            return None, holder, number
        phone = clean_text(record.get("phone", ""))
        if not name:
            raise UserError("没有填写持折人的身份证号码或姓名。")
        stmt = select(Person.uid).where(Person.name == name, Person.deleted.is_(False))
        if phone:
            stmt = stmt.where(Person.phone == validate_phone(phone))
        found = list(self.session.scalars(stmt.limit(2)))
        if len(found) == 1:
            return found[0], None, found[0]
        if len(found) > 1:
            raise UserError(f"有不止一位名叫“{name}”的居民，请填写身份证号码或电话区分。")
        raise UserError(f"居民“{name}”尚未登记；填写身份证号码即可在导入时一并登记。")

    def _refuse_active_book(self, holder_uid: str) -> None:
        active = self.session.scalars(select(Passbook).where(
            Passbook.holder_uid == holder_uid, Passbook.status.in_(("active", "lost")),
            Passbook.deleted.is_(False))).first()
        if active is not None:
            raise UserError(f"这位居民已有存折 {active.number}（{STATUS_LABELS[active.status]}），不能再接管一本。")


def _ledger(ws: Workspace, path: Path) -> tuple[Table, dict[str, str], tuple[FixedList, ...]]:
    """The ledger's table with its columns read, the offices by name and code, its fixed lists."""
    office_codes = offices(ws)
    return split_position_columns(read_table(path, ALIASES)), office_codes, fixed_lists(office_codes)


def takeover_questions(ws: Workspace, path: Path) -> list[ValueQuestion]:
    """The values of this ledger's fixed-list columns (gender, office) the clerk must still map."""
    table, _offices, lists = _ledger(ws, Path(path))
    return questions_for(ws, "passbooks", table, lists)


def import_passbooks(ws: Workspace, path: Path, *, dry_run: bool = False, skip_invalid: bool = False,
                     value_map: ValueMap | None = None) -> ImportReport:
    """Take over the passbooks of a street's ledger workbook; all rows or none unless ``skip_invalid``."""
    ws.require("staff", "接管已有爱心存折")
    path = Path(path)
    table, office_codes, lists = _ledger(ws, path)
    table, used_map = mapped_table(ws, "passbooks", table, lists, value_map)
    found = set(table.mapping.values())
    if "number" not in found:
        raise UserError(f"文件 {path.name} 中找不到“存折号码”一栏，无法接管存折。")
    if not found & {"id_number", "name"}:
        raise UserError(f"文件 {path.name} 中找不到持折人的“身份证号码”或“姓名”一栏。")
    books: list[_Book] = []
    rejected: list[tuple[int, str]] = []
    with ws.read() as session:
        checker = _Checker(ws, session, table, office_codes)
        for row, record in table.records():
            try:
                books.append(checker.check(row, record))
            except (UserError, IdentifierError) as exc:
                rejected.append((row, message_of(exc)))
    rejected = annotate_rejections(rejected, table, lists)
    total = len(books) + len(rejected)
    if dry_run or (rejected and not skip_invalid) or not books:
        return ImportReport(total, len(books), 0, tuple(rejected), table.skipped, dry_run)
    operator = operator_name(ws)
    registered = 0
    with ws.unit() as session:
        for book in books:
            holder_uid = book.holder_uid
            if holder_uid is None:
                assert book.new_holder is not None
                holder_uid = register_in_session(session, book.new_holder).uid
                registered += 1
            take_over_in_session(session, number=book.number, holder_uid=holder_uid, balance=book.balance,
                                 minutes=book.minutes, page=book.page, line=book.line, opened_on=book.opened_on,
                                 site_code=book.site_code, operator=operator)
        record_event(session, "import", "passbook", "", {"file": path.name, "rows": len(books),
                                                         "registered": registered, "rejected": len(rejected)})
    remember(ws, "passbooks", table.headers, table.mapping, used_map)
    return ImportReport(total, len(books), len(books), tuple(rejected), table.skipped, False)
