"""First run: the site (street, district or community savings office) and the first administrator account."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from yichao.app.core.auth import check_new_password, check_username, create_user
from yichao.app.core.communities import check_entries, insert_communities, office_community_name
from yichao.app.core.errors import UserError
from yichao.app.core.levels import ROLES
from yichao.app.core.storage import location_problem
from yichao.app.core.vault import create_vault, wrap_for_admin
from yichao.app.core.workspace import CLI_USER, CurrentUser, SiteInfo, Workspace, open_workspace
from yichao.models.site import Site

_DIGITS = {"district": 6, "street": 9, "community": 12}
_KIND = {"district": "区", "street": "街道", "community": "社区"}
_PARENT = {"street": "district", "community": "street"}


def check_site_code(code: str, role: str) -> str:
    """A district is a 6-digit division code, a street 9 digits (GB/T 2260 + 3), a community
    savings office its community's 12-digit statistical code (the street's 9 + 3)."""
    code = code.strip()
    want = _DIGITS.get(role, 9)
    if not code.isdigit() or not code.isascii() or len(code) != want:
        raise UserError(f"{_KIND.get(role, '街道')}的行政区划代码应为{want}位数字，现为“{code}”（{len(code)}位）。")
    return code


def validate_site(role: str, code: str, name: str, parent_code: str = "", parent_name: str = "") -> SiteInfo:
    """Check the wizard's first page; raise one sentence naming the wrong field.

    A street's district is optional (a street may work alone); a community savings office exists to
    exchange with its street, so its street's code is required (issue 17)."""
    if role not in ROLES:
        raise UserError("站点类型只能是 街道、区 或 社区储蓄所。")
    code = check_site_code(code, role)
    if not name.strip():
        raise UserError("站点名称不能为空。")
    parent_code = parent_code.strip()
    parent = _PARENT.get(role)
    if parent is not None:
        kind, want = _KIND[parent], _DIGITS[parent]
        if role == "community" and not parent_code:
            raise UserError("社区储蓄所要填写所属街道的行政区划代码（9位数字）。")
        if parent_code and (not parent_code.isdigit() or not parent_code.isascii() or len(parent_code) != want):
            raise UserError(f"上级{kind}的行政区划代码应为{want}位数字，现为“{parent_code}”。")
        if parent_code and not code.startswith(parent_code):
            raise UserError(f"{_KIND[role]}代码 {code} 应以上级{kind}的代码 {parent_code} 开头。")
    return SiteInfo(code, name.strip(), role, parent_code)


def initialize(
    data_dir: Path, role: str, code: str, name: str, admin: str, password: str,
    parent_code: str = "", parent_name: str = "", database_url: str | None = None,
    communities: Sequence[tuple[str, str]] = (),
) -> Workspace:
    """Create the data folder, its database, the local site (with its communities: (name,
    optional 12-digit code) pairs, written with the site) and the first administrator.

    Everything is checked before anything is written; an initialised folder is refused.
    """
    site = validate_site(role, code, name, parent_code, parent_name)
    if communities and site.role != "street":
        raise UserError("只有街道站点登记社区。")
    # a community savings office serves one community: its own record, coded with the office's
    # code, so the residents it registers belong to it from the first day (before any bundle)
    own = [(office_community_name(site.name), site.code)] if site.role == "community" else []
    cleaned = check_entries([*communities, *own], site.code)
    check_username(admin)
    check_new_password(password)
    if not database_url or database_url.startswith("sqlite"):
        problem = location_problem(data_dir)
        if problem:
            raise UserError(problem)
    ws = open_workspace(data_dir, create=True, database_url=database_url, check_pc=False)
    try:
        if ws.is_initialized and ws.is_shared and database_url:
            raise UserError(f"这个数据库已经是{ws.site.name}（{ws.site.code}）的数据库，不能再初始化；"
                            "要让这台电脑也使用它，请运行 yichao join --database-url 数据库地址"
                            "（由区里的管理员登录授权）。")
        if ws.is_initialized:
            raise UserError(f"数据文件夹 {data_dir} 已经初始化过（站点 {ws.site.name}）。")
        setup_user = CurrentUser(admin.strip(), "admin")
        with ws.unit(setup_user) as session:
            session.info["site"] = site.code
            session.add(Site(code=site.code, name=site.name, role=site.role,
                             parent_code=site.parent_code, parent_name=parent_name.strip(),
                             is_local=True))
            insert_communities(session, cleaned, site.code)
        ws.forget_site()
        ws.settings.set("site_label", f"{site.name}（{site.code}）")
        create_user(ws, admin, password, "admin", "管理员", bootstrap=True)
        if ws.is_shared:  # the first PC of a district's database: the vault of the site's secrets
            with ws.unit(setup_user) as session:
                ws.vault_key = create_vault(session, ws.data_dir, ws.pc_id, ws.pc_name, admin.strip(), None)
                wrap_for_admin(session, ws.vault_key, admin.strip(), password)
        return ws
    except BaseException:
        ws.close()
        raise


def local_site(ws: Workspace) -> SiteInfo:
    return ws.site


def site_names(ws: Workspace) -> dict[str, str]:
    """Code -> name of every site known here (for the district's cross-street lists)."""
    with ws.read() as session:
        return {s.code: s.name for s in session.scalars(select(Site))}


__all__ = ["initialize", "validate_site", "check_site_code", "local_site", "site_names", "CLI_USER"]
