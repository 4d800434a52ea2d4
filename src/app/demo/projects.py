"""Demo step: proposals in several steps, two funding rounds with fund sources, projects in every
status, a roadshow with five judges, a recusal and double-entry confirmed scores, and tranches.

Everything goes through the same services as the GUI, so the demo also exercises every rule.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from yichao.app.core import CurrentUser
from yichao.app.demo import DemoContext
from yichao.app.projects import (
    FundSourceInput,
    ProgramInput,
    ProjectInput,
    add_milestone,
    advance,
    apply_project,
    complete_milestone,
    create_program,
    create_proposal,
    disburse,
    get_project,
    list_tranches,
    record_activity,
    record_evaluation,
    record_outcome,
    record_step,
    to_project,
)
from yichao.app.roadshow import (
    DEFAULT_CRITERIA,
    CriterionSpec,
    add_entries,
    confirm_sheet,
    create_roadshow,
    declare_recusal,
    enter_sheet,
    load_grid,
    roadshow_result,
    save_template,
)
from yichao.models.journal import bulk_insert
from yichao.models.organization import Organization
from yichao.models.project import Program

if TYPE_CHECKING:
    from yichao.app.core import Workspace

VENTURE = "公益创投大赛"
PROJECTS = (  # title, domain, requested yuan, planned beneficiaries
    ("邻里互助食堂", "为老服务", 60_000, 300), ("四点半课堂", "青少年", 45_000, 120),
    ("楼道微更新", "社区治理", 50_000, 800), ("银龄智能手机课堂", "为老服务", 30_000, 200),
    ("残障朋友就业帮扶", "助残", 55_000, 40), ("社区花园共建", "环境", 35_000, 500),
    ("新市民融入计划", "社区融入", 40_000, 150), ("家庭教育沙龙", "家庭", 25_000, 160),
    ("独居老人关爱热线", "为老服务", 38_000, 90), ("旧物改造集市", "环境", 20_000, 400),
    ("社区心理驿站", "心理健康", 48_000, 220),
)
JUDGES = ("刘建国", "陈静", "赵明", "孙丽华", "周强")


def _orgs(ws: Workspace, ctx: DemoContext, need: int) -> list[str]:
    """The organizations step's organizations (or a few teams of our own when it did not run)."""
    def live() -> list[str]:
        with ws.read() as session:
            return sorted(session.scalars(select(Organization.uid).where(
                Organization.deleted.is_(False), Organization.stage.in_(("nursery", "accelerating", "scaling")))))

    found = live()
    made = [u for u in ctx.made.get("org_uids") or [] if u in set(found)]
    uids = made + [u for u in found if u not in set(made)]
    if len(uids) < need:
        with ws.unit() as session:
            bulk_insert(session, Organization, [{"name": f"社区公益服务队{i + 1}", "stage": "nursery"}
                                                for i in range(need - len(uids))])
        uids += [u for u in live() if u not in set(uids)]
    return uids


def _proposals(ws: Workspace, ctx: DemoContext, year: int, org_uid: str, program_uid: str) -> int:
    community = (ctx.made.get("community_uids") or [None])[0]
    steps = ("deliberate", "adopt", "execute", "evaluate", "publicize")
    plans = (("加装老旧楼道扶手", "3号楼居民王秀英", 5), ("小区停车难问题", "居民李国庆", 1),
             ("建设社区共享书屋", "社区妈妈团", 2), ("拆除违建围墙改绿地", "居民代表张伟", 0))
    for i, (title, proposer, done) in enumerate(plans):
        p = create_proposal(ws, title, proposer, date(year, 2, 3 + i), community, f"{title}，居民联名提出。",
                            f"{proposer}等 {ctx.rng.randint(8, 30)} 位居民")
        for n, step in enumerate(steps[:done]):
            record_step(ws, p.uid, step, date(year, 2 + n, 10 + i), "社区居民议事会成员 11 人、居民代表 6 人",
                        {"deliberate": "议事会表决通过", "adopt": "形成实施方案", "execute": "按方案实施",
                         "evaluate": "居民满意度 92%", "publicize": "结果在公示栏公示 7 天"}[step])
        if title.startswith("拆除"):
            record_step(ws, p.uid, "deliberate", date(year, 2, 20), "社区居民议事会成员 11 人",
                        "产权不清，暂不采纳", adopted=False)
        if title.startswith("建设"):
            to_project(ws, p.uid, ProjectInput(org_uid, "社区共享书屋", 8_000_00, program_uid, "文化",
                                               "楼栋共享书屋，由居民志愿者值守。", 260, date(year, 3, 20)))
    return len(plans)


def _score_roadshow(ws: Workspace, rid: str, ctx: DemoContext) -> None:
    grid = load_grid(ws, rid)
    declare_recusal(ws, rid, grid.judges[2].uid, grid.entries[1].project_uid, "该评委担任申报组织的理事")
    grid = load_grid(ws, rid)
    typist, checker, me = CurrentUser("demo_wang", "staff", "王晓燕"), CurrentUser("demo_li", "staff", "李娜"), ws.user
    for k, entry in enumerate(grid.entries):
        base = 0.9 - k * 0.035
        for judge in grid.judges:
            if (judge.uid, entry.project_uid) in grid.recusals:
                continue
            scores = [round(min(c.max, max(0, c.max * (base + ctx.rng.uniform(-0.08, 0.08)))) * 2) / 2
                      for c in grid.criteria]
            ws.user = typist
            enter_sheet(ws, rid, judge.uid, entry.project_uid, scores)
            ws.user = checker
            confirm_sheet(ws, rid, judge.uid, entry.project_uid, scores)
    ws.user = me


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("staff", "生成演示数据")
    year = date.today().year
    name = f"{year}年{ws.site.name}{VENTURE}"
    with ws.read() as session:
        if session.scalars(select(Program.uid).where(Program.name == name, Program.deleted.is_(False))).first():
            return "项目与路演：演示数据已存在"
    orgs = _orgs(ws, ctx, len(PROJECTS) + 1)
    venture = create_program(ws, ProgramInput(
        name, "venture", year, 300_000_00,
        (FundSourceInput("fiscal", 200_000_00, "街道财政专项资金"), FundSourceInput("community_fund", 80_000_00, ""),
         FundSourceInput("crowdfunding", 20_000_00, "99公益日众筹")),
        date(year, 2, 1), date(year, 3, 31), date(year, 4, 18), date(year, 4, 20), date(year, 4, 27), "50,30,20",
        "面向辖区社会组织征集为老、助残、青少年和社区治理类项目。"))
    micro = create_program(ws, ProgramInput(
        f"{year}年社区微创投", "micro_venture", year, 50_000_00, (FundSourceInput("fiscal", 50_000_00),),
        date(year, 3, 1), date(year, 5, 31), None, None, None, "60,40"))
    uids = [apply_project(ws, ProjectInput(orgs[i % len(orgs)], title, yuan * 100, venture.uid, domain,
                                           f"{title}：由组织骨干和志愿者实施，覆盖辖区居民。", people,
                                           date(year, 2, 10 + i))).uid
            for i, (title, domain, yuan, people) in enumerate(PROJECTS)]
    proposals = _proposals(ws, ctx, year, orgs[-1], micro.uid)
    # screening: one stays applied, one screened for a later roadshow, one rejected, eight pitch
    advance(ws, uids[8], "rejected", date(year, 4, 2), "服务对象与申报指南不符")
    advance(ws, uids[9], "screened", date(year, 4, 3), "补齐材料后通过初审，参加下一场路演")
    for uid in uids[:8]:
        advance(ws, uid, "screened", date(year, 4, 3), "资料齐全，通过初审")
    template = save_template(ws, "公益创投路演评分标准", [CriterionSpec(*c) for c in DEFAULT_CRITERIA])
    show = create_roadshow(ws, f"{year}年公益创投项目路演", date(year, 4, 18), "街道党群服务中心多功能厅",
                           list(template.criteria), list(JUDGES), venture.uid)
    add_entries(ws, show.uid, uids[:8])
    _score_roadshow(ws, show.uid, ctx)
    ranked = [line.project_uid for line in roadshow_result(ws, show.uid).lines]
    for uid in ranked:
        advance(ws, uid, "pitched", date(year, 4, 18))
    approved = ranked[:5]
    for uid in ranked[6:]:  # ranked[5] waits for the funding decision (pitched)
        advance(ws, uid, "rejected", date(year, 4, 28), "路演得分未进入资助名单")
    for k, uid in enumerate(approved):
        row = advance(ws, uid, "approved", date(year, 4, 28), "公示期满无异议", approved_fen=_grant(ws, uid))
        if k == 0:
            continue  # approved, not yet started
        advance(ws, uid, "running", date(year, 5, 6))
        tranches = list_tranches(ws, uid)
        disburse(ws, tranches[0].uid, date(year, 5, 8), "首笔拨付")
        m = add_milestone(ws, uid, "完成需求调研和志愿者招募", date(year, 6, 15))
        complete_milestone(ws, m.uid, date(year, 6, 12))
        for n in range(3):
            record_activity(ws, uid, date(year, 5 + n, 20), f"第{n + 1}期服务活动", ctx.rng.randint(15, 60))
        if k == 1:
            continue  # running
        if k == 4:
            advance(ws, uid, "terminated", date(year, 7, 10), "核心成员离开，组织无法继续实施")
            continue
        record_evaluation(
            ws, uid, "midterm", date(year, 7, 15), 80 + k * 2, "第三方评估机构", "进度符合计划，台账完整。"
        )
        advance(ws, uid, "midterm", date(year, 7, 16))
        disburse(ws, tranches[1].uid, date(year, 7, 20), "中期评估合格后拨付")
        if k == 2:
            continue  # midterm
        record_evaluation(ws, uid, "final", date(year, 11, 5), 90, "第三方评估机构", "目标达成，居民满意度高。")
        disburse(ws, tranches[2].uid, date(year, 11, 8), "结项评估合格后拨付")
        record_outcome(ws, uid, row.approved_fen - 1_250_00, 330)
        advance(ws, uid, "closed", date(year, 11, 10), "结项")
    return (f"项目与路演：资助批次 2 个，项目 {len(uids) + 1} 个，社区提案 {proposals} 条，"
            f"路演 1 场（评委 {len(JUDGES)} 人，评分单已全部确认）")


def _grant(ws: Workspace, uid: str) -> int:
    """Approve 90 % of the request, rounded down to hundreds of yuan."""
    return get_project(ws, uid).requested_fen * 9 // 10 // 10000 * 10000
