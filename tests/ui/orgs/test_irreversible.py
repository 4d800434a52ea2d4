"""Deleting an activity or a file, approving and paying a subsidy: each asks first; paying asks the day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from tests.ui.modal import answer, seen
from yichao.app import orgs
from yichao.app.core import JournalFilter, add_attachment
from yichao.app.core.errors import UserError
from yichao.app.history import described_journal
from yichao.app.orgs.records import add_activity, add_subsidy, list_subsidies, set_subsidy_status
from yichao.models.organization import Organization
from yichao.ui.pages.orgs.page import OrgsPage
from yichao.ui.pages.orgs.tabs import ActivitiesTab, AttachmentsTab, SubsidiesTab


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
    """批准 asks the approval date, 已拨付 the payment date (with the amount): both are kept, side by side."""
    registered = date.today() - timedelta(days=30)
    add_subsidy(workspace, org, "activity", date.today().year, "5000", on=registered)
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
    row = list_subsidies(workspace, org)[0]
    assert (row.status, row.on, row.approved_on, row.paid_on) == ("approved", registered, approved_on, None)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    paid_on = date.today() - timedelta(days=2)
    answer("confirm-action", fill=pick(paid_on))
    tab.set_status("paid")
    assert "5,000.00" in seen[-1] and approved_on.isoformat() in seen[-1]
    row = list_subsidies(workspace, org)[0]
    assert (row.status, row.on, row.approved_on, row.paid_on) == ("paid", registered, approved_on, paid_on)
    shown = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert registered.isoformat() in shown and approved_on.isoformat() in shown and paid_on.isoformat() in shown


def test_a_payment_date_in_the_future_or_before_approval_is_refused(workspace, org):
    s = add_subsidy(workspace, org, "activity", date.today().year, "800", on=date.today() - timedelta(days=5))
    with pytest.raises(UserError, match="^批准日期不能晚于今天。$"):
        set_subsidy_status(workspace, s.uid, "approved", date.today() + timedelta(days=1))
    with pytest.raises(UserError, match="^批准日期不能早于登记日期 "):
        set_subsidy_status(workspace, s.uid, "approved", date.today() - timedelta(days=6))
    assert list_subsidies(workspace, org)[0].status == "applied"
    approved_on = date.today() - timedelta(days=3)
    set_subsidy_status(workspace, s.uid, "approved", approved_on)
    with pytest.raises(UserError, match=f"^拨付日期不能早于批准日期 {approved_on.isoformat()}。$"):
        set_subsidy_status(workspace, s.uid, "paid", approved_on - timedelta(days=1))
    with pytest.raises(UserError, match="^拨付日期不能晚于今天。$"):
        set_subsidy_status(workspace, s.uid, "paid", date.today() + timedelta(days=1))
    row = list_subsidies(workspace, org)[0]
    assert (row.status, row.approved_on, row.paid_on) == ("approved", approved_on, None)


def test_paying_before_the_approval_date_in_the_tab_says_so_and_changes_nothing(qtbot, workspace, org, monkeypatch):
    import yichao.ui.operations as ops

    shown: list[str] = []
    monkeypatch.setattr(ops, "show_error", lambda parent, message: shown.append(message))
    s = add_subsidy(workspace, org, "operating", date.today().year, "1200", on=date.today() - timedelta(days=20))
    approved_on = date.today() - timedelta(days=5)
    set_subsidy_status(workspace, s.uid, "approved", approved_on)
    tab = SubsidiesTab(workspace)
    qtbot.addWidget(tab)
    tab.set_org(org)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    answer("confirm-action", fill=pick(approved_on - timedelta(days=3)))
    tab.set_status("paid")
    assert shown == [f"拨付日期不能早于批准日期 {approved_on.isoformat()}。"]
    row = list_subsidies(workspace, org)[0]
    assert (row.status, row.paid_on) == ("approved", None)


def test_approval_and_payment_dates_are_journaled(workspace, org):
    s = add_subsidy(workspace, org, "activity", date.today().year, "600", on=date.today() - timedelta(days=9))
    set_subsidy_status(workspace, s.uid, "approved", date.today() - timedelta(days=4))
    set_subsidy_status(workspace, s.uid, "paid", date.today() - timedelta(days=1))
    entries = described_journal(workspace, JournalFilter(entity="org_subsidy", uid=s.uid), descending=False)
    updates = [e.summary() for e in entries if e.op == "update"]
    assert any("批准日期" in u and (date.today() - timedelta(days=4)).isoformat() in u for u in updates), updates
    assert any("拨付日期" in u and (date.today() - timedelta(days=1)).isoformat() in u for u in updates), updates


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


def test_removing_a_file_asks_first_and_names_it(qtbot, workspace, org, tmp_path):
    source = tmp_path / "章程.pdf"
    source.write_bytes(b"%PDF-1.4 charter")
    add_attachment(workspace, "organization", org, source)
    tab = AttachmentsTab(workspace)
    qtbot.addWidget(tab)
    tab.set_org(org)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    answer("confirm-cancel")
    tab.remove()
    assert "章程.pdf" in seen[-1]
    assert [a.filename for a in orgs.org_attachments(workspace, org)] == ["章程.pdf"]
    answer("confirm-action")
    tab.remove()
    assert orgs.org_attachments(workspace, org) == []


def test_deleting_an_organization_asks_first(qtbot, workspace, org):
    page = OrgsPage(workspace)
    qtbot.addWidget(page)
    page.detail.show_org(org)
    answer("confirm-cancel")
    page.delete()
    assert "夕阳情艺术团" in seen[-1]
    assert orgs.get_org(workspace, org).name == "夕阳情艺术团"
    answer("confirm-action")
    page.delete()
    with pytest.raises(UserError):
        orgs.get_org(workspace, org)
