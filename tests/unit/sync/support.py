"""Helpers for the sync tests: pair sites, move bundles, forge and reseal bundles (no tests here)."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from yichao.app.core.setup import initialize
from yichao.app.core.workspace import CurrentUser, Workspace
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.printing import confirm_printed, print_pending
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import crypto
from yichao.app.sync.export import export_bundle
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import export_key_file, local_keys, trust_key_file
from yichao.models.identifiers import make_id_number, mask_id_number
from yichao.models.person import Person
from yichao.models.site import Community


def pair(a: Workspace, b: Workspace, folder: Path, replace: bool = False) -> None:
    """Exchange key files both ways, as two sites do once (``replace``: a site set up again)."""
    ka, kb = folder / f"{a.site.code}.key", folder / f"{b.site.code}.key"
    export_key_file(a, ka)
    export_key_file(b, kb)
    trust_key_file(a, kb, replace=replace)
    trust_key_file(b, ka, replace=replace)


def set_up_again(folder: Path, role: str, code: str, name: str, parent: str) -> Workspace:
    """A site's PC reinstalled: `yichao init` in a new data folder with its old code (a new site
    record, a new key), signed in as its administrator."""
    ws = initialize(folder, role, code, name, "admin", "secret123", parent, "历下区" if parent else "")
    ws.user = CurrentUser("admin", "admin", "管理员")
    return ws


_counter = [0]


def move(src: Workspace, dst: Workspace, folder: Path, apply: bool = True) -> Path:
    """Export from ``src`` for ``dst`` and (optionally) import it there; returns the file."""
    _counter[0] += 1
    path = folder / f"{src.site.code}-{dst.site.code}-{_counter[0]}.ycb"
    export_bundle(src, dst.site.code, path)
    if apply:
        import_bundle(dst, path)
    return path


def district_with_two_streets(make_workspace: Callable[..., Workspace], folder: Path,
                              fill: Callable[[Workspace], None]) -> tuple[Workspace, Workspace, Workspace]:
    """甸柳街道 and 姚家街道, each filled by ``fill``, moved into 历下区 through real bundles."""
    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102002", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    for street in (a, b):
        pair(street, d, folder)
        fill(street)
        move(street, d, folder)
    return a, b, d


def add_community(ws: Workspace, name: str) -> str:
    with ws.unit() as s:
        c = Community(name=name, code="", site_code=ws.site.code)
        s.add(c)
        s.flush()
        return c.uid


def add_people(ws: Workspace, n: int, rng: random.Random, community_uid: str | None = None,
               numbers: list[str] | None = None) -> list[str]:
    uids = []
    with ws.unit() as s:
        used = set(s.scalars(select(Person.id_number)))
        for i in range(n):
            number = numbers[i] if numbers else None
            while number is None or (not numbers and number in used):
                number = make_id_number(
                    "370102",
                    date(1950 + rng.randint(0, 50), rng.randint(1, 12), rng.randint(1, 28)),
                    rng.randint(1, 999),
                )
            used.add(number)
            p = Person(name=f"居民{rng.randint(0, 10**6)}", id_number=number, id_masked=mask_id_number(number),
                       community_uid=community_uid)
            s.add(p)
            s.flush()
            uids.append(p.uid)
    return uids


def edit_people(ws: Workspace, uids: list[str], rng: random.Random, delete: bool = False) -> None:
    with ws.unit() as s:
        for uid in uids:
            p = s.get(Person, uid)
            if delete:
                p.deleted = True
            else:
                p.notes = f"备注{rng.randint(0, 10**9)}"


# -- forging --------------------------------------------------------------------------------------
def unseal(sealed: bytes, recipient: Workspace) -> tuple[dict[str, Any], bytes]:
    with recipient.unit() as s:
        keys = local_keys(s)
    return crypto.open_sealed(sealed, keys.pair.box_private)


def reseal(plain: bytes, header: dict[str, Any], recipient: Workspace) -> bytes:
    with recipient.unit() as s:
        keys = local_keys(s)
    head = {k: v for k, v in header.items() if k not in ("eph", "nonce", "alg")}
    return crypto.seal(plain, keys.pair.box_public, head)


def zip_members(plain: bytes) -> tuple[dict[str, Any], dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop(bf.MANIFEST))
    members.pop(bf.SIGNATURE)
    manifest.pop("members")
    return manifest, members


def resign(manifest: dict[str, Any], members: dict[str, bytes], sender: Workspace) -> bytes:
    """A zip with a valid signature of ``sender`` over whatever content is given."""
    with sender.unit() as s:
        keys = local_keys(s)
    return bf.build_zip(manifest, lambda b: crypto.sign(keys.pair, b), members)


def raw_zip(entries: list[tuple[str, bytes]], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip written member by member, duplicates and odd names allowed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compress) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    return buf.getvalue()


DISTRICT, STREET, OFFICE = "370102", "370102001", "370102001003"


def make_street_and_office(make_workspace: Callable[..., Workspace], folder: Path) -> tuple[Workspace, Workspace]:
    """甸柳街道 and its community savings office 甸柳新村社区储蓄所, keys exchanged."""
    street = make_workspace("street", STREET, "甸柳街道", DISTRICT)
    office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", STREET)
    pair(street, office, folder)
    return street, office


def make_three_levels(make_workspace: Callable[..., Workspace], folder: Path) -> tuple[Workspace, Workspace, Workspace]:
    """历下区, 甸柳街道 and its office, the street's keys exchanged with both."""
    district = make_workspace("district", DISTRICT, "历下区", "")
    street, office = make_street_and_office(make_workspace, folder)
    pair(street, district, folder)
    return district, street, office


def counter_view(ws: Workspace, number: str) -> tuple[list[tuple[str, int, int, int]], int, tuple[int, int], int]:
    """What a counter shows of a passbook: the entries in order (uid, number, points, running
    balance), the balance, the next free page and line, and the pending lines."""
    row = pb.get_passbook(ws, number)
    lines = [(e.uid, e.seq, e.points, e.balance_after) for e in pb.entries(ws, number, newest_first=False)]
    return lines, row.balance, (row.next_page, row.next_line), row.pending_lines


def print_at_counter(ws: Workspace, number: str, folder: Path) -> None:
    """Print a passbook's pending lines and confirm the paper came out right."""
    confirm_printed(ws, print_pending(ws, number, folder / f"{ws.site.code}-{number}.pdf"))
