"""Trust before work (issue 18 point 1): a bundle costs little until its signature holds.

An attacker holding nothing but the district's public key file can seal any file to it. Refusing
that file must take under 100 MB and a second however large it is; a bundle signed by a trusted
sender (test keys) that lies about its contents is refused from its verified manifest or while its
members stream, never by inflating them whole.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.unit.sync.support import pair, raw_zip
from yichao.app.core.errors import UserError
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import crypto
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.keys import local_keys
from yichao.models.journal import JournalEntry

HUGE = 3 * 1024**3  # the file's size on disk (sparse): 3 GB


@pytest.fixture
def sites(make_workspace, tmp_path):
    street = make_workspace("street", "370102001", "甸柳街道", "370102")
    district = make_workspace("district", "370102", "历下区", "")
    pair(street, district, tmp_path)
    return street, district


def _keys(ws):
    with ws.unit() as s:
        return local_keys(s).pair


def _sealed_file(path: Path, district, zip_bytes: bytes, pad_to: int = 0) -> Path:
    sealed = crypto.seal(zip_bytes, _keys(district).box_public, {"to": "370102", "from": "370102001"})
    path.write_bytes(sealed)
    if pad_to:
        with open(path, "r+b") as fh:
            fh.truncate(pad_to)  # a sparse tail: gigabytes of "body" that cost no disk
    return path


def _signed_zip(signer, manifest: dict, entries: list[tuple[str, bytes]]) -> bytes:
    manifest_bytes = json.dumps(manifest, sort_keys=True).encode()
    signature = crypto.sign(signer, manifest_bytes).hex().encode()
    return raw_zip([*entries, (bf.MANIFEST, manifest_bytes), (bf.SIGNATURE, signature)])


def _journal(ws) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def _refused_cheaply(ws, path: Path, words: str) -> tuple[float, float]:
    before = _journal(ws)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(UserError, match=words):
            import_bundle(ws, path)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1024**2
    finally:
        tracemalloc.stop()
    assert _journal(ws) == before  # a refusal changes nothing
    return seconds, peak


def test_an_attackers_huge_bundle_is_refused_before_its_body_is_read(sites, tmp_path):
    _, district = sites
    forger = crypto.new_keypair()  # not the street's key: made with the district's public key only
    members = {bf.CHANGES: b"", bf.ACK: b"{}"}
    zip_bytes = bf.build_zip({"format": bf.FORMAT}, lambda b: crypto.sign(forger, b), members)
    path = _sealed_file(tmp_path / "forged.ycb", district, zip_bytes, pad_to=HUGE)
    seconds, peak = _refused_cheaply(district, path, "签名")
    print(f"forged 3 GB bundle refused in {seconds * 1000:.0f} ms, peak {peak:.1f} MB traced")
    assert seconds < 1.0 and peak < 100


def test_a_signed_manifest_beyond_the_limits_is_refused_before_the_body(sites, tmp_path):
    street, district = sites
    manifest = {"format": bf.FORMAT, "members": {
        bf.CHANGES: {"sha256": "0" * 64, "size": bf.MAX_TOTAL + 1}, bf.ACK: {"sha256": "0" * 64, "size": 2}}}
    path = _sealed_file(tmp_path / "liar.ycb", district, _signed_zip(_keys(street), manifest, []), pad_to=HUGE)
    seconds, peak = _refused_cheaply(district, path, "上限|清单")
    assert seconds < 1.0 and peak < 100


def test_a_signed_bomb_stops_at_the_size_its_manifest_signed(sites, tmp_path):
    street, district = sites
    # the manifest signs a 10-byte changes file; the zip's member inflates to 300 MB of zeros
    manifest_bytes = json.dumps({"format": bf.FORMAT, "members": {
        bf.CHANGES: {"sha256": "0" * 64, "size": 10}, bf.ACK: {"sha256": bf.sha256(b"{}"), "size": 2}}}).encode()
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open(bf.CHANGES, "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                fh.write(block)
        zf.writestr(bf.ACK, b"{}")
        zf.writestr(bf.MANIFEST, manifest_bytes)
        zf.writestr(bf.SIGNATURE, crypto.sign(_keys(street), manifest_bytes).hex())
    assert bomb.stat().st_size < 5 * 1024 * 1024
    path = _sealed_file(tmp_path / "bomb.ycb", district, bomb.read_bytes())
    seconds, peak = _refused_cheaply(district, path, "压缩|比清单所说的大|大小")
    print(f"signed 300 MB bomb refused in {seconds * 1000:.0f} ms, peak {peak:.1f} MB traced")
    assert peak < 100
