"""A stored value as a clerk reads it: codes through the domains' labels, money in 元, yes/no,
local times, referenced records by name, staff by display name. Never ``None``/``False``/a UUID."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from yichao.app import certificates, needs, orgs, passbook, people, projects
from yichao.app.core.errors import UserError
from yichao.app.core.levels import SITE_ROLE_LABELS
from yichao.app.core.staff import staff_label
from yichao.app.history.fields import ENTITY_LABELS
from yichao.app.history.references import Names, referenced_table, uids_of

# codes no domain's labels name yet (the kernel's roles, the district's rating kinds; the levels in core.levels)
ROLE_LABELS = {"admin": "管理员", "staff": "工作人员", "viewer": "只读"}
RATING_KIND_LABELS = {"grade": "等级评估", "stars": "星级评估"}
LOGIN_REASON_LABELS = {"unknown": "用户名不存在", "disabled": "账号已停用", "locked": "账号已锁定",
                       "password": "密码错误"}

# (table, field) -> code labels; a field alone where it means the same in every table
_CODES: dict[tuple[str, str] | str, dict[str, str]] = {
    ("organization", "kind"): orgs.KIND_LABELS, "stage": orgs.STAGE_LABELS, "from_stage": orgs.STAGE_LABELS,
    "to_stage": orgs.STAGE_LABELS, "party_form": orgs.PARTY_FORM_LABELS, "visit_kind": orgs.MENTORING_LABELS,
    "subsidy_kind": orgs.SUBSIDY_LABELS, ("org_subsidy", "status"): orgs.SUBSIDY_STATUS_LABELS,
    "rating_kind": RATING_KIND_LABELS, "list_kind": orgs.LOOKUP_KIND_LABELS,
    ("need", "status"): needs.STATUS_LABELS, ("need_step", "from_status"): needs.STATUS_LABELS,
    ("need_step", "to_status"): needs.STATUS_LABELS, "urgency": needs.URGENCY_LABELS,
    "claimant_kind": needs.CLAIMANT_KIND_LABELS, "gender": people.GENDER_LABELS,
    ("passbook", "status"): passbook.STATUS_LABELS, ("passbook_entry", "kind"): passbook.ENTRY_KIND_LABELS,
    "source_kind": passbook.SOURCE_KIND_LABELS, ("passbook_rule", "kind"): passbook.RULE_KIND_LABELS,
    ("project", "status"): projects.STATUS_LABELS, ("project_transition", "from_status"): projects.STATUS_LABELS,
    ("project_transition", "to_status"): projects.STATUS_LABELS, ("program", "kind"): projects.PROGRAM_KIND_LABELS,
    ("fund_source", "kind"): projects.FUND_LABELS, "condition": projects.CONDITION_LABELS,
    ("project_evaluation", "kind"): projects.EVALUATION_KIND_LABELS, "step": projects.STEP_LABELS,
    "outcome": projects.OUTCOME_LABELS, ("certificate", "kind"): certificates.KIND_LABELS,
    ("certificate", "status"): certificates.STATUS_LABELS, "subject_type": ENTITY_LABELS,
    "owner_entity": ENTITY_LABELS, ("user_account", "role"): ROLE_LABELS, ("site", "role"): SITE_ROLE_LABELS,
}
# fields holding a login name
STAFF_FIELDS = frozenset({"by_user", "operator", "issued_by", "printed_by", "revoked_by", "entered_by",
                          "confirmed_by"})


def code_labels(table: str, field: str) -> dict[str, str] | None:
    return _CODES.get((table, field)) or _CODES.get(field)


def show_value(table: str, field: str, value: Any, record: dict[str, Any], names: Names,
               staff: dict[str, str]) -> str:
    """``record[field]`` in words; empty text for nothing."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    target = referenced_table(field, record)
    if target:
        return "、".join(names.name(target, uid) for uid in uids_of(value))
    if field in STAFF_FIELDS:
        return staff_label(staff, str(value))
    labels = code_labels(table, field)
    if labels is not None:
        return labels.get(str(value), "其他")
    if table == "organization" and field == "todo":  # 待补 marks: |filing_number|
        return "、".join(orgs.TODO_LABELS.get(k, "其他") for k in orgs.split_todo(str(value)))
    if field.endswith("_fen") and isinstance(value, int):
        return f"{value / 100:,.2f} 元"
    if field == "minutes" and isinstance(value, int):
        return f"{value / 60:g} 小时"
    if field == "size" and isinstance(value, int):
        return f"{value / 1024:,.0f} KB" if value < 1024 * 1024 else f"{value / 1024 / 1024:,.1f} MB"
    if field == "level" and table == "org_rating":
        return f"{value}A" if record.get("rating_kind") == "grade" else f"{value} 星"
    if field == "layout":
        return _layout_label(table, str(value))
    if field in ("criteria", "scores"):
        return _listed(value)
    if isinstance(value, str):
        return _local_time(value)
    return str(value)


def _layout_label(table: str, name: str) -> str:
    """A layout by the name its file gives it ("A4 横版", "标准存折"), never "landscape"."""
    try:
        if table == "passbook":
            return passbook.load_layout(name).label
        return certificates.load_layout(name).label
    except UserError:
        return "其他版式"


def _listed(value: Any) -> str:
    """A rubric ("需求与目标（权重 0.2，满分 20）") or a score list ("17、23.5")."""
    try:
        items = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return str(value)
    if not isinstance(items, list):
        return str(value)
    parts = []
    for item in items:
        if isinstance(item, dict):
            parts.append(f"{item.get('name', '')}（权重 {item.get('weight', '')}，满分 {item.get('max', '')}）")
        else:
            parts.append(f"{item:g}" if isinstance(item, float) else str(item))
    return "、".join(parts)


def _local_time(text: str) -> str:
    """An ISO time stored in UTC as the local wall clock; any other text unchanged."""
    if len(text) >= 19 and text[4] == "-" and text[10] == "T":
        try:
            return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    return text
