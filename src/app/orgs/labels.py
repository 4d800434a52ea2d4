"""The Chinese words for the organization codes (kinds, stages, party building, mentoring,
subsidies, editable lists). The models keep only the codes; everything shown or printed — pages,
PDFs, spreadsheets, statistics — reads the words from here, so a stage is named in one place."""

KIND_LABELS = {
    "association": "社会团体", "service_agency": "社会服务机构", "foundation": "基金会",
    "filed_community_org": "社区社会组织（备案）", "unregistered_team": "未登记团队",
}
STAGE_LABELS = {
    "nursery": "苗圃培育", "accelerating": "加速孵化", "scaling": "产业发展",
    "graduated": "出壳", "exited": "退出",
}
PARTY_FORM_LABELS = {
    "none": "无", "independent_branch": "独立党支部", "joint_branch": "联合党支部",
    "instructor": "党建指导员",
}
MENTORING_LABELS = {"supervision": "督导", "consulting": "咨询", "training": "培训"}
SUBSIDY_LABELS = {"activity": "活动补贴", "operating": "运营补贴", "grant_tranche": "资助分期款"}
SUBSIDY_STATUS_LABELS = {"applied": "已申请", "approved": "已批准", "paid": "已拨付", "cancelled": "已取消"}
LOOKUP_KIND_LABELS = {"category": "类别", "domain": "服务领域"}
