"""Which prefix a new passbook number may carry here (passbook numbering per office, issue 17).

A number is the issuing site's code and its sequence (``370102001003-000042``). Before community
offices ran Yichao, the street issued books under an office's 12-digit code on the office's behalf.
Once an office is a site of its own, its numbers must come from one writer, or the street and the
office would hand out the same number: the office issues only under its own code, and a street no
longer issues under the code of an office whose key it trusts (that office issues them itself).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import SiteInfo
from yichao.models.sync import SyncPeer


def issuing_problem(session: Session, site: SiteInfo, code: str) -> str:
    """The sentence refusing to issue under ``code`` at ``site``, or "" when it may."""
    if code == site.code:
        return ""
    if site.role == "community":
        return f"社区储蓄所只能以本所的代码 {site.code} 开立存折，不能用 {code}。"
    peer = session.get(SyncPeer, code)
    if peer is not None and peer.role == "community":
        return f"{peer.name}（{code}）已作为社区储蓄所独立运行，它的存折由该所开立。"
    return ""


def issuing_code(session: Session, site: SiteInfo, requested: str) -> str:
    """The code to issue under (this site's when none is asked for); refused with one sentence."""
    code = requested.strip() or site.code
    problem = issuing_problem(session, site, code)
    if problem:
        raise UserError(problem)
    return code
