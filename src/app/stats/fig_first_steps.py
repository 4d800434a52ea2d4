"""The 工作台's first steps on a new site: what to set up before the daily work can start.

A fresh street has no communities (residents and organizations each belong to one), no
organizations and no key exchanged with its district; each is a to-do that opens the place where it
is done, and goes away once done. The district's first step is trusting its streets' keys.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.stats.figures import todo
from yichao.app.stats.scope import Scope
from yichao.models.organization import Organization
from yichao.models.site import Community, Site
from yichao.models.sync import SyncPeer


def _role(session: Session) -> str:
    return session.scalar(select(Site.role).where(Site.is_local.is_(True)).limit(1)) or ""


def _none(session: Session, model: type[Community] | type[Organization]) -> bool:
    """True when the site holds no live record of ``model`` (tombstones do not count)."""
    first = session.scalar(select(model.uid).where(model.deleted.is_(False)).limit(1))
    return first is None


@todo("first_communities", "开始使用：添加本街道的社区（居民和组织都归属社区）", page="admin",
      filters=(("tab", "communities_tab"),))
def first_communities(session: Session, scope: Scope, today: date) -> int:
    return int(_role(session) == "street" and _none(session, Community))


@todo("first_orgs", "开始使用：登记或导入本街道的社会组织", page="orgs")
def first_orgs(session: Session, scope: Scope, today: date) -> int:
    return int(_role(session) == "street" and _none(session, Organization))


@todo("first_key", "开始使用：与区里交换密钥文件（报送数据前要做）", page="sync")
def first_key(session: Session, scope: Scope, today: date) -> int:
    # the district's key: a street that trusts only its community offices' has not done this step
    peers = select(func.count()).select_from(SyncPeer).where(SyncPeer.role == "district")
    return int(_role(session) == "street" and not session.scalar(peers))


@todo("first_street_keys", "开始使用：信任各街道的密钥文件（接收街道的数据包前要做）", page="sync")
def first_street_keys(session: Session, scope: Scope, today: date) -> int:
    return int(_role(session) == "district" and not session.scalar(select(func.count()).select_from(SyncPeer)))
