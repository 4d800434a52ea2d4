"""Sync benchmark (a plain script, not collected by pytest).

1. A bundle of 200,000 changes (new residents): export and import, records per second, against a
   raw sqlite3 ``executemany`` insert of the same rows into the same table in the same run (ratio).
2. One district importing a year of monthly bundles from 50 streets (and answering each, so the
   acknowledgements keep the bundles small): total time and the district's database size. With
   ``--postgres`` (or ``--district-url``) the year runs twice in the same run, the district on SQLite
   and then on PostgreSQL, and the ratio of the two import totals is printed (target: <= 1.0).

    python tests/bench/bench_sync.py [--changes 200000] [--streets 50] [--months 12] [--per-month 100]
                                     [--postgres | --district-url URL] [--only big|year]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from yichao.app.core.setup import initialize
from yichao.app.core.workspace import CLI_USER, Workspace
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import export_key_file, trust_key_file
from yichao.models.base import new_uid, utcnow
from yichao.models.identifiers import make_id_number, mask_id_number
from yichao.models.journal import bulk_insert
from yichao.models.person import Person
from yichao.models.site import Community

PASSWORD = "secret123"


def site(root: Path, role: str, code: str, name: str) -> Workspace:
    ws = initialize(root / code, role, code, name, "admin", PASSWORD, "370102" if role == "street" else "",
                    "历下区" if role == "street" else "")
    ws.user = CLI_USER
    return ws


def pair(a: Workspace, b: Workspace, root: Path) -> None:
    export_key_file(a, root / f"{a.site.code}.key")
    export_key_file(b, root / f"{b.site.code}.key")
    trust_key_file(a, root / f"{b.site.code}.key")
    trust_key_file(b, root / f"{a.site.code}.key")


def people_rows(n: int, rng: random.Random, community_uid: str, start: int) -> list[dict]:
    rows = []
    for i in range(start, start + n):
        born = date(1940 + (i // 999) % 60, 1 + (i // 59940) % 12, 1 + (i // 719280) % 28)
        number = make_id_number("370102", born, i % 999 + 1)
        rows.append({"uid": new_uid(), "name": f"居民{i}", "name_initials": "JM", "gender": "female",
                     "id_number": number, "id_masked": mask_id_number(number), "phone": f"138{i:08d}",
                     "community_uid": community_uid, "building": str(i % 30), "unit": "1", "room": str(i % 700),
                     "notes": "常住"})
    return rows


def add_community(ws: Workspace, name: str) -> str:
    with ws.unit() as s:
        c = Community(name=name, site_code=ws.site.code)
        s.add(c)
        s.flush()
        return c.uid


def bench_big(root: Path, changes: int) -> None:
    street = site(root, "street", "370102001", "甸柳街道")
    district = site(root, "district", "370102", "历下区")
    pair(street, district, root)
    community = add_community(street, "山水社区")
    rows = people_rows(changes, random.Random(1), community, 0)
    with street.unit() as s:
        bulk_insert(s, Person, [dict(r) for r in rows])
    path = root / "big.ycb"
    t0 = time.perf_counter()
    res = export_bundle(street, district.site.code, path)
    t_export = time.perf_counter() - t0
    t0 = time.perf_counter()
    imp = import_bundle(district, path)
    t_import = time.perf_counter() - t0
    assert imp.kinds["person"].new == changes
    # the floor: raw sqlite3 executemany of the same rows into an empty copy of the same table
    raw = sqlite3.connect(root / "raw.db")
    schema = sqlite3.connect(district.data_dir / "yichao.db").execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name='person' AND sql IS NOT NULL ORDER BY type DESC").fetchall()
    for (ddl,) in schema:  # the table and its indexes; foreign keys are off in a bare connection
        raw.execute(ddl)
    cols = ["uid", "origin", "rev", "updated_at", "deleted", *[k for k in rows[0] if k != "uid"],
            "household_head", "is_volunteer", "volunteer_number", "skills"]
    extra = [c for c in (row[1] for row in raw.execute("PRAGMA table_info(person)")) if c not in cols]
    cols += extra
    now = utcnow().isoformat()
    values = [tuple({**r, "origin": "370102001", "rev": 1, "updated_at": now, "deleted": 0, "household_head": 0,
                     "is_volunteer": 0, "volunteer_number": "", "skills": "", **{e: "" for e in extra}}[c]
                    for c in cols) for r in rows]
    t0 = time.perf_counter()
    with raw:
        raw.executemany(f"INSERT INTO person ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values)
    t_raw = time.perf_counter() - t0
    raw.close()
    print(f"bundle of {changes:,} changes: {res.size / 1e6:.1f} MB sealed")
    print(f"  export  {t_export:6.2f} s  {changes / t_export:9,.0f} records/s")
    print(f"  import  {t_import:6.2f} s  {changes / t_import:9,.0f} records/s  (checks, plan, apply, journal)")
    print(
        f"  raw sqlite3 executemany of the same rows (same table and indexes) {t_raw:6.2f} s "
        f"-> import is {t_import / t_raw:.1f}x, "
        f"export+import {(t_export + t_import) / t_raw:.1f}x"
    )
    street.close()
    district.close()


def bench_year(root: Path, streets: int, months: int, per_month: int, district_url: str | None) -> float:
    """The year at the district; returns the district's import total in seconds."""
    t_setup = time.perf_counter()
    district = initialize(root / "district", "district", "370102", "历下区", "admin", PASSWORD,
                          database_url=district_url)
    district.user = CLI_USER
    sites: list[Workspace] = []
    comms: list[str] = []
    for i in range(streets):
        ws = site(root, "street", f"370102{i + 1:03d}", f"第{i + 1}街道")
        pair(ws, district, root)
        comms.append(add_community(ws, f"社区{i}"))
        sites.append(ws)
    t_setup = time.perf_counter() - t_setup
    rng = random.Random(2)
    t_import = t_export = 0.0
    records = bundles = 0
    for month in range(months):
        for i, ws in enumerate(sites):
            rows = people_rows(per_month, rng, comms[i], (month * streets + i) * per_month)
            with ws.unit() as s:
                bulk_insert(s, Person, rows)
                for p in s.scalars(select(Person).where(Person.deleted.is_(False)).limit(per_month // 5)):
                    p.notes = f"{month}月走访"
            path = root / "m.ycb"
            t0 = time.perf_counter()
            export_bundle(ws, "370102", path)
            t_export += time.perf_counter() - t0
            t0 = time.perf_counter()
            r = import_bundle(district, path)
            t_import += time.perf_counter() - t0
            records += r.records
            bundles += 1
            back = root / "back.ycb"
            export_bundle(district, ws.site.code, back)
            import_bundle(ws, back)
    size = (root / "district" / "yichao.db").stat().st_size if district_url is None else _pg_size(district)
    print(f"a year at the district: {streets} streets x {months} months = {bundles} bundles, {records:,} records")
    print(f"  district import total {t_import:6.1f} s ({t_import / bundles * 1000:.0f} ms per bundle), "
          f"streets' exports {t_export:6.1f} s; set-up {t_setup:.1f} s")
    print(f"  district database: {size / 1e6:.1f} MB ({'PostgreSQL' if district_url else 'SQLite'})")
    for ws in sites:
        ws.close()
    district.close()
    return t_import


def _pg_size(ws: Workspace) -> int:
    from sqlalchemy import text

    with ws.engine.connect() as conn:
        return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--changes", type=int, default=200_000)
    ap.add_argument("--streets", type=int, default=50)
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--per-month", type=int, default=100)
    ap.add_argument("--district-url", default=None, help="run the district on this database (e.g. PostgreSQL)")
    ap.add_argument("--postgres", action="store_true", help="start a throw-away PostgreSQL for the district")
    ap.add_argument("--only", choices=("big", "year"), default=None)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="yichao-bench-sync-"))
    server = None
    if args.postgres:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from tests.e2e.conftest_pg import pg_database

        server = pg_database.__wrapped__()  # the fixture's generator: start, then stop at the end
        args.district_url = next(server)()
    try:
        if args.only in (None, "big"):
            bench_big(root / "big", args.changes)
        if args.only in (None, "year"):
            t_sqlite = bench_year(root / "year", args.streets, args.months, args.per_month, None)
            if args.district_url:  # the same year with the district on the server, in the same run
                t_server = bench_year(root / "year-pg", args.streets, args.months, args.per_month,
                                      args.district_url)
                print(f"  district import on PostgreSQL / on SQLite (same run): {t_server / t_sqlite:.2f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)
        if server is not None:
            next(server, None)


if __name__ == "__main__":
    sys.exit(main())
