"""The Chinese words for the codes of residents' needs: status, urgency, who claimed it.
Pages, the spreadsheet, demo notes and statistics read them from here."""

STATUS_LABELS = {"draft": "草稿", "published": "已发布", "claimed": "已揭榜", "in_service": "服务中",
                 "done": "已完成", "reviewed": "已评价", "cancelled": "已取消"}
URGENCY_LABELS = {"normal": "一般", "urgent": "较急", "critical": "紧急"}
CLAIMANT_KIND_LABELS = {"organization": "组织", "household": "庭户", "volunteer": "志愿者"}
