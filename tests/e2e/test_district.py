"""Several district PCs on one PostgreSQL database (issue 19), through the installed command.

PC A runs `yichao init --database-url`, PC B `yichao join`; each has its own data folder, both use the
same throw-away server. Users, roles and the journal are shared; the journal names the PC.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from .conftest_pg import pg_database  # noqa: F401 - the fixture

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
ENV.pop("YICHAO_USER", None)
ENV.pop("YICHAO_PASSWORD_FILE", None)
DISTRICT = ("--role", "district", "--code", "370102", "--name", "历下区")


def run(folder: Path, *args: str, user: str | None = "admin", pw: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    login = ["--user", user, "--password-file", str(pw or folder.parent / "pw")] if user else []
    return subprocess.run(["yichao", "--data-dir", str(folder), *login, *args], capture_output=True, text=True,
                          env=env or ENV, timeout=600)


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def refused(r: subprocess.CompletedProcess[str], words: str) -> None:
    assert r.returncode == 1, r.stdout + r.stderr
    assert words in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr


def init_a(root: Path, url: str) -> Path:
    (root / "pw").write_text("secret123\n", encoding="utf-8")
    a = root / "A"
    ok(run(a, "init", *DISTRICT, "--admin", "admin", "--password-file", str(root / "pw"), "--database-url", url,
           user=None))
    return a


def journal(url: str) -> list[tuple]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text('SELECT id, op, "user", pc, site FROM journal ORDER BY id')).all()
    engine.dispose()
    return [tuple(r) for r in rows]


@pytest.fixture
def district(tmp_path, pg_database):  # noqa: F811
    url = pg_database()
    a = init_a(tmp_path, url)
    b = tmp_path / "B"
    return url, a, b


def test_join_writes_only_this_pcs_settings_and_the_journal_names_pc_and_user(district):
    url, a, b = district
    out = ok(run(b, "join", "--database-url", url))
    assert "已加入历下区" in out
    assert not (b / "yichao.db").exists()  # nothing local but this PC's settings and key
    settings = json.loads((b / "settings.json").read_text(encoding="utf-8"))
    assert settings["database_url"] == url and settings["pc_id"] and settings["site_label"] == "历下区（370102）"
    pcs = [json.loads(line) for line in ok(run(a, "pc", "list", "--json")).splitlines()]
    assert len(pcs) == 2 and {p["uid"] for p in pcs} == {settings["pc_id"],
                                                          json.loads((a / "settings.json").read_text())["pc_id"]}
    a_pc = json.loads((a / "settings.json").read_text(encoding="utf-8"))["pc_id"]
    ok(run(b, "check", user=None))
    rows = journal(url)
    assert {r[3] for r in rows} == {a_pc, settings["pc_id"]}  # every row names its PC
    joined = [r for r in rows if r[1] == "pc_join" and r[3] == settings["pc_id"]]
    assert joined and joined[0][2] == "admin"  # and the administrator who authorized it
    assert any(r[1] == "login" and r[3] == settings["pc_id"] and r[2] == "admin" for r in rows)
    # both PCs see the same users: B signs in with the account made on A
    ok(run(b, "list", "orgs", "--json"))


def test_join_refusals(district, tmp_path, pg_database):  # noqa: F811
    url, a, b = district
    refused(run(b, "join", "--database-url", url, user=None), "需要登录")
    wrong = tmp_path / "wrong"
    wrong.write_text("nope12345\n", encoding="utf-8")
    refused(run(b, "join", "--database-url", url, pw=wrong), "用户名或密码不正确")
    # a second `init` on the same database points to `join`
    refused(run(b, "init", *DISTRICT, "--admin", "admin", "--password-file", str(tmp_path / "pw"),
                "--database-url", url, user=None), "yichao join")
    # a clerk (not an administrator) cannot authorize a PC
    from yichao.app.core import CurrentUser, create_user, open_workspace

    ws = open_workspace(a)
    ws.user = CurrentUser("admin", "admin")
    create_user(ws, "clerk", "clerk12345", "staff")
    ws.close()
    clerk = tmp_path / "clerk.pw"
    clerk.write_text("clerk12345\n", encoding="utf-8")
    refused(run(b, "join", "--database-url", url, user="clerk", pw=clerk), "不是历下区的管理员")
    # an empty database, a street's database, SQLite
    refused(run(tmp_path / "C", "join", "--database-url", pg_database()), "还没有初始化")
    street_url = pg_database()
    ok(run(tmp_path / "S", "init", "--role", "street", "--code", "370102001", "--name", "甸柳街道",
           "--parent-code", "370102", "--admin", "admin", "--password-file", str(tmp_path / "pw"),
           "--database-url", street_url, user=None))
    refused(run(tmp_path / "C2", "join", "--database-url", street_url), "不是区级数据库")
    refused(run(tmp_path / "C3", "join", "--database-url", f"sqlite:///{tmp_path / 'x.db'}"), "PostgreSQL")
    # a PC that never joined cannot open the database with a copied settings file
    c4 = tmp_path / "C4"
    c4.mkdir()
    (c4 / "settings.json").write_text(json.dumps({"database_url": url}), encoding="utf-8")
    refused(run(c4, "list", "orgs"), "还没有加入")
    # nothing of the refused folders reached the shared database as a PC
    assert len([line for line in ok(run(a, "pc", "list", "--json")).splitlines()]) == 1


def test_identity_numbers_are_sealed_with_one_key_for_every_pc(district, tmp_path):
    """Issue 18 point 5 on a shared database: the data key is in the vault, not in a PC's folder, so
    a number registered on PC A is found on PC B, and the server holds none in clear."""
    import openpyxl

    from yichao.models.identifiers import make_id_number

    url, a, b = district
    number = make_id_number("370102", __import__("datetime").date(1950, 5, 4), 123)
    roster = tmp_path / "roster.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "身份证号码", "手机"])
    wb.active.append(["李秀英", number, "13800000001"])
    wb.save(roster)
    ok(run(a, "community", "add", "甸柳第一社区"))
    ok(run(a, "xlsx", "import", "people", str(roster)))
    ok(run(b, "join", "--database-url", url))
    assert not (b / "keys" / "data.key").exists()  # B never made a key of its own
    people = [json.loads(line) for line in ok(run(b, "list", "people", "--json")).splitlines()]
    assert [p["id_number"] for p in people] == [number[:6] + "********" + number[-4:]]
    r = run(b, "xlsx", "import", "people", str(roster))  # the same resident again, from PC B
    assert "Traceback" not in r.stderr
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT id_number FROM person")).scalars().all()
    engine.dispose()
    assert len(stored) == 1 and number not in stored[0] and stored[0].startswith("e1:")
