"""The Chinese words for passbook codes: an account's status, a ledger entry's kind, a rule's kind.
The counter, the statement PDF, the spreadsheet and the printed lines read them from here."""

STATUS_LABELS = {"active": "正常", "lost": "已挂失", "replaced": "已换折", "closed": "已销户"}
ENTRY_KIND_LABELS = {"deposit": "存入", "redeem": "支取", "reversal": "冲正", "carried_forward": "承前",
                     "expiry": "过期"}
RULE_KIND_LABELS = {"hourly": "按服务时长", "need": "需求固定积分", "expiry": "积分有效期"}
# where a ledger entry came from
SOURCE_KIND_LABELS = {"activity": "服务活动记入", "need": "需求奖励", "catalog": "积分兑换", "passbook": "换折结转"}
# why a page is printed again (重打): asked every time, kept in the journal with the page
REPRINT_REASON_LABELS = {"damaged": "损坏", "lost": "遗失", "corrected": "更正"}
# an overdraw that appeared when two counters' ledgers merged (overdraw.py)
OVERDRAW_STATUS_LABELS = {"open": "待冲正", "settled": "已冲正结清"}
