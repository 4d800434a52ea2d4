"""Small forms: a catalog item (兑换物品) and a points rule (积分规则) of the street."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from yichao.app.core import Workspace
from yichao.app.passbook import ItemInput, ItemRow, RuleInput, RuleRow, save_item, save_rule
from yichao.ui.widgets.form import Field, FormDialog


class ItemDialog(FormDialog):
    def __init__(self, ws: Workspace, item: ItemRow | None = None, parent: QWidget | None = None) -> None:
        i = item
        super().__init__(self.tr("Catalog item"), [
            Field("name", self.tr("Name"), default=i.name if i else "", required=True),
            Field("category", self.tr("Category"), default=i.category if i else ""),
            Field("points", self.tr("Points"), "int", i.points if i else 50, minimum=1, maximum=100_000),
            Field("unit", self.tr("Unit"), default=i.unit if i else "件"),
            Field("active", "", "check", i.active if i else True, text=self.tr("Offered at the counter")),
        ], parent, ok=FormDialog.Std.Save, submit=lambda v: save_item(
            ws, ItemInput(v["name"], v["points"], v["category"], v["unit"], v["active"]), i.uid if i else None))


class RuleDialog(FormDialog):
    def __init__(self, ws: Workspace, rule: RuleRow | None = None, parent: QWidget | None = None) -> None:
        r = rule

        def uses(*kinds: str) -> Any:
            return lambda v: v["kind"] in kinds

        super().__init__(self.tr("Points rule"), [
            Field("name", self.tr("Name"), default=r.name if r else "", required=True),
            Field("kind", self.tr("Kind"), "choice", r.kind if r else "hourly", choices=[
                ("hourly", self.tr("Points per service hour")), ("need", self.tr("Fixed points for a need")),
                ("expiry", self.tr("Points expire after years"))]),
            Field("activity", self.tr("Activity type"), default=r.activity_type if r else "",
                  enabled=uses("hourly")),
            Field("points", self.tr("Points"), "int", r.points if r else 10, maximum=10_000,
                  enabled=uses("hourly", "need")),
            Field("years", self.tr("Years"), "int", r.years if r else 0, maximum=20, enabled=uses("expiry")),
            Field("active", "", "check", r.active if r else True, text=self.tr("In force")),
        ], parent, ok=FormDialog.Std.Save, submit=lambda v: save_rule(
            ws, RuleInput(v["name"], v["kind"], v["activity"], v["points"], v["years"], v["active"]),
            r.uid if r else None))
