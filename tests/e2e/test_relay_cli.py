"""Relaying through the command line (issue 17 point 2): `yichao bundle status` counts the records a
street passes on; an office's records reach a district on PostgreSQL and stop being resent once it
confirmed them."""

from __future__ import annotations

import subprocess

from sqlalchemy import create_engine, text

from tests.conftest import PASSWORD
from tests.e2e.cli import password_file_for, remember_admin, yichao
from tests.unit.sync.support import move, pair
from yichao.app.core import CurrentUser, open_workspace
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.rules import RuleInput, save_rule
from yichao.app.people.residents import PersonInput, create_person
from yichao.app.sync.status import sync_status

from .conftest_pg import pg_database  # noqa: F401 - the fixture
from .test_district import ENV

D, S, OFFICE = "370102", "370102001", "370102001003"


def test_bundle_status_counts_relayed_changes(make_workspace, tmp_path):
    district = make_workspace("district", D, "历下区", "")
    street = make_workspace("street", S, "甸柳街道", D)
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", S)
    pair(street, district, tmp_path)
    pair(street, office, tmp_path)
    person = create_person(office, PersonInput(name="孙丽", is_volunteer=True))
    pb.deposit(office, pb.open_passbook(office, person.uid).number, 30, "助老服务", hours=2)
    move(office, street, tmp_path)  # the office's records wait at the street for the district
    save_rule(district, RuleInput("助老", "hourly", "助老服务", 10))
    move(district, street, tmp_path)  # and the district's rule for the office
    expected = {p.code: (p.pending, p.relayed) for p in sync_status(street).peers}
    assert expected[D][1] >= 3 and expected[OFFICE][1] >= 1  # the person, the book, its entry; the rule
    street.close()
    remember_admin(street.data_dir, "admin", password_file_for(street.data_dir, PASSWORD))
    r = yichao("bundle", "status", data_dir=street.data_dir)
    assert r.returncode == 0, r.stderr
    lines = [line for line in r.stdout.splitlines() if "待发送变更" in line]
    for line, code in zip(lines, (D, OFFICE), strict=True):  # peers in code order
        pending, relayed = expected[code]
        assert line.endswith(f"待发送变更 {pending} 条（其中转交其他站点的 {relayed} 条）"), r.stdout


def test_an_office_s_records_reach_a_district_on_postgresql_through_the_cli(tmp_path, pg_database):  # noqa: F811
    url = pg_database()
    pw = tmp_path / "pw"
    pw.write_text("secret123\n", encoding="utf-8")
    folders = {code: tmp_path / code for code in (D, S, OFFICE)}

    def run(code: str, *args: str) -> str:
        r = subprocess.run(["yichao", "--data-dir", str(folders[code]), "--user", "admin", "--password-file",
                            str(pw), *args], capture_output=True, text=True, env=ENV, timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
        return r.stdout

    def init(code: str, *args: str) -> None:
        r = subprocess.run(["yichao", "--data-dir", str(folders[code]), "init", "--code", code, *args, "--admin",
                            "admin", "--password-file", str(pw)], capture_output=True, text=True, env=ENV)
        assert r.returncode == 0, r.stderr

    init(D, "--role", "district", "--name", "历下区", "--database-url", url)
    init(S, "--role", "street", "--name", "甸柳街道", "--parent-code", D, "--parent-name", "历下区")
    init(OFFICE, "--role", "community", "--name", "甸柳新村社区储蓄所", "--parent-code", S, "--parent-name", "甸柳街道")
    for a, b in ((S, D), (S, OFFICE)):
        run(a, "keys", "export", str(tmp_path / f"{a}.key"))
        run(b, "keys", "export", str(tmp_path / f"{b}.key"))
        run(a, "keys", "trust", str(tmp_path / f"{b}.key"))
        run(b, "keys", "trust", str(tmp_path / f"{a}.key"))
    ws = open_workspace(folders[OFFICE])
    ws.user = CurrentUser("admin", "admin")
    try:
        for name in ("孙丽", "王芳", "李强"):
            create_person(ws, PersonInput(name=name))
    finally:
        ws.close()

    def move(src: str, dst: str) -> str:
        path = tmp_path / f"{src}-{dst}-{len(list(tmp_path.glob('*.ycb')))}.ycb"
        out = run(src, "bundle", "export", "--to", dst, str(path))
        run(dst, "bundle", "import", str(path))
        return out

    move(OFFICE, S)
    move(S, D)
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM person WHERE origin = '{OFFICE}'")).scalar_one() == 3
        assert conn.execute(text("SELECT via FROM sync_relay")).scalars().all() == [S]
    engine.dispose()
    assert "：0 条记录" not in move(OFFICE, S)  # the district has not confirmed them yet: sent again
    move(D, S)
    move(S, OFFICE)
    assert "：0 条记录" in move(OFFICE, S)  # now it has
