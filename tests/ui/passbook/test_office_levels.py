"""The passbook page at a community savings office: the district's and the street's rules and items
are shown as theirs and cannot be edited here; the office keeps its stock (issue 17 point 4)."""

from __future__ import annotations

from yichao.models.journal import bulk_insert
from yichao.models.passbook import CatalogItem, PointsRule
from yichao.ui.launch import make_application

STREET, OFFICE = "370102001", "370102001003"


def _arrived(ws, model, origin, **values):
    with ws.unit() as session:
        session.info["sync_apply"] = False
        bulk_insert(session, model, [{**values, "origin": origin}])


def test_an_office_sees_whose_rules_and_items_they_are_and_cannot_add_any(qtbot, make_workspace):
    from yichao.ui.pages.passbook.page import PassbookPage

    make_application()  # the Chinese translators, as users get them
    office = make_workspace(role="community", code=OFFICE, name="甸柳新村社区储蓄所", parent=STREET)
    _arrived(office, PointsRule, "370102", name="助老", kind="hourly", activity_type="助老服务", points=10)
    _arrived(office, PointsRule, STREET, name="清扫", kind="hourly", activity_type="环境清洁", points=8)
    _arrived(office, CatalogItem, STREET, name="洗衣液", points=60, unit="瓶")
    page = PassbookPage(office)
    qtbot.addWidget(page)
    rules = [a.text() for a in page.rules.toolbar.actions()]
    items = [a.text() for a in page.catalog.toolbar.actions()]
    assert not any("规则" in t for t in rules) and not any("物品" in t or "修改" in t for t in items)
    assert items == ["入库 / 更正"]  # the office's own stock
    made_by = {page.rules.model.rows[i].name: page.rules.model.data(page.rules.model.index(i, 6))
               for i in range(page.rules.model.rowCount())}
    assert made_by == {"助老": "区级（只读）", "清扫": "街道（只读）"}
    assert page.catalog.model.data(page.catalog.model.index(0, 5)) == "街道（只读）"


def test_a_street_still_adds_rules_and_items(qtbot, workspace):
    from yichao.ui.pages.passbook.page import PassbookPage

    make_application()
    page = PassbookPage(workspace)
    qtbot.addWidget(page)
    assert len(page.rules.toolbar.actions()) == 2 and len(page.catalog.toolbar.actions()) == 3
