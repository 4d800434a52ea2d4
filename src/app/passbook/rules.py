"""Points rules: points per service hour by activity type, fixed points for a need, points expiry.

Rules made by the district arrive by bundle with the district's origin and are read-only here; the
street adds its own rules for activity types the district has not ruled on. Where both exist, the
district's rule wins. A community savings office uses the district's and its street's rules and
makes none (yichao.app.core.levels); the higher level wins there too, by the origin's code.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from yichao.app.core.errors import UserError
from yichao.app.core.levels import level_rank
from yichao.app.core.own_records import save_own
from yichao.app.core.workspace import Workspace
from yichao.app.passbook.labels import RULE_KIND_LABELS
from yichao.app.passbook.ledger import hours_to_minutes
from yichao.models.passbook import RULE_KINDS, PointsRule


@dataclass(frozen=True)
class RuleInput:
    name: str
    kind: str
    activity_type: str = ""
    points: int = 0
    years: int = 0
    active: bool = True
    note: str = ""


@dataclass(frozen=True)
class RuleRow:
    uid: str
    name: str
    kind: str
    activity_type: str
    points: int
    years: int
    active: bool
    note: str
    origin: str
    read_only: bool

    @property
    def kind_label(self) -> str:
        return RULE_KIND_LABELS.get(self.kind, self.kind)


def _row(r: PointsRule, site: str) -> RuleRow:
    return RuleRow(r.uid, r.name, r.kind, r.activity_type, r.points, r.years, r.active, r.note, r.origin,
                   r.origin != site)


def list_rules(ws: Workspace, active_only: bool = False) -> list[RuleRow]:
    site = ws.site.code
    with ws.read() as session:
        stmt = select(PointsRule).where(PointsRule.deleted.is_(False))
        if active_only:
            stmt = stmt.where(PointsRule.active.is_(True))
        rows = [_row(r, site) for r in session.scalars(stmt.order_by(PointsRule.kind, PointsRule.activity_type))]
    # the higher level's rules first: the district's win over the street's, the street's over none
    return sorted(rows, key=lambda r: (r.kind, r.activity_type, level_rank(r.origin)))


def _clean(data: RuleInput) -> dict[str, object]:
    name = " ".join(data.name.split())
    if not name:
        raise UserError("规则名称不能为空。")
    if data.kind not in RULE_KINDS:
        raise UserError("规则类型只能是按服务时长、需求固定积分或积分有效期。")
    activity = " ".join(data.activity_type.split())
    if data.kind == "hourly" and not activity:
        raise UserError("按服务时长的规则要写明活动类型。")
    if data.kind in ("hourly", "need") and not 0 < int(data.points) <= 10_000:
        raise UserError("积分应在 1 到 10000 之间。")
    if data.kind == "expiry" and not 1 <= int(data.years) <= 20:
        raise UserError("积分有效期应在 1 到 20 年之间。")
    return {"name": name, "kind": data.kind, "activity_type": activity, "points": int(data.points),
            "years": int(data.years), "active": bool(data.active), "note": data.note.strip()}


def save_rule(ws: Workspace, data: RuleInput, uid: str | None = None) -> RuleRow:
    """Add a street rule, or change one; the district's rules are refused with a sentence."""
    ws.require("staff", "维护积分规则", work="rules")
    values = _clean(data)
    site = ws.site.code
    with ws.unit() as session:
        rule = save_own(session, PointsRule, uid, values, site, missing="找不到这条积分规则。",
                        foreign="这条积分规则由区里统一制定，街道只能查看，不能修改。")
        return _row(rule, site)


def _pick(rules: list[RuleRow], kind: str, activity_type: str = "") -> RuleRow | None:
    for r in rules:  # district first (see list_rules)
        if r.kind == kind and r.active and (kind != "hourly" or r.activity_type == activity_type):
            return r
    return None


def points_for_service(ws: Workspace, activity_type: str, hours: float) -> int:
    """Points for ``hours`` of an activity type by the rules; refused when no rule covers the type."""
    rule = _pick(list_rules(ws, active_only=True), "hourly", activity_type.strip())
    if rule is None:
        raise UserError(f"活动类型“{activity_type}”还没有积分规则，请先在规则里添加，或直接填写积分。")
    return round(rule.points * hours_to_minutes(hours) / 60)


def activity_types(ws: Workspace) -> list[str]:
    return sorted({r.activity_type for r in list_rules(ws, active_only=True) if r.kind == "hourly"})


def need_points(ws: Workspace) -> int | None:
    rule = _pick(list_rules(ws, active_only=True), "need")
    return rule.points if rule else None


def expiry_years(ws: Workspace) -> int | None:
    rule = _pick(list_rules(ws, active_only=True), "expiry")
    return rule.years if rule else None
