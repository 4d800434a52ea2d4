"""Benchmark: 1,000 certificates in one batch PDF vs bare reportlab canvases, in the same run.

    python tests/bench/bench_certificates.py [--count 1000] [--runs 3]

"bare" draws the same strings (title, recipient, body lines, issuer, date, serial, code) with the same
embedded font on plain canvases, one page each, no fitting, no QR, no database. "yichao whole print
run" is ``print_certificates``: subjects read, serials allocated, register, print and journal rows
written (Core bulk inserts, one transaction), text fitted, QR codes drawn, the PDF written, the
transaction committed. "drawing" is only ``render`` (the PDF part of it, run again on the same pages).
Targets: the whole run <= 1.5 x bare, and < 10 s; the drawing alone well under that.
Both write binary (not ASCII85) compressed streams: the printing package sets reportlab's useA85 off.
Times are CPU seconds of this process (time.process_time): on a shared 2-core machine wall time
swings with other people's work; the whole run's wall time is printed too. Runs grow the register
(each adds 1,000 organizations and certificates), as a street's database grows.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path


def bare(contents: list[dict], out: Path) -> float:
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from yichao.app.pdf.fonts import register_cjk_font

    font = register_cjk_font()
    assert rl_config.useA85 == 0  # the same stream encoding as the printing package's canvases
    started = time.process_time()
    c = Canvas(str(out), pagesize=landscape(A4), initialFontName=font)
    for content in contents:
        c.setFont(font, 40)
        c.drawCentredString(421, 460, content["title"])
        c.setFont(font, 26)
        c.drawString(130, 370, content["recipient"])
        c.setFont(font, 17)
        body = content["body"].replace("\n", "")
        for n in range(0, len(body), 34):
            c.drawString(130, 330 - n // 34 * 30, body[n:n + 34])
        c.setFont(font, 16)
        c.drawCentredString(600, 140, content["issuer"])
        c.drawCentredString(600, 115, content["date"])
        c.setFont(font, 10)
        c.drawRightString(785, 540, content["serial"])
        c.drawString(145, 120, content["code"])
        c.showPage()
    c.save()
    return time.process_time() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    import random

    from yichao.app.certificates.batch import print_certificates, render
    from yichao.app.certificates.register import print_options
    from yichao.app.core.pinyin import initials
    from yichao.app.core.setup import initialize
    from yichao.app.demo.names import person_name
    from yichao.models.journal import bulk_insert
    from yichao.models.organization import Organization

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = initialize(root / "street", "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
        from yichao.app.core.workspace import CurrentUser

        ws.user = CurrentUser("admin", "admin")
        bare_times, ours, renders, walls = [], [], [], []
        for run in range(args.runs):
            rows = []
            for n in range(args.count):
                name = f"{person_name(rng)[:1]}{rng.choice(['邻里', '夕阳', '红帆', '青苗', '同心'])}" \
                       f"{rng.choice(['志愿服务队', '艺术团', '互助社', '社区服务中心', '文化发展促进会'])}{run}{n:04d}"
                rows.append({"name": name, "name_initials": initials(name), "stage": "nursery"})
            with ws.unit() as session:
                bulk_insert(session, Organization, rows)
                from sqlalchemy import select

                uids = list(session.scalars(select(Organization.uid).where(Organization.name.like(f"%{run}____"))
                                            .order_by(Organization.name)))[: args.count]
            out = root / f"yichao-{run}.pdf"
            started, wall = time.process_time(), time.perf_counter()
            result = print_certificates(ws, "entry", uids, out)
            ours.append(time.process_time() - started)
            walls.append(time.perf_counter() - wall)
            contents = [p.row.content for p in result.pages]
            options = print_options(ws, "entry")
            started = time.process_time()
            render(result.pages, options, root / f"render-{run}.pdf")
            renders.append(time.process_time() - started)
            bare_times.append(bare(contents, root / f"bare-{run}.pdf"))
            assert result.new_count == args.count, result.new_count
        ws.close()
        b, o, r = statistics.median(bare_times), statistics.median(ours), statistics.median(renders)
        print(f"certificates per run: {args.count}, runs: {args.runs} (medians)")
        print(f"bare reportlab canvases : {b:6.2f} s")
        print(f"yichao batch PDF drawing: {r:6.2f} s   ratio {r / b:4.2f}  (target <= 1.5)"
              f"  {'within' if r / b <= 1.5 else 'OVER'}")
        print(f"yichao whole print run  : {o:6.2f} s   ratio {o / b:4.2f}  (target <= 1.5)"
              f"  {'within' if o / b <= 1.5 else 'OVER'}  (register: subjects, serials, rows, journal, commit)")
        w = statistics.median(walls)
        print(f"  wall-clock time        : {w:6.2f} s   {'under' if w < 10 else 'OVER'} 10 s")
        return 0


if __name__ == "__main__":
    sys.exit(main())
