"""Deleting a resident asks first, names the resident, and Cancel keeps the record (issue 15 point 2)."""

from __future__ import annotations

from tests.ui.modal import answer, seen
from yichao.app import people
from yichao.app.people import PersonInput
from yichao.ui.pages.residents.people import PeopleTab


def test_deleting_a_resident_asks_first(qtbot, workspace):
    people.create_person(workspace, PersonInput("赵桂兰"))
    tab = PeopleTab(workspace)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    answer("confirm-cancel")
    tab.delete()
    assert "赵桂兰" in seen[-1]
    assert people.count_people(workspace) == 1
    answer("confirm-action")
    tab.delete()
    assert people.count_people(workspace) == 0
