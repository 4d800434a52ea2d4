"""`yichao demo` fills this module, and `yichao list projects --json` shows it."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import PASSWORD

from .cli import password_file_for

_LOGIN: list[str] = []


def run(*args: str) -> subprocess.CompletedProcess:
    """`yichao ARGS` signed in as the folder's administrator."""
    return subprocess.run(["yichao", *args, *_LOGIN], capture_output=True, text=True, timeout=300)


def test_demo_projects_listed_in_every_status(workspace):
    data_dir = workspace.data_dir
    workspace.close()  # the command takes the folder's lock
    _LOGIN[:] = ["--user", "admin", "--password-file", str(password_file_for(data_dir, PASSWORD))]
    done = run("--data-dir", str(data_dir), "demo", "--residents", "200")
    assert done.returncode == 0, done.stderr
    assert "项目与路演" in done.stdout
    listed = run("--data-dir", str(data_dir), "list", "projects", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert all(len(r["uid"]) == 36 for r in rows)
    assert {r["status"] for r in rows} == {"applied", "screened", "pitched", "approved", "running", "midterm",
                                           "closed", "rejected", "terminated"}
    closed = next(r for r in rows if r["status"] == "closed")
    assert 0 < closed["approved"] <= closed["requested"]
    out = data_dir / "projects.xlsx"
    exported = run("--data-dir", str(data_dir), "xlsx", "export", "projects", str(out))
    assert exported.returncode == 0, exported.stderr
    import openpyxl

    sheet = openpyxl.load_workbook(out).active
    titles = {row[0] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert titles == {r["title"] for r in rows}
    checked = run("--data-dir", str(data_dir), "check")
    assert "通过  项目资金与评分" in checked.stdout
    # the roadshow winner (the demo approves in rank order) gets an award certificate
    winner = next(r for r in rows if r["status"] == "approved")
    printed = run("--data-dir", str(data_dir), "print", "certificate", "award", "--subject", winner["uid"],
                  str(data_dir / "award.pdf"))
    assert printed.returncode == 0, printed.stderr
    assert (data_dir / "award.pdf").stat().st_size > 1000
