"""Roadshow figures: is score entry fast enough to type 20 projects x 7 judges x 5 criteria live?

    python tests/bench/bench_roadshow.py [--projects 20 --judges 7 --criteria 5]

Prints the per-sheet latency of first typing and confirmation (what the clerk feels after each
row), the time to recompute the ranking, the pure arithmetic at a larger size, and the PDF.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=20)
    parser.add_argument("--judges", type=int, default=7)
    parser.add_argument("--criteria", type=int, default=5)
    args = parser.parse_args()

    from yichao.app.core.setup import initialize
    from yichao.app.core.workspace import CurrentUser
    from yichao.app.projects.flow import advance
    from yichao.app.projects.records import ProjectInput, apply_project
    from yichao.app.projects.rounds import ProgramInput, create_program
    from yichao.app.roadshow.rank import parse_rank_input, rank
    from yichao.app.roadshow.result_pdf import result_sheet_pdf
    from yichao.app.roadshow.scores import confirm_sheet, enter_sheet, load_grid, roadshow_result
    from yichao.app.roadshow.setup import CriterionSpec, add_entries, create_roadshow
    from yichao.models.organization import Organization

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        ws = initialize(Path(tmp) / "d", "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
        ws.user = CurrentUser("admin", "admin")
        with ws.unit() as session:
            org = Organization(name="测试组织")
            session.add(org)
            session.flush()
            org_uid = org.uid
        program = create_program(ws, ProgramInput("批次", "venture", 2026, 10_000_000_00)).uid
        uids = []
        for i in range(args.projects):
            uid = apply_project(ws, ProjectInput(org_uid, f"项目{i + 1}", 10_000_00, program)).uid
            advance(ws, uid, "screened", date.today())
            uids.append(uid)
        weight = round(1 / args.criteria, 6)
        criteria = [CriterionSpec(f"标准{i + 1}", weight, 20) for i in range(args.criteria - 1)]
        criteria.append(CriterionSpec(f"标准{args.criteria}", round(1 - weight * (args.criteria - 1), 6), 20))
        show = create_roadshow(
            ws, "路演", date.today(), "", criteria, [f"评委{j + 1}" for j in range(args.judges)], program
        )
        add_entries(ws, show.uid, uids)
        grid = load_grid(ws, show.uid)
        sheets = [(j.uid, e.project_uid, [float(rng.randint(8, 20)) for _ in criteria])
                  for j in grid.judges for e in grid.entries]
        timings: dict[str, list[float]] = {"enter": [], "confirm": [], "result": [], "gui": []}
        gui_sheets, sheets = sheets[:args.projects], sheets[args.projects:]  # the first judge typed in the GUI
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from yichao.ui.launch import make_application
        from yichao.ui.pages.projects.roadshow import RoadshowTab

        make_application()
        ws.user = CurrentUser("a", "staff")
        tab = RoadshowTab(ws)
        for judge, project, values in gui_sheets:
            t0 = time.perf_counter()
            tab.save_row(judge, project, values)  # what completing a row in the grid does
            timings["gui"].append(time.perf_counter() - t0)
        ws.user = CurrentUser("b", "staff")
        for judge, project, values in gui_sheets:
            confirm_sheet(ws, show.uid, judge, project, values)
        for who, key, fn in (
            (CurrentUser("a", "staff"), "enter", enter_sheet),
            (CurrentUser("b", "staff"), "confirm", confirm_sheet),
        ):
            ws.user = who
            for judge, project, values in sheets:
                t0 = time.perf_counter()
                fn(ws, show.uid, judge, project, values)
                timings[key].append(time.perf_counter() - t0)
                if len(timings["result"]) < 20:
                    t0 = time.perf_counter()
                    roadshow_result(ws, show.uid)
                    timings["result"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        result = roadshow_result(ws, show.uid)
        final = time.perf_counter() - t0
        t0 = time.perf_counter()
        result_sheet_pdf(ws, show.uid, Path(tmp) / "sheet.pdf")
        pdf = time.perf_counter() - t0
        ws.close()
    big = {
        "criteria": [{"name": f"c{i}", "weight": 0.2, "max": 20} for i in range(5)],
        "judges": [f"j{j}" for j in range(15)],
        "projects": [f"p{p}" for p in range(200)],
        "scores": {f"p{p}": {f"j{j}": [rng.randint(0, 20) for _ in range(5)] for j in range(15)} for p in range(200)},
        "recusals": [[f"j{p % 15}", f"p{p}"] for p in range(0, 200, 7)],
    }
    t0 = time.perf_counter()
    rank(parse_rank_input(big))
    pure = time.perf_counter() - t0
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, max {max(xs) * 1000:.1f} ms"  # noqa: E731
    print(f"{args.projects} projects x {args.judges} judges x {args.criteria} criteria = "
          f"{len(sheets) + len(gui_sheets)} sheets")
    print(f"GUI row completed -> saved + ranked:   {ms(timings['gui'])}")
    print(f"first typing, per sheet (save):        {ms(timings['enter'])}")
    print(f"second typing, per sheet (confirm):    {ms(timings['confirm'])}")
    print(f"ranking refresh after a sheet:         {ms(timings['result'])}")
    print(f"final ranking ({'provisional' if result.provisional else 'final'}): {final * 1000:.1f} ms")
    print(f"result sheet PDF:                      {pdf * 1000:.0f} ms")
    print(f"pure ranking 200 projects x 15 judges: {pure * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
