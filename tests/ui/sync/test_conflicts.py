"""The district's 数据冲突 tab: overlaps side by side, decisions journaled and sent to the street."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from tests.unit.sync.support import move, pair
from tests.unit.sync.test_merge import CODE, add_org
from yichao.app.sync import open_notices
from yichao.models.journal import JournalEntry


def headers(model):
    """The column titles a user sees, read through the model's Qt interface."""
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_conflicts_tab_links_and_asks_the_street(qtbot, make_workspace, tmp_path, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    from yichao.ui.pages.sync.conflicts import ConflictsTab

    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102002", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    add_org(a, "山泉志愿服务中心", CODE)
    add_org(b, "山泉志愿服务中心", CODE)
    move(a, d, tmp_path)
    move(b, d, tmp_path)

    tab = ConflictsTab(d)
    qtbot.addWidget(tab)
    tab.resize(1000, 640)
    assert tab.list_model.rowCount() == 1
    assert tab.list_model.rows[0][2] == "在 2 个街道登记"
    assert headers(tab.side_model)[1:] == ["甸柳街道", "姚家街道"]
    assert ["名称", "山泉志愿服务中心", "山泉志愿服务中心"] in tab.side_model.rows
    assert ["阶段", "苗圃培育", "苗圃培育"] in tab.side_model.rows  # codes in words
    tab.show()
    tab.grab().save(str(tmp_path / "conflicts.png"))

    tab.decide("ask")  # no note: refused with a sentence, nothing changes
    assert tab.list_model.rowCount() == 1 and tab.list_model.rows[0][3] == "待处理"
    assert warned and "请写明" in warned[-1]
    tab.note.setText("请核对统一社会信用代码")
    tab.decide("ask")
    tab.status_filter.setCurrentIndex(tab.status_filter.findData(""))
    assert tab.list_model.rows[0][3] == "已请街道更正"
    with d.read() as s:
        assert s.scalar(select(JournalEntry.op).where(JournalEntry.op == "conflict_ask")) == "conflict_ask"
    move(d, a, tmp_path)
    notices = open_notices(a)
    assert len(notices) == 1 and "请核对统一社会信用代码" in notices[0].text and "姚家街道" in notices[0].text
    street_tab = ConflictsTab(a)
    qtbot.addWidget(street_tab)
    assert street_tab.notice_model.rowCount() == 1

    tab.decide("link")
    move(d, a, tmp_path)
    assert open_notices(a) == []  # the district no longer asks
