"""The import's fast paths give what the general ones give (issue 19 point 6).

Reading a bundle's records a batch at a time, column by column (``incoming.parse_changes``), must
take exactly the records the line-by-line reference takes and refuse exactly where it refuses, with
the same sentence; a resident's match key made for a whole bundle is the one ``person_key`` makes.
"""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

import pytest

from yichao.app.core.errors import UserError
from yichao.app.sync import crypto, incoming
from yichao.app.sync.identity import person_key, stamp_person_keys
from yichao.app.sync.records import table_codecs
from yichao.app.sync.relay import Signers, record_bytes

SENDER, ME, RELAYED, OFFICE = "370102001", "370102", ("370102001001",), "370102001002"
OFFICE_KEYS = crypto.new_keypair()  # an office whose records are signed one by one (relay.py)
TABLES = ("site", "community", "organization", "person")


def value_for(kind: str, name: str, limit: int, rng: random.Random) -> Any:
    """A fitting value of a column's kind (the base of every messy record)."""
    if name == "uid" or name.endswith("_uid"):
        return str(uuid.UUID(int=rng.getrandbits(128)))
    if name == "origin":
        return SENDER
    if name == "rev":
        return rng.randint(1, 9)
    if kind == "bool":
        return rng.random() < 0.5
    if kind == "int":
        return rng.randint(0, 500)
    if kind == "datetime":
        return rng.choice(["2026-03-01T08:00:00+00:00", "2026-03-01T16:00:00+08:00", "2026-03-01T08:00:00"])
    if kind == "str":
        return rng.choice(["", "甸柳", "a", "居民 12", "x\u2028y"])[:limit or None]
    return rng.choice([None, "2026-02-03"])  # the Date columns of an organization (all nullable)


def record(table: str, rng: random.Random) -> dict[str, Any]:
    codec = table_codecs()[table]
    data = {c.name: value_for(c.kind, c.name, c.limit, rng) for c in codec.columns}
    for c in codec.columns:
        if c.nullable and rng.random() < 0.2:
            data[c.name] = None
    return data


# what can be wrong with a line, each a function of (item, rng) -> the line's bytes
def _spoil_value(item: dict[str, Any], rng: random.Random) -> bytes:
    codec = table_codecs()[item["t"]]
    col = rng.choice(codec.columns)
    bad = {"bool": [0, "true", None], "int": [True, 2**40, "1", 1.5, None], "str": [7, "\x00", "长" * 700, None],
           "datetime": ["yesterday", 5, None], "other": ["2026-13-01", 3]}[col.kind]
    item["d"][col.name] = rng.choice(bad)
    return json.dumps(item, ensure_ascii=False).encode()


def _drop_column(item: dict[str, Any], rng: random.Random) -> bytes:
    del item["d"][rng.choice(list(item["d"]))]  # a nullable one is taken as None, any other refused
    return json.dumps(item, ensure_ascii=False).encode()


SPOILERS = [
    _spoil_value,
    _drop_column,
    lambda item, rng: json.dumps({**item, "d": {**item["d"], "extra": 1}}).encode(),
    lambda item, rng: json.dumps({**item, "t": rng.choice(["nothing", 5, None, ["person"]])}).encode(),
    lambda item, rng: json.dumps({**item, "d": rng.choice([None, [], "x"])}).encode(),
    lambda item, rng: json.dumps({**item, "d": {**item["d"], "uid": "short"}}).encode(),
    lambda item, rng: json.dumps({**item, "d": {**item["d"], "rev": 0}}).encode(),
    lambda item, rng: json.dumps({**item, "d": {**item["d"], "origin": rng.choice([ME, RELAYED[0], "999"])}}).encode(),
    lambda item, rng: json.dumps({**item, "p": rng.choice([{}, {"id_number": {"hmac": "0" * 64}}, {"x": 1}])}).encode(),
    lambda item, rng: rng.choice([b"[1, 2]", b"{not json", b"\xff\xfe", b"   ", b"", b"null", b'"text"']),
    lambda item, rng: json.dumps(item).encode() + rng.choice([b" ", b"\r", b"\t"]),  # loose ends json.loads takes
    lambda item, rng: b" " + json.dumps(item).encode(),
    lambda item, rng: _office(item, rng, good=True),
    lambda item, rng: _office(item, rng, good=False),
]


def _office(item: dict[str, Any], rng: random.Random, good: bool) -> bytes:
    """A record of the office, signed (or signed over other values): only a good one is taken."""
    item["d"]["origin"] = OFFICE
    signed = item["d"] if good else {**item["d"], "rev": item["d"]["rev"] + 1}
    item["sig"] = crypto.sign(OFFICE_KEYS, record_bytes(item["t"], signed)).hex()
    return json.dumps(item).encode()


def messy_lines(rng: random.Random, n: int, spoil: float) -> list[bytes]:
    lines: list[bytes] = []
    uids: list[str] = []
    for _ in range(n):
        item = {"t": rng.choice(TABLES)}
        item["d"] = record(item["t"], rng)
        if uids and rng.random() < spoil / 3:
            item["d"]["uid"] = rng.choice(uids)  # the same record twice
        uids.append(item["d"]["uid"])
        lines.append(rng.choice(SPOILERS)(item, rng) if rng.random() < spoil else json.dumps(item).encode())
    return lines


def outcome(parse: Any, lines: list[bytes]) -> Any:
    """The records (every key and value, in order) or the refusal's sentence."""
    try:
        out = parse(lines)
    except UserError as exc:
        return exc.message
    return [(table, [list(row.items()) for row in rows]) for table, rows in out.items()]


def signers() -> Signers:
    return Signers({OFFICE: [OFFICE_KEYS.sign_public]}, keep=False)


def reference(lines: list[bytes]) -> dict[str, list[dict[str, Any]]]:
    read = incoming._Reading(SENDER, {SENDER, ME, *RELAYED}, signers())
    incoming._parse_lines([(n, raw) for n, raw in enumerate(lines, 1) if raw.strip()], read)
    return read.out


def fast(lines: list[bytes]) -> dict[str, list[dict[str, Any]]]:
    return incoming.parse_changes(iter(lines), SENDER, ME, RELAYED, signers())


@pytest.mark.parametrize("spoil", [0.0, 0.01, 0.05, 0.3])
def test_batches_take_and_refuse_what_the_line_by_line_reference_does(monkeypatch, spoil: float) -> None:
    monkeypatch.setattr(incoming, "BATCH", 4)  # many batches, and their edges
    refused = 0
    for seed in range(60):
        lines = messy_lines(random.Random(seed), 25, spoil)
        expected = outcome(reference, lines)
        assert outcome(fast, lines) == expected, seed
        refused += isinstance(expected, str)
    assert (refused == 0) if spoil == 0 else refused > 0  # the messy cases are really tried


def test_good_batches_take_the_fast_path(monkeypatch) -> None:
    """The equivalence above would hold if every batch fell back to the reference: it does not."""
    calls: list[int] = []
    real = incoming._parse_lines
    monkeypatch.setattr(incoming, "_parse_lines", lambda batch, *a: calls.append(len(batch)) or real(batch, *a))
    monkeypatch.setattr(incoming, "BATCH", 10)
    lines = messy_lines(random.Random(1), 50, 0.0)
    lines[23] = lines[23] + b" "  # one loose end: only its batch goes line by line
    assert sum(len(rows) for rows in fast(lines).values()) == 50
    assert calls == [10]


def test_a_bundles_match_keys_are_those_of_person_key(workspace) -> None:
    rows = [{"uid": "a", "id_number": " 11010519491231002x "}, {"uid": "b", "id_number": None},
            {"uid": "c", "id_number": "", "__hashes__": {"id_number": "f" * 64}},
            {"uid": "d", "id_number": "110105194912310021", "__hashes__": {"id_number": "f" * 64}}]
    with workspace.unit() as s:
        stamp_person_keys(s, {"person": rows})
        expected = {"a": person_key(s, "11010519491231002X"), "d": person_key(s, "110105194912310021")}
    assert {r["uid"]: r["__hashes__"]["id_number"] for r in rows if "__hashes__" in r} == expected
    assert len(set(expected.values())) == 2 and "f" * 64 not in expected.values()  # the sender's is dropped
