"""The words of the change logs: what each kind of record and each of its fields is called in Chinese.

Every column of every journaled table is either named here or listed as bookkeeping in
:data:`HIDDEN`; a test walks the schema so a new column cannot reach a clerk's screen as
``category_uid``.
"""

from __future__ import annotations

ENTITY_LABELS: dict[str, str] = {
    "organization": "社会组织", "org_lookup": "组织类别/服务领域", "org_stage_change": "阶段变更",
    "org_rating": "评估等级", "org_activity": "组织活动", "org_mentoring": "督导咨询", "org_subsidy": "组织补贴",
    "attachment": "附件", "person": "居民", "need": "居民需求", "need_step": "需求办理",
    "passbook": "爱心存折", "passbook_entry": "存折账目", "passbook_printed_line": "存折补登",
    "passbook_rule": "积分规则", "passbook_item": "兑换物品", "passbook_stock": "物品库存",
    "passbook_activity": "志愿服务活动", "program": "资助批次", "fund_source": "资金来源", "project": "项目",
    "project_transition": "项目状态变更", "project_milestone": "项目节点", "project_tranche": "资助分期",
    "project_evaluation": "项目评估", "project_activity": "项目活动", "proposal": "社区提案",
    "proposal_step": "提案步骤", "rubric_template": "评分标准模板", "roadshow": "路演", "roadshow_judge": "路演评委",
    "roadshow_criterion": "评分项", "roadshow_entry": "路演项目", "roadshow_recusal": "评委回避",
    "score_sheet": "评分单", "certificate": "证书", "certificate_print": "证书打印", "community": "社区",
    "site": "站点", "user_account": "用户账号", "sync_peer": "数据交换站点", "report": "统计报表",
    "journal": "操作日志",
}

# bookkeeping every synced record carries, and search helpers derived from other fields
HIDDEN: frozenset[str] = frozenset({
    "uid", "origin", "rev", "updated_at", "deleted", "name_initials", "title_initials", "search_text",
    "dedupe_key", "content", "sha256", "password_hash", "name_sort",
})

_COMMON = {"name": "名称", "title": "标题", "notes": "备注", "note": "备注", "on": "日期", "seq": "序号"}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "organization": {
        "name": "组织名称", "short_name": "简称", "kind": "组织类型", "stage": "培育阶段",
        "stage_since": "进入阶段日期",
        "credit_code": "统一社会信用代码", "credit_code_waiver": "校验位例外说明", "filing_number": "备案编号",
        "founded_on": "成立日期", "registered_on": "登记日期", "filed_on": "备案日期", "todo": "待补", "category_uid": "类别", "domain_uids": "服务领域",
        "community_uid": "所属社区", "address": "地址", "leader": "负责人", "phone": "联系电话", "members": "成员人数",
        "volunteers": "志愿者人数", "party_members": "党员人数", "party_form": "党建形式", "resident": "入驻",
        "workstation": "工位", "resident_since": "入驻日期", "resident_until": "迁出日期", "notes": "备注",
    },
    "org_lookup": {"list_kind": "列表", "name": "名称", "position": "排序"},
    "org_stage_change": {"org_uid": "所属组织", "from_stage": "原阶段", "to_stage": "新阶段", "on": "日期",
                         "reason": "原因", "by_user": "经办人"},
    "org_rating": {"org_uid": "所属组织", "rating_kind": "评估类型", "level": "等级", "awarded_on": "评定日期",
                   "valid_until": "有效期至", "certificate_no": "证书编号", "notes": "备注"},
    "org_activity": {"org_uid": "所属组织", "on": "活动日期", "title": "活动名称", "place": "地点",
                     "domain_uid": "服务领域",
                     "participants": "参与人次", "beneficiaries": "受益人数", "volunteer_hours": "志愿服务时长（小时）",
                     "notes": "备注"},
    "org_mentoring": {"org_uid": "所属组织", "on": "日期", "visit_kind": "方式", "mentor": "督导人",
                      "findings": "发现与建议",
                      "follow_up_on": "跟进日期", "follow_up_done": "已跟进"},
    "org_subsidy": {"org_uid": "所属组织", "subsidy_kind": "补贴类型", "year": "年度", "amount_fen": "金额",
                    "status": "状态", "on": "日期", "notes": "备注"},
    "attachment": {"owner_entity": "所属记录类型", "owner_uid": "所属记录", "filename": "文件名", "size": "大小",
                   "caption": "说明"},
    "person": {
        "name": "姓名", "gender": "性别", "id_masked": "身份证号码（隐去部分）", "phone": "联系电话",
        "community_uid": "所属社区", "building": "楼号", "unit": "单元", "room": "房号", "household_head": "户主",
        "is_volunteer": "注册志愿者", "volunteer_number": "志愿者编号", "skills": "技能特长", "offers": "服务承诺",
        "notes": "备注",
    },
    "need": {
        "title": "需求", "description": "说明", "category": "类别", "community_uid": "所属社区",
            "requester_uid": "提出人",
        "urgency": "紧急程度", "due_date": "期限", "reward_points": "奖励积分", "status": "状态",
            "status_at": "状态时间",
        "claimant_kind": "揭榜方类型", "claimant_uid": "揭榜方", "claimant_name": "揭榜方名称",
        "satisfaction": "满意度", "review_comment": "评价意见",
    },
    "need_step": {"need_uid": "需求", "from_status": "原状态", "to_status": "新状态", "at": "时间", "by_user": "经办人",
                  "note": "说明"},
    "passbook": {
        "number": "存折号", "site_code": "发折网点代码", "seq": "序号", "holder_uid": "持折人", "status": "状态",
        "status_at": "状态时间", "status_note": "状态说明", "opened_on": "开户日期", "replaces_uid": "换发自",
        "replaced_by_uid": "已换发为", "layout": "存折版式", "balance": "积分余额", "minutes": "服务时长",
        "entry_count": "账目笔数", "printed_seq": "已补登至第几笔", "next_page": "下次打印页",
            "next_line": "下次打印行",
    },
    "passbook_entry": {
        "passbook_uid": "存折", "seq": "笔次", "kind": "摘要类型", "on": "日期", "memo": "摘要", "points": "积分",
        "balance_after": "余额", "minutes": "服务时长", "source_kind": "来源类型", "source_uid": "来源",
        "quantity": "数量", "reverses_uid": "冲正的账目", "operator": "经办人",
    },
    "passbook_printed_line": {"passbook_uid": "存折", "page": "页", "line": "行", "entry_uid": "账目",
                              "carried_balance": "承前余额", "printed_on": "打印日期"},
    "passbook_rule": {"name": "规则名称", "kind": "规则类型", "activity_type": "活动类型", "points": "积分",
                      "years": "有效年数", "active": "启用", "note": "备注"},
    "passbook_item": {"name": "物品名称", "category": "类别", "points": "所需积分", "unit": "单位", "active": "启用"},
    "passbook_stock": {"item_uid": "物品", "site_code": "网点代码", "quantity": "库存数量"},
    "passbook_activity": {"title": "活动名称", "activity_type": "活动类型", "held_on": "活动日期",
                          "minutes": "服务时长",
                          "points": "积分", "posted_count": "已记入存折人数", "posted_at": "记入时间"},
    "program": {"name": "批次名称", "kind": "资助类型", "year": "年度", "budget_fen": "预算", "call_opens": "征集开始",
                "call_closes": "征集截止", "roadshow_on": "路演日期", "publicity_from": "公示开始",
                "publicity_until": "公示截止", "tranche_plan": "分期拨付比例（%）", "note": "备注"},
    "fund_source": {"program_uid": "资助批次", "kind": "资金类型", "name": "资金名称", "amount_fen": "金额"},
    "project": {
        "program_uid": "资助批次", "org_uid": "申报组织", "proposal_uid": "来源提案", "title": "项目名称",
        "domain": "服务领域", "summary": "项目概要", "status": "状态", "status_on": "状态日期",
            "applied_on": "申报日期",
        "requested_fen": "申请金额", "approved_fen": "立项金额", "spent_fen": "已支出",
            "tranche_plan": "分期拨付比例（%）",
        "planned_beneficiaries": "计划受益人数", "actual_beneficiaries": "实际受益人数",
    },
    "project_transition": {"project_uid": "项目", "from_status": "原状态", "to_status": "新状态", "on": "日期",
                           "note": "说明"},
    "project_milestone": {"project_uid": "项目", "seq": "序号", "title": "节点", "due_on": "计划完成",
                          "done_on": "完成日期"},
    "project_tranche": {"project_uid": "项目", "seq": "期次", "percent": "比例（%）", "amount_fen": "金额",
                        "condition": "拨付条件", "milestone_uid": "对应节点", "disbursed_on": "拨付日期",
                            "note": "备注"},
    "project_evaluation": {"project_uid": "项目", "kind": "评估类型", "on": "评估日期", "score": "得分",
                           "evaluator": "评估人", "comment": "评估意见"},
    "project_activity": {"project_uid": "项目", "held_on": "活动日期", "title": "活动名称", "participants": "参与人次",
                         "note": "备注"},
    "proposal": {"title": "提案标题", "community_uid": "所属社区", "proposer": "提案人", "summary": "内容摘要",
                 "step": "当前步骤", "outcome": "结果", "project_uid": "转化项目"},
    "proposal_step": {"proposal_uid": "提案", "step": "步骤", "held_on": "日期", "participants": "参与人数",
                      "decision": "决定"},
    "rubric_template": {"name": "模板名称", "criteria": "评分项"},
    "roadshow": {"program_uid": "资助批次", "name": "路演名称", "held_on": "路演日期", "venue": "地点"},
    "roadshow_judge": {"roadshow_uid": "路演", "seq": "序号", "name": "评委姓名", "affiliation": "单位"},
    "roadshow_criterion": {"roadshow_uid": "路演", "seq": "序号", "name": "评分项", "weight": "权重",
                           "max_score": "满分"},
    "roadshow_entry": {"roadshow_uid": "路演", "project_uid": "项目", "seq": "出场顺序"},
    "roadshow_recusal": {"roadshow_uid": "路演", "judge_uid": "评委", "project_uid": "项目", "reason": "回避原因"},
    "score_sheet": {"roadshow_uid": "路演", "judge_uid": "评委", "project_uid": "项目", "scores": "各项得分",
                    "entered_by": "录入人", "confirmed_by": "确认人", "confirmed_at": "确认时间"},
    "certificate": {
        "serial": "证书编号", "kind": "证书类型", "year": "年度", "seq": "序号", "subject_type": "对象类型",
        "subject_uid": "证书对象", "recipient": "获证方", "title": "证书名称", "issued_on": "发证日期",
        "issuer": "发证单位", "issued_by": "经办人", "code": "验证码", "status": "状态", "revoked_on": "作废日期",
        "revoked_reason": "作废原因", "revoked_by": "作废经办人", "print_count": "打印次数",
    },
    "certificate_print": {"certificate_uid": "证书", "printed_at": "打印时间", "printed_by": "打印人",
                          "reprint": "补打", "layout": "版式", "preprinted": "套打", "reason": "补打原因"},
    "community": {"code": "统计代码", "name": "社区名称", "site_code": "所属站点", "retired": "已撤销"},
    "site": {"code": "站点代码", "name": "站点名称", "role": "级别", "parent_code": "上级代码",
             "parent_name": "上级名称", "is_local": "本站点"},
    "user_account": {"username": "用户名", "display_name": "姓名", "role": "角色", "active": "启用",
                     "failed_logins": "连续输错密码次数", "locked_until": "锁定至", "last_login": "上次登录"},
}

# details of events that are not record changes (login, export, bundle exchange, settings)
EVENT_FIELD_LABELS: dict[str, str] = {
    "file": "文件", "rows": "行数", "rejected": "未通过行数", "username": "用户名", "reason": "原因",
    "action": "操作", "role": "角色", "period": "期间", "to": "收件站点", "from": "发件站点", "site": "站点",
    "seq": "数据包序号", "records": "记录数", "counts": "各类记录数", "name": "名称", "fingerprint": "密钥指纹",
    "replaced": "替换原密钥", "key": "设置项", "before": "原值", "after": "新值", "previous": "原数据库已备份到",
}

SETTING_LABELS: dict[str, str] = {
    "language": "界面语言", "site_label": "登录窗口显示的站点名称", "database_url": "数据库地址",
    "backup_keep": "保留的自动备份份数", "attachment_max_mb": "附件大小上限（MB）",
    "passbook_offset_x_mm": "存折打印向右偏移（毫米）", "passbook_offset_y_mm": "存折打印向下偏移（毫米）",
    "passbook_print_layout": "存折打印版式", "certificate_preprinted": "证书套打",
    "certificate_offset_x_mm": "证书打印向右偏移（毫米）", "certificate_offset_y_mm": "证书打印向下偏移（毫米）",
    "certificate_prefix": "证书编号前缀", "certificate_center": "证书上的中心名称",
        "certificate_issuer": "证书发证单位",
}


def entity_label(entity: str) -> str:
    """The kind of record in words; an unknown table is "其他记录", never its name."""
    return ENTITY_LABELS.get(entity, "其他记录" if entity else "")


def field_label(entity: str, field: str) -> str:
    """A field in words; a field no table here names (a newer site's) as "其他字段"."""
    return FIELD_LABELS.get(entity, {}).get(field) or _COMMON.get(field) or "其他字段"
