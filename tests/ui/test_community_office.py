"""The wizard sets up a community savings office (社区储蓄所) under its street, and its window offers
only the pages its level may use (issue 17 point 1)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from yichao.app.certificates import kinds
from yichao.app.core import community_names, list_communities
from yichao.ui.dialogs.setup_wizard import SetupWizard
from yichao.ui.launch import make_application
from yichao.ui.main_window import MainWindow
from yichao.ui.pages.admin.page import AdminPage
from yichao.ui.pages.certificates.dialogs import IssueDialog
from yichao.ui.pages.certificates.page import CertificatesPage
from yichao.ui.pages.residents.person_dialog import PersonDialog


def test_wizard_sets_up_a_community_office_under_its_street(qtbot, tmp_path):
    make_application()
    wizard = SetupWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.site_page
    page.role.setCurrentIndex(page.role.findData("community"))
    assert page.parent_code_label.text() == "上级街道代码："
    qtbot.keyClicks(page.code, "370102001003")
    page.name.setText("甸柳新村社区储蓄所")
    assert "所属街道" in page.error.text()  # an office must name its street
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(page.parent_code, "370102002")
    assert "应以上级街道的代码" in page.error.text()
    page.parent_code.clear()
    qtbot.keyClicks(page.parent_code, "370102001")
    page.parent_name.setText("甸柳街道")
    assert page.error.text() == ""
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page  # an office lists no communities
    qtbot.keyClicks(wizard.admin_page.password, "secret123")
    qtbot.keyClicks(wizard.admin_page.repeat, "secret123")
    wizard.accept()
    ws = wizard.workspace
    assert ws is not None
    try:
        assert (ws.site.role, ws.site.code, ws.site.parent_code) == ("community", "370102001003", "370102001")
    finally:
        ws.close()


def test_an_office_s_window_offers_no_organization_or_project_pages(qtbot, make_workspace):
    make_application()
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    window = MainWindow(office, remember_geometry=False)
    qtbot.addWidget(window)
    keys = [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]
    assert "orgs" not in keys and "projects" not in keys
    assert {"passbook", "residents", "certificates", "sync"} <= set(keys)
    assert window.show_page("orgs") is None
    assert "社区储蓄所" in window.site_label.text()


def test_a_street_s_window_still_offers_them(qtbot, workspace):
    make_application()
    window = MainWindow(workspace, remember_geometry=False)
    qtbot.addWidget(window)
    keys = [window.nav.item(i).data(0x0100) for i in range(window.nav.count())]
    assert "orgs" in keys and "projects" in keys


def test_an_office_s_certificates_page_offers_the_volunteer_record_only(qtbot, make_workspace):
    make_application()
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    page = CertificatesPage(office)
    qtbot.addWidget(page)
    dialog = IssueDialog(office)
    qtbot.addWidget(dialog)
    for combo in (page.kind_filter, dialog.kind):
        keys = [combo.itemData(i) for i in range(combo.count())]
        assert [k for k in keys if k] == ["volunteer"]


def test_a_street_s_certificates_page_offers_every_kind(qtbot, workspace):
    make_application()
    dialog = IssueDialog(workspace)
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [k for k, _ in kinds()]
    assert {"entry", "graduation", "rating", "volunteer", "award"} == {k for k, _ in kinds()}


def test_an_office_s_administration_has_no_communities_tab(qtbot, make_workspace, workspace):
    make_application()
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    page = AdminPage(office)
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert page.communities_tab is None and "社区" not in titles and len(titles) == 4
    street = AdminPage(workspace)
    qtbot.addWidget(street)
    assert street.tabs.indexOf(street.communities_tab) == 1


def test_a_new_resident_at_an_office_starts_in_its_own_community(qtbot, make_workspace, workspace):
    make_application()
    office = make_workspace(role="community", code="370102001003", name="甸柳新村社区储蓄所", parent="370102001")
    (own,) = list_communities(office)
    dialog = PersonDialog(office, community_names(office))
    qtbot.addWidget(dialog)
    assert dialog.widgets["community"].currentData() == own.uid
    street = PersonDialog(workspace, community_names(workspace))
    qtbot.addWidget(street)
    assert street.widgets["community"].currentData() is None
