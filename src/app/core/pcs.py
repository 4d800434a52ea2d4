"""The PCs of a district on one database: join another PC, list them, revoke one (issue 19).

``yichao init --database-url`` makes the first PC of a district's PostgreSQL database; every other
PC joins it with :func:`join`: an administrator of that district signs in on the new PC, which is
then authorized (it receives the vault key of the site's secrets, wrapped under its own key) and
writes only its own settings. Users, roles, records and the journal stay in the shared database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.auth import login
from yichao.app.core.errors import NotFound, PermissionDenied, UserError
from yichao.app.core.paths import db_path
from yichao.app.core.settings import Settings
from yichao.app.core.vault import add_pc, any_pc, ensure_data_key, unwrap_for_admin
from yichao.app.core.workspace import Workspace, open_workspace
from yichao.models.base import utcnow
from yichao.models.db import MIGRATE_LOCK, locked
from yichao.models.district import SitePC
from yichao.models.journal import record_event

SERVER_URL_HINT = "postgresql+psycopg://用户名:密码@服务器:5432/数据库名"


@dataclass(frozen=True)
class PCRow:
    id: str
    name: str
    joined_at: datetime
    joined_by: str
    last_seen: datetime | None
    revoked_at: datetime | None
    revoked_by: str
    this_pc: bool


def _check_folder(data_dir: Path, url: str) -> None:
    """The folder must be new to Yichao, or already this database's (a revoked PC joins again)."""
    if db_path(data_dir).exists():
        raise UserError(f"数据文件夹 {data_dir} 里已经有本机的数据库，不能用来加入区级数据库："
                        "请另选一个空的数据文件夹（--data-dir）。")
    if data_dir.is_dir():
        known = str(Settings(data_dir).get("database_url") or "")
        if known and known != url:
            raise UserError(f"数据文件夹 {data_dir} 已经连接着另一个数据库，请另选一个空的数据文件夹（--data-dir）。")


def join(data_dir: Path, database_url: str, username: str, password: str) -> Workspace:
    """Connect this PC to an existing district database; returns it open, signed in as the admin.

    Checks that the database is a Yichao district at a schema this program knows, signs the
    administrator in (journaled), authorizes this PC (journaled, with the PC's name) and writes
    this PC's settings only. Every refusal is one sentence and leaves the folder unused."""
    url = (database_url or "").strip()
    if not url or url.startswith("sqlite") or "://" not in url:
        raise UserError(f"加入只适用于区里共用的 PostgreSQL 数据库：请填写形如 {SERVER_URL_HINT} 的地址。")
    if not username.strip() or not password:
        raise UserError("加入区级数据库需要区里的管理员登录：请填写管理员的用户名和密码。")
    data_dir = Path(data_dir)
    _check_folder(data_dir, url)
    ws = open_workspace(data_dir, create=True, database_url=url, check_pc=False)
    try:
        if not ws.is_initialized:
            raise UserError("这个数据库还没有初始化：请先在区里的第一台电脑上运行 yichao init --role district "
                            "--database-url 数据库地址，再让其他电脑加入。")
        site = ws.site
        if site.role != "district":
            raise UserError(f"这个数据库属于{site.name}（{site.code}），不是区级数据库；"
                            "只有区里的电脑可以共用一个数据库。")
        user = login(ws, username, password)
        if user.role != "admin":
            ws.user = None
            raise PermissionDenied(f"{user.username} 不是{site.name}的管理员：只有管理员才能让一台电脑加入区级数据库。")
        with ws.unit() as session, locked(session, MIGRATE_LOCK):
            if not any_pc(session):
                raise UserError("这个区级数据库还没有登记任何电脑：请先在原来使用它的电脑上打开一次益巢"
                                "（登记那台电脑并把站点密钥存入数据库），再让这台电脑加入。")
            vault_key = unwrap_for_admin(session, user.username, password)
            if vault_key is None:
                raise UserError(f"管理员 {user.username} 还没有在已加入的电脑上登录过（或改密码后还没有），"
                                "暂时不能授权新电脑：请先在已加入的电脑上用这个账号登录一次，再运行 yichao join。")
            add_pc(session, data_dir, ws.pc_id, ws.pc_name, user.username, vault_key)
            ensure_data_key(session, vault_key, data_dir)  # identity numbers: the site's one key
        ws.vault_key = vault_key
        ws.settings.set("database_url", url)
        ws.settings.set("site_label", f"{site.name}（{site.code}）")
        return ws
    except BaseException:
        ws.close()
        raise


def list_pcs(ws: Workspace) -> list[PCRow]:
    """Every PC that joined this database, the revoked ones too (administrators)."""
    ws.require("admin", "查看加入的电脑")
    with ws.read() as session:
        return [PCRow(p.id, p.name, p.joined_at, p.joined_by, p.last_seen, p.revoked_at, p.revoked_by,
                      p.id == ws.pc_id)
                for p in session.scalars(select(SitePC).order_by(SitePC.joined_at))]


def _find(session: Session, which: str) -> SitePC:
    which = which.strip()
    rows = list(session.scalars(select(SitePC)))
    exact = [p for p in rows if p.id == which or p.name == which]
    found = exact or [p for p in rows if len(which) >= 4 and p.id.startswith(which)]
    if not found:
        raise NotFound(f"没有名称或编号为“{which}”的电脑（yichao pc list 列出全部）。")
    if len(found) > 1:
        raise UserError(f"有 {len(found)} 台电脑名为“{which}”，请用 yichao pc list 里的编号指明是哪一台。")
    return found[0]


def revoke_pc(ws: Workspace, which: str) -> PCRow:
    """Revoke a PC (by name or id): it can no longer open the database, and its wrapped copy of
    the site's vault key is deleted. Journaled. This PC itself cannot be revoked from here."""
    user = ws.require("admin", "撤销电脑的授权")
    with ws.unit() as session:
        pc = _find(session, which)
        if pc.id == ws.pc_id:
            raise UserError("不能撤销正在使用的这台电脑，请在另一台已加入的电脑上撤销它。")
        if pc.revoked_at is not None:
            raise UserError(f"电脑 {pc.name} 已经撤销过授权。")
        pc.revoked_at, pc.revoked_by, pc.wrapped = utcnow(), user.username, ""
        record_event(session, "pc_revoke", "site_pc", pc.id, {"pc": pc.id, "name": pc.name})
        session.flush()
        return PCRow(pc.id, pc.name, pc.joined_at, pc.joined_by, pc.last_seen, pc.revoked_at, pc.revoked_by, False)
