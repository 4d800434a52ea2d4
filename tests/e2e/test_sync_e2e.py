"""Three data folders (two streets, one district) exchange bundles through the installed command.

Random orders, lost bundles, duplicates and late arrivals; at the end every site holds exactly what
it should (canonical dumps compared). The district runs on SQLite and, when a server can be
started here, on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from yichao.app.core.workspace import CLI_USER, open_workspace
from yichao.app.sync.canonical import canonical_lines
from yichao.models.identifiers import make_id_number, mask_id_number
from yichao.models.organization import Organization
from yichao.models.person import Person
from yichao.models.site import Community

from .conftest_pg import pg_database  # noqa: F401 - the fixture

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
A, B, D = "370102001", "370102002", "370102"


def yichao(folder: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    """`yichao` on a site folder, signed in as its administrator (all sites share root/pw)."""
    login = [] if args[:1] == ("init",) else ["--user", "admin", "--password-file", str(folder.parent / "pw")]
    r = subprocess.run(["yichao", "--data-dir", str(folder), *login, *args], capture_output=True, text=True,
                       env=ENV, timeout=600)
    if ok:
        assert r.returncode == 0, r.stdout + r.stderr
    return r


def _init(root: Path, code: str, role: str, name: str, url: str | None = None) -> Path:
    folder = root / code
    extra = ["--parent-code", D, "--parent-name", "历下区"] if role == "street" else []
    extra += ["--database-url", url] if url else []
    yichao(folder, "init", "--role", role, "--code", code, "--name", name, "--admin", "admin",
           "--password-file", str(root / "pw"), *extra)
    return folder


class World:
    def __init__(self, root: Path, district_url: str | None, seed: int) -> None:
        (root / "pw").write_text("secret123\n", encoding="utf-8")
        self.root, self.rng = root, random.Random(seed)
        self.dirs = {A: _init(root, A, "street", "甸柳街道"), B: _init(root, B, "street", "姚家街道"),
                     D: _init(root, D, "district", "历下区", district_url)}
        for code, folder in self.dirs.items():
            r = yichao(folder, "keys", "export", str(root / f"{code}.key"))
            assert "指纹" in r.stdout
        for x, y in ((A, D), (B, D), (D, A), (D, B)):
            r = yichao(self.dirs[x], "keys", "trust", str(root / f"{y}.key"))
            fp = r.stdout.strip().splitlines()[-1]
            assert fp in (root / f"{y}.key").read_text(encoding="utf-8")
            # a street trusting its district reads what the district will learn (privacy.py)
            assert ("隐私说明" in r.stdout and "完整的身份证号码" in r.stdout) == (y == D)
        self.queue: dict[str, list[Path]] = {A: [], B: [], D: []}  # files waiting to be carried to each site
        self.n = 0

    def ws(self, code: str):
        ws = open_workspace(self.dirs[code])
        ws.user = CLI_USER
        return ws

    def change(self, code: str) -> None:
        """A few random edits at one site, through the ORM like the services."""
        rng = self.rng
        ws = self.ws(code)
        try:
            with ws.unit() as s:
                if code == D:
                    comms = s.scalars(select(Community)).all()
                    for _ in range(rng.randint(1, 3)):
                        target = rng.choice([None, *comms]) if comms else None
                        s.add(Organization(name=f"区级组织{rng.randint(0, 10**6)}",
                                           community_uid=target.uid if target else None))
                    mine = s.scalars(select(Organization).where(Organization.origin == D)).all()
                    if mine and rng.random() < 0.5:
                        rng.choice(mine).deleted = True
                    return
                comms = s.scalars(select(Community).where(Community.origin == code)).all()
                if not comms or rng.random() < 0.2:
                    c = Community(name=f"社区{rng.randint(0, 999)}", site_code=code)
                    s.add(c)
                    s.flush()
                    comms.append(c)
                for _ in range(rng.randint(1, 6)):
                    number = make_id_number(D, date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28)),
                                            rng.randint(1, 999))
                    if s.scalars(select(Person).where(Person.id_number == number)).first():
                        continue
                    s.add(Person(name=f"居民{rng.randint(0, 10**6)}", id_number=number,
                                 id_masked=mask_id_number(number), community_uid=rng.choice(comms).uid))
                people = s.scalars(select(Person).where(Person.origin == code, Person.deleted.is_(False))).all()
                for p in rng.sample(people, min(len(people), rng.randint(0, 3))):
                    if rng.random() < 0.3:
                        p.deleted = True
                    else:
                        p.notes = f"走访{rng.randint(0, 10**6)}"
        finally:
            ws.close()

    def export(self, src: str, dst: str) -> Path:
        self.n += 1
        path = self.root / f"{self.n:03d}-{src}-{dst}.ycb"
        yichao(self.dirs[src], "bundle", "export", "--to", dst, str(path))
        return path

    def carry(self, dst: str) -> None:
        """Deliver waiting files in a random order; some are lost, some arrive twice."""
        files = self.queue[dst]
        self.rng.shuffle(files)
        for path in files:
            if self.rng.random() < 0.2:
                continue  # lost USB stick
            if self.rng.random() < 0.15:
                r = yichao(self.dirs[dst], "bundle", "import", "--dry-run", str(path))
                assert "试运行" in r.stdout or "已经导入过" in r.stdout
            r = yichao(self.dirs[dst], "bundle", "import", str(path))
            assert ("已导入" in r.stdout) or ("已经导入过" in r.stdout)
            if self.rng.random() < 0.15:
                r = yichao(self.dirs[dst], "bundle", "import", str(path))
                assert "已经导入过" in r.stdout
        self.queue[dst] = []

    def lines(self, code: str, origin: str) -> list[str]:
        ws = self.ws(code)
        try:
            return canonical_lines(ws, [origin])
        finally:
            ws.close()

    def district_lines_for(self, street: str) -> list[str]:
        """The district's records a street should hold: none about the other street's communities."""
        ws = self.ws(D)
        try:
            with ws.read() as s:
                foreign = {c.uid for c in s.scalars(select(Community).where(Community.origin != street))}
            lines = canonical_lines(ws, [D])
        finally:
            ws.close()
        return [ln for ln in lines if json.loads(ln.split(" ", 2)[2]).get("community_uid") not in foreign]


def _run(world: World, rounds: int) -> None:
    rng = world.rng
    for _ in range(rounds):
        for code in rng.sample([A, B, D], rng.randint(1, 3)):
            world.change(code)
        for src, dst in rng.sample([(A, D), (B, D), (D, A), (D, B)], rng.randint(1, 4)):
            world.queue[dst].append(world.export(src, dst))
        world.carry(rng.choice([A, B, D]))
    # settle: the streets' news reach the district, then the district's news and acknowledgements
    for src, dst in ((A, D), (B, D), (D, A), (D, B)):
        path = world.export(src, dst)
        r = yichao(world.dirs[dst], "bundle", "import", str(path))
        assert "已导入" in r.stdout
    for street in (A, B):
        assert world.lines(D, street) == world.lines(street, street)
        assert world.lines(street, D) == world.district_lines_for(street)
    assert world.lines(A, B) == [] and world.lines(B, A) == []
    status = yichao(world.dirs[A], "bundle", "status").stdout
    assert "待发送变更 0 条" in status
    district_status = yichao(world.dirs[D], "bundle", "status").stdout
    assert "甸柳街道（370102001）" in district_status and "姚家街道（370102002）" in district_status
    assert yichao(world.dirs[D], "check", ok=False).returncode == 0


def test_three_sites_sqlite(tmp_path):
    world = World(tmp_path, None, seed=11)
    _run(world, rounds=3)
    _refusals(world, tmp_path)


@pytest.mark.postgres
def test_three_sites_district_on_postgres(tmp_path, pg_database):  # noqa: F811
    world = World(tmp_path, pg_database(), seed=12)
    assert "postgresql" in (world.dirs[D] / "settings.json").read_text(encoding="utf-8")
    _run(world, rounds=3)


def _refusals(world: World, tmp_path: Path) -> None:
    world.change(A)
    path = world.export(A, D)
    r = yichao(world.dirs[B], "bundle", "import", str(path), ok=False)
    assert r.returncode == 1 and r.stderr.startswith("yichao: ") and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    bad = tmp_path / "bad.ycb"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 1
    bad.write_bytes(bytes(data))
    r = yichao(world.dirs[D], "bundle", "import", str(bad), ok=False)
    assert r.returncode == 1 and "改动" in r.stderr
    r = yichao(world.dirs[A], "bundle", "export", "--to", "370102099", str(tmp_path / "x.ycb"), ok=False)
    assert r.returncode == 1 and "尚未信任" in r.stderr
    r = yichao(world.dirs[A], "bundle", "export", str(tmp_path / "x.ycb"), ok=False)
    assert r.returncode == 2
