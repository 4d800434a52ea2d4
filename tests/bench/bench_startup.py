"""Start-up benchmark (issue 2, point 12; DESIGN.md section 8).

Prints, from one run, medians of the time from process start to:
  bare     a bare PySide6 QApplication + QMainWindow shown
  floor    bare + `import sqlalchemy.orm` + opening the SQLite file (the design's floor)
  login    Yichao's login dialog shown (font and translation installed)
  main     Yichao's main window shown and usable (navigation, menus, status bar, every page a
           click away), signed in, on a 100,000-resident demo database; the dashboard's figures
           and the icons are still on their way, off the GUI thread
  filled   the same, until the dashboard shows its counted figures
  enter, enter-filled
           the interactive start: the login dialog, a clerk who types for 1.5 s (the data layer
           and the first page's code load meanwhile) and presses Enter; the time from Enter to
           the main window shown, and to the dashboard's figures
and the ratios to bare and floor. Targets: main/bare <= 1.5 (issue 2), login/bare <= 1.5
(DESIGN.md). Wall time is what a clerk waits; CPU time (user + system of the child) is printed
too, because on a shared two-core machine wall time moves with other people's work.

    python tests/bench/bench_startup.py [--residents 100000] [--runs 7] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yichao

CHILD = r'''
import os, sys
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
    os._exit(0)

# Yichao's modes run the real entry point (`yichao gui`: arguments, logging, crash path, font,
# translation) and stop the process at the moment being measured.
from PySide6.QtWidgets import QApplication


import time
pressed: list[float] = []


def stop() -> None:
    QApplication.processEvents()  # what the user sees: shown and painted
    if pressed:  # the "after Enter" modes print the time since the user pressed it
        print(f"{time.perf_counter() - pressed[0]:.6f}")
    sys.stdout.flush()
    os._exit(0)


if mode == "login":  # shown and painted by its event loop (the data layer starts loading next)
    from PySide6.QtCore import QTimer
    from yichao.ui.dialogs import login as login_module
    show_dialog = login_module.LoginDialog.show
    def show_and_stop(self):
        show_dialog(self)
        QTimer.singleShot(0, stop)
    login_module.LoginDialog.show = show_and_stop
    args = ["--data-dir", data_dir, "gui"]
else:
    if mode.startswith("enter"):  # a clerk who types for 1.5 s and presses Enter
        from PySide6.QtCore import QTimer
        from yichao.ui.dialogs import login as login_module
        show_dialog = login_module.LoginDialog.show
        def show_and_type(self):
            show_dialog(self)
            def type_and_press():
                self.username.setText("admin")
                self.password.setText(open(pwfile, encoding="utf-8").readline().strip())
                pressed.append(time.perf_counter())
                self.sign_in_button.click()
            QTimer.singleShot(1500, type_and_press)
        login_module.LoginDialog.show = show_and_type
    from yichao.ui import launch
    show_main_window = launch.show_main_window
    def show_and_stop(ws, remember_geometry=True):
        window = show_main_window(ws, remember_geometry)
        if mode.endswith("filled"):
            from PySide6.QtCore import QEventLoop, QTimer
            page, loop, timer = window.current_page(), QEventLoop(), QTimer()
            timer.timeout.connect(lambda: loop.quit() if page.data is not None else None)
            timer.start(2)
            loop.exec()
            assert page.cards, "the dashboard shows no figures"
        stop()
    launch.show_main_window = show_and_stop
    args = ["--data-dir", data_dir, "gui"]
    if not mode.startswith("enter"):
        args += ["--user", "admin", "--password-file", pwfile]
from yichao.app.cli import main
sys.exit(main(args))
'''


def run_child(mode: str, data_dir: Path, pwfile: Path) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process; for the "enter" modes, wall since Enter."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(data_dir), str(pwfile)], check=True,
                         env=child_env(), stderr=subprocess.DEVNULL,
                         capture_output=False, stdout=subprocess.PIPE, text=True).stdout
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if mode.startswith("enter"):
        return float(out.strip().splitlines()[-1]), float("nan")
    return wall, cpu


def child_env() -> dict[str, str]:
    """The children's environment: offscreen, and bytecode read as an installed program reads it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def compile_package() -> None:
    """Compile Yichao's modules once, as pip and PyInstaller do when they install it.

    A source checkout run with PYTHONDONTWRITEBYTECODE (or never run before) would otherwise
    compile every module from source on every start: about 0.2 s that no installed program pays.
    """
    compileall.compile_dir(str(Path(yichao.__file__).parent), quiet=1)


def prepare(data_dir: Path, residents: int, pwfile: Path) -> None:
    if (data_dir / "yichao.db").exists():
        return
    pwfile.write_text("secret123\n", encoding="utf-8")
    subprocess.run(["yichao", "--data-dir", str(data_dir), "init", "--role", "street", "--code", "370102001",
                    "--name", "甸柳街道", "--parent-code", "370102", "--parent-name", "历下区", "--admin", "admin",
                    "--password-file", str(pwfile)], check=True)
    started = time.perf_counter()
    subprocess.run(["yichao", "--data-dir", str(data_dir), "--user", "admin", "--password-file", str(pwfile),
                    "demo", "--residents", str(residents)], check=True,
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
    compile_package()
    modes = ("bare", "floor", "login", "main", "filled", "enter", "enter-filled")
    walls: dict[str, list[float]] = {m: [] for m in modes}
    cpus: dict[str, list[float]] = {m: [] for m in modes}
    for mode in modes:  # warm the file cache once
        run_child(mode, data_dir, pwfile)
    for _ in range(args.runs):
        for mode in modes:  # interleaved, so load on the machine hits every mode alike
            wall, cpu = run_child(mode, data_dir, pwfile)
            walls[mode].append(wall)
            cpus[mode].append(cpu)
    wall_med = {m: statistics.median(v) for m, v in walls.items()}
    cpu_med = {m: statistics.median(v) for m, v in cpus.items()}
    print(f"{'':12s} {'wall':>9s} {'(min)':>9s} {'cpu':>9s}")
    for mode in modes:
        cpu = "" if mode.startswith("enter") else f"{cpu_med[mode] * 1000:6.0f} ms"
        print(f"{mode:12s} {wall_med[mode] * 1000:6.0f} ms {min(walls[mode]) * 1000:6.0f} ms {cpu}")
    print(f"{'ratio':13s} {'wall':>6s} {'cpu':>6s}")
    for top, bottom, target in (("main", "bare", "target <= 1.5"), ("main", "floor", ""),
                                ("filled", "bare", ""), ("filled", "floor", ""), ("login", "bare", "target <= 1.5")):
        print(f"{top + '/' + bottom:13s} {wall_med[top] / wall_med[bottom]:6.2f} {cpu_med[top] / cpu_med[bottom]:6.2f}"
              f"  {target}")


if __name__ == "__main__":
    main()
