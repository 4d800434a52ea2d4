"""An empty list tells its two cases apart on a fresh site: nothing recorded yet (what to do, with
the buttons that do it) or nothing that matches the search and filters (it says so, and its button
clears the filter). Organizations, residents, the skills register, the needs, the venture projects,
the certificates register and the passbooks."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from yichao.app.certificates import print_certificates
from yichao.app.core.communities import add_community
from yichao.app.needs import NeedInput, create_need
from yichao.app.orgs import OrgInput, create_org
from yichao.app.passbook import open_passbook
from yichao.app.people import PersonInput, create_person
from yichao.app.projects import ProjectInput, apply_project
from yichao.ui.launch import make_application


def _shown(state, page) -> bool:
    return state.isVisibleTo(page)


def test_organizations_none_yet_or_none_matching(qtbot, workspace, monkeypatch):
    from yichao.ui.pages.orgs.page import OrgsPage

    make_application()
    started = []
    monkeypatch.setattr(OrgsPage, "import_file", lambda self: started.append("import"))
    add_community(workspace, "甸柳第一社区")
    page = OrgsPage(workspace)
    qtbot.addWidget(page)
    page.list.kind.setCurrentIndex(2)  # a filter on an empty street: still "none yet", not "no match"
    assert _shown(page.no_orgs, page) and not _shown(page.no_match, page)
    page.no_orgs.buttons[1].click()
    assert started == ["import"]

    create_org(workspace, OrgInput("百合邻里互助会"))
    page.list.clear_filters()
    assert not _shown(page.no_orgs, page) and not _shown(page.no_match, page)
    page.list.search.setText("夕阳红")
    page.list.apply_filter()
    assert page.list.model.rowCount() == 0
    assert _shown(page.no_match, page) and not _shown(page.no_orgs, page)
    assert "筛选" in page.no_match.label.text() and page.no_match.buttons[0].text() == "清除筛选"
    page.no_match.buttons[0].click()  # clears the filter
    assert page.list.search.text() == "" and page.list.model.rowCount() == 1
    assert not _shown(page.no_match, page)
    page.list.show_records((), "工作台：逾期跟进 0 件")  # a dashboard figure with nothing behind it
    assert _shown(page.no_match, page)
    page.no_match.buttons[0].click()
    assert page.list.model.rowCount() == 1 and not page.list.banner.active()


def test_residents_none_yet_with_register_and_import(qtbot, workspace, monkeypatch):
    from yichao.ui.pages.residents.page import ResidentsPage
    from yichao.ui.pages.residents.people import PeopleTab

    make_application()
    started = []
    monkeypatch.setattr(PeopleTab, "add", lambda self: started.append("register"))
    monkeypatch.setattr(PeopleTab, "import_roster", lambda self, path="": started.append("import"))
    page = ResidentsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    tab = page.people_tab
    # no communities yet: that comes first
    assert _shown(tab.no_communities, tab) and not _shown(tab.no_people, tab)
    add_community(workspace, "甸柳第一社区")
    tab.hide()
    tab.show()  # shown again: the communities added meanwhile are read afresh
    assert not _shown(tab.no_communities, tab) and _shown(tab.no_people, tab) and not _shown(tab.no_match, tab)
    assert "居民" in tab.no_people.label.text()
    assert [b.text() for b in tab.no_people.buttons] == ["登记居民...", "导入花名册..."]
    assert tab.community.count() == 2  # the new community is in the filter too
    for button in tab.no_people.buttons:
        button.click()
    assert started == ["register", "import"]


def test_residents_none_matching_and_the_filter_cleared(qtbot, workspace):
    from yichao.ui.pages.residents.page import ResidentsPage

    make_application()
    community = add_community(workspace, "甸柳第一社区")
    create_person(workspace, PersonInput("王秀英", community_uid=community.uid))
    page = ResidentsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    tab = page.people_tab
    assert not _shown(tab.no_people, tab) and not _shown(tab.no_match, tab)
    tab.volunteers.setChecked(True)  # nobody volunteers yet
    assert tab.model.rowCount() == 0 and _shown(tab.no_match, tab) and not _shown(tab.no_people, tab)
    tab.no_match.buttons[0].click()
    assert not tab.volunteers.isChecked() and tab.model.rowCount() == 1 and not _shown(tab.no_match, tab)

    skills = page.skills_tab  # nobody has skills: the register says where they are recorded
    page.tabs.setCurrentWidget(skills)
    assert _shown(skills.no_people, skills) and not _shown(skills.no_match, skills)
    skills.no_people.buttons[0].click()
    assert page.tabs.currentWidget() is tab


@pytest.mark.parametrize("board", [True, False])
def test_needs_none_yet_or_none_matching(qtbot, workspace, monkeypatch, board):
    from yichao.ui.pages.residents.needs import NeedsTab

    make_application()
    started = []
    monkeypatch.setattr(NeedsTab, "act", lambda self, key: started.append(key))
    tab = NeedsTab(workspace)
    qtbot.addWidget(tab)
    tab.show()
    if not board:
        tab.list_button.click()
    assert _shown(tab.no_needs, tab) and not _shown(tab.no_match, tab)
    for button in tab.no_needs.buttons:
        button.click()
    assert started == ["new", "import"]
    create_need(workspace, NeedInput("楼道清理", "环境"))
    tab.reload()
    assert not _shown(tab.no_needs, tab) and not _shown(tab.no_match, tab)
    tab.overdue.setChecked(True)
    assert _shown(tab.no_match, tab) and not _shown(tab.no_needs, tab)
    tab.no_match.buttons[0].click()
    assert not tab.overdue.isChecked() and not _shown(tab.no_match, tab)
    assert "1" in tab.count_label.text()


class _Window(QWidget):
    """A stand-in for the main window: remembers which page a button asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def show_page(self, key: str) -> None:
        self.shown.append(key)


def test_projects_none_yet_or_none_matching(qtbot, workspace, monkeypatch):
    from yichao.ui.pages.projects.list_actions import ProjectActions
    from yichao.ui.pages.projects.list_view import ProjectsTab

    make_application()
    started = []
    monkeypatch.setattr(ProjectActions, "new_round", lambda self: started.append("round"))
    monkeypatch.setattr(ProjectActions, "apply", lambda self: started.append("apply"))
    monkeypatch.setattr(ProjectsTab, "import_history", lambda self: started.append("history"))
    window = _Window()
    qtbot.addWidget(window)
    tab = ProjectsTab(workspace, window)
    window.show()
    # a fresh street: nobody could apply yet, so that comes first, with the way to the organizations
    assert _shown(tab.no_orgs, tab) and not _shown(tab.no_projects, tab) and not _shown(tab.no_match, tab)
    assert "组织" in tab.no_orgs.label.text()
    assert [b.text() for b in tab.no_orgs.buttons] == ["前往组织档案...", "新建资助批次..."]
    for button in tab.no_orgs.buttons:
        button.click()
    assert window.shown == ["orgs"] and started == ["round"]

    org = create_org(workspace, OrgInput("百合邻里互助会"))
    tab.hide()
    tab.show()  # back from the organizations page: nothing recorded yet, but now a project can be
    assert not _shown(tab.no_orgs, tab) and _shown(tab.no_projects, tab) and not _shown(tab.no_match, tab)
    assert [b.text() for b in tab.no_projects.buttons] == ["新建资助批次...", "登记申报...", "导入往年项目..."]
    for button in tab.no_projects.buttons:
        button.click()
    assert started == ["round", "round", "apply", "history"]

    apply_project(workspace, ProjectInput(org.uid, "邻里守望", 500_000))
    tab.after_change()
    assert tab.model.rowCount() == 1
    assert not any(_shown(s, tab) for s in (tab.no_orgs, tab.no_projects, tab.no_match))
    tab.search.setText("夕阳红")
    tab.apply_filter()
    assert tab.model.rowCount() == 0
    assert _shown(tab.no_match, tab) and not _shown(tab.no_projects, tab)
    assert "筛选" in tab.no_match.label.text() and tab.no_match.buttons[0].text() == "清除筛选"
    tab.no_match.buttons[0].click()
    assert tab.search.text() == "" and tab.model.rowCount() == 1 and not _shown(tab.no_match, tab)
    tab.show_records((), "工作台：逾期项目 0 个")  # a dashboard figure with nothing behind it
    assert _shown(tab.no_match, tab) and tab.banner.isVisibleTo(tab)
    tab.no_match.buttons[0].click()
    assert tab.model.rowCount() == 1 and not tab.banner.isVisibleTo(tab)


def test_certificates_register_none_yet_or_none_matching(qtbot, workspace, monkeypatch, tmp_path):
    from yichao.ui.pages.certificates.page import CertificatesPage

    make_application()
    started = []
    monkeypatch.setattr(CertificatesPage, "issue", lambda self: started.append("issue"))
    monkeypatch.setattr(CertificatesPage, "batch", lambda self: started.append("batch"))
    page = CertificatesPage(workspace)
    qtbot.addWidget(page)
    page.show()
    assert _shown(page.no_certificates, page) and not _shown(page.no_match, page)
    assert [b.text() for b in page.no_certificates.buttons] == ["签发证书...", "批量打印..."]
    for button in page.no_certificates.buttons:
        button.click()
    assert started == ["issue", "batch"]

    org = create_org(workspace, OrgInput("百合邻里互助会"))
    print_certificates(workspace, "entry", [org.uid], tmp_path / "entry.pdf")
    page.refresh()
    assert page.model.rowCount() == 1
    assert not _shown(page.no_certificates, page) and not _shown(page.no_match, page)
    page.status_filter.setCurrentIndex(page.status_filter.findData("revoked"))  # none revoked
    assert page.model.rowCount() == 0 and _shown(page.no_match, page) and not _shown(page.no_certificates, page)
    assert "筛选" in page.no_match.label.text() and page.no_match.buttons[0].text() == "清除筛选"
    page.no_match.buttons[0].click()
    assert page.status_filter.currentIndex() == 0 and page.model.rowCount() == 1
    assert not _shown(page.no_match, page)


def test_passbooks_list_none_yet_or_none_matching(qtbot, workspace, monkeypatch):
    from yichao.ui.pages.passbook.page import PassbookPage

    make_application()
    started = []
    monkeypatch.setattr(PassbookPage, "issue", lambda self: started.append("issue"))
    monkeypatch.setattr(PassbookPage, "take_over", lambda self: started.append("take_over"))
    page = PassbookPage(workspace)
    qtbot.addWidget(page)
    page.show()
    tab = page.passbooks
    page.tabs.setCurrentWidget(tab)
    assert _shown(tab.no_passbooks, tab) and not _shown(tab.no_match, tab)
    assert [b.text() for b in tab.no_passbooks.buttons] == ["开立存折…", "接管纸质存折…"]
    for button in tab.no_passbooks.buttons:
        button.click()
    assert started == ["issue", "take_over"]

    community = add_community(workspace, "甸柳第一社区")
    holder = create_person(workspace, PersonInput("王秀英", community_uid=community.uid))
    open_passbook(workspace, holder.uid)
    tab.refresh()
    assert tab.model.rowCount() == 1 and not _shown(tab.no_passbooks, tab) and not _shown(tab.no_match, tab)
    tab.status.setCurrentIndex(tab.status.findData("lost"))  # nobody reported a loss
    assert tab.model.rowCount() == 0 and _shown(tab.no_match, tab) and not _shown(tab.no_passbooks, tab)
    tab.no_match.buttons[0].click()
    assert tab.status.currentIndex() == 0 and tab.model.rowCount() == 1 and not _shown(tab.no_match, tab)
    page.show_records("passbooks", (), "工作台：待打印 0 本")  # a dashboard figure with nothing behind it
    assert _shown(tab.no_match, tab)
    tab.no_match.buttons[0].click()
    assert tab.model.rowCount() == 1 and not tab.banner.isVisibleTo(tab)
