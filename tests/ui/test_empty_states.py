"""Day one is guided: an empty list says what to do next and has the button that does it."""

from __future__ import annotations

from yichao.app.core.communities import add_community
from yichao.app.orgs import OrgInput, create_org
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow


def test_no_communities_no_organizations_no_keys(qtbot, workspace, monkeypatch):
    make_application()
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    orgs_page = window.show_page("orgs")
    assert orgs_page.no_communities.isVisibleTo(orgs_page) and orgs_page.no_orgs.isVisibleTo(orgs_page)
    orgs_page.no_communities.buttons[0].click()  # 添加社区 opens 系统管理 › 社区
    admin = window.current_page()
    assert admin.tabs.currentWidget() is admin.communities_tab
    people_tab = window.show_page("residents").people_tab
    assert people_tab.no_communities.isVisibleTo(people_tab)

    sync_page = window.show_page("sync")
    assert sync_page.no_keys.isVisibleTo(sync_page)
    sync_page.no_keys.buttons[0].click()
    assert sync_page.tabs.currentWidget() is sync_page.keys_tab

    add_community(workspace, "甸柳第一社区")
    create_org(workspace, OrgInput("百合邻里互助会"))
    orgs_page = window.show_page("orgs")  # shown again: the states are looked at afresh
    assert not orgs_page.no_communities.isVisibleTo(orgs_page) and not orgs_page.no_orgs.isVisibleTo(orgs_page)


def test_the_empty_list_button_starts_the_new_record(qtbot, workspace, monkeypatch):
    from yichao.ui.pages.orgs.page import OrgsPage

    make_application()
    started = []
    monkeypatch.setattr(OrgsPage, "add", lambda self: started.append("new"))
    page = OrgsPage(workspace)
    qtbot.addWidget(page)
    page.no_orgs.buttons[0].click()
    assert started == ["new"]
