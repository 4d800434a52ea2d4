"""The 数据同步 page says how many of the changes waiting for a site are other sites' records that
this street passes on (issue 17 point 2): its offices' for the district."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.unit.sync.support import move, pair
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.status import sync_status
from yichao.ui.i18n import install_translators

D, S, OFFICE = "370102", "370102001", "370102001003"


def test_the_peer_line_counts_the_offices_changes_passed_on(qtbot, make_workspace, tmp_path):
    from yichao.ui.pages.sync.page import SyncPage

    install_translators(QApplication.instance(), "zh_CN")
    district = make_workspace("district", D, "历下区", "")
    street = make_workspace("street", S, "甸柳街道", D)
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", S)
    pair(street, district, tmp_path)
    pair(street, office, tmp_path)
    for name in ("孙丽", "王芳"):
        create_person(office, PersonInput(name=name))
    move(office, street, tmp_path)
    up = next(p for p in sync_status(street).peers if p.code == D)
    assert up.relayed >= 2

    page = SyncPage(street)
    qtbot.addWidget(page)
    page.peer.setCurrentIndex(page.peer.findData(D))
    page.show_peer_state()
    assert f"待发送的变更 {up.pending} 条" in page.peer_state.text()
    assert f"其中 {up.relayed} 条是转交其他站点的记录" in page.peer_state.text()
    page.peer.setCurrentIndex(page.peer.findData(OFFICE))  # nothing of another site waits for the office
    page.show_peer_state()
    assert "转交" not in page.peer_state.text() and page.peer_state.text()
