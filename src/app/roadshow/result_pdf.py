"""The ranked result sheet of a roadshow (路演评分结果公示表) as PDF, ready to post for publicity.

Every judge's weighted total per project (recused judges marked 回避, trimmed totals in brackets),
the result and rank, the rubric and the rules, then each project's scores per criterion. A result
that is still provisional carries a large 暂定 mark and a red line saying so.
"""

from __future__ import annotations

from pathlib import Path

from yichao.app.core.workspace import Workspace
from yichao.app.pdf.tables import build, grid, para
from yichao.app.roadshow.rank import TIE_RULE, TRIM_FROM
from yichao.app.roadshow.scores import RoadshowResult, roadshow_result, weighted_total

RULE = (f"计分规则：每位评委对一个项目的总分 = 100 × Σ(权重 × 得分 ÷ 满分)；项目得分为各评委总分的平均值，"
        f"回避的评委不计分；计分评委达到 {TRIM_FROM} 人及以上时，先去掉一个最高分和一个最低分（表中括号内）。")


def result_sheet_pdf(ws: Workspace, roadshow_uid: str, out: str | Path) -> Path:
    ws.require("viewer", "导出路演结果")
    return write_result_sheet(roadshow_result(ws, roadshow_uid), out)


def _main_table(result: RoadshowResult) -> list[list[object]]:
    grid_ = result.grid
    header: list[object] = ["名次", "项目", "申报组织", *[j.name for j in grid_.judges], "最终得分", "计分人数"]
    rows: list[list[object]] = [header]
    for line in result.lines:
        r = line.ranked
        cells: list[object] = [str(r.rank), para(line.title), para(line.org_name)]
        for j in grid_.judges:
            if (j.uid, line.project_uid) in grid_.recusals:
                cells.append("回避")
            elif j.uid not in r.totals:
                cells.append("未确认")
            else:
                total = f"{r.totals[j.uid]:.2f}"
                cells.append(f"({total})" if j.uid in r.dropped else total)
        cells += [f"{r.score:.2f}", str(r.judges_counted)]
        rows.append(cells)
    for e in grid_.entries:
        if e.title in result.unscored:
            rows.append(["—", para(e.title), para(e.org_name), *["未确认"] * len(grid_.judges), "—", "0"])
    return rows


def write_result_sheet(result: RoadshowResult, out: str | Path) -> Path:
    show = result.grid.roadshow
    story: list[object] = [para(f"{show.name}评分结果", "title"),
                           para(f"时间：{show.held_on:%Y年%m月%d日}　地点：{show.venue or '—'}　"
                                f"评委 {len(result.grid.judges)} 人　项目 {len(result.grid.entries)} 个", "subtitle")]
    if result.provisional:
        story.append(para(f"{result.status_line}以下为暂定结果，不作为最终结果公示。", "warn"))
    # reportlab on first use, never at start-up (DESIGN.md section 8)
    from reportlab.lib.units import mm

    judges = len(result.grid.judges)
    fixed = 12 + 50 + 45 + 18 + 14
    judge_w = max(13.0, (267 - fixed) / max(judges, 1))
    story.append(grid(_main_table(result), [12 * mm, 50 * mm, 45 * mm, *[judge_w * mm] * judges, 18 * mm, 14 * mm],
                      align_right_from=3))
    criteria = "；".join(f"{c.name}（权重 {c.weight:g}，满分 {c.max:g}）" for c in result.grid.criteria)
    story += [para("评分标准：" + criteria, "small"), para(RULE, "small"), para("名次规则：" + TIE_RULE, "small")]
    if result.grid.recusals:
        names = {j.uid: j.name for j in result.grid.judges}
        titles = {e.project_uid: e.title for e in result.grid.entries}
        story.append(para("回避：" + "；".join(f"{names.get(j, '')} 回避“{titles.get(p, '')}”（{why}）"
                                             for (j, p), why in result.grid.recusals.items()), "small"))
    story.append(para("各项目评分明细", "h2"))
    for e in result.grid.entries:
        story.append(para(f"{e.seq}. {e.title}（{e.org_name}）", "body"))
        rows: list[list[object]] = [["评委", *[c.name for c in result.grid.criteria], "总分", "状态"]]
        for j in result.grid.judges:
            sheet = result.grid.sheets.get((j.uid, e.project_uid))
            if (j.uid, e.project_uid) in result.grid.recusals:
                rows.append([j.name, *["—"] * len(result.grid.criteria), "—", "回避"])
            elif sheet is None:
                rows.append([j.name, *[""] * len(result.grid.criteria), "", "未录入"])
            else:
                rows.append([j.name, *[f"{s:g}" for s in sheet.scores],
                             f"{weighted_total(result.grid.criteria, sheet.scores):.2f}",
                             "已确认" if sheet.confirmed else "待确认"])
        story.append(grid(rows, align_right_from=1))
    story.append(para("　", "body"))
    story.append(para("评委签字：＿＿＿＿＿＿＿＿＿＿　　计分员：＿＿＿＿＿＿　　监督员：＿＿＿＿＿＿", "body"))
    return build(out, story, landscape_page=True, title=f"{show.name}评分结果",
                 mark="暂定" if result.provisional else "")
