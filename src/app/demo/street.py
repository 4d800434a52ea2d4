"""Demo step: communities and residents with valid identity numbers, by bulk insert."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from yichao.app.core import initials
from yichao.app.demo import DemoContext
from yichao.app.demo.names import COMMUNITY_NAMES, birth_date, mobile, person_name
from yichao.models.base import new_uid
from yichao.models.identifiers import make_id_number, mask_id_number
from yichao.models.journal import bulk_insert
from yichao.models.person import Person
from yichao.models.site import Community

if TYPE_CHECKING:
    from yichao.app.core import Workspace

CHUNK = 10_000


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("staff", "生成演示数据")
    site_code = ws.site.code
    division = (site_code[:6] if len(site_code) >= 6 else "370102")
    rng = ctx.rng
    with ws.unit() as session:
        communities = [
            {"name": name, "code": f"{site_code}{i + 1:03d}", "site_code": site_code}
            for i, name in enumerate(COMMUNITY_NAMES)
        ]
        existing = {c.name: c.uid for c in session.scalars(select(Community).where(Community.deleted.is_(False)))}
        fresh = [row for row in communities if row["name"] not in existing]
        for community in fresh:
            community["uid"] = new_uid()
        bulk_insert(session, Community, fresh)
        community_uids = [existing.get(c["name"]) or c["uid"] for c in communities]
        used: set[str] = set()
        person_uids: list[str] = []
        volunteer_uids: list[str] = []
        total = ctx.residents
        batch: list[dict[str, Any]] = []
        for n in range(total):
            born = birth_date(rng)
            while True:
                number = make_id_number(division, born, rng.randint(1, 999))
                if number not in used:
                    used.add(number)
                    break
            name = person_name(rng)
            volunteer = rng.random() < 0.15
            uid = new_uid()
            row: dict[str, Any] = {
                "name": name, "name_initials": initials(name),
                "gender": "male" if int(number[16]) % 2 else "female",
                "id_number": number, "id_masked": mask_id_number(number), "phone": mobile(rng),
                "community_uid": rng.choice(community_uids),
                "building": f"{rng.randint(1, 30)}号楼", "unit": f"{rng.randint(1, 6)}单元",
                "room": f"{rng.randint(1, 18)}{rng.randint(1, 4):02d}",
                "household_head": rng.random() < 0.35, "is_volunteer": volunteer,
                "volunteer_number": f"V{site_code[-3:]}{n + 1:06d}" if volunteer else "",
                "skills": "、".join(rng.sample(SKILLS, rng.randint(0, 2))),
            }
            row["uid"] = uid
            person_uids.append(uid)
            if volunteer:
                volunteer_uids.append(uid)
            batch.append(row)
            if len(batch) >= CHUNK:
                bulk_insert(session, Person, batch)
                batch = []
                ctx.progress(n + 1, total)
        bulk_insert(session, Person, batch)
        ctx.progress(total, total)
    ctx.made.update(community_uids=community_uids, person_uids=person_uids, volunteer_uids=volunteer_uids)
    return f"社区 {len(community_uids)} 个，居民 {total} 人（志愿者 {len(volunteer_uids)} 人）"


SKILLS = ("理发", "家电维修", "水电维修", "书法", "摄影", "法律咨询", "心理疏导", "医疗护理", "烹饪", "舞蹈",
          "声乐", "电脑维修", "英语辅导", "裁缝", "园艺", "驾驶")
