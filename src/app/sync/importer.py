"""Import: check everything, show what would change, then apply all of it in one transaction.

Refusals (another site's bundle, an untrusted or changed key, tampering, truncation, an unknown
format, a newer schema, unsafe zip members, records that are not the sender's) are one sentence and
change nothing. A bundle not newer than the last one applied from its sender is a no-op that says
so. Incoming records apply when their ``rev`` is greater than the local one, table by table in
dependency order, through the journal's bulk path with ``sync_apply`` set.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from yichao.app.core import share_blobs
from yichao.app.core.errors import UserError
from yichao.app.core.paths import attachments_dir
from yichao.app.core.progress import ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import crypto, relay, sideways
from yichao.app.sync.conflicts import record_conflicts
from yichao.app.sync.derived import derive_passbook_totals, touched_passbooks
from yichao.app.sync.held import store_held
from yichao.app.sync.identity import stamp_person_keys
from yichao.app.sync.incoming import int_field as _int
from yichao.app.sync.incoming import parse_changes as _parse_changes
from yichao.app.sync.incoming import parse_hashes as _parse_hashes
from yichao.app.sync.keys import local_keys
from yichao.app.sync.notices import take_notices
from yichao.app.sync.plan import ConflictItem, HeldItem, KindCounts, Plan, make_plan
from yichao.app.sync.records import TableCodec, printable, table_codecs
from yichao.app.sync.relay import relayed_from
from yichao.app.sync.report import report_lines, write_report
from yichao.models import migrate
from yichao.models.base import table_of, utcnow
from yichao.models.bulk import big_write, delete_in, insert_values, paused_gc, select_in, stored_values
from yichao.models.db import IMPORT_LOCK, lock_transaction
from yichao.models.journal import JournalEntry, bulk_apply, record_event
from yichao.models.sealed_column import SealedString
from yichao.models.site import Site
from yichao.models.sync import SyncBundle, SyncHash, SyncPeer

MAX_REQUESTS = 100_000  # uids a peer may ask us to send again in one acknowledgement
MAX_SEQ_GAP = 1000  # cumulative bundles may be skipped, but not a thousand at once
MAX_ACK = 64 * 1024 * 1024  # ack.json is one JSON document, read whole: bounded


@dataclass(frozen=True)
class ImportResult:
    """What a bundle brings (dry run) or brought (applied), record kinds by table name."""

    from_code: str
    from_name: str
    seq: int
    created_at: str
    records: int
    kinds: dict[str, KindCounts]
    attachments: int
    applied: bool
    already: bool = False  # not newer than what was applied before: nothing to do
    message: str = ""
    held: tuple[HeldItem, ...] = ()  # kept aside from this bundle, with the reason
    still_held: tuple[HeldItem, ...] = ()  # kept aside before, still lacking what they refer to
    released: tuple[HeldItem, ...] = ()  # kept aside before, applied now
    conflicts: tuple[ConflictItem, ...] = ()
    asked_back: bool = False  # this site lost records the sender holds: it is asked for them


@dataclass
class _Bundle:
    peer_code: str
    manifest: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    hashes: list[tuple[str, str, str, str]]  # entity, uid, column, digest
    attachments: tuple[str, ...]  # their SHA-256, read from ``source`` when applied
    ack: dict[str, Any]
    size: int
    sha: str
    source: bf.OpenedBundle
    signers: relay.Signers  # offices whose records are signed one by one (relay.py)


@contextmanager
def _open(ws: Workspace, session: Session, path: Path) -> Iterator[_Bundle]:
    """Every check that needs no write: recipient, trust, signature first, then hashes and schema.

    The bundle's members stay in its decrypted body while the block runs: records are parsed
    line by line, attachments copied from it when applied (never a member whole in memory)."""
    me = ws.site.code
    found: dict[str, SyncPeer] = {}

    def sign_key_for(head: dict[str, Any]) -> bytes:
        to, sender = str(head.get("to", "")), str(head.get("from", ""))
        if to != me:
            raise UserError(f"这个数据包是发给站点 {printable(to, 12)} 的，不是本站点（{me}），没有导入。")
        peer = session.get(SyncPeer, sender)
        if peer is None:
            raise UserError(f"尚未信任站点 {printable(sender, 12)} 的密钥，"
                            "请先导入对方的密钥文件并核对指纹（yichao keys trust）。")
        found["peer"] = peer
        return bytes.fromhex(peer.sign_public)

    keys = local_keys(session)
    if not path.is_file():
        raise UserError(f"找不到数据包文件 {path}。")
    with bf.open_bundle(path, keys.pair.box_private, sign_key_for, attachments_dir(ws.data_dir).parent) as opened:
        peer = found["peer"]
        signers = sideways.signers_for(session, ws.site, peer, opened.manifest)  # relay.py's, and siblings'
        yield _checked(session, opened, peer, me, relayed_from(ws.site, peer.code), signers)


def _checked(session: Session, opened: bf.OpenedBundle, peer: SyncPeer, me: str,
             relayed: tuple[str, ...] = (), signers: relay.Signers | None = None) -> _Bundle:
    """The verified manifest's sense, then the records read line by line and the acknowledgement."""
    sender = peer.code
    m = opened.manifest
    if m.get("format") != bf.FORMAT or m.get("format_version") != bf.FORMAT_VERSION:
        raise UserError("这个数据包的格式版本本程序不认识，请先升级益巢。")
    if m.get("from") != sender or m.get("to") != me:
        raise UserError("数据包的清单与文件头的站点不一致，数据包被改动过，已拒绝导入。")
    schema = m.get("schema")
    if not isinstance(schema, list) or not all(isinstance(s, str) for s in schema):
        raise UserError("数据包清单里的数据结构版本无效，已拒绝导入。")
    if set(schema) - migrate.known_revisions():
        raise UserError("这个数据包来自更新版本的益巢，请先升级本程序再导入。")
    seq = _int(m.get("seq"), "序号")
    if seq > peer.in_seq + MAX_SEQ_GAP:
        raise UserError(f"数据包序号 {seq} 远超预期（下一个应为第 {peer.in_seq + 1} 号），"
                        "可能不是该站点正常导出的，已拒绝导入。")
    journal = m.get("journal")
    if not isinstance(journal, dict):
        raise UserError("数据包清单里的日志范围无效，已拒绝导入。")
    _int(journal.get("lo"), "日志范围")
    _int(journal.get("hi"), "日志范围")
    counts = m.get("counts")
    if not isinstance(counts, dict):
        raise UserError("数据包清单里的记录数无效，已拒绝导入。")
    if bf.CHANGES not in opened.names or bf.ACK not in opened.names:
        raise UserError("数据包缺少变更或回执文件，已拒绝导入。")
    signers = signers or relay.Signers({}, keep=False)
    records = _parse_changes(opened.lines(bf.CHANGES), sender, me, relayed, signers)
    if {k: len(v) for k, v in records.items()} != {k: v for k, v in counts.items() if v}:
        raise UserError("数据包里的记录数与清单不符，数据包可能不完整，已拒绝导入。")
    stamp_person_keys(session, records)  # match keys computed here, never taken from the sender
    hashes = _parse_hashes(b"", records)
    try:
        ack = json.loads(opened.read(bf.ACK, MAX_ACK))
        ack = {"seq": _int(ack["seq"], "回执"), "journal_hi": _int(ack["journal_hi"], "回执"),
               "hash_key_id": str(ack.get("hash_key_id", ""))[:16], "ask_all": ack.get("ask_all") is True,
               "missing": _requests(ack.get("missing", {})), "notices": _notices(ack.get("notices", [])),
               "relay": relay.read_ack(ack)}
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError("数据包的回执已损坏，已拒绝导入。") from exc
    attachments = tuple(sorted(n.split("/", 1)[1] for n in opened.names if n.startswith("attachments/")))
    for sha in attachments:  # its content was found to hash as the manifest says: the name must too
        if opened.digest(f"attachments/{sha}") != sha:
            raise UserError("数据包里的附件与其校验值不符，已拒绝导入。")
    return _Bundle(sender, m, records, hashes, attachments, ack, opened.size, opened.sha, opened, signers)


def _requests(value: Any) -> dict[str, list[str]]:
    """The records the peer asks us to send again: {kind: [uid]}, bounded."""
    codecs = table_codecs()
    if not isinstance(value, dict):
        raise ValueError("missing")
    out: dict[str, list[str]] = {}
    total = 0
    for entity, uids in value.items():
        if entity not in codecs or not isinstance(uids, list):
            raise ValueError("missing")
        good = [u for u in uids if isinstance(u, str) and len(u) == 36]
        total += len(good)
        if total > MAX_REQUESTS:
            raise ValueError("missing")
        out[entity] = good
    return out


def _notices(value: Any) -> list[dict[str, Any]]:
    """Requests about our records from the parent site (a district asking a street to correct)."""
    if not isinstance(value, list) or len(value) > 10_000:
        raise ValueError("notices")
    out = []
    for n in value:
        if not isinstance(n, dict) or not isinstance(n.get("key"), str) or not isinstance(n.get("uids"), list):
            raise ValueError("notices")
        out.append({"key": printable(n["key"], 80), "entity": printable(n.get("entity", ""), 64),
                    "uids": [u for u in n["uids"] if isinstance(u, str) and len(u) == 36][:100],
                    "text": printable(n.get("text", ""), 500)})
    return out


def _result(bundle: _Bundle, plan: Plan | None, applied: bool, already: bool, message: str,
            asked_back: bool = False) -> ImportResult:
    m = bundle.manifest
    return ImportResult(bundle.peer_code, printable(m.get("from_name", ""), 100), m["seq"],
                        printable(m.get("created_at", ""), 40), sum(len(v) for v in bundle.records.values()),
                        plan.counts if plan else {}, len(bundle.attachments), applied, already, message,
                        tuple(plan.held) if plan else (), tuple(plan.still_held) if plan else (),
                        tuple(plan.released) if plan else (), tuple(plan.conflicts) if plan else (), asked_back)


def _already(session: Session, bundle: _Bundle, peer: SyncPeer) -> bool:
    """Not newer than what was applied: a replay, or an older bundle found late.

    A bundle whose number is not newer but whose time is comes from a peer restored from a backup
    (its numbering went back): it is applied like any other."""
    if bundle.manifest["seq"] > peer.in_seq:
        return False
    seen = session.scalar(select(func.count()).select_from(SyncBundle).where(
        SyncBundle.direction == "in", SyncBundle.peer_code == peer.code, SyncBundle.sha256 == bundle.sha))
    created = str(bundle.manifest.get("created_at", ""))
    return bool(seen) or not peer.in_created_at or created <= peer.in_created_at


def _write_attachments(ws: Workspace, bundle: _Bundle) -> None:
    """Each attachment copied from the bundle to its place a piece at a time (never whole)."""
    root = attachments_dir(ws.data_dir)
    for sha in bundle.attachments:
        target = root / sha[:2] / sha
        if not target.exists():
            bundle.source.copy_to(f"attachments/{sha}", target)


def _apply(session: Session, bundle: _Bundle, plan: Plan, peer: SyncPeer, me: str, progress: ProgressFn) -> bool:
    """Write the plan, then take in the peer's acknowledgement; True if we lost records it holds."""
    session.info["sync_apply"] = True
    total = sum(len(v) for v in plan.insert.values()) + sum(len(v) for v in plan.update.values())
    codecs = table_codecs()
    growth = {table_of(JournalEntry): total, table_of(SyncHash): len(bundle.hashes),
              **{table_of(codecs[name].model): len(rows) for name, rows in plan.insert.items()}}
    with big_write(session, total, growth):
        _apply_records(session, plan, codecs, me, total, progress)
        store_held(session, plan)
        record_conflicts(session, plan.conflicts)
        if plan.superseded_sites:  # a street set up again: its old site record gives way to the new one,
            session.execute(update(Site).where(Site.uid.in_(plan.superseded_sites)).values(deleted=True))
            # and its new data folder lacks what it wrote before: give it back its records we hold
            peer.give_back, peer.give_back_seq = True, 0
        _store_hashes(session, bundle, plan, me)
    derive_passbook_totals(session, touched_passbooks(bundle.records))  # never the sender's totals
    return _take_ack(session, bundle, peer)


def _apply_records(session: Session, plan: Plan, codecs: dict[str, TableCodec], me: str, total: int,
                   progress: ProgressFn) -> None:
    """The plan's new and changed records, table by table (parents first), journaled."""
    done = 0
    for name, codec in codecs.items():
        inserts, updates = plan.insert.get(name, []), plan.update.get(name, [])
        if not inserts and not updates:
            continue
        for r in (*inserts, *updates):
            _clean(r, codec, me)
        _drop_clashing_private(session, codec, inserts + updates)
        # then in key order: each index on uid (the table's, the journal's) grows at one end
        # instead of at random places, a third less work for SQLite; no synced table refers to
        # itself, so the order within a table is free (tables still go parents first)
        inserts.sort(key=_by_uid)
        updates.sort(key=_by_uid)
        for i in range(0, max(len(inserts), len(updates)), 5000):
            bulk_apply(session, codec.model, inserts[i:i + 5000], updates[i:i + 5000])
            done += len(inserts[i:i + 5000]) + len(updates[i:i + 5000])
            progress(done, total)


_by_uid = itemgetter("uid")


def _clean(row: dict[str, Any], codec: Any, me: str) -> None:
    """The record as it is written, in place (the plan's rows are read no more: their match keys
    were taken by then, ``bundle.hashes``)."""
    row.pop("__hashes__", None)
    if row["origin"] == me:  # given back: a parent holds our numbers in full, anyone else none
        for col in codec.private:
            if row.get(col) is None:
                row.pop(col, None)


def _take_ack(session: Session, bundle: _Bundle, peer: SyncPeer) -> bool:
    """Where the exchange stands now, both ways, from the bundle's numbers and acknowledgement."""
    m, ack = bundle.manifest, bundle.ack
    if m["journal"]["lo"] <= peer.in_journal_hi + 1:
        peer.in_journal_hi = m["journal"]["hi"]
    # else: a gap (we were restored and lost some of its records): the acknowledgement stays
    # where we are, so the peer sends everything after it again
    peer.in_seq = max(peer.in_seq, m["seq"])
    peer.in_created_at = max(peer.in_created_at or "", printable(m.get("created_at", ""), 40))
    peer.last_received_at = utcnow()
    peer.last_refusal, peer.last_refusal_at = "", None
    own_max = session.scalar(select(func.max(JournalEntry.id))) or 0
    lost = False
    if ack["seq"] > peer.out_seq or ack["journal_hi"] > own_max:
        # the peer holds bundles from us we no longer remember: we were restored from a backup
        peer.out_seq = max(peer.out_seq, ack["seq"])
        peer.ask_all = lost = True
    else:
        peer.acked_journal_id = ack["journal_hi"]  # going back means the peer lost ours: resend
        peer.acked_seq = max(peer.acked_seq, ack["seq"])
    if ack["hash_key_id"]:
        peer.acked_hash_key_id = str(ack["hash_key_id"])
    if peer.give_back and peer.give_back_seq and ack["seq"] >= peer.give_back_seq and not ack["ask_all"]:
        peer.give_back, peer.give_back_seq = False, 0
    if ack["ask_all"] and not peer.give_back:
        peer.give_back, peer.give_back_seq = True, 0
    if m.get("give_back") is True:
        peer.ask_all = lost
    peer.resend = json.dumps({"missing": ack["missing"]}, ensure_ascii=False)
    take_notices(session, peer.code, ack["notices"])
    return lost


def _drop_clashing_private(session: Session, codec: Any, rows: list[dict[str, Any]]) -> None:
    """Full identity numbers are unique: a resident known to two streets keeps the number on the
    first record only; the match keys (``identity.py``) link both.

    Numbers are compared as stored (sealed: the sealing is deterministic); a sealed column's rows
    keep the sealed number, which the insert then stores as it is instead of sealing it again."""
    t = codec.model.__table__
    for col in codec.private:
        if not t.c[col].unique:
            continue
        given = [r for r in rows if r.get(col) is not None]
        stored = stored_values(session, t.c[col], [r[col] for r in given])
        if isinstance(t.c[col].type, SealedString):
            for r, value in zip(given, stored):
                r[col] = value
        seen: dict[Any, str] = dict((v, u) for u, v in select_in(session, t, ("uid", col), col, stored))
        for r, value in zip(given, stored):
            if seen.setdefault(value, r["uid"]) != r["uid"]:
                r[col] = None


def _store_hashes(session: Session, bundle: _Bundle, plan: Plan, me: str) -> None:
    """Keep the match keys of the received records (computed here), replacing the old ones: a
    record whose number was removed keeps none."""
    codecs = table_codecs()
    table = table_of(SyncHash)
    for name, rows in bundle.records.items():
        if not codecs[name].private:
            continue
        old = [r["uid"] for r in rows if r["origin"] != me]  # a held record may have one already
        delete_in(session, table, "uid", old, {"entity": name})
    # by uid alone (a bundle holds a uid once): uid -> (table, origin)
    records = {r["uid"]: (name, r["origin"]) for name, rows in bundle.records.items() for r in rows}
    latest: dict[tuple[str, str, str], tuple[str, str]] = {}  # (table, uid, column) -> (digest, origin)
    for t, u, c, h in bundle.hashes:
        got = records.get(u)
        if got is not None and got[0] == t and got[1] != me:
            latest[(t, u, c)] = (h, got[1])
    insert_values(session, table, _HASH_COLUMNS, [  # in primary-key order, as the records
        (t, u, c, h, "local", origin) for (t, u, c), (h, origin) in sorted(latest.items())])


_HASH_COLUMNS = ("entity", "uid", "column", "digest", "key_id", "origin")  # text only: stored as they are


def import_bundle(ws: Workspace, path: Path | str, dry_run: bool = False,
                  progress: ProgressFn = no_progress) -> ImportResult:
    """Check the bundle; with ``dry_run`` say what it would do, else apply it as a whole.

    Records that cannot be stored yet are held with their reason and the rest applies; records
    sharing a natural key with another site's are applied and listed as conflicts. The report
    (:func:`report_lines`) is the same for the dry run and the import, and the import writes it
    to the log."""
    user = ws.require("staff", "导入数据包")
    path = Path(path)
    try:
        with paused_gc():  # a bundle's records are many small objects, none of them garbage
            result = _import(ws, user.username, path, dry_run, progress)
    except UserError as exc:
        note_refusal(ws, path, exc.message)
        raise
    if result.applied:
        write_report(ws, path.name, report_lines(result))
    return result


def _import(ws: Workspace, username: str, path: Path, dry_run: bool, progress: ProgressFn) -> ImportResult:
    me = ws.site.code
    with ws.unit() as session, _open(ws, session, path) as bundle:
        # imports apply one at a time on a shared database (issue 19 point 3): the second of two
        # PCs importing the same bundle waits, then finds it applied; another street's waits its turn
        lock_transaction(session, IMPORT_LOCK)
        peer = session.get(SyncPeer, bundle.peer_code, populate_existing=True, with_for_update=True)
        assert peer is not None
        if _already(session, bundle, peer):
            return _result(bundle, None, False, True,
                           f"这个数据包（第 {bundle.manifest['seq']} 号）或更新的数据包已经导入过，没有任何改动。")
        plan = make_plan(session, me, peer.code, bundle.records, bundle.hashes, peer.ask_all, progress)
        if dry_run:
            session.rollback()  # the keys made on first use are kept by the next real call
            return _result(bundle, plan, False, False, "")
        if bundle.attachments:
            _write_attachments(ws, bundle)  # content-addressed: harmless if we roll back
            share_blobs(ws, session, bundle.attachments)  # a district's shared database: for every PC
        try:
            lost = _apply(session, bundle, plan, peer, me, progress)
            m = bundle.manifest
            relay.take(session, ws.site, peer, m, bundle.ack, bundle.signers,
                       complete=peer.in_journal_hi == m["journal"]["hi"])
            counts = {k: vars(v) for k, v in plan.counts.items()}
            session.add(SyncBundle(
                direction="in", peer_code=peer.code, seq=m["seq"], user=username,
                journal_lo=m["journal"]["lo"], journal_hi=m["journal"]["hi"],
                records=sum(len(v) for v in bundle.records.values()),
                counts=json.dumps(counts, ensure_ascii=False), size=bundle.size, sha256=bundle.sha,
                hash_key_id=str(m.get("hash_key_id", ""))[:16], file_name=path.name[:255]))
            record_event(session, "bundle_import", "sync_peer", peer.code,
                         {"from": peer.code, "seq": m["seq"], "file": path.name, "counts": counts,
                          "held": len(plan.held), "released": len(plan.released),
                          "conflicts": sum(1 for c in plan.conflicts if c.new)})
            session.flush()
        except IntegrityError as exc:
            raise UserError("数据包里的记录与本站点已有的记录冲突，而且无法单独暂存，没有导入任何内容；"
                            "请把数据包交给技术支持。") from exc
        except DataError as exc:
            raise UserError("数据包里有数据库不接受的值，没有导入任何内容。") from exc
        return _result(bundle, plan, True, False, "", lost)


def note_refusal(ws: Workspace, path: Path, message: str) -> None:
    """Remember on the sender's row that its bundle was refused (the district's list flags it).

    Only for a trusted sender named in the header (its first few kilobytes are read); no record
    and no journal row changes."""
    try:
        with open(path, "rb") as fh:
            head, _ = crypto.read_header(fh.read(6 + crypto.MAX_HEADER))
    except (OSError, UserError):
        return
    sender = str(head.get("from", ""))[:12]
    with ws.unit() as session:
        peer = session.get(SyncPeer, sender)
        if peer is not None and str(head.get("to", "")) == ws.site.code:
            peer.last_refusal, peer.last_refusal_at = message[:500], utcnow()


def last_received(ws: Workspace) -> datetime | None:
    with ws.read() as session:
        return session.scalar(select(func.max(SyncPeer.last_received_at)))
