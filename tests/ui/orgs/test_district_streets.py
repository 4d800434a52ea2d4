"""A district's organizations list names the street of each record and filters by street."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.sync.support import move, pair
from tests.unit.sync.test_merge import CODE, add_org
from yichao.app.sync import decide_conflict, list_conflicts


def test_district_list_has_a_street_column_and_filter(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.orgs.list_view import OrgListPanel

    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102002", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    add_org(a, "山泉志愿服务中心", CODE)
    add_org(a, "甸柳书画社")
    add_org(b, "山泉志愿服务中心", CODE)
    move(a, d, tmp_path)
    move(b, d, tmp_path)
    decide_conflict(d, list_conflicts(d)[0].id, "link")

    panel = OrgListPanel(d)
    qtbot.addWidget(panel)
    model = panel.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Street"
    streets = sorted(model.data(model.index(r, 1)) for r in range(model.rowCount()))
    assert streets == ["姚家街道 (in 2 streets)", "甸柳街道", "甸柳街道 (in 2 streets)"]
    panel.street.setCurrentIndex(panel.street.findData(b.site.code))
    assert model.rowCount() == 1

    street_panel = OrgListPanel(a)  # a street's own list has no street column
    qtbot.addWidget(street_panel)
    assert street_panel.street.isHidden()
    assert street_panel.model.headerData(1, Qt.Orientation.Horizontal) != "Street"
