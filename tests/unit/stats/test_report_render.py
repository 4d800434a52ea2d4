"""PDF and XLSX render the same report: real numbers, formats, widths, embedded font."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from yichao.app.core.errors import UserError
from yichao.app.stats.export import check_target, export_report, save_report
from yichao.app.stats.model import Chart, Column, Report, Series, Table, format_number
from yichao.app.stats.period import Period
from yichao.app.stats.render_pdf import write_pdf
from yichao.app.stats.render_xlsx import sheet_name, write_xlsx


def sample_report() -> Report:
    figures = Table("period", "本期数字（2026年10月）",
                    (Column("指标", width=28), Column("单位", width=6), Column("本期", "row"), Column("上期", "row")),
                    (("新登记居民", "人", 1234, 1000), ("资助拨付", "元", Decimal("56789.50"), None),
                     ("需求办结中位天数", "天", 3.5, 4.25)),
                    row_formats=("int", "money", "days"))
    stages = Table("orgs_by_stage", "各阶段组织", (Column("类别", width=24), Column("数量（个）", "int")),
                   (("苗圃培育", 7), ("加速孵化", 3)))
    chart = Chart("orgs_by_stage", "各阶段组织", "bar", ("苗圃培育", "加速孵化"), (Series("组织", (7.0, 3.0)),), "个")
    trend = Chart("trend_x", "新登记居民（按月）", "line", ("2026-09", "2026-10"),
                  (Series("甲", (1.0, 2.0)), Series("乙", (3.0, 0.0))), "人")
    return Report("甸柳街道2026年10月统计报表", "甸柳街道", "370102001", Period("month", 2026, 10),
                  datetime(2026, 11, 1, tzinfo=UTC), (figures, stages), (chart, trend), ("说明一句。",))


def test_xlsx_has_one_sheet_per_table_with_real_numbers(tmp_path):
    from openpyxl import load_workbook

    path = write_xlsx(sample_report(), tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["本期数字（2026年10月）", "各阶段组织", "说明"]
    sheet = book["本期数字（2026年10月）"]
    assert [c.value for c in sheet[1]] == ["指标", "单位", "本期", "上期"]
    assert sheet["C2"].value == 1234 and isinstance(sheet["C2"].value, int)
    assert sheet["C2"].number_format == "#,##0"
    assert sheet["C3"].value == pytest.approx(56789.5) and sheet["C3"].number_format == "#,##0.00"
    assert sheet["D4"].value == pytest.approx(4.25) and sheet["D4"].number_format == "0.0"
    assert sheet["D3"].value is None
    assert sheet.column_dimensions["A"].width >= 28 and sheet.column_dimensions["C"].width >= 12
    assert book["各阶段组织"]["B2"].value == 7
    assert book["说明"]["A1"].value == "甸柳街道2026年10月统计报表"


def test_pdf_embeds_the_font_and_shows_the_numbers(tmp_path):
    path = write_pdf(sample_report(), tmp_path / "r.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"FontFile2" in data  # TrueType embedded, not a CID font
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "新登记居民" in text and "1,234" in text and "56,789.50" in text and "苗圃培育" in text


def test_sheet_names_are_legal_and_unique():
    taken: set[str] = set()
    assert sheet_name("a/b:c", taken) == "a-b-c"
    assert sheet_name("a/b:c", taken) == "a-b-c(2)"
    long = "长" * 40
    assert len(sheet_name(long, taken)) == 31 and len(sheet_name(long, taken)) == 31


def test_format_number():
    assert format_number(1234, "int") == "1,234"
    assert format_number(Decimal("5.5"), "money") == "5.50"
    assert format_number(None, "days") == "—"
    assert format_number(2.25, "days") == "2.2" or format_number(2.25, "days") == "2.3"


def test_targets_are_checked_before_any_work(tmp_path, workspace):
    with pytest.raises(UserError, match="PDF 或 XLSX"):
        check_target(tmp_path / "r.docx")
    with pytest.raises(UserError, match="不存在"):
        check_target(tmp_path / "missing" / "r.pdf")
    out = export_report(workspace, Period("month", 2026, 10), tmp_path / "R.XLSX")
    assert out.exists()


def test_export_is_journaled(tmp_path, workspace):
    from sqlalchemy import select

    from yichao.models.journal import JournalEntry

    save_report(workspace, sample_report(), tmp_path / "r.pdf")
    with workspace.read() as s:
        entry = s.scalars(select(JournalEntry).where(JournalEntry.entity == "report")).one()
    assert entry.op == "export" and "2026-10" in entry.data


def test_pdf_ends_with_who_made_it_who_checks_it_and_the_date(tmp_path):
    from dataclasses import replace

    report = replace(sample_report(), prepared_by="王芳")
    path = write_pdf(report, tmp_path / "r.pdf")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "制表人：王芳" in text and "审核人：" in text and "日期：2026年11月1日" in text


def test_a_legend_sits_above_the_plot_not_over_the_bars():
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend

    from yichao.app.pdf.fonts import register_cjk_font
    from yichao.app.stats.render_pdf import _drawing

    chart = Chart("trend_needs", "需求", "bar", tuple(str(m) for m in range(1, 13)),
                  (Series("新登记需求", (0,) * 10 + (23.0, 2.0)), Series("办结需求", (0,) * 10 + (2.0, 0.0))), "件")
    drawing = _drawing(chart, register_cjk_font(), 480)
    legend = next(c for c in drawing.contents if isinstance(c, Legend))
    plot = next(c for c in drawing.contents if isinstance(c, VerticalBarChart))
    # its lowest point above the plot and the value printed over the tallest bar (6 points up, 6 high)
    assert legend.getBounds()[1] >= plot.y + plot.height + 12
