"""Benchmark: post 1,000,000 ledger entries across 20,000 passbooks; balance lookup at that size.

    python tests/bench/bench_passbook.py [--entries N] [--passbooks N] [--batch N]

Prints entries per second for the bulk path (bulk credit, imports: ``append_many``, one transaction
per batch, entries by bulk insert with their journal rows, one update per passbook per batch), for
the counter path (``deposit``, one transaction per entry), and the time to read a balance by
passbook number once the ledger holds all the entries.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--passbooks", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=250_000, help="entries per transaction")
    ap.add_argument("--counter", type=int, default=1000, help="entries posted one by one through deposit()")
    ap.add_argument("--keep", action="store_true", help="keep the benchmark's data folder")
    args = ap.parse_args(argv)

    from yichao.app.core.setup import initialize
    from yichao.app.core.workspace import CLI_USER
    from yichao.app.passbook import accounts as pb
    from yichao.app.passbook.ledger import Posting, append_many
    from yichao.models.base import new_uid
    from yichao.models.journal import bulk_insert
    from yichao.models.passbook import Passbook
    from yichao.models.person import Person

    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="bench-passbook-")) / "street"
    ws = initialize(folder, "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
    ws.user = CLI_USER
    t0 = time.perf_counter()
    with ws.unit() as session:
        people = [{"uid": new_uid(), "name": f"志愿者{i}", "is_volunteer": True} for i in range(args.passbooks)]
        bulk_insert(session, Person, people)
        books = [{"uid": new_uid(), "number": f"370102001-{i + 1:06d}", "site_code": "370102001", "seq": i + 1,
                  "holder_uid": p["uid"], "status": "active", "opened_on": __import__("datetime").date(2024, 1, 1)}
                 for i, p in enumerate(people)]
        bulk_insert(session, Passbook, books)
    print(f"setup: {args.passbooks} residents and passbooks in {time.perf_counter() - t0:.1f} s")
    uids = [b["uid"] for b in books]
    posted = 0
    started = time.perf_counter()
    while posted < args.entries:
        n = min(args.batch, args.entries - posted)
        postings = [Posting(rng.choice(uids), "deposit", "志愿服务", rng.randint(1, 50), rng.choice((0, 60, 120)))
                    for _ in range(n)]
        with ws.unit() as session:
            append_many(session, postings, "bench")
        posted += n
        elapsed = time.perf_counter() - started
        print(f"  {posted:>9,} entries  {elapsed:7.1f} s  {posted / elapsed:9,.0f} entries/s", flush=True)
    bulk_rate = posted / (time.perf_counter() - started)

    numbers = [b["number"] for b in books]
    started = time.perf_counter()
    for _ in range(args.counter):
        pb.deposit(ws, rng.choice(numbers), 5, "柜台存入", hours=1)
    counter_rate = args.counter / (time.perf_counter() - started)

    timings = []
    for _ in range(2000):
        number = rng.choice(numbers)
        t = time.perf_counter()
        _ = pb.get_passbook(ws, number).balance
        timings.append(time.perf_counter() - t)
    from sqlalchemy import select

    raw = []
    with ws.read() as session:
        for _ in range(2000):
            number = rng.choice(numbers)
            t = time.perf_counter()
            session.execute(select(Passbook.balance).where(Passbook.number == number)).scalar_one()
            raw.append(time.perf_counter() - t)
    from yichao.app.passbook.check import _check_ledgers

    t = time.perf_counter()
    problems = _check_ledgers(ws)  # the `yichao check` rule: every balance equals its ledger sum
    check_s = time.perf_counter() - t
    size_mb = (folder / "yichao.db").stat().st_size / 1e6
    ws.close()
    print(f"bulk posting: {posted:,} entries across {args.passbooks:,} passbooks, {bulk_rate:,.0f} entries/s")
    print(f"counter posting (deposit(), one transaction each): {counter_rate:,.0f} entries/s")
    print(f"balance lookup by number via get_passbook: median {statistics.median(timings) * 1e3:.3f} ms, "
          f"p95 {sorted(timings)[int(len(timings) * 0.95)] * 1e3:.3f} ms")
    print(f"balance lookup, bare indexed SELECT: median {statistics.median(raw) * 1e6:.0f} µs")
    print(f"ledger-sum check over {posted + args.counter:,} entries: {check_s:.1f} s, problems: {len(problems)}")
    print(f"database: {size_mb:,.0f} MB")
    if not args.keep:
        shutil.rmtree(folder.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
