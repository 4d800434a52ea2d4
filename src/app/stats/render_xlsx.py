"""The report as an XLSX: one sheet per table, real numbers with number formats, set widths."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from yichao.app.stats.model import NUMBER_FORMATS, Report, display_width

_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, no []:*?/\\), unique in the workbook."""
    base = _BAD_SHEET_CHARS.sub("-", title)[:31] or "表"
    name, n = base, 2
    while name in taken:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def write_xlsx(report: Report, path: Path) -> Path:
    """Write ``report`` to ``path``; the header row is row 1 of every sheet, frozen."""
    # openpyxl on first use, never at start-up (DESIGN.md section 8)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    for sheet in book.worksheets:  # the one empty sheet a new workbook starts with
        book.remove(sheet)
    taken: set[str] = set()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="ECEFF1")
    for table in report.tables:
        sheet = book.create_sheet(sheet_name(table.title, taken))
        sheet.append([c.title for c in table.columns])
        for cell in sheet[1]:
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(horizontal="center")
        for r, row in enumerate(table.rows):
            sheet.append([_cell(v) for v in row])
            for c, value in enumerate(row):
                fmt = table.fmt(r, c)
                if fmt in NUMBER_FORMATS and value is not None:
                    sheet.cell(row=r + 2, column=c + 1).number_format = NUMBER_FORMATS[fmt]
        for c, column in enumerate(table.columns, start=1):
            cells = [column.title, *(str(row[c - 1]) for row in table.rows if row[c - 1] is not None)]
            widest = max(display_width(text) for text in cells)
            sheet.column_dimensions[get_column_letter(c)].width = max(column.width, widest + 2)
        sheet.freeze_panes = "B2"
        if table.note:
            sheet.cell(row=len(table.rows) + 3, column=1, value=table.note).font = Font(italic=True, color="777777")
    info = book.create_sheet(sheet_name("说明", taken))
    for line in (report.title, report.subtitle, *report.notes, report.signature_line):
        info.append([line])
    info.column_dimensions["A"].width = 80
    book.properties.title = report.title
    book.properties.creator = "益巢 Yichao"
    book.save(path)
    return path


def _cell(value):
    """Numbers stay numbers (Decimal becomes float: Excel has no decimal type)."""
    if isinstance(value, Decimal):
        return float(value)
    return value
