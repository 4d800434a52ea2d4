"""Deleting an activity or a file, approving and paying a subsidy: each asks first; paying asks the day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from tests.ui.modal import answer, seen
from yichao.app import orgs
from yichao.app.core.errors import UserError
from yichao.app.orgs.records import add_activity, add_subsidy, list_subsidies, set_subsidy_status
from yichao.models.organization import Organization
from yichao.ui.pages.orgs.tabs import ActivitiesTab, SubsidiesTab


@pytest.fixture
def org(workspace):
    with workspace.unit() as s:
        o = Organization(name="夕阳情艺术团", stage="nursery")
        s.add(o)
        s.flush()
        return o.uid


def pick(day: date):
    def fill(dialog) -> None:
        dialog.findChild(QDateEdit, "ask-date").setDate(QDate(day.year, day.month, day.day))

    return fill


def test_approving_and_paying_a_subsidy_ask_the_day(qtbot, workspace, org):
    add_subsidy(workspace, org, "activity", date.today().year, "5000", on=date.today() - timedelta(days=30))
    tab = SubsidiesTab(workspace)
    qtbot.addWidget(tab)
    tab.set_org(org)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    answer("confirm-cancel")
    tab.set_status("approved")
    assert list_subsidies(workspace, org)[0].status == "applied"
    approved_on = date.today() - timedelta(days=10)
    answer("confirm-action", fill=pick(approved_on))
    tab.set_status("approved")
    assert (list_subsidies(workspace, org)[0].status, list_subsidies(workspace, org)[0].on) == ("approved", approved_on)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    paid_on = date.today() - timedelta(days=2)
    answer("confirm-action", fill=pick(paid_on))
    tab.set_status("paid")
    assert "5,000.00" in seen[-1] or "5000" in seen[-1]
    row = list_subsidies(workspace, org)[0]
    assert (row.status, row.on) == ("paid", paid_on)


def test_a_payment_date_in_the_future_or_before_approval_is_refused(workspace, org):
    s = add_subsidy(workspace, org, "activity", date.today().year, "800", on=date.today() - timedelta(days=5))
    with pytest.raises(UserError, match="晚于今天"):
        set_subsidy_status(workspace, s.uid, "approved", date.today() + timedelta(days=1))
    with pytest.raises(UserError, match="早于上一步"):
        set_subsidy_status(workspace, s.uid, "approved", date.today() - timedelta(days=6))
    assert list_subsidies(workspace, org)[0].status == "applied"


def test_deleting_an_activity_asks_first(qtbot, workspace, org):
    add_activity(workspace, org, date.today(), "重阳节文艺汇演")
    tab = ActivitiesTab(workspace)
    qtbot.addWidget(tab)
    tab.set_org(org)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    answer("confirm-cancel")
    tab.delete()
    assert "重阳节文艺汇演" in seen[-1]
    assert len(orgs.list_activities(workspace, org)) == 1
    answer("confirm-action")
    tab.delete()
    assert orgs.list_activities(workspace, org) == []
