"""A throw-away PostgreSQL server for the district tests (imported by them; not a conftest).

``initdb`` refuses to run as root (DESIGN.md section 8), so as root the server runs as the
``postgres`` user, in a temporary folder, on a private port and socket folder. Skips only when
``initdb``/``pg_ctl`` are truly absent.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True):
        return Path(cand).parent
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_pg(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--", *args] if runuser else ["su", "postgres", "-c", " ".join(args)]


@pytest.fixture(scope="session")
def pg_database() -> Iterator[Callable[[], str]]:
    """A function that creates a fresh database and returns its SQLAlchemy URL."""
    bin_dir = _pg_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        pytest.skip("PostgreSQL (initdb/pg_ctl) is not installed here")
    pytest.importorskip("psycopg")
    root = Path(tempfile.mkdtemp(prefix="yichao-pg-"))
    os.chmod(root, 0o755)
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    port = _free_port()
    subprocess.run(_as_pg([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                           "-E", "UTF8", "--no-locale"]), check=True, capture_output=True)
    subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
                           f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]),
                   check=True, capture_output=True)
    import psycopg

    def make() -> str:
        name = "yc_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}"

    try:
        yield make
    finally:
        subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
