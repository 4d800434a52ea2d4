"""Organization files (社会组织档案): create, edit, validate, read one.

Every rule lives in :func:`clean_org`, shared by the dialog, the Excel import and the CLI, so a
value refused in one place is refused everywhere with the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.pinyin import initials
from yichao.app.core.workspace import Workspace
from yichao.app.orgs.labels import KIND_LABELS
from yichao.app.orgs.lookups import seed_lookups
from yichao.models.identifiers import IdentifierError, validate_credit_code, validate_phone
from yichao.models.org_records import OrgLookup, OrgStageChange
from yichao.models.organization import (
    ORG_KINDS,
    PARTY_FORMS,
    REGISTERED_KINDS,
    Organization,
)
from yichao.models.site import Community

MAX_COUNT = 100_000


@dataclass
class OrgInput:
    """What a clerk types for an organization (the stage changes through orgs_stage)."""

    name: str
    kind: str = "unregistered_team"
    short_name: str = ""
    category_uid: str | None = None
    domain_uids: list[str] = field(default_factory=list)
    credit_code: str = ""
    filing_number: str = ""
    registered_on: date | None = None
    filed_on: date | None = None
    community_uid: str | None = None
    address: str = ""
    leader: str = ""
    phone: str = ""
    members: int = 0
    volunteers: int = 0
    party_members: int = 0
    party_form: str = "none"
    notes: str = ""
    founded_on: date | None = None  # 成立日期: when the group began, whatever its kind


@dataclass(frozen=True)
class OrgDetail:
    """One organization's profile as the detail view shows it."""

    uid: str
    origin: str
    rev: int
    name: str
    short_name: str
    kind: str
    stage: str
    stage_since: date | None
    category_uid: str | None
    domain_uids: tuple[str, ...]
    credit_code: str
    credit_code_waiver: str
    filing_number: str
    registered_on: date | None
    filed_on: date | None
    community_uid: str | None
    address: str
    leader: str
    phone: str
    members: int
    volunteers: int
    party_members: int
    party_form: str
    resident: bool
    workstation: str
    resident_since: date | None
    resident_until: date | None
    notes: str
    founded_on: date | None = None
    todo: tuple[str, ...] = ()  # 待补: field keys a roster lacked (TODO_LABELS)


# 待补: fields a real roster may lack (field names, like the import's headers); the record keeps
# a mark until the clerk fills them in
TODO_LABELS = {"filing_number": "备案编号"}


def split_todo(text: str) -> tuple[str, ...]:
    return tuple(k for k in (text or "").split("|") if k)


def todo_of(row: dict[str, Any]) -> str:
    """The 待补 marks of checked column values, as stored (``|filing_number|``)."""
    keys = [k for k in TODO_LABELS if k == "filing_number" and row["kind"] == "filed_community_org"
            and not row["filing_number"]]
    return f"|{'|'.join(keys)}|" if keys else ""


def todo_sentences(row: dict[str, Any]) -> list[str]:
    """What the import says about a row it keeps with 待补 marks."""
    return [f"{KIND_LABELS[row['kind']]}没有{TODO_LABELS[k]}，已导入并标为“待补：{TODO_LABELS[k]}”。"
            for k in split_todo(row["todo"])]


def split_domains(text: str) -> tuple[str, ...]:
    return tuple(u for u in (text or "").split("|") if u)


def join_domains(uids: list[str] | tuple[str, ...]) -> str:
    unique = list(dict.fromkeys(u for u in uids if u))
    return f"|{'|'.join(unique)}|" if unique else ""


def org_detail(o: Organization) -> OrgDetail:
    return OrgDetail(
        o.uid, o.origin, o.rev, o.name, o.short_name, o.kind, o.stage, o.stage_since, o.category_uid,
        split_domains(o.domain_uids), o.credit_code or "", o.credit_code_waiver, o.filing_number,
        o.registered_on, o.filed_on, o.community_uid, o.address, o.leader, o.phone, o.members,
        o.volunteers, o.party_members, o.party_form, o.resident, o.workstation, o.resident_since,
        o.resident_until, o.notes, o.founded_on, split_todo(o.todo),
    )


def org_input(d: OrgDetail) -> OrgInput:
    """The editable fields of a stored organization, to prefill a dialog."""
    return OrgInput(
        d.name, d.kind, d.short_name, d.category_uid, list(d.domain_uids), d.credit_code,
        d.filing_number, d.registered_on, d.filed_on, d.community_uid, d.address, d.leader, d.phone,
        d.members, d.volunteers, d.party_members, d.party_form, d.notes, d.founded_on,
    )


def _count(value: int, label: str) -> int:
    if not isinstance(value, int) or value < 0 or value > MAX_COUNT:
        raise UserError(f"{label}应为0到{MAX_COUNT}之间的整数。")
    return value


def _past(value: date | None, label: str, today: date) -> date | None:
    if value is not None and value > today:
        raise UserError(f"{label}不能晚于今天。")
    return value


def check_credit_code(raw: str, kind: str, waiver: str = "") -> str:
    """The normalised code, consistent with the kind; a failing check character passes only
    with a waiver reason (an admin's decision, stored and journaled)."""
    try:
        code = validate_credit_code(raw)
    except IdentifierError as exc:
        if not waiver.strip() or "校验码" not in exc.message:
            raise
        code = validate_credit_code(raw, allow_bad_check=True)
    if kind == "unregistered_team":
        raise UserError("未登记团队没有统一社会信用代码；已登记的请把类型改为相应的组织类型。")
    if kind in REGISTERED_KINDS:
        if code[0] != "5":
            raise UserError(f"统一社会信用代码 {code} 不是民政部门登记的代码（首位应为5）。")
        if code[1] != REGISTERED_KINDS[kind]:
            raise UserError(f"统一社会信用代码 {code} 的第2位表示的类型与“{KIND_LABELS[kind]}”不符。")
    return code


def search_text(row: dict[str, Any]) -> str:
    """The searchable fields of an organization in one string (see :mod:`.query`)."""
    parts = (
        row.get("name"),
        row.get("short_name"),
        row.get("leader"),
        row.get("credit_code"),
        row.get("filing_number"),
    )
    return "|".join(p for p in parts if p)[:600]


def _check_char_ok(code: str) -> bool:
    try:
        validate_credit_code(code)
    except IdentifierError:
        return False
    return True


def clean_org(session: Session, data: OrgInput, *, uid: str | None = None, waiver: str = "",
              today: date | None = None, check_unique: bool = True) -> dict[str, Any]:
    """Column values for ``data`` after every check, or UserError/IdentifierError with the first
    problem. ``uid`` is the record being edited (for the uniqueness checks, which a batch import
    does itself against sets it loaded once)."""
    today = today or date.today()
    name = " ".join((data.name or "").split())
    if not name:
        raise UserError("请填写组织名称。")
    if len(name) > 200:
        raise UserError("组织名称不能超过200个字。")
    if data.kind not in ORG_KINDS:
        raise UserError(f"未知的组织类型：{data.kind}。")
    kind = data.kind
    code = ""
    if data.credit_code.strip():
        code = check_credit_code(data.credit_code, kind, waiver)
        waiver = "" if _check_char_ok(code) else waiver.strip()
    elif kind in REGISTERED_KINDS:
        raise UserError(f"{KIND_LABELS[kind]}须填写统一社会信用代码。")
    filing = " ".join(data.filing_number.split())
    if kind == "unregistered_team" and (filing or data.registered_on or data.filed_on):
        raise UserError("未登记团队没有登记或备案信息；已备案的请把类型改为“社区社会组织（备案）”。")
    phone = validate_phone(data.phone) if data.phone.strip() else ""
    members = _count(data.members, "成员人数")
    volunteers = _count(data.volunteers, "志愿者人数")
    party = _count(data.party_members, "党员人数")
    if members and party > members:
        raise UserError("党员人数不能多于成员人数。")
    if data.party_form not in PARTY_FORMS:
        raise UserError(f"未知的党建形式：{data.party_form}。")
    if data.party_form == "independent_branch" and party < 3:
        raise UserError("成立独立党支部需要至少3名党员。")
    row = {
        "name": name, "short_name": " ".join(data.short_name.split())[:100],
        "name_initials": initials(name)[:100], "kind": kind, "credit_code": code or None,
        "credit_code_waiver": waiver[:200] if code else "", "filing_number": filing[:40],
        "founded_on": _past(data.founded_on, "成立日期", today),
        "registered_on": _past(data.registered_on, "登记日期", today),
        "filed_on": _past(data.filed_on, "备案日期", today),
        "category_uid": data.category_uid or None,
        "address": " ".join(data.address.split())[:200], "leader": " ".join(data.leader.split())[:64],
        "phone": phone, "members": members, "volunteers": volunteers, "party_members": party,
        "party_form": data.party_form, "notes": data.notes.strip(),
    }
    row["search_text"] = search_text(row)
    row["todo"] = todo_of(row)
    _check_references(session, row, data)
    if check_unique:
        _check_unique(session, row, uid)
    return row


def _check_references(session: Session, row: dict[str, Any], data: OrgInput) -> None:
    if row["category_uid"]:
        entry = session.get(OrgLookup, row["category_uid"])
        if entry is None or entry.deleted or entry.list_kind != "category":
            raise UserError("所选的组织类别不存在或已停用。")
    domains = list(dict.fromkeys(u for u in data.domain_uids if u))
    if domains:
        live = set(session.scalars(select(OrgLookup.uid).where(
            OrgLookup.uid.in_(domains), OrgLookup.list_kind == "domain", OrgLookup.deleted.is_(False))))
        if len(live) != len(domains):
            raise UserError("所选的服务领域中有不存在或已停用的项。")
    row["domain_uids"] = join_domains(domains)
    if data.community_uid:
        c = session.get(Community, data.community_uid)
        if c is None or c.deleted:
            raise UserError("所选的社区不存在。")
    row["community_uid"] = data.community_uid or None


def _check_unique(session: Session, row: dict[str, Any], uid: str | None) -> None:
    """Within this site: a district also holds every street's organizations, and two streets may
    both list one (the sync conflicts page links them)."""
    site = session.info.get("site", "")
    if row["credit_code"]:
        other = session.scalars(select(Organization).where(
            Organization.credit_code == row["credit_code"], Organization.origin == site,
            Organization.uid != (uid or ""))).first()
        if other is not None:
            raise UserError(f"统一社会信用代码 {row['credit_code']} 已被“{other.name}”使用。")
    same = session.scalars(select(Organization.uid).where(
        Organization.name == row["name"], Organization.deleted.is_(False), Organization.origin == site,
        Organization.uid != (uid or ""))).first()
    if same is not None:
        raise UserError(f"已有名为“{row['name']}”的组织。")


def _require_waiver_rights(ws: Workspace, waiver: str) -> None:
    if waiver.strip():
        ws.require("admin", "接受校验码不符的统一社会信用代码", work="orgs")


def create_org(ws: Workspace, data: OrgInput, *, waiver: str = "") -> OrgDetail:
    """A new organization in the nursery stage (苗圃培育)."""
    ws.require("staff", "新建组织档案", work="orgs")
    _require_waiver_rights(ws, waiver)
    with ws.unit() as session:
        seed_lookups(session)
        row = clean_org(session, data, waiver=waiver)
        today = date.today()
        org = Organization(**row, stage="nursery", stage_since=today)
        session.add(org)
        session.flush()
        session.add(OrgStageChange(org_uid=org.uid, from_stage="", to_stage="nursery", on=today,
                                   reason="建档", by_user=session.info.get("user", "")))
        session.flush()
        return org_detail(org)


def update_org(ws: Workspace, uid: str, data: OrgInput, *, waiver: str = "") -> OrgDetail:
    ws.require("staff", "修改组织档案", work="orgs")
    _require_waiver_rights(ws, waiver)
    with ws.unit() as session:
        org = _live(session, uid)
        kept_waiver = waiver or (org.credit_code_waiver
                                 if org.credit_code and data.credit_code.strip().upper() == org.credit_code else "")
        row = clean_org(session, data, uid=uid, waiver=kept_waiver)
        if org.stage == "graduated" and row["kind"] == "unregistered_team":
            raise UserError("已出壳的组织必须是已登记或备案的组织。")
        for key, value in row.items():
            if getattr(org, key) != value:
                setattr(org, key, value)
        session.flush()
        return org_detail(org)


def delete_org(ws: Workspace, uid: str) -> None:
    """Tombstone an organization file (nothing synced is hard-deleted)."""
    ws.require("admin", "删除组织档案", work="orgs")
    with ws.unit() as session:
        _live(session, uid).deleted = True


def get_org(ws: Workspace, uid: str) -> OrgDetail:
    with ws.read() as session:
        return org_detail(_live(session, uid))


def _live(session: Session, uid: str) -> Organization:
    org = session.get(Organization, uid)
    if org is None or org.deleted:
        raise NotFound("找不到这个组织。")
    return org

