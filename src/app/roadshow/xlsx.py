"""Scoring sheets in Excel: a blank sheet for judges on paper (or on their laptops), read back in,
and the scores exported with totals.

One row per (judge, project) that is to be scored, in pitching order per judge; recused pairs are
not on the sheet. Reading back is all or nothing: every bad row is reported with its Excel row
number, and nothing is entered unless all rows are good. A read-back counts as one typing: the
second staff member confirms by typing again (or importing a second copy with ``confirm``).
"""

from __future__ import annotations

import re
from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.excel import Column, ImportReport, read_table, write_xlsx
from yichao.app.core.workspace import Workspace
from yichao.app.roadshow.scores import ScoreGrid, enter_sheets, load_grid, roadshow_result, weighted_total

BASE = (Column("judge", "评委", 12), Column("seq", "序号", 6), Column("project", "项目", 30),
        Column("org", "申报组织", 24))
_MAX_NOTE = re.compile(r"[（(]满分.*[）)]$")


def _criterion_columns(grid: ScoreGrid) -> list[Column]:
    return [Column(f"c{i}", f"{c.name}（满分{c.max:g}）", 14) for i, c in enumerate(grid.criteria)]


def export_blank_sheet(ws: Workspace, roadshow_uid: str, path: str | Path) -> int:
    """The scoring sheet with empty score cells; returns the number of rows."""
    ws.require("viewer", "导出评分表")
    grid = load_grid(ws, roadshow_uid)
    rows = [{"judge": j.name, "seq": e.seq, "project": e.title, "org": e.org_name}
            for j in grid.judges for e in grid.entries if (j.uid, e.project_uid) not in grid.recusals]
    return write_xlsx(path, [*BASE, *_criterion_columns(grid)], rows, sheet_title="评分表",
                      title=f"{grid.roadshow.name}评分表（{grid.roadshow.held_on:%Y-%m-%d}）")


def export_scores(ws: Workspace, roadshow_uid: str, path: str | Path) -> int:
    """Every typed sheet with its weighted total and state, then nothing else: a tidy table."""
    ws.require("viewer", "导出路演评分")
    result = roadshow_result(ws, roadshow_uid)
    grid = result.grid
    rank_of = {line.project_uid: line.ranked for line in result.lines}
    rows = []
    for e in grid.entries:
        for j in grid.judges:
            sheet = grid.sheets.get((j.uid, e.project_uid))
            row: dict[str, object] = {"judge": j.name, "seq": e.seq, "project": e.title, "org": e.org_name}
            if (j.uid, e.project_uid) in grid.recusals:
                row["state"] = "回避"
            elif sheet is None:
                row["state"] = "未录入"
            else:
                row.update({f"c{i}": s for i, s in enumerate(sheet.scores)})
                row["total"] = weighted_total(grid.criteria, sheet.scores)
                row["state"] = "已确认" if sheet.confirmed else "待确认"
            ranked = rank_of.get(e.project_uid)
            row["result"] = ranked.score if ranked else None
            row["rank"] = ranked.rank if ranked else None
            rows.append(row)
    columns = [*BASE, *_criterion_columns(grid), Column("total", "评委总分", 10), Column("state", "状态", 8),
               Column("result", "项目得分", 10), Column("rank", "名次", 6)]
    title = f"{grid.roadshow.name}评分汇总" + ("（暂定）" if result.provisional else "")
    return write_xlsx(path, columns, rows, sheet_title="评分汇总", title=title)


def import_sheet(ws: Workspace, roadshow_uid: str, path: str | Path, confirm: bool = False) -> ImportReport:
    """Read a filled scoring sheet back; rows with every score blank are left for later."""
    ws.require("staff", "导入评分表", work="roadshow")
    grid = load_grid(ws, roadshow_uid)
    table = read_table(path, sheet=None)
    headers = [_MAX_NOTE.sub("", h).strip() for h in table.headers]
    try:
        judge_col, seq_col = headers.index("评委"), headers.index("序号")
        score_cols = [headers.index(c.name) for c in grid.criteria]
    except ValueError as exc:
        raise UserError("这不是本场路演的评分表：找不到“评委”“序号”或某项评分标准的列。") from exc
    judges = {j.name: j.uid for j in grid.judges}
    entries = {str(e.seq): e for e in grid.entries}
    items: list[tuple[str, str, list[float]]] = []
    rejected: list[tuple[int, str]] = []
    blank = 0
    for row in table.rows:
        cells = [row.get(c) for c in score_cols]
        if not any(cells):
            blank += 1
            continue
        judge, entry = judges.get(row.get(judge_col)), entries.get(row.get(seq_col))
        if judge is None or entry is None:
            rejected.append((row.number, f"评委“{row.get(judge_col)}”或序号“{row.get(seq_col)}”不在本场路演"))
            continue
        problem = _row_problem(grid, cells)
        if problem:
            rejected.append((row.number, problem))
        elif (judge, entry.project_uid) in grid.recusals:
            rejected.append((row.number, f"评委“{row.get(judge_col)}”已声明回避该项目"))
        else:
            items.append((judge, entry.project_uid, [float(c) for c in cells]))
    total = len(table.rows) - blank
    if rejected:
        return ImportReport(total, len(items), 0, tuple(rejected))
    applied = enter_sheets(ws, roadshow_uid, items, confirm=confirm)
    return ImportReport(total, len(items), applied)


def _row_problem(grid: ScoreGrid, cells: list[str]) -> str:
    for text, c in zip(cells, grid.criteria):
        if not text:
            return f"“{c.name}”没有填写得分"
        try:
            value = float(text)
        except ValueError:
            return f"“{c.name}”的得分“{text}”不是数字"
        if not 0 <= value <= c.max:
            return f"“{c.name}”的得分 {text} 超出 0～{c.max:g} 的范围"
    return ""
