"""Benchmark: residents and needs lists at street scale (issue 4, point 5).

    python tests/bench/bench_people.py [--residents 100000] [--needs 50000]

Prints the median time of: the first page of the residents list (count + first 200 rows, what the
page shows first), one filter keystroke (pinyin initials, a Chinese fragment, a phone prefix), the
same through the Qt PagedTableModel, and the needs list / board / overdue filter.
Targets: first rows under 300 ms; a filter keystroke under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, repeat: int = 7) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--needs", type=int, default=50_000)
    args = parser.parse_args()

    from yichao.app.core.setup import initialize
    from yichao.app.core.workspace import CurrentUser
    from yichao.app.demo import DemoContext
    from yichao.app.demo import needs as demo_needs
    from yichao.app.demo import street as demo_street
    from yichao.app.needs.records import NeedsFilter, board, count_needs, query_needs, status_counts
    from yichao.app.people.residents import PeopleFilter, count_people, query_people

    folder = Path(tempfile.mkdtemp(prefix="bench-people-")) / "street"
    ws = initialize(folder, "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
    ws.user = CurrentUser("admin", "admin")
    ctx = DemoContext(random.Random(1), args.residents)
    t = time.perf_counter()
    demo_street.run(ws, ctx)
    print(f"generate {args.residents} residents: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    demo_needs.run(ws, ctx, total=args.needs)
    print(f"generate {args.needs} needs with histories: {time.perf_counter() - t:.1f} s")

    def first_page(flt: PeopleFilter) -> None:
        count_people(ws, flt)
        query_people(ws, flt, 0, 200)

    results = {
        # a fixed CPU-bound yardstick: about 20 ms on an idle machine; compare it when figures vary
        "yardstick: sum(range(1,000,000))": timed(lambda: sum(range(1_000_000))),
        "residents: first rows (count + 200)": timed(lambda: first_page(PeopleFilter())),
        "residents: keystroke 'w' (initials)": timed(lambda: first_page(PeopleFilter("w"))),
        "residents: keystroke 'wjg' (initials)": timed(lambda: first_page(PeopleFilter("wjg"))),
        "residents: keystroke '芳' (name fragment)": timed(lambda: first_page(PeopleFilter("芳"))),
        "residents: keystroke '138' (phone prefix)": timed(lambda: first_page(PeopleFilter("138"))),
        "residents: volunteers only": timed(lambda: first_page(PeopleFilter(volunteers_only=True))),
        "skills register: skill '维修'": timed(lambda: first_page(PeopleFilter(skill="维修"))),
        "residents: page at offset 50,000": timed(lambda: query_people(ws, PeopleFilter(), 50_000, 200)),
        "residents: sorted by phone desc": timed(lambda: query_people(ws, PeopleFilter(), 0, 200, "phone", True)),
    }

    def needs_page(flt: NeedsFilter) -> None:
        count_needs(ws, flt)
        query_needs(ws, flt, 0, 200)

    results |= {
        "needs: first rows (count + 200)": timed(lambda: needs_page(NeedsFilter())),
        "needs: keystroke 'sg' (initials)": timed(lambda: needs_page(NeedsFilter("sg"))),
        "needs: keystroke '漏水' (title fragment)": timed(lambda: needs_page(NeedsFilter("漏水"))),
        "needs: overdue only": timed(lambda: needs_page(NeedsFilter(overdue_only=True))),
        "needs: status published": timed(lambda: needs_page(NeedsFilter(status="published"))),
        "needs: board (7 statuses x 50 + counts)": timed(lambda: (board(ws), status_counts(ws)), 3),
    }

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from yichao.ui.models.paged_table_model import PagedTableModel
    from yichao.ui.models.people_table import PeopleSource, people_columns

    source = PeopleSource(ws, PeopleFilter())
    model = PagedTableModel(source, people_columns({}))

    def qt_keystroke(text: str) -> None:
        model.set_source(PeopleSource(ws, PeopleFilter(text)))
        for row in range(30):  # what a view shows first
            model.data(model.index(row, 0))

    results["Qt model: keystroke 'zh' + 30 visible rows"] = timed(lambda: qt_keystroke("zh"))
    results["Qt model: cleared filter + 30 visible rows"] = timed(lambda: qt_keystroke(""))
    del app

    width = max(len(k) for k in results)
    for key, ms in results.items():
        print(f"{key:<{width}}  {ms:8.1f} ms")
    ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
