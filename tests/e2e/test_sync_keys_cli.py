"""`yichao keys trust` never replaces a trusted key silently (issue 14, point 6): a different key
for a site already trusted is refused with both fingerprints, `--replace` takes it and the
replacement is journaled; the same key again changes nothing."""

from __future__ import annotations

import json

from sqlalchemy import select

from tests.e2e.test_sync_e2e import D, _init, yichao
from yichao.app.core.workspace import open_workspace
from yichao.models.journal import JournalEntry

A = "370102001"


def _fingerprint(path) -> str:
    return json.loads(path.read_text(encoding="utf-8"))["fingerprint"]


def test_keys_trust_replace_through_the_command(tmp_path):
    (tmp_path / "pw").write_text("secret123\n", encoding="utf-8")
    street, district = _init(tmp_path, A, "street", "甸柳街道"), _init(tmp_path, D, "district", "历下区")
    yichao(street, "keys", "export", str(tmp_path / "old.key"))
    yichao(district, "keys", "trust", str(tmp_path / "old.key"))
    again = tmp_path / "again"  # the street's PC reinstalled: `yichao init` with the old code
    again.mkdir()
    (again / "pw").write_text("secret123\n", encoding="utf-8")
    yichao(_init(again, A, "street", "甸柳街道"), "keys", "export", str(tmp_path / "new.key"))
    old, new = _fingerprint(tmp_path / "old.key"), _fingerprint(tmp_path / "new.key")
    assert old != new

    r = yichao(district, "keys", "trust", str(tmp_path / "new.key"), ok=False)
    assert r.returncode == 1 and old in r.stderr and new in r.stderr and "--replace" in r.stderr
    r = yichao(district, "keys", "trust", "--replace", str(tmp_path / "new.key"))
    assert "替换" in r.stdout and new in r.stdout
    yichao(district, "keys", "trust", str(tmp_path / "new.key"))  # the same key again: nothing to replace

    ws = open_workspace(district)
    try:
        with ws.read() as s:
            events = [json.loads(d) for d in s.scalars(
                select(JournalEntry.data).where(JournalEntry.op == "key_replace", JournalEntry.uid == A))]
    finally:
        ws.close()
    assert [(e["old_fingerprint"], e["fingerprint"]) for e in events] == [(old, new)]
