"""The needs tab's keyboard, on the board and in the list: Enter opens the need, Delete deletes it
after the question (Cancel keeps it); a claimed need is not deleted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.modal import answer, seen
from yichao.app.core.communities import add_community
from yichao.app.needs import NeedInput, NeedsFilter, claim, count_needs, create_need, publish
from yichao.app.people import PersonInput, create_person
from yichao.ui.launch import make_application


@pytest.fixture
def tab(qtbot, workspace):
    make_application()
    community = add_community(workspace, "燕山社区")
    asker = create_person(workspace, PersonInput("王秀英", community_uid=community.uid))
    create_need(workspace, NeedInput("楼道清理", "环境", requester_uid=asker.uid))
    from yichao.ui.pages.residents.needs import NeedsTab

    widget = NeedsTab(workspace)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.asker = asker  # type: ignore[attr-defined]
    return widget


def test_delete_on_the_board_asks_and_deletes(tab, qtbot, workspace):
    drafts = tab.board.lists["draft"]
    drafts.setFocus()
    drafts.setCurrentRow(0)
    assert tab.need is not None and tab.buttons["delete"].isEnabled()
    answer("confirm-cancel")
    qtbot.keyClick(drafts, Qt.Key.Key_Delete)
    assert "楼道清理" in seen[-1] and count_needs(workspace) == 1  # asked; Cancel kept it
    answer("confirm-action")
    qtbot.keyClick(drafts, Qt.Key.Key_Delete)
    assert count_needs(workspace) == 0
    assert tab.need is None and drafts.count() == 0 and " 0 " in tab.count_label.text()


def test_delete_in_the_list_and_enter_opens_the_row(tab, qtbot, workspace, monkeypatch):
    tab.list_button.click()
    opened = []
    monkeypatch.setattr(tab, "act", lambda key: opened.append(key))
    qtbot.keyClicks(tab.search, "ldql")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # into the results
    assert tab.view.hasFocus() and tab.need is not None and tab.need.title == "楼道清理"
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert opened == ["edit"]
    monkeypatch.undo()
    answer("confirm-action")
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert count_needs(workspace) == 0 and tab.model.rowCount() == 0


def test_enter_in_the_search_box_goes_into_the_board(tab, qtbot):
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)
    assert tab.board.lists["draft"].hasFocus() and tab.need is not None and tab.need.title == "楼道清理"


def test_a_claimed_need_is_not_deleted(tab, qtbot, workspace):
    need = create_need(workspace, NeedInput("代买药品", "助老", requester_uid=tab.asker.uid))
    publish(workspace, need.uid)
    helper = create_person(workspace, PersonInput("李建国", is_volunteer=True))
    claim(workspace, need.uid, "volunteer", helper.uid)
    tab.reload()
    tab.select(need.uid)
    assert not tab.buttons["delete"].isEnabled()
    from yichao.app.core import UserError
    from yichao.app.needs import delete_need

    with pytest.raises(UserError, match="请取消"):
        delete_need(workspace, need.uid)
    assert count_needs(workspace, NeedsFilter(status="claimed")) == 1
