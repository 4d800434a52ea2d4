"""Fuzzing the importer with mutated bundles (hypothesis).

Every case is refused with one sentence and changes nothing, or is applied exactly; never a crash,
never a partial apply. The short run is part of the test command; the long run (at least 1,000
cases) runs with ``YICHAO_SYNC_FUZZ=1000 pytest tests/unit/test_sync_fuzz.py``.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.unit.sync.support import add_community, add_people, edit_people, move, pair, raw_zip, reseal, resign, unseal
from yichao.app.core.errors import UserError
from yichao.app.core.workspace import open_workspace
from yichao.app.sync import bundle_format as bf
from yichao.app.sync.importer import import_bundle
from yichao.app.sync.records import canonical_json
from yichao.models.journal import JournalEntry
from yichao.models.sync import SyncPeer, SyncRelay

SHORT = 60
LONG = int(os.environ.get("YICHAO_SYNC_FUZZ", "0"))

SLIP_NAMES = ["../x", "/abs", "attachments/../../x", "C:\\x", "a/../../b", "changes.jsonl/../../y",
              "manifest.json\x00", "attachments/" + "0" * 63, "attachments/" + "g" * 64, "./changes.jsonl"]
ANY_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**70, max_value=2**70) | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6)


class World:
    def __init__(self, make_workspace, tmp_path) -> None:
        self.street = make_workspace("street", "370102001", "甸柳街道", "370102")
        self.district = make_workspace("district", "370102", "历下区", "")
        pair(self.street, self.district, tmp_path)
        self.bundle = self.make_bundle(make_workspace, tmp_path)
        self.sealed = self.bundle.read_bytes()
        self.header, self.plain = unseal(self.sealed, self.district)
        with zipfile.ZipFile(io.BytesIO(self.plain)) as zf:
            self.entries = [(n, zf.read(n)) for n in zf.namelist()]
        self.folder = self.district.data_dir
        self.district.close()
        self.pristine = tmp_path / "pristine"
        shutil.copytree(self.folder, self.pristine)
        self.tmp = tmp_path
        self.ws = self._open()

    def make_bundle(self, make_workspace, tmp_path):
        rng = random.Random(5)
        people = add_people(self.street, 6, rng, add_community(self.street, "山水社区"))
        move(self.street, self.district, tmp_path)  # the district already knows some of them
        edit_people(self.street, people[:2], rng)
        add_people(self.street, 4, rng)
        return move(self.street, self.district, tmp_path, apply=False)

    def _open(self):
        ws = open_workspace(self.folder)
        ws.user = self.street.user
        return ws

    def reset(self) -> None:
        self.ws.close()
        shutil.rmtree(self.folder)
        shutil.copytree(self.pristine, self.folder)
        self.ws = self._open()

    def state(self) -> tuple[Any, ...]:
        with self.ws.read() as s:
            peer = s.get(SyncPeer, self.street.site.code)
            return (s.scalar(select(func.count()).select_from(JournalEntry)), peer.in_seq, peer.acked_journal_id,
                    peer.policy, peer.hash_key, s.scalar(select(func.count()).select_from(SyncRelay)))


OFFICE = "370102001003"


class RelayWorld(World):
    """The district and a street bundle that carries a community office's signed records too."""

    def make_bundle(self, make_workspace, tmp_path):
        office = make_workspace("community", OFFICE, "甸柳新村社区储蓄所", "370102001")
        pair(self.street, office, tmp_path)
        rng = random.Random(6)
        people = add_people(office, 5, rng)
        move(office, self.street, tmp_path)
        move(self.street, self.district, tmp_path)  # the district already knows some of them
        edit_people(office, people[:2], rng)
        add_people(office, 3, rng)
        add_people(self.street, 2, rng)
        move(office, self.street, tmp_path)
        return move(self.street, self.district, tmp_path, apply=False)


def _members(world: World) -> tuple[dict[str, Any], dict[str, bytes]]:
    from tests.unit.sync.support import zip_members

    return zip_members(world.plain)


# signed by nobody or lying under a signature: never applied, whatever else the importer accepts
MUST_REFUSE = ("limits", "swap")


@st.composite
def mutations(draw, world: World) -> tuple[bytes, bool]:
    """A mutated sealed bundle, and whether it must be refused (see :data:`MUST_REFUSE`)."""
    kind = draw(st.sampled_from(["flip", "truncate", "drop", "rename", "duplicate", "slip", "zipflip",
                                 "bigsize", "manifest", "record", "hashes", "ack", "limits", "swap", "valid"]))
    return _mutation(draw, world, kind), kind in MUST_REFUSE


def _mutation(draw, world: World, kind: str) -> bytes:
    names = [n for n, _ in world.entries]
    if kind == "flip":
        data = bytearray(world.sealed)
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return bytes(data)
    if kind == "truncate":
        return world.sealed[: draw(st.integers(0, len(world.sealed) - 1))]
    entries = list(world.entries)
    if kind == "drop":
        entries.pop(draw(st.integers(0, len(entries) - 1)))
    elif kind == "rename":
        i = draw(st.integers(0, len(entries) - 1))
        entries[i] = (draw(st.sampled_from(SLIP_NAMES + names) | st.text(min_size=1, max_size=20)), entries[i][1])
    elif kind == "duplicate":
        entries.append(entries[draw(st.integers(0, len(entries) - 1))])
    elif kind == "slip":
        entries.insert(
            draw(st.integers(0, len(entries))), (draw(st.sampled_from(SLIP_NAMES)), b"x" * draw(st.integers(0, 99)))
        )
    if kind in ("drop", "rename", "duplicate", "slip"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                plain = raw_zip(entries)
            except (ValueError, UnicodeEncodeError):
                plain = raw_zip(entries[:1])
        return reseal(plain, world.header, world.ws)
    if kind == "zipflip":
        data = bytearray(world.plain)
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
        return reseal(bytes(data), world.header, world.ws)
    if kind == "bigsize":
        data = bytearray(world.plain)
        offsets = [i for i in range(len(data) - 4) if data[i:i + 4] == b"PK\x01\x02"]
        at = draw(st.sampled_from(offsets))
        field = draw(st.sampled_from([20, 24]))  # compressed / uncompressed size
        data[at + field:at + field + 4] = draw(st.integers(0, 2**32 - 1)).to_bytes(4, "little")
        return reseal(bytes(data), world.header, world.ws)
    if kind == "limits":  # a manifest signed with the sender's (test) key that lies about sizes
        return reseal(_signed_lie(draw, world), world.header, world.ws)
    if kind == "swap":  # a member's content changed under the sender's genuine signed manifest
        i = draw(st.sampled_from([i for i, (n, _) in enumerate(entries) if n not in (bf.MANIFEST, bf.SIGNATURE)]))
        name, content = entries[i]
        changed = bytearray(content or b" ")
        at = draw(st.integers(0, len(changed) - 1))
        changed[at] = draw(st.sampled_from([c for c in b" 09}" if c != changed[at]]))
        entries[i] = (name, bytes(changed) + draw(st.sampled_from([b"", b"\n"])))
        return reseal(raw_zip(entries), world.header, world.ws)
    manifest, members = _members(world)
    if kind == "manifest":
        key = draw(st.sampled_from(sorted(manifest)))
        if draw(st.booleans()):
            manifest.pop(key)
        else:
            manifest[key] = draw(ANY_JSON | st.sampled_from([0, 1, 2, 99, "370102", "370102001", ["9999_x"]]))
    elif kind == "record":
        lines = members[bf.CHANGES].splitlines()
        i = draw(st.integers(0, len(lines) - 1))
        item = json.loads(lines[i])
        target = item["d"] if draw(st.booleans()) else item
        key = draw(st.sampled_from(sorted(target) + ["extra"]))
        target[key] = draw(ANY_JSON | st.sampled_from(["370102001", "370102", 2, 10**6, True, "x" * 300]))
        lines[i] = json.dumps(item, ensure_ascii=False).encode()
        members[bf.CHANGES] = b"\n".join(lines) + b"\n"
        if draw(st.booleans()):
            manifest["counts"] = {"person": len(lines)} if draw(st.booleans()) else manifest["counts"]
    elif kind == "hashes":
        members[bf.HASHES] = (
            draw(st.sampled_from([b"", b"{}\n", b"not json\n"]))
            + json.dumps(
                {"t": "person", "u": draw(st.text(max_size=40)), "c": "id_number", "h": draw(st.text(max_size=70))}
            ).encode()
        )
    elif kind == "ack":
        members[bf.ACK] = json.dumps({"seq": draw(ANY_JSON), "journal_hi": draw(ANY_JSON),
                                      "hash_key_id": draw(ANY_JSON)}).encode()
    return reseal(resign(manifest, members, world.street), world.header, world.ws)


@st.composite
def relayed_mutations(draw, world: World) -> tuple[bytes, bool]:
    """Any mutation above, or an office's record changed by the street under the street's own
    genuine signature: that one must be refused."""
    if draw(st.booleans()):
        return draw(mutations(world))
    manifest, members = _members(world)
    lines = [json.loads(line) for line in members[bf.CHANGES].splitlines() if line]
    relayed = [i for i, item in enumerate(lines) if item["d"]["origin"] == OFFICE]
    item = lines[draw(st.sampled_from(relayed))]
    how = draw(st.sampled_from(["value", "drop", "swap", "flip"]))
    if how == "value":
        key = draw(st.sampled_from(sorted(item["d"])))
        new = draw(ANY_JSON | st.sampled_from(["370102001", "x", 2, 0, True, None]))
        assume(canonical_json(new) != canonical_json(item["d"][key]))
        item["d"][key] = new
    elif how == "drop":
        del item["sig"]
    elif how == "swap":  # another record's genuine signature
        other = lines[draw(st.sampled_from([i for i in relayed if lines[i] is not item]))]
        item["sig"] = other["sig"]
    else:
        at = draw(st.integers(0, 127))
        item["sig"] = item["sig"][:at] + ("0" if item["sig"][at] != "0" else "1") + item["sig"][at + 1:]
    members[bf.CHANGES] = b"".join(json.dumps(x, ensure_ascii=False).encode() + b"\n" for x in lines)
    return reseal(resign(manifest, members, world.street), world.header, world.ws), True


def _signed_lie(draw, world: World) -> bytes:
    from yichao.app.sync import crypto
    from yichao.app.sync.keys import local_keys

    entries = dict(world.entries)
    full = json.loads(entries.pop(bf.MANIFEST))
    entries.pop(bf.SIGNATURE)
    listed = full["members"]
    name = draw(st.sampled_from(sorted(listed)))
    lie = draw(st.sampled_from(["size", "sha", "extra", "many"]))
    if lie == "size":
        listed[name]["size"] = draw(st.sampled_from([0, -1, 2**40, 2**62, listed[name]["size"] + 1,
                                                     max(0, listed[name]["size"] - 1), "1", None, True]))
    elif lie == "sha":
        listed[name]["sha256"] = draw(st.sampled_from(["0" * 64, "", 5, None]))
    elif lie == "extra":
        listed["attachments/" + "a" * 64] = {"sha256": "0" * 64, "size": draw(st.integers(0, 2**40))}
    else:
        for i in range(10):  # members the zip does not hold
            listed[f"attachments/{i:064x}"] = {"sha256": "0" * 64, "size": 1}
    manifest_bytes = json.dumps(full, ensure_ascii=False, sort_keys=True, indent=1).encode()
    with world.street.unit() as s:
        keys = local_keys(s)
    signature = crypto.sign(keys.pair, manifest_bytes).hex().encode()
    return raw_zip([*entries.items(), (bf.MANIFEST, manifest_bytes), (bf.SIGNATURE, signature)])


def _check(world: World, sealed: bytes, n: int) -> str:
    path = world.tmp / f"case{n % 7}.ycb"
    path.write_bytes(sealed)
    before = world.state()
    try:
        result = import_bundle(world.ws, path)
    except UserError as exc:
        assert exc.message and "\n" not in exc.message and "Traceback" not in exc.message
        assert world.state() == before, "a refused bundle changed something"
        return "refused"
    if result.already:
        assert world.state() == before
        return "noop"
    # applied: exactly the records it carried, at their revisions, plus the one event
    with zipfile.ZipFile(io.BytesIO(unseal(sealed, world.ws)[1])) as zf:
        items = [json.loads(line) for line in zf.read(bf.CHANGES).splitlines() if line]
    applied = sum(c.new + c.changed + c.deleted for c in result.kinds.values())
    assert world.state()[0] == before[0] + applied + 1
    from yichao.app.sync.records import table_codecs

    with world.ws.read() as s:
        for item in items:
            t = table_codecs()[item["t"]].model.__table__
            rev = s.execute(select(t.c.rev).where(t.c.uid == item["d"]["uid"])).scalar()
            assert rev is not None and rev >= item["d"]["rev"]
    world.reset()
    return "applied"


def _fuzz(world: World, examples: int, derandomize: bool, strategy=mutations) -> dict[str, int]:
    seen: dict[str, int] = {}
    counter = [0]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=derandomize,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data: st.DataObject) -> None:
        counter[0] += 1
        sealed, must_refuse = data.draw(strategy(world))
        outcome = _check(world, sealed, counter[0])
        assert outcome == "refused" or not must_refuse, "a lying bundle was applied"
        seen[outcome] = seen.get(outcome, 0) + 1

    run()
    return seen


def test_fuzz_short(make_workspace, tmp_path):
    world = World(make_workspace, tmp_path)
    seen = _fuzz(world, SHORT, derandomize=True)
    assert seen.get("refused", 0) > SHORT // 3, seen
    assert _check(world, world.sealed, 0) == "applied"  # the unmutated bundle still goes in


def test_fuzz_relayed_short(make_workspace, tmp_path):
    world = RelayWorld(make_workspace, tmp_path)
    seen = _fuzz(world, SHORT, derandomize=True, strategy=relayed_mutations)
    assert seen.get("refused", 0) > SHORT // 3, seen
    assert seen.get("applied", 0) > 0, seen
    assert _check(world, world.sealed, 0) == "applied"  # the unmutated relayed bundle still goes in


@pytest.mark.slow
@pytest.mark.skipif(LONG < 1, reason="long fuzz run: set YICHAO_SYNC_FUZZ=1000")
def test_fuzz_long(make_workspace, tmp_path):
    world = World(make_workspace, tmp_path)
    seen = _fuzz(world, LONG, derandomize=False)
    print("fuzz outcomes:", seen)
    assert sum(seen.values()) >= LONG
