"""`yichao demo --with-offices` as a trainer types it (issue 17 point 6): the street lists both
offices' passbooks under their own numbers, the monthly report has a row per office, the work
folder with the offices' throw-away sites is gone, and `check` passes."""

from __future__ import annotations

from datetime import date

import openpyxl

from .cli import init_street, yichao


def test_demo_with_offices(tmp_path):
    folder = tmp_path / "street"
    init_street(folder)
    done = yichao("demo", "--residents", "60", "--seed", "3", "--with-offices", data_dir=folder)
    assert done.returncode == 0, done.stderr
    assert "社区储蓄所 2 个" in done.stdout
    listed = yichao("list", "passbooks", "--json", data_dir=folder).stdout
    assert "370102001901-" in listed and "370102001902-" in listed  # each office's books, its own numbers
    out = tmp_path / "report.xlsx"
    assert yichao("report", "monthly", date.today().strftime("%Y-%m"), str(out), data_dir=folder).returncode == 0
    book = openpyxl.load_workbook(out)
    sheet = book[next(n for n in book.sheetnames if n.startswith("各站点"))]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert [r[0] for r in rows][:4] == ["甸柳街道本级", "　甸柳新村社区储蓄所", "　窑头社区储蓄所", "合计"]
    assert all(r[2] and r[2] > 0 for r in rows[:4])  # residents at each site
    assert not [p for p in folder.iterdir() if p.name.startswith(".work-")]
    assert yichao("check", data_dir=folder).returncode == 0
