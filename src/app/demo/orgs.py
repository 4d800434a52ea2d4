"""Demo step: organizations in every stage, with stage history, residency, activities, mentoring
visits, subsidies and the district's ratings, by bulk insert. :func:`make_orgs` also fills the
benchmark's 20,000 organizations."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from yichao.app.core import initials
from yichao.app.demo import DemoContext
from yichao.app.demo.names import mobile, person_name
from yichao.app.orgs import expiry_of, join_domains, search_text, seed_lookups
from yichao.models.base import new_uid
from yichao.models.identifiers import make_credit_code
from yichao.models.journal import bulk_insert
from yichao.models.org_records import (
    OrgActivity,
    OrgLookup,
    OrgMentoring,
    OrgRating,
    OrgStageChange,
    OrgSubsidy,
)
from yichao.models.organization import Organization

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from yichao.app.core import Workspace

THEMES = ("夕阳情", "红枫", "银龄", "向日葵", "邻里情", "暖心", "爱心", "康乃馨", "同心", "和美", "乐活", "彩虹",
          "春晖", "朝阳", "绿色家园", "幸福", "常青藤", "百合", "晨曦", "馨园", "善邻", "守望", "益家", "知音")
TEAM_SUFFIXES = ("艺术团", "舞蹈队", "志愿服务队", "合唱团", "太极拳队", "读书会", "手工坊", "巡逻队", "模特队")
FILED_SUFFIXES = ("邻里互助会", "调解工作室", "助老服务队", "环保志愿队", "四点半课堂")
KIND_SUFFIXES = {
    "service_agency": ("社会工作服务中心", "养老服务中心", "青少年发展中心", "康复服务中心"),
    "association": ("志愿者协会", "文体协会", "老年人协会"),
    "foundation": ("公益基金会",),
}
ACTIVITY_TITLES = ("重阳节文艺演出", "邻里节", "健康讲座", "义诊进社区", "垃圾分类宣传", "四点半课堂",
                   "独居老人探访", "法律咨询", "手工编织课", "读书分享会", "消防演练", "端午包粽子")
PLACES = ("社区党群服务中心", "社区广场", "孵化中心多功能厅", "社区日间照料中心", "小区活动室")
MENTORS = ("赵敏", "钱立新", "孙慧", "李工", "周亚平")
FINDINGS = ("财务台账需规范", "志愿者管理制度待完善", "活动记录完整", "建议申报公益创投项目", "项目书逻辑需加强")
STAGE_WEIGHTS = (("nursery", 35), ("accelerating", 25), ("scaling", 15), ("graduated", 15), ("exited", 10))
STAGES, STAGE_ODDS = [s for s, _ in STAGE_WEIGHTS], [w for _, w in STAGE_WEIGHTS]
LADDER = ("nursery", "accelerating", "scaling", "graduated")


def _kind_for(rng: random.Random, stage: str) -> str:
    if stage in ("nursery", "exited"):
        return rng.choice(("unregistered_team", "unregistered_team", "filed_community_org"))
    if stage == "accelerating":
        return rng.choice(("unregistered_team", "filed_community_org", "filed_community_org"))
    return rng.choice(("filed_community_org", "service_agency", "service_agency", "association", "foundation"))


def make_orgs(session: Session, rng: random.Random, count: int, community_uids: list[str], division: str,
              rating_origin: str, activities: float = 15.0, today: date | None = None) -> list[str]:
    """Bulk-insert ``count`` organizations and their records; returns their uids."""
    today = today or date.today()
    seed_lookups(session)
    session.flush()
    lookups = session.execute(select(OrgLookup.list_kind, OrgLookup.uid).where(OrgLookup.deleted.is_(False))).all()
    categories = [u for k, u in lookups if k == "category"]
    domains = [u for k, u in lookups if k == "domain"]
    taken = set(session.scalars(select(Organization.name)))
    seq = len(taken)
    orgs: list[dict[str, Any]] = []
    extra: dict[type, list[dict[str, Any]]] = {m: [] for m in
                                               (OrgStageChange, OrgActivity, OrgMentoring, OrgSubsidy, OrgRating)}
    station = 0
    for n in range(count):
        stage = "nursery" if n == 0 else rng.choices(STAGES, STAGE_ODDS)[0]
        kind = "unregistered_team" if n == 0 else _kind_for(rng, stage)
        name = "夕阳情艺术团" if n == 0 and "夕阳情艺术团" not in taken else _name(rng, kind, taken)
        taken.add(name)
        seq += 1
        born = today - timedelta(days=rng.randint(200, 3600))
        code = (make_credit_code("5", {"association": "1", "service_agency": "2", "foundation": "3"}[kind],
                                 division, f"MJ{seq:06d}") if kind in KIND_SUFFIXES else None)
        leader = person_name(rng)
        resident = stage in ("nursery", "accelerating", "scaling") and rng.random() < 0.3
        if resident:
            station += 1
        members = rng.randint(8, 120)
        party = rng.randint(0, min(members, 9))
        org = {
            "uid": new_uid(), "name": name, "short_name": name[:4] if rng.random() < 0.4 else "",
            "name_initials": initials(name), "kind": kind, "stage": stage, "credit_code": code,
            "filing_number": f"LXBA-{born.year}-{seq:05d}" if kind == "filed_community_org" else "",
            "registered_on": born if code else None, "filed_on": born if kind == "filed_community_org" else None,
            "category_uid": rng.choice(categories),
            "domain_uids": join_domains(rng.sample(domains, rng.randint(1, 3))),
            "community_uid": rng.choice(community_uids) if community_uids else None,
            "address": f"{rng.randint(1, 300)}号", "leader": leader, "phone": mobile(rng),
            "members": members, "volunteers": rng.randint(0, members), "party_members": party,
            "party_form": "independent_branch" if party >= 3 and rng.random() < 0.3 else
            rng.choice(("none", "joint_branch", "instructor")),
            "resident": resident, "workstation": f"{'ABC'[station % 3]}-{station:03d}" if resident else "",
            "resident_since": today - timedelta(days=rng.randint(30, 700)) if resident else None,
            "notes": "",
        }
        org["search_text"] = search_text(org)
        orgs.append(org)
        org["stage_since"] = _history(rng, org, born, today, extra[OrgStageChange])
        _records(rng, org, today, domains, activities, rating_origin, extra)
    bulk_insert(session, Organization, orgs)
    for model, rows in extra.items():
        bulk_insert(session, model, rows)
    return [o["uid"] for o in orgs]


def _name(rng: random.Random, kind: str, taken: set[str]) -> str:
    suffixes = KIND_SUFFIXES.get(kind) or (FILED_SUFFIXES if kind == "filed_community_org" else TEAM_SUFFIXES)
    base = rng.choice(THEMES) + rng.choice(suffixes)
    if kind in KIND_SUFFIXES:
        base = "历下区" + base
    name, i = base, 1
    while name in taken:
        i += 1
        name = f"{base}（{i}）"
    return name


def _history(rng: random.Random, org: dict[str, Any], born: date, today: date, out: list[dict[str, Any]]) -> date:
    """Stage changes from creation up to the current stage, dates rising; returns the last date."""
    steps = list(LADDER[:LADDER.index(org["stage"]) + 1]) if org["stage"] != "exited" else \
        list(LADDER[:rng.randint(1, 2)]) + ["exited"]
    span = max((today - born).days, len(steps))
    days = [0] + sorted(rng.sample(range(1, span + 1), len(steps) - 1))  # strictly rising dates
    prev = ""
    for i, stage in enumerate(steps):
        on = born + timedelta(days=days[i])
        out.append({"org_uid": org["uid"], "from_stage": prev, "to_stage": stage, "on": on,
                    "reason": "建档" if not i else {"exited": "负责人搬离，团队解散", "graduated": "评估合格出壳"}
                    .get(stage, "年度评估通过"), "by_user": "demo"})
        prev = stage
    return on


def _records(rng: random.Random, org: dict[str, Any], today: date, domains: list[str], activities: float,
             rating_origin: str, extra: dict[type, list[dict[str, Any]]]) -> None:
    uid = org["uid"]
    for _ in range(int(rng.uniform(0, 2 * activities))):
        people = rng.randint(10, 120)
        extra[OrgActivity].append({
            "org_uid": uid, "on": today - timedelta(days=rng.randint(0, 720)), "title": rng.choice(ACTIVITY_TITLES),
            "place": rng.choice(PLACES), "domain_uid": rng.choice(domains), "participants": people,
            "beneficiaries": people * rng.randint(1, 4), "volunteer_hours": round(rng.uniform(2, 80), 1),
            "notes": ""})
    for _ in range(rng.randint(0, 4)):
        on = today - timedelta(days=rng.randint(0, 400))
        follow = on + timedelta(days=rng.randint(14, 60)) if rng.random() < 0.6 else None
        extra[OrgMentoring].append({
            "org_uid": uid, "on": on, "visit_kind": rng.choice(("supervision", "consulting", "training")),
            "mentor": rng.choice(MENTORS), "findings": rng.choice(FINDINGS), "follow_up_on": follow,
            "follow_up_done": bool(follow and follow < today and rng.random() < 0.7)})
    for _ in range(rng.randint(0, 3)):
        year = today.year - rng.randint(0, 2)
        kind = rng.choice(("activity", "operating", "grant_tranche"))
        fen = rng.choice((2000, 3000, 5000, 10000, 20000, 50000)) * 100
        status = "paid" if year < today.year else rng.choice(("applied", "approved", "paid"))
        applied = date(year, rng.randint(1, 12 if year < today.year else today.month), 1)
        # approved two weeks after the application, paid three weeks later (none in the future)
        approved = min(today, applied + timedelta(days=14)) if status != "applied" else None
        paid = min(today, approved + timedelta(days=21)) if approved and status == "paid" else None
        extra[OrgSubsidy].append({
            "org_uid": uid, "subsidy_kind": kind, "year": year, "amount_fen": fen, "status": status,
            "on": applied, "approved_on": approved, "paid_on": paid, "notes": ""})
    if org["credit_code"] and rng.random() < 0.5:
        awarded = today - timedelta(days=rng.randint(30, 365 * 8))
        extra[OrgRating].append(
            {
                "origin": rating_origin,
                "org_uid": uid,
                "rating_kind": "grade",
                "level": rng.randint(2, 5),
                "awarded_on": awarded,
                "valid_until": expiry_of(awarded),
                "certificate_no": f"PG{awarded.year}{rng.randint(1, 999):03d}",
                "notes": "",
            }
        )


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("staff", "生成演示数据")
    site = ws.site
    division = site.code[:6] if len(site.code) >= 6 else "370102"
    count = 60 + min(ctx.residents // 1000, 140)
    with ws.unit() as session:
        uids = make_orgs(session, ctx.rng, count, list(ctx.made.get("community_uids", [])), division,
                         site.code)  # the street's own records only (no stand-in district)
    ctx.made["org_uids"] = uids
    return f"社会组织 {len(uids)} 个（含各阶段、活动、督导、补贴和评估等级）"
