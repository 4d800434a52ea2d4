"""What each level of site may do: district -> street -> community savings office (社区储蓄所).

Why a table here: the single-writer rule (DESIGN.md section 3) makes each kind of record belong to
one level, so the level that does not own a piece of work must be refused by the service itself,
whichever door (page, CLI, script) the call came through. Services name the work they do with
``ws.require(role, action, work=...)``; this module answers whether the local site's level may.

The decision for a community savings office (issue 17 point 1; docs/HACKING.md "Levels"): it keeps
the passbook counter, registers residents and their needs, prints (passbooks, volunteer service
records) and exchanges bundles with its street. It does not run what the street incubation center
owns: organization files (with their stages, residencies, visits, subsidies, lists), community
proposals, venture rounds, projects and roadshows, certificates about organizations and projects,
the street's list of communities, the demo street, the points rules and the redemption catalog
(district rules apply everywhere, a street adds its own, an office uses them and keeps its own
stock); the district's work (ratings, shared database PCs) it never does.
Plain Python, no SQLAlchemy: the lazy core facade may import it at start-up.
"""

from __future__ import annotations

ROLES = ("street", "district", "community")
SITE_ROLE_LABELS = {"street": "街道", "district": "区", "community": "社区储蓄所"}

# work -> why a community savings office may not do it (the end of the refusal sentence)
_STREET_WORK = {
    "orgs": "社会组织档案由街道孵化中心管理",
    "projects": "社区提案、公益创投和项目由街道办理",
    "roadshow": "路演由街道组织",
    "org_certificates": "组织和项目的证书由街道签发",
    "communities": "社区名单由街道维护",
    "demo": "演示数据只能在街道站点生成",
    "rules": "积分规则由区和街道制定，社区储蓄所按规则执行",
    "catalog": "兑换目录由区和街道发布，社区储蓄所只管本所的库存",
}
# a site's code tells its level: district 6 digits, street 9, community office 12 (core.setup)
_RANK_OF_DIGITS = {6: 0, 9: 1, 12: 2}
WORK = frozenset(_STREET_WORK)


def refusal(site_role: str, work: str, action: str) -> str:
    """The sentence refusing ``action`` at a site of ``site_role``, or "" when the level may do it."""
    if work not in WORK:
        raise ValueError(f"unknown work {work!r}")  # a programming error, never a user's
    if site_role != "community":
        return ""
    return f"社区储蓄所不能{action}：{_STREET_WORK[work]}。"


def offers(site_role: str, work: str) -> bool:
    """Whether a page doing ``work`` is offered at a site of ``site_role`` (the GUI asks)."""
    return not refusal(site_role, work, "")


def level_rank(code: str) -> int:
    """0 for a district's code, 1 for a street's, 2 for a community office's: where two levels rule
    on one thing, the lower rank wins (the district's points rules over the street's)."""
    return _RANK_OF_DIGITS.get(len(code), len(_RANK_OF_DIGITS))


def site_role_label(role: str) -> str:
    return SITE_ROLE_LABELS.get(role, role)
