"""A district's database problems are one sentence each (issue 19 point 4), never a traceback.

A missing PostgreSQL driver, a server nobody answers on, a refused password, a missing database, a
database of a newer Yichao and a database that is not Yichao's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from .conftest_pg import _as_pg, _free_port, _pg_bin, pg_database  # noqa: F401 - the fixture
from .test_district import DISTRICT, ENV, init_a, refused, run


def init(folder: Path, url: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    pw = folder.parent / "pw"
    pw.write_text("secret123\n", encoding="utf-8")
    return run(folder, "init", *DISTRICT, "--admin", "admin", "--password-file", str(pw), "--database-url", url,
               user=None, env=env)


def test_unreachable_server_is_a_sentence(tmp_path):
    port = _free_port()  # nobody listens there
    r = init(tmp_path / "A", f"postgresql+psycopg://yichao:pw@127.0.0.1:{port}/yichao")
    refused(r, f"无法连接数据库服务器 127.0.0.1:{port}")
    assert "pw@" not in r.stderr  # the password never shows
    r = run(tmp_path / "B", "join", "--database-url", f"postgresql+psycopg://yichao:pw@127.0.0.1:{port}/yichao",
            pw=tmp_path / "pw")
    refused(r, "无法连接数据库服务器")


def test_missing_driver_is_a_sentence(tmp_path):
    """psycopg made unimportable in the process (as on a PC whose Yichao was installed without it)."""
    pw = tmp_path / "pw"
    pw.write_text("secret123\n", encoding="utf-8")
    code = ("import sys; sys.modules['psycopg'] = None; sys.modules['psycopg2'] = None\n"
            "from yichao.app.cli import main\n"
            "sys.exit(main(sys.argv[1:]))")
    r = subprocess.run([sys.executable, "-c", code, "--data-dir", str(tmp_path / "A"), "init", *DISTRICT,
                        "--admin", "admin", "--password-file", str(pw), "--database-url",
                        "postgresql+psycopg://yichao:pw@127.0.0.1:5432/yichao"],
                       capture_output=True, text=True, env=ENV, timeout=300)
    refused(r, "缺少 PostgreSQL 数据库驱动")


def test_a_url_that_is_not_a_database_address(tmp_path):
    refused(init(tmp_path / "A", "postgres-ish://nothing"), "数据库地址无法识别")


@pytest.fixture(scope="module")
def password_server() -> Iterator[int]:
    """A PostgreSQL server that checks passwords (the shared test server trusts everyone)."""
    bin_dir = _pg_bin()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        pytest.skip("PostgreSQL (initdb/pg_ctl) is not installed here")
    pytest.importorskip("psycopg")
    root = Path(tempfile.mkdtemp(prefix="yichao-pgpw-"))
    os.chmod(root, 0o755)
    data, sock, pwfile = root / "data", root / "sock", root / "pwfile"
    sock.mkdir()
    pwfile.write_text("right-password\n", encoding="utf-8")
    if os.geteuid() == 0:
        for p in (root, sock, pwfile):
            shutil.chown(p, "postgres")
    port = _free_port()
    subprocess.run(_as_pg([str(bin_dir / "initdb"), "-D", str(data), "--auth-host=scram-sha-256",
                           "--auth-local=trust", "-U", "postgres", f"--pwfile={pwfile}", "-E", "UTF8",
                           "--no-locale"]), check=True, capture_output=True)
    subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
                           f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off", "start"]),
                   check=True, capture_output=True)
    try:
        yield port
    finally:
        subprocess.run(_as_pg([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_wrong_database_password_and_missing_database(tmp_path, password_server):
    port = password_server
    r = init(tmp_path / "A", f"postgresql+psycopg://postgres:wrong-password@127.0.0.1:{port}/postgres")
    refused(r, "拒绝了用户“postgres”的密码")
    assert "wrong-password" not in r.stderr
    refused(init(tmp_path / "B", f"postgresql+psycopg://postgres:right-password@127.0.0.1:{port}/nosuchdb"),
            "没有名为“nosuchdb”的数据库")


def test_newer_yichao_and_foreign_database(tmp_path, pg_database):  # noqa: F811
    url = pg_database()
    a = init_a(tmp_path, url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    refused(run(a, "list", "orgs"), "更新版本的益巢")
    refused(run(tmp_path / "B", "join", "--database-url", url), "更新版本的益巢")
    engine.dispose()
    foreign = pg_database()
    engine = create_engine(foreign)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer primary key)"))
    engine.dispose()
    refused(init(tmp_path / "C", foreign), "不是益巢的数据库")
    refused(run(tmp_path / "D", "join", "--database-url", foreign), "不是益巢的数据库")
