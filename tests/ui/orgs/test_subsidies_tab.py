"""The subsidies tab exports what it shows, with the approval and payment dates, as .xlsx or .pdf."""

from __future__ import annotations

from datetime import date, timedelta

import openpyxl

from yichao.app.orgs import add_subsidy, set_subsidy_status
from yichao.models.organization import Organization
from yichao.ui.pages.orgs import tabs as tabs_mod
from yichao.ui.pages.orgs.tabs import SubsidiesTab


def test_export_button_writes_both_dates(qtbot, workspace, tmp_path, monkeypatch):
    with workspace.unit() as s:
        o = Organization(name="银龄书画社", stage="nursery")
        s.add(o)
        s.flush()
        org = o.uid
    approved_on = date.today() - timedelta(days=3)
    row = add_subsidy(workspace, org, "activity", date.today().year, "2000", on=date.today() - timedelta(days=9))
    set_subsidy_status(workspace, row.uid, "approved", approved_on)
    out = tmp_path / "书画社补贴.xlsx"
    told: list[str] = []
    monkeypatch.setattr(tabs_mod.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(tabs_mod.QMessageBox, "information", lambda _p, _t, text: told.append(text))
    tab = SubsidiesTab(workspace)
    qtbot.addWidget(tab)
    tab.set_org(org)
    tab.export()
    assert told and out.name in told[0]
    values = [c.value for c in list(openpyxl.load_workbook(out).active.iter_rows())[1]]
    assert "银龄书画社" in values and approved_on.isoformat() in values
