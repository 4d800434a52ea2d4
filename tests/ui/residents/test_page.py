"""The 居民与需求 page driven offscreen: masked lists, journaled reveal, search, board, flow buttons,
dialogs that validate as the clerk types."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox
from sqlalchemy import select

from yichao.app.core.communities import add_community
from yichao.app.needs import records as needs
from yichao.app.needs.records import NeedInput
from yichao.app.people import residents as people
from yichao.app.people.residents import PersonInput
from yichao.models.identifiers import make_id_number
from yichao.models.journal import JournalEntry
from yichao.ui.launch import make_application

ID = make_id_number("370102", date(1950, 6, 1), 235)


@pytest.fixture
def page(qtbot, workspace):
    make_application()
    c = add_community(workspace, "燕山社区")
    asker = people.create_person(workspace, PersonInput("王秀英", ID, community_uid=c.uid))
    people.create_person(workspace, PersonInput("李建国", community_uid=c.uid, is_volunteer=True, skills="水电维修",
                                                offers="周末上门修水管"))
    late = needs.create_need(workspace, NeedInput("厨房水管漏水维修", "维修", requester_uid=asker.uid,
                                                  due_date=date.today() - timedelta(days=2), reward_points=20))
    from yichao.app.needs.flow import publish

    publish(workspace, late.uid)
    needs.create_need(workspace, NeedInput("楼道清理", "环境", requester_uid=asker.uid))
    from yichao.ui.pages.residents.page import ResidentsPage

    widget = ResidentsPage(workspace)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    widget.late_uid = late.uid  # type: ignore[attr-defined]
    return widget


def _all_texts(widget) -> str:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    for tab in (widget.people_tab, widget.skills_tab):
        m = tab.model
        texts += [str(m.data(m.index(r, c))) for r in range(m.rowCount()) for c in range(m.columnCount())]
    return "\n".join(texts)


def test_tabs_and_masked_identity_numbers_everywhere(page, qtbot):
    assert [page.tabs.tabText(i) for i in range(3)] == ["居民", "能人库", "需求清单"]
    tab = page.people_tab
    tab.view.selectRow(
        next(r for r in range(tab.model.rowCount()) if tab.model.data(tab.model.index(r, 0)) == "王秀英")
    )
    assert ID[:6] + "********" + ID[-4:] in tab.details.text()
    assert ID not in _all_texts(page)


def test_reveal_shows_the_number_once_and_journals_it(page, monkeypatch, workspace):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    tab = page.people_tab
    tab.search.setText("wxy")
    tab.apply_filter()
    tab.view.selectRow(0)
    tab.reveal_button.click()
    assert len(shown) == 1 and ID in shown[0]
    assert ID not in _all_texts(page)
    with workspace.read() as session:
        assert session.scalars(select(JournalEntry).where(JournalEntry.op == "reveal")).first() is not None


def test_search_by_pinyin_initials_after_a_pause(page, qtbot):
    tab = page.people_tab
    assert tab.model.rowCount() == 2
    qtbot.keyClicks(tab.search, "ljg")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert tab.model.data(tab.model.index(0, 0)) == "李建国"
    assert "1" in tab.count_label.text()


def test_skills_register_lists_skilled_residents_with_offers(page):
    tab = page.skills_tab
    assert tab.model.rowCount() == 1
    row = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert "李建国" in row and "水电维修" in row and "周末上门修水管" in row


def test_board_overdue_in_red_and_the_flow_buttons(page, qtbot, workspace):
    tab = page.needs_tab
    page.tabs.setCurrentWidget(tab)
    board = tab.board
    assert board.headers["published"].text().endswith("1") and board.headers["draft"].text().endswith("1")
    item = board.lists["published"].item(0)
    assert item.foreground().color().name() == "#c62828"
    board.lists["published"].setCurrentRow(0)
    assert tab.need is not None and tab.need.uid == page.late_uid
    assert "逾期" in tab.details.text()
    assert tab.buttons["claim"].isEnabled() and not tab.buttons["publish"].isEnabled()
    assert tab.history.count() == 2
    assert any("李建国" in tab.suggestions.item(i).text() for i in range(tab.suggestions.count()))
    # the list view: same data, overdue title in red
    tab.list_button.click()
    m = tab.model
    assert m.rowCount() == 2
    overdue_row = next(r for r in range(2) if m.data(m.index(r, 0)) == "厨房水管漏水维修")
    assert m.data(m.index(overdue_row, 0), Qt.ItemDataRole.ForegroundRole).name() == "#c62828"


def test_publish_from_the_list(page, qtbot, workspace):
    tab = page.needs_tab
    tab.list_button.click()
    row = next(r for r in range(tab.model.rowCount()) if tab.model.data(tab.model.index(r, 0)) == "楼道清理")
    tab.view.selectRow(row)
    assert tab.buttons["publish"].isEnabled()
    tab.buttons["publish"].click()
    assert tab.need.status == "published"
    assert [h.to_status for h in needs.need_history(workspace, tab.need.uid)] == ["draft", "published"]


def test_person_dialog_validates_as_you_type(qtbot, workspace):
    make_application()
    from yichao.ui.pages.residents.person_dialog import PersonDialog

    dialog = PersonDialog(workspace, {})
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and "姓名" in dialog.error.text()
    dialog.name.setText("张三")
    qtbot.keyClicks(dialog.id_number, ID[:17])
    assert "18位" in dialog.error.text() and not save.isEnabled()
    qtbot.keyClicks(dialog.id_number, ID[17])
    assert dialog.error.text() == "" and save.isEnabled()
    save.click()
    assert dialog.saved is not None and dialog.saved.id_masked.count("*") == 8


def test_duplicate_offers_to_open_the_registered_resident(qtbot, workspace, monkeypatch):
    make_application()
    from yichao.ui.pages.residents import person_dialog as person_edit

    first = people.create_person(workspace, PersonInput("王秀英", ID))
    monkeypatch.setattr(person_edit.QMessageBox, "exec", lambda self: self.buttons()[0].click())
    dialog = person_edit.PersonDialog(workspace, {})
    qtbot.addWidget(dialog)
    dialog.name.setText("王秀英")
    dialog.id_number.setText(ID)
    dialog.save()
    assert dialog.saved is None and dialog.open_existing == first.uid
    assert "已登记为居民" in dialog.error.text()


def test_needs_for_an_organization_dialog(qtbot, workspace):
    make_application()
    from yichao.app.needs.flow import publish
    from yichao.models.organization import Organization
    from yichao.ui.pages.residents.needs_for_org_dialog import NeedsForOrgDialog

    c = add_community(workspace, "燕山社区")
    with workspace.unit() as session:
        session.add(Organization(name="燕山志愿队", community_uid=c.uid))
    n = needs.create_need(workspace, NeedInput("楼道清理", "环境", community_uid=c.uid))
    publish(workspace, n.uid)
    dialog = NeedsForOrgDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.org.currentText() == "燕山志愿队"
    assert dialog.needs.count() == 1 and "同一社区" in dialog.needs.item(0).text()
    dialog.needs.setCurrentRow(0)
    dialog.open_need()
    assert dialog.chosen == n.uid


def test_read_only_users_get_no_changing_buttons(qtbot, workspace):
    make_application()
    from yichao.app.core.workspace import CurrentUser
    from yichao.ui.pages.residents.page import ResidentsPage

    people.create_person(workspace, PersonInput("王秀英", ID))
    workspace.user = CurrentUser("guest", "viewer")
    page = ResidentsPage(workspace)
    qtbot.addWidget(page)
    tab = page.people_tab
    tab.view.selectRow(0)
    assert tab.current() is not None
    assert not tab.add_button.isEnabled() and not tab.reveal_button.isEnabled() and not tab.edit_button.isEnabled()
    assert tab.export_button.isEnabled()
    assert not page.needs_tab.buttons["new"].isEnabled()
