"""The Chinese words for project codes: a project's status, a round's kind and funds, a proposal's
steps and outcome, a tranche's condition, an evaluation's kind. Read by pages, PDFs and spreadsheets."""

STATUS_LABELS = {
    "applied": "已申报", "screened": "已初审", "pitched": "已路演", "approved": "已立项", "running": "执行中",
    "midterm": "中期评估", "closed": "已结项", "rejected": "未通过", "terminated": "已终止",
}
PROGRAM_KIND_LABELS = {"venture": "公益创投", "micro_venture": "微创投", "seed_grant": "小额资助"}
FUND_LABELS = {"fiscal": "财政资金", "community_fund": "社区基金", "crowdfunding": "众筹"}
STEP_LABELS = {"collect": "收集", "deliberate": "审议", "adopt": "形成", "execute": "执行",
               "evaluate": "评估", "publicize": "公示"}
OUTCOME_LABELS = {"open": "进行中", "done": "已公示", "dropped": "未采纳"}
CONDITION_LABELS = {"approval": "立项后", "milestone": "完成节点", "midterm": "中期评估后", "final": "结项评估后"}
# the midterm evaluation and the status it leads to carry the same word
EVALUATION_KIND_LABELS = {"midterm": STATUS_LABELS["midterm"], "final": "结项评估"}
