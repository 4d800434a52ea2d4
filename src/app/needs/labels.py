"""The Chinese words for the codes of residents' needs: status, urgency, who claimed it.
Pages, the spreadsheet, demo notes and statistics read them from here."""

STATUS_LABELS = {"draft": "草稿", "published": "已发布", "claimed": "已揭榜", "in_service": "服务中",
                 "done": "已完成", "reviewed": "已评价", "cancelled": "已取消"}
URGENCY_LABELS = {"normal": "一般", "urgent": "较急", "critical": "紧急"}
CLAIMANT_KIND_LABELS = {"organization": "组织", "household": "庭户", "volunteer": "志愿者"}

# words street lists use for a need's category and urgency -> the program's word (proposed, the clerk confirms)
CATEGORY_SYNONYMS = {
    "助老服务": "助老", "为老服务": "助老", "养老": "助老", "养老服务": "助老", "敬老": "助老", "老年人": "助老",
    "助残服务": "助残", "残疾人": "助残", "扶残": "助残", "儿童服务": "儿童", "青少年": "儿童", "未成年人": "儿童",
    "四点半课堂": "儿童", "环保": "环境", "环境保护": "环境", "环境卫生": "环境", "邻里": "邻里互助",
    "互助": "邻里互助", "家电维修": "维修", "维修服务": "维修", "便民维修": "维修", "文体活动": "文体",
    "文化": "文体", "体育": "文体", "生活服务": "其他", "其它": "其他",
}
URGENCY_SYNONYMS = {
    "普通": URGENCY_LABELS["normal"], "不急": URGENCY_LABELS["normal"], "急": URGENCY_LABELS["urgent"],
    "比较急": URGENCY_LABELS["urgent"], "加急": URGENCY_LABELS["urgent"], "很急": URGENCY_LABELS["critical"],
    "特急": URGENCY_LABELS["critical"], "非常紧急": URGENCY_LABELS["critical"],
}
