"""The human form of `yichao list`: Chinese column headings and Chinese values.

`--json` keeps the codes (male, nursery, ...) for scripts; a clerk reading the table wants 男 and
苗圃培育, a heading over each column, and the record's number (uid) first, since commands such as
`yichao passbook open --holder` take it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

HEADINGS: dict[str, str] = {
    "uid": "编号", "name": "名称", "title": "标题", "short_name": "简称", "gender": "性别",
    "id_number": "身份证号码", "phone": "电话", "community": "社区", "volunteer": "志愿者",
    "stage": "阶段", "kind": "类别", "credit_code": "统一社会信用代码", "filing_number": "备案号",
    "leader": "负责人", "resident": "在孵", "grade": "等级", "todo": "待办", "category": "需求类别",
    "status": "状态", "requester": "求助居民", "urgency": "紧急程度", "due_date": "截止日期",
    "reward_points": "奖励积分", "claimant_kind": "揭榜方", "claimant": "揭榜者",
    "satisfaction": "满意度", "overdue": "已超期", "serial": "证书编号", "recipient": "获证者",
    "issued_on": "颁发日期", "code": "验证码", "prints": "打印次数", "subject_uid": "对象编号",
    "revoked_reason": "作废原因", "number": "存折号", "holder": "持折人", "balance": "积分余额",
    "hours": "服务时长（小时）", "pending_lines": "待打印行数", "org": "申报组织", "org_uid": "组织编号",
    "program": "项目类别", "status_label": "状态说明", "requested": "申请金额（元）",
    "approved": "核定金额（元）", "applied_on": "申报日期",
}
# Headings a kind words its own way.
KIND_HEADINGS: dict[str, dict[str, str]] = {"people": {"name": "姓名"}, "orgs": {"name": "组织名称"}}
# Columns a kind shows in place of another (projects already carry their status in Chinese).
HIDDEN: dict[str, frozenset[str]] = {"projects": frozenset({"status"})}


def cell(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """One value as a clerk reads it: 是/否, labels for codes, lists joined, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        return "、".join(cell(v, labels) for v in value)
    text = str(value)
    if labels is not None:
        return labels.get(text, text)
    return text.replace("\t", " ").replace("\n", " ")


def table_lines(kind: str, rows: Iterable[dict[str, Any]],
                labels: Mapping[str, Mapping[str, str]]) -> Iterable[str]:
    """Tab-separated lines: the headings once (before the first row), then one line a record."""
    headings = HEADINGS | KIND_HEADINGS.get(kind, {})
    hidden = HIDDEN.get(kind, frozenset())
    keys: list[str] | None = None
    for row in rows:
        if keys is None:
            keys = [k for k in row if k not in hidden]
            yield "\t".join(headings.get(k, k) for k in keys)
        yield "\t".join(cell(row.get(k), labels.get(k)) for k in keys)
