"""The subsidies export: the registration, approval and payment dates side by side, in .xlsx and
.pdf; anything else is one sentence; the export is journaled."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta

import openpyxl
import pytest

from yichao.app.core import JournalFilter, query_journal
from yichao.app.core.errors import UserError
from yichao.app.orgs import add_subsidy, export_subsidies, set_subsidy_status
from yichao.models.organization import Organization

TODAY = date.today()
REGISTERED, APPROVED, PAID = (TODAY - timedelta(days=d) for d in (40, 20, 5))


@pytest.fixture
def org(workspace):
    with workspace.unit() as s:
        o = Organization(name="邻里守望志愿队", stage="nursery")
        s.add(o)
        s.flush()
        uid = o.uid
    paid = add_subsidy(workspace, uid, "operating", TODAY.year, "12,000.50", on=REGISTERED, notes="运营补贴")
    set_subsidy_status(workspace, paid.uid, "approved", APPROVED)
    set_subsidy_status(workspace, paid.uid, "paid", PAID)
    approved = add_subsidy(workspace, uid, "activity", TODAY.year, "800", on=REGISTERED)
    set_subsidy_status(workspace, approved.uid, "approved", APPROVED)
    return uid


def test_xlsx_has_both_dates(workspace, org, tmp_path):
    out = tmp_path / "补贴.xlsx"
    assert export_subsidies(workspace, out, org) == 2
    sheet = openpyxl.load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["组织名称", "年度", "补贴类型", "金额（元）", "状态", "登记日期", "批准日期", "拨付日期", "备注"]
    by_status = {r[4]: r for r in rows[1:]}
    paid, approved = by_status["已拨付"], by_status["已批准"]
    assert paid[0] == "邻里守望志愿队" and float(paid[3]) == 12000.5
    assert paid[5:8] == [REGISTERED.isoformat(), APPROVED.isoformat(), PAID.isoformat()]
    assert approved[5:8] == [REGISTERED.isoformat(), APPROVED.isoformat(), None]


def test_pdf_has_both_dates_as_text(workspace, org, tmp_path):
    out = tmp_path / "补贴.pdf"
    assert export_subsidies(workspace, out, org) == 2
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "邻里守望志愿队补贴资助" in text and "批准日期" in text and "拨付日期" in text
    assert APPROVED.isoformat() in text and PAID.isoformat() in text and "12,000.50" in text


def test_another_file_kind_is_one_sentence_and_the_export_is_journaled(workspace, org, tmp_path):
    with pytest.raises(UserError, match="^请保存为 .xlsx 或 .pdf 文件。$"):
        export_subsidies(workspace, tmp_path / "补贴.csv", org)
    assert not (tmp_path / "补贴.csv").exists()
    export_subsidies(workspace, tmp_path / "全部.xlsx")
    (event,) = query_journal(workspace, JournalFilter(ops=("export",), entity="org_subsidy"))
    assert event.after == {"file": "全部.xlsx", "rows": 2}
