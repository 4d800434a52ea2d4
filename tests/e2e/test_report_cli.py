"""`yichao report monthly|yearly` as outside tests call it, and the XLSX read back by LibreOffice."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from .cli import init_street, yichao


@pytest.fixture(scope="module")
def street(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report") / "street"
    init_street(folder)
    seed(folder, 400)
    return folder


def seed(folder: Path, residents: int) -> None:
    """Residents by the bulk path (independent of the other modules' demo steps)."""
    from yichao.app.core.workspace import CLI_USER, open_workspace
    from yichao.models.journal import bulk_insert
    from yichao.models.person import Person
    from yichao.models.site import Community

    ws = open_workspace(folder)
    ws.user = CLI_USER
    try:
        with ws.unit() as s:
            community = Community(name="燕山社区")
            s.add(community)
            s.flush()
            bulk_insert(s, Person, [{"name": f"居民{i}", "is_volunteer": i % 4 == 0, "community_uid": community.uid}
                                    for i in range(residents)])
    finally:
        ws.close()


def test_monthly_pdf_and_yearly_xlsx(street, tmp_path):
    r = yichao("report", "monthly", "2026-10", str(tmp_path / "m.pdf"), data_dir=street)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    r = yichao("report", "yearly", "2026", str(tmp_path / "y.xlsx"), data_dir=street)
    assert r.returncode == 0, r.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "y.xlsx")["现状"]
    rows = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    assert rows["登记居民"] == 400 and rows["注册志愿者"] == 100


@pytest.mark.parametrize("args,code,words", [
    (("monthly", "2026-13", "x.pdf"), 1, "月份"),
    (("monthly", "2026", "x.pdf"), 1, "2026-10"),
    (("yearly", "2026", "x.csv"), 1, "PDF 或 XLSX"),
    (("yearly", "2026", "nowhere/x.pdf"), 1, "不存在"),
    (("weekly", "2026", "x.pdf"), 2, ""),
    (("monthly", "2026-10"), 2, ""),
])
def test_refusals_exit_with_one_line(street, tmp_path, args, code, words):
    args = (*args[:-1], str(tmp_path / args[-1])) if len(args) == 3 else args
    r = yichao("report", *args, data_dir=street)
    assert r.returncode == code
    if code == 1:
        assert r.stderr.count("\n") == 1 and words in r.stderr and "Traceback" not in r.stderr
    assert not list(tmp_path.glob("x.*"))


def test_uninitialised_folder_is_refused(tmp_path):
    r = yichao("report", "monthly", "2026-10", str(tmp_path / "x.pdf"), data_dir=tmp_path / "none")
    assert r.returncode == 1 and "yichao init" in r.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_same_numbers(street, tmp_path):
    """Point 5: a real spreadsheet program opens the XLSX; every sheet's numbers match openpyxl's."""
    from openpyxl import load_workbook

    xlsx = tmp_path / "y.xlsx"
    assert yichao("report", "yearly", "2026", str(xlsx), data_dir=street).returncode == 0
    out = tmp_path / "csv"
    # DESIGN.md section 8's UTF-8 filter, plus: raw values (not as shown), every sheet (-1)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(xlsx)], check=True, capture_output=True, timeout=180)
    book = load_workbook(xlsx)
    compared = 0
    for name in book.sheetnames:
        csv_file = out / f"y-{name}.csv"
        assert csv_file.exists(), sorted(p.name for p in out.iterdir())
        with csv_file.open(encoding="utf-8", newline="") as handle:
            lo_rows = list(csv.reader(handle))
        for lo_row, row in zip(lo_rows, book[name].iter_rows(values_only=True)):
            for lo_cell, cell in zip(lo_row, row):
                if isinstance(cell, (int, float)) and not isinstance(cell, bool):
                    assert float(lo_cell) == pytest.approx(float(cell)), (name, lo_row)
                    compared += 1
                elif isinstance(cell, str):
                    assert lo_cell == cell  # Chinese survives (no "?")
    assert compared >= 10
