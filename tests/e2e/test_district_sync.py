"""Two district PCs on one PostgreSQL server, two streets (issue 19 points 2 and 3).

PC A (`init`) and PC B (`join`) each run the installed `yichao` in their own processes: a certificate
issued on A verifies on B with the site's key; streets' bundles import on either PC, at the same
time from two streets (both apply) and from one street (applied once, the second is told); two
exports at once get consecutive numbers; an export never skips a change another PC has not yet
committed; an edit never overwrites another PC's newer revision; a revoked PC is refused.
"""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from yichao.app.core import CurrentUser, LostRace, open_workspace
from yichao.models.journal import bulk_insert
from yichao.models.organization import Organization

from .conftest_pg import pg_database  # noqa: F401 - the fixture
from .test_district import ENV, ok, refused

S1, S2, D = "370102001", "370102002", "370102"
ADMIN = CurrentUser("admin", "admin")


def cmd(folder: Path, *args: str) -> list[str]:
    return ["yichao", "--data-dir", str(folder), "--user", "admin", "--password-file", str(folder.parent / "pw"),
            *args]


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd(folder, *args), capture_output=True, text=True, env=ENV, timeout=600)


def together(*jobs: tuple[Path, tuple[str, ...]]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once (separate processes, as on separate PCs); wait for all."""
    procs = [subprocess.Popen(cmd(folder, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=ENV) for folder, args in jobs]
    done = []
    for p, (folder, args) in zip(procs, jobs, strict=True):
        out, err = p.communicate(timeout=600)
        done.append(subprocess.CompletedProcess(cmd(folder, *args), p.returncode, out, err))
    return done


def add_orgs(folder: Path, prefix: str, n: int) -> None:
    ws = open_workspace(folder)
    ws.user = ADMIN
    try:
        with ws.unit() as s:
            bulk_insert(s, Organization, [{"name": f"{prefix}{i:05d}", "stage": "nursery"} for i in range(n)])
    finally:
        ws.close()


class District:
    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url = root, url
        (root / "pw").write_text("secret123\n", encoding="utf-8")
        self.a, self.b = root / "A", root / "B"
        self.streets = {S1: root / S1, S2: root / S2}
        ok(subprocess.run(["yichao", "--data-dir", str(self.a), "init", "--role", "district", "--code", D, "--name",
                           "历下区", "--admin", "admin", "--password-file", str(root / "pw"), "--database-url", url],
                          capture_output=True, text=True, env=ENV))
        ok(run(self.b, "join", "--database-url", url))
        for code, name in ((S1, "甸柳街道"), (S2, "姚家街道")):
            ok(subprocess.run(["yichao", "--data-dir", str(self.streets[code]), "init", "--role", "street", "--code",
                               code, "--name", name, "--parent-code", D, "--parent-name", "历下区", "--admin", "admin",
                               "--password-file", str(root / "pw")], capture_output=True, text=True, env=ENV))
            ok(run(self.streets[code], "keys", "export", str(root / f"{code}.key")))
            ok(run(self.a, "keys", "trust", str(root / f"{code}.key")))
        ok(run(self.b, "keys", "export", str(root / "district.key")))  # B holds the site's keys too
        for folder in self.streets.values():
            ok(run(folder, "keys", "trust", str(root / "district.key")))
        self.n = 0

    def bundle(self, code: str, orgs: int) -> Path:
        add_orgs(self.streets[code], f"{code}-{self.n}-", orgs)
        self.n += 1
        path = self.root / f"{code}-{self.n}.ycb"
        ok(run(self.streets[code], "bundle", "export", "--to", D, str(path)))
        return path

    def count(self, sql: str) -> int:
        engine = create_engine(self.url)
        with engine.connect() as conn:
            value = conn.execute(text(sql)).scalar_one()
        engine.dispose()
        return int(value)


@pytest.fixture(scope="module")
def district(tmp_path_factory, pg_database):  # noqa: F811
    return District(tmp_path_factory.mktemp("district"), pg_database())


def test_two_streets_at_once_both_apply_and_one_bundle_twice_applies_once(district):
    first, second = district.bundle(S1, 3000), district.bundle(S2, 3000)
    r1, r2 = together((district.a, ("bundle", "import", str(first))), (district.b, ("bundle", "import", str(second))))
    ok(r1)
    ok(r2)
    assert district.count(f"SELECT count(*) FROM organization WHERE origin IN ('{S1}', '{S2}')") == 6000
    again = district.bundle(S1, 2000)
    r1, r2 = together((district.a, ("bundle", "import", str(again))), (district.b, ("bundle", "import", str(again))))
    ok(r1)
    ok(r2)
    told = [r for r in (r1, r2) if "已经导入过" in r.stdout]
    assert len(told) == 1, (r1.stdout, r2.stdout)  # applied once; the other PC is told so
    assert district.count(f"SELECT count(*) FROM organization WHERE origin = '{S1}'") == 5000
    assert district.count("SELECT count(*) FROM journal WHERE op = 'insert' AND entity = 'organization'"
                          f" AND origin = '{S1}'") == 5000
    assert district.count("SELECT count(*) FROM sync_bundle WHERE direction = 'in'") == 3


def test_two_exports_at_once_get_consecutive_numbers(district):
    add_orgs(district.a, "区级组织", 500)
    r1, r2 = together((district.a, ("bundle", "export", "--to", S1, str(district.root / "x1.ycb"))),
                      (district.b, ("bundle", "export", "--to", S1, str(district.root / "x2.ycb"))))
    seqs = sorted(int(ok(r).split("第 ")[1].split(" 号")[0]) for r in (r1, r2))
    assert seqs[1] == seqs[0] + 1
    assert district.count(f"SELECT out_seq FROM sync_peer WHERE code = '{S1}'") == seqs[1]


def test_an_export_waits_for_a_change_drawn_before_it(district):
    """A transaction on A has written a record and its journal row but not committed; B's export
    must not read "the last journal id" past it (that change would never be sent)."""
    ws_a, ws_b = open_workspace(district.a), open_workspace(district.b)
    ws_a.user = ws_b.user = ADMIN
    # per test: the sync facade loads the whole schema
    from yichao.app.sync import export_bundle

    result: dict[str, object] = {}
    try:
        with ws_a.unit() as s:
            org = Organization(name="未提交的组织", stage="nursery")
            s.add(org)
            s.flush()
            drawn = s.scalar(text("SELECT max(id) FROM journal"))

            def export() -> None:
                result["r"] = export_bundle(ws_b, S2, district.root / "late.ycb")

            worker = threading.Thread(target=export)
            worker.start()
            time.sleep(1.5)
            assert worker.is_alive()  # waiting for A's transaction
        worker.join(60)
        assert not worker.is_alive()
        with ws_b.read() as s:
            hi = s.scalar(text("SELECT journal_hi FROM sync_bundle WHERE direction = 'out' ORDER BY id DESC LIMIT 1"))
        assert hi >= drawn
    finally:
        ws_a.close()
        ws_b.close()


def test_an_edit_never_overwrites_another_pcs_newer_revision(district):
    ws_a, ws_b = open_workspace(district.a), open_workspace(district.b)
    ws_a.user = ws_b.user = ADMIN
    try:
        with ws_a.unit() as s:
            org = Organization(name="两台电脑都在改", stage="nursery")
            s.add(org)
        uid = org.uid
        with pytest.raises(LostRace, match="另一台电脑"):
            with ws_b.unit() as sb:
                seen_b = sb.scalars(select(Organization).where(Organization.uid == uid)).one()
                with ws_a.unit() as sa:
                    sa.scalars(select(Organization).where(Organization.uid == uid)).one().name = "A 改的"
                seen_b.name = "B 改的"  # read before A's change committed
        with ws_a.read() as s:
            kept = s.scalars(select(Organization).where(Organization.uid == uid)).one()
            assert (kept.name, kept.rev) == ("A 改的", 2)
            assert s.scalar(text(f"SELECT count(*) FROM journal WHERE uid = '{uid}'")) == 2
    finally:
        ws_a.close()
        ws_b.close()


def test_a_certificate_issued_on_a_verifies_on_b_and_a_revoked_pc_is_refused(district):
    ws = open_workspace(district.a)
    ws.user = ADMIN
    with ws.unit() as s:
        org = Organization(name="区级孵化的组织", stage="nursery")
        s.add(org)
    ws.close()
    out = ok(run(district.a, "print", "certificate", "entry", "--subject", org.uid, str(district.root / "c.pdf")))
    serial, code, _ = out.splitlines()[0].split("\t")
    assert "证书有效" in ok(subprocess.run(["yichao", "--data-dir", str(district.b), "verify", code],
                                          capture_output=True, text=True, env=ENV))
    # B really checks with the site's key: an edited register entry fails there
    engine = create_engine(district.url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE certificate SET recipient = '别人' WHERE serial = :s"), {"s": serial})
    r = subprocess.run(["yichao", "--data-dir", str(district.b), "verify", code], capture_output=True, text=True,
                       env=ENV)
    assert "不符" in r.stdout + r.stderr
    with engine.begin() as conn:
        conn.execute(text("UPDATE certificate SET recipient = '区级孵化的组织' WHERE serial = :s"), {"s": serial})
    engine.dispose()
    # a street's bundle opens on B (the site's sync keys come from the database's vault)
    path = district.bundle(S2, 10)
    assert "已导入来自 姚家街道" in ok(run(district.b, "bundle", "import", str(path)))
    # revoke B on A: B is refused from then on, and A is not
    b_pc = json.loads((district.b / "settings.json").read_text(encoding="utf-8"))["pc_id"]
    assert "已撤销" in ok(run(district.a, "pc", "revoke", b_pc))
    refused(run(district.b, "list", "orgs"), "撤销授权")
    refused(run(district.b, "bundle", "import", str(district.bundle(S2, 5))), "撤销授权")
    refused(run(district.a, "pc", "revoke", json.loads((district.a / "settings.json").read_text())["pc_id"]),
            "正在使用的这台电脑")
    pcs = [json.loads(line) for line in ok(run(district.a, "pc", "list", "--json")).splitlines()]
    assert [p["revoked"] for p in pcs if p["uid"] == b_pc] == [True]
    assert district.count("SELECT count(*) FROM journal WHERE op = 'pc_revoke'") == 1
    assert district.count(f"SELECT count(*) FROM site_pc WHERE id = '{b_pc}' AND wrapped = ''") == 1
    # an administrator can authorize it again
    ok(run(district.b, "join", "--database-url", district.url))
    ok(run(district.b, "list", "orgs"))
