"""Demo step: residents' needs in every status, with claims, service, reviews and full histories.

Runs after the street and organizations steps. Needs a volunteer served and that were reviewed are
left in ``ctx.made["volunteer_rewards"]`` as (need_uid, person_uid, points, title) so the passbook
step can deposit them through its own service.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from yichao.app.core import initials
from yichao.app.demo import DemoContext
from yichao.app.needs import CLAIMANT_KIND_LABELS
from yichao.app.needs import refresh_statistics as need_statistics
from yichao.app.people import refresh_statistics as people_statistics
from yichao.models.base import new_uid
from yichao.models.journal import bulk_insert
from yichao.models.need import Need, NeedStep
from yichao.models.organization import Organization
from yichao.models.person import Person

if TYPE_CHECKING:
    from yichao.app.core import Workspace

TEMPLATES: dict[str, tuple[tuple[str, str], ...]] = {
    "助老": (("独居老人每周上门探访", "老人独居，子女在外地，希望每周有人上门聊天、看看身体情况。"),
            ("为高龄老人上门理发", "老人行动不便，下不了楼，需要每月上门理发一次。"),
            ("陪同老人去医院复查", "需要有人陪同去省立医院复查，帮忙挂号取药。"),
            ("帮助老人学用智能手机", "想学会用微信视频和手机挂号。")),
    "助残": (("轮椅老人周末外出陪护", "坐轮椅，想周末到公园走走，需要一人推轮椅陪同。"),
            ("残疾人家庭康复指导", "家中有肢体残疾人，需要康复训练方面的指导。")),
    "儿童": (("双职工家庭孩子放学后托管", "孩子上小学三年级，父母下班晚，需要放学后有人照看写作业。"),
            ("留守儿童英语辅导", "孩子英语跟不上，希望每周辅导两次。"),
            ("儿童暑期书法兴趣班", "社区孩子想学毛笔字。")),
    "环境": (("楼道杂物清理", "楼道堆放杂物多，存在消防隐患，需要组织清理。"),
            ("小区绿地补种花草", "楼前绿地裸露，希望补种花草。"),
            ("垃圾分类宣传值守", "新设垃圾分类点需要早晚有人值守引导。")),
    "邻里互助": (("邻里纠纷调解", "楼上楼下因漏水产生矛盾，希望有人出面调解。"),
              ("帮忙搬运重物上楼", "家里买了新家具，老两口搬不动。"),
              ("法律咨询：房屋继承", "想咨询老房子继承手续怎么办。")),
    "维修": (("厨房水管漏水维修", "厨房下水管漏水，需要尽快维修。"),
            ("老旧电路检查", "家里电线老化，担心用电安全，希望有人帮忙检查。"),
            ("洗衣机不脱水维修", "洗衣机不能脱水，想请懂家电维修的邻居看看。"),
            ("电脑重装系统", "家里电脑很卡，需要重装系统。")),
    "文体": (("社区广场舞队需要舞蹈老师", "舞蹈队新成员多，希望有老师每周指导一次。"),
            ("老年合唱团排练伴奏", "合唱团排练缺少伴奏。"),
            ("社区摄影展作品拍摄", "重阳节活动需要有人帮忙拍照。")),
    "其他": (("帮忙填写医保报销材料", "不会填写报销表格，需要有人帮忙。"),),
}
# how the demo needs are spread over the statuses
SPREAD = (("draft", 0.08), ("published", 0.22), ("claimed", 0.14), ("in_service", 0.12),
          ("done", 0.10), ("reviewed", 0.28), ("cancelled", 0.06))
FLOW = ("draft", "published", "claimed", "in_service", "done", "reviewed")
COMMENTS = (
    "服务很周到，非常感谢！",
    "来得很及时，解决了大问题。",
    "态度好，下次还找他们。",
    "基本满意，时间稍晚了一点。",
    "很热心，邻里之间就该这样。",
)


def _at(day: date, rng: Any) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=UTC)


def _after(previous: datetime | None, at: datetime) -> datetime:
    """Steps of one need in order, even when two fall on the same day."""
    return at if previous is None or at > previous else previous + timedelta(minutes=37)


def run(ws: Workspace, ctx: DemoContext, total: int | None = None) -> str:
    """Make about one need per ten residents (``total`` overrides it: the benchmark wants 50,000)."""
    ws.require("staff", "生成演示数据")
    rng = ctx.rng
    today = date.today()
    user = ws.user.username if ws.user else ""
    with ws.unit() as session:
        people = list(session.execute(select(Person.uid, Person.name, Person.community_uid, Person.is_volunteer,
                                             Person.household_head).where(Person.deleted.is_(False)).limit(50000)))
        if not people:
            return "居民需求：没有居民，跳过"
        volunteers = [p for p in people if p.is_volunteer]
        households = [p for p in people if p.household_head]
        orgs = list(session.execute(select(Organization.uid, Organization.name).where(Organization.deleted.is_(False))))
        total = total or max(40, min(ctx.residents // 10, 20000))
        needs: list[dict[str, Any]] = []
        steps: list[dict[str, Any]] = []
        rewards: list[tuple[str, str, int, str]] = []
        pools: dict[str, list[Any]] = {"volunteer": volunteers, "organization": orgs, "household": households}
        statuses = [s for s, _ in SPREAD]
        weights = [w for _, w in SPREAD]
        for i in range(total):
            status = statuses[i] if i < len(statuses) else rng.choices(statuses, weights)[0]
            category = rng.choice(list(TEMPLATES))
            title, description = rng.choice(TEMPLATES[category])
            requester = rng.choice(people)
            recent = status in ("published", "claimed", "in_service", "draft")
            created = today - timedelta(days=rng.randint(2, 40) if recent else rng.randint(20, 150))
            uid = new_uid()
            need: dict[str, Any] = {
                "uid": uid, "title": title, "title_initials": initials(title), "description": description,
                "category": category, "community_uid": requester.community_uid, "requester_uid": requester.uid,
                "urgency": rng.choices(("normal", "urgent", "critical"), (0.7, 0.22, 0.08))[0],
                "due_date": created + timedelta(days=rng.randint(10, 60)),
                "reward_points": rng.choice((0, 10, 20, 30, 50)), "status": status,
                "claimant_kind": "", "claimant_uid": None, "claimant_name": "", "satisfaction": None,
                "review_comment": "",
            }
            path = list(FLOW[:FLOW.index(status) + 1]) if status != "cancelled" else \
                list(FLOW[:rng.randint(1, 4)]) + ["cancelled"]
            if "claimed" in path:
                kind = rng.choices(("volunteer", "organization", "household"), (0.5, 0.3, 0.2))[0]
                if not pools[kind]:
                    kind = "volunteer"
                who = rng.choice(pools[kind]) if pools[kind] else None
                if who is not None and who.uid == requester.uid:
                    who = None if len(pools[kind]) < 2 else next(p for p in pools[kind] if p.uid != requester.uid)
                if who is not None:
                    need.update(claimant_kind=kind, claimant_uid=who.uid, claimant_name=who.name)
                else:  # nobody to claim it in a tiny demo: it stays published
                    path, status = ["draft", "published"], "published"
                    need["status"] = status
            day = created
            prev, last_at = "", None
            for to in path:
                note = {"draft": "登记", "cancelled": "居民已自行解决"}.get(to, "")
                if to == "claimed" and need["claimant_name"]:
                    note = f"{CLAIMANT_KIND_LABELS[need['claimant_kind']]}“{need['claimant_name']}”揭榜"
                if to == "reviewed":
                    need["satisfaction"] = rng.choices((5, 4, 3, 2), (0.6, 0.28, 0.09, 0.03))[0]
                    need["review_comment"] = rng.choice(COMMENTS)
                    note = f"满意度 {need['satisfaction']}：{need['review_comment']}"
                steps.append(
                    {
                        "need_uid": uid,
                        "from_status": prev,
                        "to_status": to,
                        "at": (last_at := _after(last_at, _at(day, rng))),
                        "by_user": user,
                        "note": note,
                    }
                )
                need["status_at"] = steps[-1]["at"]
                prev = to
                day = min(day + timedelta(days=rng.randint(0, 6)), today)
            if status == "reviewed" and need["claimant_kind"] == "volunteer" and need["reward_points"]:
                rewards.append((uid, need["claimant_uid"], need["reward_points"], title))
            needs.append(need)
        for start in range(0, len(needs), 5000):
            bulk_insert(session, Need, needs[start:start + 5000])
        for start in range(0, len(steps), 10000):
            bulk_insert(session, NeedStep, steps[start:start + 10000])
        people_statistics(session)  # the street step bulk-loaded the residents just before
        need_statistics(session)
    offers = _offers(ws, rng)
    ctx.made.update(need_uids=[n["uid"] for n in needs], volunteer_rewards=rewards)
    overdue = sum(
        1 for n in needs if n["status"] in ("published", "claimed", "in_service") and n["due_date"] < date.today()
    )
    claimed = sum(1 for n in needs if n["claimant_name"])
    return f"居民需求 {len(needs)} 条，能人库服务承诺 {offers} 条（揭榜 {claimed} 条，逾期 {overdue} 条）"


OFFERS = (
    "每周六上午可以上门{skill}",
    "工作日晚上可以帮邻居{skill}",
    "随叫随到，义务{skill}",
    "每月一次到社区活动室提供{skill}服务",
)


def _offers(ws: Workspace, rng: Any, limit: int = 300) -> int:
    """Skilled volunteers say what they offer (能人库), through ordinary journaled updates."""
    with ws.unit() as session:
        stmt = (select(Person).where(Person.deleted.is_(False), Person.is_volunteer.is_(True), Person.skills != "",
                                     Person.offers == "").limit(limit))
        count = 0
        for person in session.scalars(stmt):
            skill = person.skills.split("、")[0]
            person.offers = rng.choice(OFFERS).format(skill=skill)
            count += 1
    return count
