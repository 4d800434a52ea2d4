"""Benchmark: every figure of the 工作台 on a 100,000-resident demo street with 1,000,000 ledger entries.

    python tests/bench/bench_dashboard.py [--residents 100000] [--entries 1000000] [--data DIR]

Builds the demo street (``yichao demo``'s steps), tops the passbook ledger up to ``--entries``
through the passbook module's bulk path (entries and journal rows, spread over 24 months), then, in
a fresh process, times ``dashboard_data`` cold (first call: SQL statements compiled) and warm, each
figure alone, and the monthly and yearly reports. Target (issue #9, point 4): the dashboard in under
500 ms. ``--data DIR`` reuses a folder made by an earlier run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path


def build(folder: Path, residents: int, entries: int) -> None:
    from yichao.app.core.setup import initialize
    from yichao.app.core.workspace import CLI_USER
    from yichao.app.demo import run_demo

    ws = initialize(folder, "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
    ws.user = CLI_USER
    started = time.perf_counter()
    for line in run_demo(ws, residents=residents, seed=2026):
        print("  demo:", line, flush=True)
    print(f"demo street with {residents:,} residents: {time.perf_counter() - started:.1f} s", flush=True)
    try:
        top_up_ledger(ws, entries)
    finally:
        ws.close()


def top_up_ledger(ws, entries: int) -> None:
    from sqlalchemy import func, select

    from yichao.app.passbook.ledger import Posting, append_many
    from yichao.models.passbook import LedgerEntry
    from yichao.models.passbook import Passbook as passbook

    with ws.read() as session:
        have = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
        books = list(session.execute(select(passbook.uid, passbook.balance).where(passbook.status == "active")))
    if not books or have >= entries:
        print(f"ledger already holds {have:,} entries")
        return
    rng = random.Random(9)
    balance = {uid: bal for uid, bal in books}
    uids = list(balance)
    today = date.today()
    started, posted, todo = time.perf_counter(), 0, entries - have
    while posted < todo:
        batch = []
        for _ in range(min(100_000, todo - posted)):
            uid = rng.choice(uids)
            on = today - timedelta(days=rng.randint(0, 730))
            if balance[uid] > 20 and rng.random() < 0.25:
                points = rng.randint(1, 10)
                balance[uid] -= points
                batch.append(Posting(uid, "redeem", "兑换服务", -points, 0, on))
            else:
                points = rng.randint(5, 50)
                balance[uid] += points
                batch.append(Posting(uid, "deposit", "志愿服务", points, 60, on))
        with ws.unit() as session:
            append_many(session, batch, "bench")
        posted += len(batch)
        print(f"  ledger: {have + posted:>9,} entries  {time.perf_counter() - started:6.1f} s", flush=True)


def measure(folder: Path, open_check: bool = False) -> None:
    """In a fresh process: cold and warm dashboard, each figure, the reports."""
    t0 = time.perf_counter()
    from yichao.app.core.workspace import CLI_USER, Workspace, open_workspace
    from yichao.app.stats import figures
    from yichao.app.stats.build import build_report
    from yichao.app.stats.compute import breakdown, flow, stock
    from yichao.app.stats.dashboard import dashboard_data
    from yichao.app.stats.period import china_today, current
    from yichao.app.stats.scope import ALL
    from yichao.models.db import make_engine, sqlite_url
    from yichao.models.registry import import_all

    if open_check:
        ws = open_workspace(folder)  # includes the foundation's PRAGMA integrity_check of the file
    else:
        import_all()
        ws = Workspace(folder, make_engine(sqlite_url(folder / "yichao.db")), None)
    ws.user = CLI_USER
    figures.load()
    print(f"open + imports{' (open_workspace, integrity check)' if open_check else ''}: "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    from yichao.app.core.status import status_info

    status_info(ws)  # what the main window asks before its first page (the status bar)
    t = time.perf_counter()
    data = dashboard_data(ws)
    print(f"dashboard first call (its statements compiled): {(time.perf_counter() - t) * 1000:.0f} ms "
          f"({len(data.cards)} cards, {len(data.charts)} charts, {len(data.todos)} to-dos)")
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        dashboard_data(ws)
        warm.append(time.perf_counter() - t)
    print(f"dashboard warm: median {statistics.median(warm) * 1000:.0f} ms, max {max(warm) * 1000:.0f} ms")
    measure_gui(ws)
    months = current("month").trailing_months(12)
    timings = []
    with ws.read() as session:
        for fig in figures.available():
            t = time.perf_counter()
            if fig.kind == "stock":
                stock(session, fig, ALL)
            elif fig.kind == "flow":
                flow(session, fig, months if fig.trend else months[-1:], ALL)
            else:
                breakdown(session, fig, ALL)
            timings.append((time.perf_counter() - t, fig.key))
        for item in figures.todos():
            t = time.perf_counter()
            item.fn(session, ALL, china_today())
            timings.append((time.perf_counter() - t, "todo:" + item.key))
    print("slowest figures (warm):", ", ".join(f"{k} {s * 1000:.0f} ms" for s, k in sorted(timings)[::-1][:6]))
    for period in (current("month"), current("year")):
        t = time.perf_counter()
        report = build_report(ws, period)
        built = time.perf_counter() - t
        from yichao.app.stats.render_pdf import write_pdf
        from yichao.app.stats.render_xlsx import write_xlsx

        out = Path(tempfile.mkdtemp(prefix="bench-report-"))
        t = time.perf_counter()
        write_pdf(report, out / "r.pdf")
        write_xlsx(report, out / "r.xlsx")
        print(
            f"report {period.label}: built {built * 1000:.0f} ms, "
            f"PDF + XLSX written {(time.perf_counter() - t) * 1000:.0f} ms"
        )
    from sqlalchemy import func, select

    from yichao.models.passbook import LedgerEntry
    from yichao.models.person import Person

    with ws.read() as session:
        people = session.scalar(select(func.count()).select_from(Person))
        entries = session.scalar(select(func.count()).select_from(LedgerEntry))
    print(f"database: {people:,} residents, {entries:,} ledger entries, "
          f"{(folder / 'yichao.db').stat().st_size / 1e6:,.0f} MB")
    ws.close()


def measure_gui(ws) -> None:
    """The 工作台 page offscreen: built, figures computed on the worker, cards and charts drawn."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from yichao.ui.icons import icon
    from yichao.ui.launch import make_application
    from yichao.ui.pages.dashboard import page as page_module

    app = make_application()
    icon("refresh")  # the main window's navigation has loaded the icon font before any page
    marks: dict[str, float] = {}
    show_data = page_module.DashboardPage.show_data

    def timed(self, data) -> None:
        marks["data"] = time.perf_counter()
        show_data(self, data)
        self.repaint()
        marks["drawn"] = time.perf_counter()

    page_module.DashboardPage.show_data = timed  # type: ignore[method-assign]
    started = time.perf_counter()
    page = page_module.DashboardPage(ws)
    page.resize(1100, 800)
    page.show()
    built = time.perf_counter()

    def check() -> None:
        if "drawn" in marks:
            app.quit()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    app.exec()
    page_module.DashboardPage.show_data = show_data  # type: ignore[method-assign]
    print(
        f"工作台 page: built {(built - started) * 1000:.0f} ms, "
        f"figures shown {(marks['data'] - started) * 1000:.0f} ms, "
        f"cards and charts drawn {(marks['drawn'] - started) * 1000:.0f} ms after the page was asked for"
    )
    page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--residents", type=int, default=100_000)
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--data", type=Path, help="reuse (or make) the data folder here")
    ap.add_argument("--open-check", action="store_true",
                    help="open through open_workspace (with its integrity check) instead of the bare engine")
    ap.add_argument("--measure-only", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure_only:
        measure(args.measure_only, args.open_check)
        return 0
    folder = args.data or Path(tempfile.mkdtemp(prefix="bench-dashboard-")) / "street"
    if not (folder / "yichao.db").exists():
        build(folder, args.residents, args.entries)
    print(f"data folder: {folder}", flush=True)
    extra = ["--open-check"] if args.open_check else []
    return subprocess.call([sys.executable, __file__, "--measure-only", str(folder), *extra])


if __name__ == "__main__":
    sys.exit(main())
