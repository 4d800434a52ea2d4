"""Communities (社区) of the street."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import Workspace
from yichao.models.site import Community


@dataclass(frozen=True)
class CommunityRow:
    uid: str
    code: str
    name: str


def list_communities(ws: Workspace) -> list[CommunityRow]:
    with ws.read() as session:
        stmt = select(Community).where(Community.deleted.is_(False)).order_by(Community.code, Community.name)
        return [CommunityRow(c.uid, c.code, c.name) for c in session.scalars(stmt)]


def add_community(ws: Workspace, name: str, code: str = "") -> CommunityRow:
    ws.require("staff", "添加社区")
    name = name.strip()
    if not name:
        raise UserError("社区名称不能为空。")
    with ws.unit() as session:
        exists = session.scalars(select(Community).where(Community.name == name, Community.deleted.is_(False))).first()
        if exists:
            raise UserError(f"社区“{name}”已经存在。")
        c = Community(name=name, code=code.strip(), site_code=ws.site.code)
        session.add(c)
        session.flush()
        return CommunityRow(c.uid, c.code, c.name)


def community_names(ws: Workspace) -> dict[str, str]:
    return {c.uid: c.name for c in list_communities(ws)}
