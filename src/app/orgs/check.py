"""`yichao check` for organization files: the lifecycle and residency rules hold in the data,
and every attachment's file is in the data folder."""

from __future__ import annotations

from sqlalchemy import func, select

from yichao.app.core.attachments import missing_blobs
from yichao.app.core.check import register
from yichao.app.core.workspace import Workspace
from yichao.models.org_attachment import Attachment
from yichao.models.org_records import OrgStageChange
from yichao.models.organization import Organization


@register("组织档案")
def check_orgs(ws: Workspace) -> list[str]:
    problems: list[str] = []
    live = Organization.deleted.is_(False)
    with ws.read() as session:
        # desks belong to one street's incubation center: 工位 A-01 of two streets are two desks
        shared = session.execute(
            select(Organization.origin, Organization.workstation, func.count())
            .where(live, Organization.resident.is_(True))
            .group_by(Organization.origin, Organization.workstation).having(func.count() > 1)).all()
        problems += [f"工位 {w or '（空）'} 同时由 {n} 个组织使用" + ("。" if o == ws.site.code else f"（站点 {o}）。")
                     for o, w, n in shared]
        left = session.scalar(select(func.count()).select_from(Organization).where(
            live, Organization.resident.is_(True), Organization.stage.in_(("graduated", "exited"))))
        if left:
            problems.append(f"有 {left} 个已出壳或退出的组织仍登记为入驻。")
        unregistered = session.scalar(select(func.count()).select_from(Organization).where(
            live, Organization.kind == "unregistered_team", Organization.stage.in_(("scaling", "graduated"))))
        if unregistered:
            problems.append(f"有 {unregistered} 个未登记团队处于产业发展或出壳阶段。")
        latest = (select(OrgStageChange.to_stage).where(OrgStageChange.org_uid == Organization.uid,
                                                        OrgStageChange.deleted.is_not(True))
                  .order_by(OrgStageChange.on.desc(), OrgStageChange.updated_at.desc()).limit(1).scalar_subquery())
        drift = session.scalar(select(func.count()).select_from(Organization).where(
            live, Organization.origin == ws.site.code, latest.is_not(None), latest != Organization.stage))
        if drift:
            problems.append(f"有 {drift} 个组织的当前阶段与阶段历程的最后一步不一致。")
        hashes = set(session.scalars(select(Attachment.sha256).where(Attachment.deleted.is_(False))))
        missing = missing_blobs(ws, session, hashes)
    if missing:
        where = "既不在本机数据文件夹的 attachments 中，也不在区级数据库里" if ws.is_shared \
            else "不在数据文件夹的 attachments 中"
        problems.append(f"有 {len(missing)} 个附件的文件{where}。")
    return problems
