"""One Chinese name per synced kind, and a short description of one record, for every report.

A clerk never reads a table name: previews, import reports, the log, the history and the
district's per-street figures all name kinds through :func:`kind_label`, and records through
:func:`describe` (an organization's name, a resident's name with the masked identity number).
A test checks that every synced table has its label here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# the names of record kinds (nouns such as 社区, 项目), not words for codes: so not *_LABELS
KIND_NAMES: dict[str, str] = {
    "site": "站点", "community": "社区", "attachment": "附件",
    "person": "居民", "organization": "社会组织", "org_lookup": "组织分类与领域",
    "org_stage_change": "组织阶段变更", "org_rating": "组织评估等级", "org_activity": "组织活动",
    "org_mentoring": "督导咨询培训", "org_subsidy": "组织补贴",
    "need": "居民需求", "need_step": "需求进展",
    "certificate": "证书", "certificate_print": "证书打印记录",
    "passbook": "爱心存折", "passbook_entry": "存折流水", "passbook_printed_line": "存折已打印行",
    "passbook_rule": "积分规则", "passbook_item": "兑换物品", "passbook_stock": "兑换物品库存",
    "passbook_activity": "志愿活动", "passbook_office_limit": "储蓄所支取限额",
    "program": "创投批次", "fund_source": "资金来源", "project": "项目",
    "project_transition": "项目状态变更", "project_milestone": "项目里程碑", "project_tranche": "项目拨款",
    "project_evaluation": "项目评估", "project_activity": "项目活动",
    "proposal": "社区提案", "proposal_step": "提案进展",
    "rubric_template": "评分表模板", "roadshow": "路演", "roadshow_judge": "路演评委",
    "roadshow_criterion": "路演评分项", "roadshow_entry": "路演项目", "roadshow_recusal": "评委回避",
    "score_sheet": "评分表",
}

# columns that name a record, in order of preference
_NAME_COLUMNS = ("name", "title", "number", "serial", "code")


def kind_label(table: str) -> str:
    """The Chinese name of a synced kind (an unknown one is called 其他记录, never by its table)."""
    return KIND_NAMES.get(table, "其他记录")


def describe(table: str, row: Mapping[str, Any]) -> str:
    """A few words a clerk recognises a record by; a person only with the masked number."""
    if table == "person":
        masked = row.get("id_masked") or ""
        return f"{row.get('name') or '（无姓名）'}" + (f"（{masked}）" if masked else "")
    if table == "organization" and row.get("credit_code"):
        return f"{row.get('name')}（{row['credit_code']}）"
    for col in _NAME_COLUMNS:
        value = row.get(col)
        if value:
            return str(value)[:60]
    return f"记录 {str(row.get('uid', ''))[:8]}"
