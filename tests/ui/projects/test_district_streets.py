"""A district's projects list names the street of each project and filters by street (issue 14,
point 5); a street's own list has neither."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.sync.support import district_with_two_streets
from yichao.app.projects import ProjectInput, apply_project, query_projects
from yichao.models.organization import Organization


def _fill(ws) -> None:
    with ws.unit() as s:
        org = Organization(name=f"{ws.site.name}志愿服务队", stage="nursery")
        s.add(org)
        s.flush()
        uid = org.uid
    for title in (["社区花园", "邻里食堂"] if ws.site.code.endswith("1") else ["四点半课堂"]):
        apply_project(ws, ProjectInput(uid, f"{ws.site.name}{title}", 500_000))


def _column(model, header: str) -> int:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return headers.index(header)


def test_district_projects_list_has_a_street_column_and_filter(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.projects.list_view import ProjectsTab

    a, b, d = district_with_two_streets(make_workspace, tmp_path, _fill)
    tab = ProjectsTab(d)
    qtbot.addWidget(tab)
    model = tab.model
    assert not tab.street.isHidden() and [tab.street.itemText(i) for i in range(3)][1:] == ["甸柳街道", "姚家街道"]
    col = _column(model, "Street")
    assert col == 1
    rows = sorted((model.data(model.index(r, 0)), model.data(model.index(r, col))) for r in range(model.rowCount()))
    assert rows == [("姚家街道四点半课堂", "姚家街道"), ("甸柳街道社区花园", "甸柳街道"),
                    ("甸柳街道邻里食堂", "甸柳街道")]
    tab.street.setCurrentIndex(tab.street.findData(b.site.code))
    assert model.rowCount() == 1 and model.data(model.index(0, col)) == "姚家街道"
    tab.street.setCurrentIndex(tab.street.findData(a.site.code))
    assert model.rowCount() == 2
    model.sort(col, Qt.SortOrder.AscendingOrder)  # sorted in SQL like every other column
    assert model.rowCount() == 2
    # the filter is SQL's: the service itself returns one street's projects
    assert {p.origin for p in query_projects(d, origin=b.site.code)} == {b.site.code}
    tab.show_records(None, "")  # showing every project clears the street filter too
    assert tab.street.currentIndex() == 0 and model.rowCount() == 3

    own = ProjectsTab(a)  # a street's own list
    qtbot.addWidget(own)
    assert own.street.isHidden()
    assert "Street" not in [own.model.headerData(c, Qt.Orientation.Horizontal) for c in range(own.model.columnCount())]
