"""Start-up benchmark (issue 2, point 12; DESIGN.md section 8).

Prints, from one run, medians of the time from process start to:
  bare     a bare PySide6 QApplication + QMainWindow shown
  floor    bare + `import sqlalchemy.orm` + opening the SQLite file (the design's floor)
  login    Yichao's login dialog shown (font and translation installed)
  main     Yichao's main window shown and usable, signed in, on a 100,000-resident demo database
and the ratios main/bare, main/floor and login/bare. Targets: main/bare <= 1.5 (issue 2),
login/bare <= 1.5 (DESIGN.md).

    python tests/bench/bench_startup.py [--residents 100000] [--runs 7] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r'''
import os, sys, time
mode, data_dir, pwfile = sys.argv[1], sys.argv[2], sys.argv[3]
os.environ["QT_QPA_PLATFORM"] = "offscreen"
if mode in ("bare", "floor"):
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    if mode == "floor":
        import sqlite3
        import sqlalchemy.orm  # noqa: F401
        conn = sqlite3.connect(os.path.join(data_dir, "yichao.db"))
        conn.execute("select count(*) from sqlite_master").fetchone()
    w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
elif mode == "login":
    from pathlib import Path
    from yichao.ui.launch import make_application
    from yichao.ui.dialogs.login import LoginDialog
    app = make_application(Path(data_dir))
    d = LoginDialog(data_dir, lambda u, p: None); d.show(); app.processEvents()
elif mode == "main":
    import argparse
    from pathlib import Path
    from yichao.ui.launch import make_application, _login_with_password_file, show_main_window
    app = make_application(Path(data_dir))
    ws = _login_with_password_file(Path(data_dir), "admin", pwfile, False)
    w = show_main_window(ws, remember_geometry=False); app.processEvents()
    ws.close()
sys.stdout.flush()
os._exit(0)
'''


def run_child(mode: str, data_dir: Path, pwfile: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", CHILD, mode, str(data_dir), str(pwfile)], check=True,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return time.perf_counter() - started


def prepare(data_dir: Path, residents: int, pwfile: Path) -> None:
    if (data_dir / "yichao.db").exists():
        return
    pwfile.write_text("secret123\n", encoding="utf-8")
    subprocess.run(["yichao", "--data-dir", str(data_dir), "init", "--role", "street", "--code", "370102001",
                    "--name", "甸柳街道", "--parent-code", "370102", "--parent-name", "历下区", "--admin", "admin",
                    "--password-file", str(pwfile)], check=True)
    started = time.perf_counter()
    subprocess.run(["yichao", "--data-dir", str(data_dir), "demo", "--residents", str(residents)], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"demo --residents {residents}: {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="yichao-bench-")) / "street"
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    pwfile = data_dir.parent / "pw.txt"
    pwfile.write_text("secret123\n", encoding="utf-8")
    prepare(data_dir, args.residents, pwfile)
    times: dict[str, list[float]] = {m: [] for m in ("bare", "floor", "login", "main")}
    for mode in times:  # warm the file cache once
        run_child(mode, data_dir, pwfile)
    for _ in range(args.runs):
        for mode in times:  # interleaved, so load on the machine hits every mode alike
            times[mode].append(run_child(mode, data_dir, pwfile))
    med = {m: statistics.median(v) for m, v in times.items()}
    for mode, value in med.items():
        print(f"{mode:6s} {value * 1000:8.0f} ms  (min {min(times[mode]) * 1000:.0f} ms)")
    print(f"main/bare  {med['main'] / med['bare']:.2f}  (target <= 1.5)")
    print(f"main/floor {med['main'] / med['floor']:.2f}")
    print(f"login/bare {med['login'] / med['bare']:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
