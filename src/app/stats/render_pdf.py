"""The report as a PDF: reportlab tables and reportlab.graphics charts, CJK font embedded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from yichao.app.pdf.fonts import register_cjk_font
from yichao.app.stats.model import Chart, Report, Table, format_number

PALETTE = ("#c62828", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f")


def write_pdf(report: Report, path: Path) -> Path:
    """Write ``report`` to ``path`` (A4 portrait); returns the path."""
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

    font = register_cjk_font()
    styles = {
        "title": ParagraphStyle("title", fontName=font, fontSize=17, leading=22, spaceAfter=4),
        "sub": ParagraphStyle("sub", fontName=font, fontSize=9, leading=12, textColor=colors.grey),
        "h2": ParagraphStyle("h2", fontName=font, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4),
        "note": ParagraphStyle("note", fontName=font, fontSize=8, leading=11, textColor=colors.grey),
        "sign": ParagraphStyle("sign", fontName=font, fontSize=10.5, leading=14, spaceBefore=14),
    }
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=report.title,
                            author="益巢 Yichao", subject=report.period.label)
    width = A4[0] - 36 * mm
    story: list = [Paragraph(report.title, styles["title"]), Paragraph(report.subtitle, styles["sub"])]
    for note in report.notes:
        story.append(Paragraph(note, styles["note"]))
    charts = {c.key: c for c in report.charts}
    for table in report.tables:
        block = [Paragraph(table.title, styles["h2"]), _table(table, font, width)]
        if table.note:
            block.append(Paragraph(table.note, styles["note"]))
        story.append(KeepTogether(block))
        if table.key in charts:  # a breakdown's chart follows its table
            story.append(_drawing(charts.pop(table.key), font, width))
    trend_charts = [c for c in report.charts if c.key in charts]
    for i, chart in enumerate(trend_charts):
        block = [_drawing(chart, font, width), Spacer(1, 4 * mm)]
        story.append(KeepTogether([Paragraph("趋势图", styles["h2"]), *block] if i == 0 else block))
    story.append(Paragraph(report.signature_line, styles["sign"]))
    doc.build(story, onFirstPage=_footer(font, report), onLaterPages=_footer(font, report))
    return path


def _table(table: Table, font: str, width: float):
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, TableStyle
    from reportlab.platypus import Table as RLTable

    head_style = ParagraphStyle("head", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK", alignment=1)
    header = [Paragraph(c.title, head_style) for c in table.columns]
    body = [[cell if c == 0 or table.fmt(r, c) == "text" else format_number(cell, table.fmt(r, c))
             for c, cell in enumerate(row)] for r, row in enumerate(table.rows)]
    # about 4.6 points per half-width character at 9 points; wide tables shrink to the page
    widths = [max(c.width, 6) * 4.6 for c in table.columns]
    if sum(widths) > width:  # the first column (names, months) keeps its width; the numbers share the rest
        rest = width - widths[0]
        widths = [widths[0], *(w * rest / sum(widths[1:]) for w in widths[1:])]
    rl = RLTable([header, *body] if body else [header, ["（无数据）"] + [""] * (len(header) - 1)],
                 colWidths=widths, repeatRows=1)
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eceff1")),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#90a4ae")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for c, column in enumerate(table.columns):
        if column.fmt != "text":
            style.append(("ALIGN", (c, 1), (c, -1), "RIGHT"))
    for r, row in enumerate(table.rows, start=1):
        if row and row[0] == "合计":  # the total reads as one
            style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f5f5f5")))
    rl.setStyle(TableStyle(style))
    rl.hAlign = "LEFT"
    return rl


def _drawing(chart: Chart, font: str, width: float):
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    height = 190
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, f"{chart.title}（{chart.unit}）" if chart.unit else chart.title,
                       fontName=font, fontSize=10))
    plot = VerticalBarChart() if chart.kind == "bar" else HorizontalLineChart()
    plot.x, plot.y = 40, 30
    # the plot's top stays below the title line, where a legend goes: no legend over a bar
    plot.width, plot.height = width - 60, height - 66  # type: ignore[assignment]  # stubs say int; any number is fine
    plot.data = [list(s.values) or [0] for s in chart.series] or [[0]]
    plot.categoryAxis.categoryNames = list(chart.categories) or [""]
    plot.categoryAxis.labels.fontName = font
    plot.categoryAxis.labels.fontSize = 7
    plot.valueAxis.labels.fontName = font
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.valueMin = 0
    top = max((v for s in chart.series for v in s.values), default=0)
    plot.valueAxis.labelTextFormat = "%d"
    if top < 4:  # a nearly empty chart: whole-number steps, not 0.2, 0.4, ...
        plot.valueAxis.valueMax = 4
        plot.valueAxis.valueStep = 1
    for i in range(len(plot.data)):
        color = colors.HexColor(PALETTE[i % len(PALETTE)])
        if isinstance(plot, VerticalBarChart):
            plot.bars[i].fillColor = color
            plot.bars[i].strokeColor = None
        else:
            plot.lines[i].strokeColor = color
            plot.lines[i].strokeWidth = 1.5
    if isinstance(plot, VerticalBarChart):
        plot.barLabelFormat = "%.0f"
        plot.barLabels.fontName = font
        plot.barLabels.fontSize = 6
        plot.barLabels.nudge = 6
    drawing.add(plot)
    if chart.axis_title:
        drawing.add(String(plot.x + plot.width / 2, 2, chart.axis_title, fontName=font, fontSize=7,
                           textAnchor="middle"))
    if len(chart.series) > 1:
        legend = Legend()
        legend.fontName = font
        legend.fontSize = 8
        legend.columnMaximum = 1  # one row, beside the title, above the plot
        legend.deltax = 80
        legend.alignment = "right"
        legend.boxAnchor = "ne"
        legend.x, legend.y = width - 80 * (len(chart.series) - 1) - 10, height - 4  # type: ignore[assignment]  # stubs say int
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), s.name)
                                 for i, s in enumerate(chart.series)]
        drawing.add(legend)
    return drawing


def _footer(font: str, report: Report):
    def draw(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillGray(0.45)
        canvas.drawString(doc.leftMargin, 10 * 2.8346, f"益巢 · {report.site_name} · {report.period.label}")
        canvas.drawRightString(doc.pagesize[0] - doc.rightMargin, 10 * 2.8346, f"第 {doc.page} 页")
        canvas.restoreState()

    return draw
