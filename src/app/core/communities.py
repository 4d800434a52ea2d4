"""Communities (社区) of the street: add, rename, recode, retire, and the lists pickers offer.

A retired community is no longer offered for new records, but the records that name it keep
their name. Merging two lives in :mod:`yichao.app.core.community_merge`; what a roster names is
matched in :mod:`yichao.app.core.community_match`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.workspace import Workspace
from yichao.models.site import Community

MAX_NAME = 100


@dataclass(frozen=True)
class CommunityRow:
    uid: str
    code: str
    name: str
    retired: bool = False


def community_row(c: Community) -> CommunityRow:
    return CommunityRow(c.uid, c.code, c.name, c.retired)


def list_communities(ws: Workspace, *, include_retired: bool = False) -> list[CommunityRow]:
    """The street's communities in pinyin order; pickers get the ones still in use."""
    with ws.read() as session:
        stmt = select(Community).where(Community.deleted.is_(False))
        if not include_retired:
            stmt = stmt.where(Community.retired.is_(False))
        stmt = stmt.order_by(Community.name_sort, Community.name)
        return [community_row(c) for c in session.scalars(stmt)]


def community_names(ws: Workspace) -> dict[str, str]:
    """uid -> name of every community, retired ones too: records still name them."""
    return {c.uid: c.name for c in list_communities(ws, include_retired=True)}


def clean_name(text: str) -> str:
    """A community name as stored: spaces collapsed; refused when empty or too long."""
    name = " ".join((text or "").split())
    if not name:
        raise UserError("社区名称不能为空。")
    if len(name) > MAX_NAME:
        raise UserError(f"社区名称不能超过{MAX_NAME}个字。")
    return name


def clean_code(text: str, site_code: str) -> str:
    """An optional 12-digit statistical code (统计用区划代码) under the street's own 9 digits."""
    code = "".join((text or "").split())
    if not code:
        return ""
    if len(code) != 12 or not code.isascii() or not code.isdigit():
        raise UserError(f"社区代码“{code}”应为12位数字（统计用区划代码），也可以不填。")
    if len(site_code) == 9 and not code.startswith(site_code):
        raise UserError(f"社区代码 {code} 的前9位应为本街道的代码 {site_code}。")
    return code


def _live(session: Session) -> list[Community]:
    return list(session.scalars(select(Community).where(Community.deleted.is_(False))))


def _check_free(session: Session, name: str, code: str, uid: str = "") -> None:
    for other in _live(session):
        if other.uid == uid:
            continue
        if other.name == name:
            state = "（已撤销，可在社区页恢复使用）" if other.retired else ""
            raise UserError(f"社区“{name}”已经存在{state}。")
        if code and other.code == code:
            raise UserError(f"社区代码 {code} 已属于“{other.name}”。")


OFFICE_SUFFIXES = ("爱心储蓄所", "储蓄所")


def office_community_name(office_name: str) -> str:
    """The community a savings office serves, from the office's name: 甸柳新村社区储蓄所 -> 甸柳新村社区."""
    name = " ".join(office_name.split())
    for suffix in OFFICE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].rstrip()
    return name


def own_community_uid(session: Session, site_code: str) -> str | None:
    """A community savings office's own community (made at set-up with the office's code), whose
    residents the office registers; None at a street (it keeps many)."""
    stmt = (select(Community.uid).where(Community.code == site_code, Community.origin == site_code,
                                        Community.deleted.is_(False)).limit(1))
    return session.scalar(stmt)


def own_community(ws: Workspace) -> str | None:
    """The uid of a community savings office's own community (its resident form starts there)."""
    if ws.site.role != "community":
        return None
    with ws.read() as session:
        return own_community_uid(session, ws.site.code)


def add_community(ws: Workspace, name: str, code: str = "") -> CommunityRow:
    ws.require("staff", "添加社区", work="communities")
    return add_communities(ws, [(name, code)])[0]


def check_entries(entries: Sequence[tuple[str, str]], site_code: str) -> list[tuple[str, str]]:
    """Cleaned (name, code) pairs, or UserError for the first bad or repeated one (nothing written)."""
    cleaned: list[tuple[str, str]] = []
    for name, code in entries:
        name, code = clean_name(name), clean_code(code, site_code)
        for n, c in cleaned:
            if n == name:
                raise UserError(f"社区“{name}”填了两次。")
            if code and c == code:
                raise UserError(f"社区代码 {code} 填了两次（“{n}”和“{name}”）。")
        cleaned.append((name, code))
    return cleaned


def insert_communities(session: Session, cleaned: list[tuple[str, str]], site_code: str) -> list[Community]:
    """Add checked communities in the caller's transaction (journaled by the hook)."""
    made = []
    for name, code in cleaned:
        _check_free(session, name, code)
        c = Community(name=name, code=code, site_code=site_code)
        session.add(c)
        made.append(c)
    session.flush()
    return made


def add_communities(ws: Workspace, entries: Sequence[tuple[str, str]]) -> list[CommunityRow]:
    """Several communities at once: all of them, or none with the first problem named."""
    ws.require("staff", "添加社区", work="communities")
    cleaned = check_entries(entries, ws.site.code)
    with ws.unit() as session:
        return [community_row(c) for c in insert_communities(session, cleaned, ws.site.code)]


def parse_lines(text: str) -> list[tuple[str, str]]:
    """Communities typed or pasted one a line: a name, then optionally its 12-digit code (after a
    space, a tab from Excel, or a comma)."""
    entries = []
    for line in text.splitlines():
        words = [w for w in re.split(r"[\s,，、;；]+", line.strip()) if w]
        if not words:
            continue
        code = words.pop() if len(words) > 1 and words[-1].isascii() and words[-1].isdigit() else ""
        entries.append(("".join(words) if all(not w.isascii() for w in words) else " ".join(words), code))
    return entries


def live_community(session: Session, uid: str) -> Community:
    c = session.get(Community, uid)
    if c is None or c.deleted:
        raise NotFound("找不到这个社区。")
    return c


def find_community(ws: Workspace, name: str) -> CommunityRow:
    """A community by its exact name (the CLI names them)."""
    wanted = " ".join((name or "").split())
    for c in list_communities(ws, include_retired=True):
        if c.name == wanted:
            return c
    raise NotFound(f"没有名为“{wanted}”的社区。")


def update_community(ws: Workspace, uid: str, name: str, code: str) -> CommunityRow:
    """Rename or recode; every record naming the community follows, since it refers by uid."""
    ws.require("staff", "修改社区", work="communities")
    name, code = clean_name(name), clean_code(code, ws.site.code)
    with ws.unit() as session:
        c = live_community(session, uid)
        _check_free(session, name, code, uid)
        if c.name != name:
            c.name = name
        if c.code != code:
            c.code = code
        session.flush()
        return community_row(c)


def rename_community(ws: Workspace, old: str, new: str) -> CommunityRow:
    """``yichao community rename OLD NEW``."""
    c = find_community(ws, old)
    return update_community(ws, c.uid, new, c.code)


def set_retired(ws: Workspace, uid: str, retired: bool = True) -> CommunityRow:
    """Retire (撤销) a community, or take it back into use."""
    ws.require("staff", "撤销社区" if retired else "恢复社区", work="communities")
    with ws.unit() as session:
        c = live_community(session, uid)
        if c.retired != retired:
            c.retired = retired
            session.flush()
        return community_row(c)


def count_communities(ws: Workspace) -> int:
    """Communities still in use (the dashboard's empty state asks for the first one)."""
    with ws.read() as session:
        return session.scalar(select(func.count()).select_from(Community).where(
            Community.deleted.is_(False), Community.retired.is_(False))) or 0
