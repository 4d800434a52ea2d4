"""Matching needs with who can meet them, ranked and with the reason shown.

For a need: organizations whose service domains (服务领域) fit its category and community, and
residents of the skills register (能人库) whose skills fit. For an organization: the published needs
it could claim. Scores are small integers so that the reason can say exactly why one ranks higher: a skill named in
the need 8, a skill that suits its category 3, the same community 3, a registered volunteer 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_, select

from yichao.app.core.errors import NotFound
from yichao.app.core.workspace import Workspace
from yichao.app.needs.labels import URGENCY_LABELS
from yichao.app.needs.records import NeedRow, need_row
from yichao.app.people.residents import split_tags
from yichao.models.need import Need
from yichao.models.org_records import OrgLookup
from yichao.models.organization import Organization
from yichao.models.person import Person

# need category -> service-domain names that serve it (first: the direct fit)
CATEGORY_DOMAINS: dict[str, tuple[str, ...]] = {
    "助老": ("助老", "为老", "养老", "康复", "济困"),
    "助残": ("助残", "康复", "济困"),
    "儿童": ("儿童", "青少年", "教育"),
    "环境": ("环境", "环保"),
    "邻里互助": ("邻里互助", "矛盾调解", "济困"),
    "维修": ("维修", "生活服务", "邻里互助"),
    "文体": ("文体", "文化", "教育"),
    "其他": ("其他",),
}
# need category -> skills of residents that serve it
CATEGORY_SKILLS: dict[str, tuple[str, ...]] = {
    "助老": ("医疗护理", "理发", "烹饪", "心理疏导", "陪护", "驾驶"),
    "助残": ("医疗护理", "心理疏导", "驾驶", "手语", "康复"),
    "儿童": ("英语辅导", "书法", "心理疏导", "辅导", "绘画", "舞蹈"),
    "环境": ("园艺", "保洁", "垃圾分类"),
    "邻里互助": ("法律咨询", "心理疏导", "驾驶", "裁缝", "烹饪", "调解"),
    "维修": ("水电维修", "家电维修", "电脑维修", "维修", "木工"),
    "文体": ("舞蹈", "声乐", "书法", "摄影", "乐器", "绘画"),
    "其他": (),
}
ALL_SKILLS = tuple(sorted({s for skills in CATEGORY_SKILLS.values() for s in skills}))
CANDIDATES = 400


@dataclass(frozen=True)
class Suggestion:
    """One ranked suggestion: who, how well it fits (higher is better), and why."""

    kind: str  # organization | volunteer | resident | need
    uid: str
    name: str
    score: int
    reason: str
    community_uid: str | None = None


def _need(session: Any, uid: str) -> Need:
    need = session.get(Need, uid)
    if need is None or need.deleted:
        raise NotFound("找不到这条需求。")
    return need


def domain_names(session: Any) -> dict[str, str]:
    """Service-domain uid -> name, from the organizations' editable list."""
    stmt = select(OrgLookup.uid, OrgLookup.name).where(OrgLookup.list_kind == "domain")
    return dict(session.execute(stmt).all())


def org_domains(org: Organization, names: dict[str, str]) -> list[str]:
    raw = org.domain_uids or ""
    return [names[u] for u in raw.strip("|").split("|") if u in names]


def _domain_fit(category: str, domains: list[str]) -> tuple[int, str]:
    wanted = CATEGORY_DOMAINS.get(category, ())
    for i, name in enumerate(wanted):
        for domain in domains:
            if domain == name or name in domain or (len(domain) >= 2 and domain in name):
                return (4 if i < 2 else 2), domain
    return 0, ""


def orgs_for_need(ws: Workspace, need_uid: str, limit: int = 10) -> list[Suggestion]:
    """Organizations that could claim this need, best first."""
    with ws.read() as session:
        need = _need(session, need_uid)
        names = domain_names(session)
        stmt = select(Organization).where(Organization.deleted.is_(False))
        if hasattr(Organization, "stage"):
            stmt = stmt.where(Organization.stage != "exited")
        out = []
        for org in session.scalars(stmt):
            score, domain = _domain_fit(need.category, org_domains(org, names))
            reasons = [f"服务领域“{domain}”对应需求类别“{need.category}”"] if score else []
            if need.community_uid and org.community_uid == need.community_uid:
                score += 3
                reasons.append("同一社区")
            if score:
                out.append(Suggestion("organization", org.uid, org.name, score, "；".join(reasons), org.community_uid))
    out.sort(key=lambda s: (-s.score, s.name))
    return out[:limit]


def _skill_fit(person: Person, category: str, text: str, text_skills: list[str]) -> tuple[int, list[str]]:
    """A skill named in the need itself outweighs one that merely suits its category."""
    tags = split_tags(person.skills)
    reasons: list[str] = []
    score = 0
    named = [t for t in tags if t in text]
    if named:
        score += 8
        reasons.append(f"技能“{'、'.join(named)}”与需求内容相符")
    related = [t for t in tags if t not in named and any(t == s or s in t for s in CATEGORY_SKILLS.get(category, ()))]
    if related:
        score += 3
        reasons.append(f"技能“{'、'.join(related)}”适合“{category}”类需求")
    if not named and not related and person.offers and any(s in person.offers for s in text_skills):
        score += 2
        reasons.append("愿意提供的服务与需求相符")
    return score, reasons


def people_for_need(ws: Workspace, need_uid: str, limit: int = 10) -> list[Suggestion]:
    """Residents of the skills register whose skills fit this need, best first."""
    with ws.read() as session:
        need = _need(session, need_uid)
        text = f"{need.title} {need.description}"
        text_skills = [s for s in ALL_SKILLS if s in text]
        words = sorted(set(text_skills) | set(CATEGORY_SKILLS.get(need.category, ())))
        if not words:
            return []
        like = or_(*[Person.skills.like(f"%{w}%") for w in words], *[Person.offers.like(f"%{w}%") for w in text_skills])
        base = select(Person).where(Person.deleted.is_(False), like)
        if need.requester_uid:
            base = base.where(Person.uid != need.requester_uid)
        people: dict[str, Person] = {}
        if need.community_uid:
            local = base.where(Person.community_uid == need.community_uid)
            people.update(
                (p.uid, p) for p in session.scalars(local.order_by(Person.is_volunteer.desc()).limit(CANDIDATES))
            )
        people.update((p.uid, p) for p in session.scalars(base.order_by(Person.is_volunteer.desc()).limit(CANDIDATES)))
        out = []
        for p in people.values():
            score, reasons = _skill_fit(p, need.category, text, text_skills)
            if not score:
                continue
            if need.community_uid and p.community_uid == need.community_uid:
                score += 3
                reasons.append("同一社区")
            if p.is_volunteer:
                score += 1
                reasons.append("登记志愿者（可揭榜并获得积分）")
            out.append(Suggestion("volunteer" if p.is_volunteer else "resident", p.uid, p.name, score,
                                  "；".join(reasons), p.community_uid))
    out.sort(key=lambda s: (-s.score, s.name, s.uid))
    return out[:limit]


def needs_for_org(ws: Workspace, org_uid: str, limit: int = 20) -> list[tuple[NeedRow, Suggestion]]:
    """The published needs an organization could claim, best first (its domains and community)."""
    with ws.read() as session:
        org = session.get(Organization, org_uid)
        if org is None or org.deleted:
            raise NotFound("找不到这个组织。")
        domains = org_domains(org, domain_names(session))
        categories = [c for c in CATEGORY_DOMAINS if _domain_fit(c, domains)[0]]
        clauses: list[ColumnElement[bool]] = [Need.category.in_(categories)] if categories else []
        if org.community_uid:
            clauses.append(Need.community_uid == org.community_uid)
        if not clauses:
            return []
        stmt = (select(Need).where(Need.deleted.is_(False), Need.status == "published", or_(*clauses))
                .order_by(Need.due_date).limit(CANDIDATES))
        out = []
        for need in session.scalars(stmt):
            score, domain = _domain_fit(need.category, domains)
            reasons = [f"需求类别“{need.category}”对应服务领域“{domain}”"] if score else []
            if org.community_uid and need.community_uid == org.community_uid:
                score += 3
                reasons.append("同一社区")
            if need.urgency != "normal":
                score += 1
                reasons.append(URGENCY_LABELS[need.urgency])
            out.append((need_row(need), Suggestion("need", need.uid, need.title, score, "；".join(reasons),
                                                   need.community_uid)))
    out.sort(key=lambda pair: (-pair[1].score, pair[0].due_date is None, pair[0].due_date or 0, pair[0].title))
    return out[:limit]


@dataclass(frozen=True)
class OrgChoice:
    uid: str
    name: str
    community_uid: str | None


def claimable_orgs(ws: Workspace, text: str = "", limit: int = 50) -> list[OrgChoice]:
    """Organizations that may claim a need (not exited), by name or pinyin initials, for pickers."""
    stmt = select(Organization).where(Organization.deleted.is_(False))
    if hasattr(Organization, "stage"):
        stmt = stmt.where(Organization.stage != "exited")
    text = text.strip()
    if text:
        if text.isascii() and text.isalpha():
            stmt = stmt.where(Organization.name_initials.like(f"{text.lower()}%"))
        else:
            stmt = stmt.where(Organization.name.like(f"%{text}%"))
    with ws.read() as session:
        return [OrgChoice(o.uid, o.name, o.community_uid)
                for o in session.scalars(stmt.order_by(Organization.name_sort).limit(limit))]
