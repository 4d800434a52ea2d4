"""A district's passbooks list names the street of each passbook and filters by street (issue 14,
point 5); a street's own list has neither."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.unit.sync.support import district_with_two_streets
from yichao.app.passbook import PassbookFilter, count_passbooks, open_passbook
from yichao.app.people import PersonInput, create_person


def _fill(ws) -> None:
    for name in (["李秀英", "王建国"] if ws.site.code.endswith("1") else ["张桂兰"]):
        open_passbook(ws, create_person(ws, PersonInput(name=name, is_volunteer=True)).uid)


def test_district_passbooks_list_has_a_street_column_and_filter(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.passbook.tabs import PassbooksTab

    a, b, d = district_with_two_streets(make_workspace, tmp_path, _fill)
    tab = PassbooksTab(d)
    qtbot.addWidget(tab)
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    col = headers.index("Street")
    assert headers[:3] == ["Number", "Holder", "Street"] and not tab.street.isHidden()
    rows = sorted((model.data(model.index(r, 0)), model.data(model.index(r, col))) for r in range(model.rowCount()))
    assert rows == [("370102001-000001", "甸柳街道"), ("370102001-000002", "甸柳街道"),
                    ("370102002-000001", "姚家街道")]
    tab.street.setCurrentIndex(tab.street.findData(b.site.code))
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "张桂兰"
    tab.search.setText("李")
    tab.refresh()
    assert model.rowCount() == 0  # the street filter holds with the search
    tab.street.setCurrentIndex(0)
    assert model.rowCount() == 1
    assert count_passbooks(d, PassbookFilter(origin=a.site.code)) == 2  # filtered in SQL
    tab.show_records(None, "")
    assert tab.street.currentIndex() == 0 and model.rowCount() == 3

    own = PassbooksTab(a)
    qtbot.addWidget(own)
    assert own.street.isHidden()
    assert "Street" not in [own.model.headerData(c, Qt.Orientation.Horizontal) for c in range(own.model.columnCount())]
