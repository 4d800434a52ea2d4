"""Import: check everything, show what would change, then apply all of it in one transaction.

Refusals (another site's bundle, an untrusted or changed key, tampering, truncation, an unknown
format, a newer schema, unsafe zip members, records that are not the sender's) are one sentence and
change nothing. A bundle not newer than the last one applied from its sender is a no-op that says
so. Incoming records apply when their ``rev`` is greater than the local one, table by table in
dependency order, through the journal's bulk path with ``sync_apply`` set.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.paths import attachments_dir
from yichao.app.core.progress import ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import crypto
from yichao.app.sync.incoming import int_field as _int
from yichao.app.sync.incoming import parse_changes as _parse_changes
from yichao.app.sync.incoming import parse_hashes as _parse_hashes
from yichao.app.sync.keys import local_keys
from yichao.app.sync.records import printable, table_codecs
from yichao.models import migrate
from yichao.models.base import table_of, utcnow
from yichao.models.journal import JournalEntry, bulk_apply, record_event
from yichao.models.sync import SyncBundle, SyncHash, SyncPeer

MAX_FILE = 2 * 1024**3 - 1024
CHUNK = 500
STATES = ("new", "changed", "deleted", "unchanged")


@dataclass(frozen=True)
class KindCounts:
    new: int = 0
    changed: int = 0
    deleted: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class ImportResult:
    """What a bundle brings (dry run) or brought (applied)."""

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


@dataclass
class _Bundle:
    peer_code: str
    manifest: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]
    hashes: list[tuple[str, str, str, str]]  # entity, uid, column, digest
    attachments: dict[str, bytes]
    ack: dict[str, int | str]
    size: int
    sha: str
    plan: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise UserError("数据包文件太大，不是益巢导出的数据包。")
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取数据包 {path}：{exc.strerror or exc}。") from exc


def _open(ws: Workspace, session: Session, sealed: bytes) -> _Bundle:
    """Every check that needs no write: recipient, trust, decryption, signature, hashes, schema."""
    me = ws.site.code
    head, _ = crypto.read_header(sealed)
    to, sender = str(head.get("to", "")), str(head.get("from", ""))
    if to != me:
        raise UserError(f"这个数据包是发给站点 {printable(to, 12)} 的，不是本站点（{me}），没有导入。")
    peer = session.get(SyncPeer, sender)
    if peer is None:
        raise UserError(
            f"尚未信任站点 {printable(sender, 12)} 的密钥，请先导入对方的密钥文件并核对指纹（yichao keys trust）。"
        )
    keys = local_keys(session)
    _, plain = crypto.open_sealed(sealed, keys.pair.box_private)
    opened = bf.open_zip(plain)
    if not crypto.verify(bytes.fromhex(peer.sign_public), opened.signature, opened.manifest_bytes):
        raise UserError(
            f"数据包的签名与已信任的站点 {peer.code} 的密钥不符，数据包被改动过或不是该站点导出的，已拒绝导入。"
        )
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
    _int(m.get("seq"), "序号")
    journal = m.get("journal")
    if not isinstance(journal, dict):
        raise UserError("数据包清单里的日志范围无效，已拒绝导入。")
    _int(journal.get("lo"), "日志范围")
    _int(journal.get("hi"), "日志范围")
    counts = m.get("counts")
    if not isinstance(counts, dict):
        raise UserError("数据包清单里的记录数无效，已拒绝导入。")
    members = opened.members
    if bf.CHANGES not in members or bf.ACK not in members:
        raise UserError("数据包缺少变更或回执文件，已拒绝导入。")
    records = _parse_changes(members[bf.CHANGES], sender)
    if {k: len(v) for k, v in records.items()} != {k: v for k, v in counts.items() if v}:
        raise UserError("数据包里的记录数与清单不符，数据包可能不完整，已拒绝导入。")
    hashes = _parse_hashes(members.get(bf.HASHES, b""), records)
    try:
        ack = json.loads(members[bf.ACK])
        ack = {"seq": _int(ack["seq"], "回执"), "journal_hi": _int(ack["journal_hi"], "回执"),
               "hash_key_id": str(ack.get("hash_key_id", ""))[:16]}
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError("数据包的回执已损坏，已拒绝导入。") from exc
    attachments = {n.split("/", 1)[1]: d for n, d in members.items() if n.startswith("attachments/")}
    for sha, data in attachments.items():
        if bf.sha256(data) != sha:
            raise UserError("数据包里的附件与其校验值不符，已拒绝导入。")
    return _Bundle(sender, m, records, hashes, attachments, ack, len(sealed), bf.sha256(sealed))


def _plan(session: Session, bundle: _Bundle, progress: ProgressFn) -> dict[str, KindCounts]:
    """Classify each record against the local revision; refuse records of another origin."""
    kinds: dict[str, KindCounts] = {}
    total = sum(len(v) for v in bundle.records.values())
    done = 0
    for name, codec in table_codecs().items():
        rows = bundle.records.get(name)
        if not rows:
            continue
        t = codec.model.__table__  # type: ignore[attr-defined]
        local: dict[str, tuple[int, str, bool]] = {}
        for i in range(0, len(rows), CHUNK):
            uids = [r["uid"] for r in rows[i:i + CHUNK]]
            for uid, rev, origin, deleted in session.execute(
                    select(t.c.uid, t.c.rev, t.c.origin, t.c.deleted).where(t.c.uid.in_(uids))):
                local[uid] = (rev, origin, deleted)
            done += len(uids)
            progress(done, total)
        plan: dict[str, list[dict[str, Any]]] = {"insert": [], "update": []}
        c = {s: 0 for s in STATES}
        for row in rows:
            have = local.get(row["uid"])
            if have is not None and have[1] != row["origin"]:
                raise UserError(f"数据包里的一条{name}记录与本站点另一来源的记录标识相同，已拒绝导入。")
            if have is None:
                plan["insert"].append(row)
                c["deleted" if row["deleted"] else "new"] += 1
            elif row["rev"] > have[0]:
                plan["update"].append(row)
                c["deleted" if row["deleted"] and not have[2] else "changed"] += 1
            else:
                c["unchanged"] += 1
        bundle.plan[name] = plan
        kinds[name] = KindCounts(**c)
    return kinds


def _result(bundle: _Bundle, kinds: dict[str, KindCounts], applied: bool, already: bool, message: str) -> ImportResult:
    m = bundle.manifest
    return ImportResult(bundle.peer_code, printable(m.get("from_name", ""), 100), m["seq"],
                        printable(m.get("created_at", ""), 40), sum(len(v) for v in bundle.records.values()),
                        kinds, len(bundle.attachments), applied, already, message)


def _already(bundle: _Bundle, peer: SyncPeer) -> bool:
    return bundle.manifest["seq"] <= peer.in_seq


def _write_attachments(ws: Workspace, attachments: dict[str, bytes]) -> None:
    root = attachments_dir(ws.data_dir)
    for sha, data in attachments.items():
        target = root / sha[:2] / sha
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(sha + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, target)


def _apply(session: Session, bundle: _Bundle, peer: SyncPeer, progress: ProgressFn) -> None:
    session.info["sync_apply"] = True
    total = sum(len(p["insert"]) + len(p["update"]) for p in bundle.plan.values())
    done = 0
    for name, codec in table_codecs().items():
        plan = bundle.plan.get(name)
        if not plan:
            continue
        clean = {k: [{c: v for c, v in r.items() if c != "__hashes__"} for r in rows] for k, rows in plan.items()}
        _drop_clashing_private(session, codec, clean["insert"] + clean["update"])
        for i in range(0, max(len(clean["insert"]), len(clean["update"])), 5000):
            bulk_apply(session, codec.model, clean["insert"][i:i + 5000], clean["update"][i:i + 5000])
            done += len(clean["insert"][i:i + 5000]) + len(clean["update"][i:i + 5000])
            progress(done, total)
    _store_hashes(session, bundle)
    m = bundle.manifest
    peer.in_seq = m["seq"]
    peer.in_journal_hi = max(peer.in_journal_hi, m["journal"]["hi"])
    peer.last_received_at = utcnow()
    own_max = session.scalar(select(func.max(JournalEntry.id))) or 0
    ack = bundle.ack
    if int(ack["journal_hi"]) > peer.acked_journal_id:
        peer.acked_journal_id = min(int(ack["journal_hi"]), own_max)
    peer.acked_seq = max(peer.acked_seq, min(int(ack["seq"]), peer.out_seq))
    if ack["hash_key_id"]:
        peer.acked_hash_key_id = str(ack["hash_key_id"])
    if peer.role == "district" or m.get("from_role") == "district":
        policy = m.get("policy")
        if isinstance(policy, dict) and policy.get("identity") in ("masked", "full"):
            peer.policy = json.dumps({"identity": policy["identity"]})
        key = m.get("district_hash_key")
        if isinstance(key, str) and len(key) == 64 and all(ch in "0123456789abcdef" for ch in key):
            peer.hash_key = key


def _drop_clashing_private(session: Session, codec: Any, rows: list[dict[str, Any]]) -> None:
    """Full identity numbers (when the district's policy asks for them) are unique: a resident
    known to two streets keeps the number on the first record only; the keyed hash links both."""
    t = codec.model.__table__
    for col in codec.private:
        if not t.c[col].unique:
            continue
        seen: dict[Any, str] = {}
        values = [r[col] for r in rows if r.get(col) is not None]
        for i in range(0, len(values), CHUNK):
            for uid, value in session.execute(select(t.c.uid, t.c[col]).where(t.c[col].in_(values[i:i + CHUNK]))):
                seen[value] = uid
        for r in rows:
            value = r.get(col)
            if value is None:
                continue
            if seen.setdefault(value, r["uid"]) != r["uid"]:
                r[col] = None


def _store_hashes(session: Session, bundle: _Bundle) -> None:
    if not bundle.hashes:
        return
    latest = {(t, u, c): h for t, u, c, h in bundle.hashes}
    # a record new here cannot have a stored hash yet: only the others need their old one removed
    fresh = {(name, r["uid"]) for name, plan in bundle.plan.items() for r in plan["insert"]}
    keys = [k for k in latest if (k[0], k[1]) not in fresh]
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i:i + CHUNK]
        session.execute(delete(SyncHash).where(tuple_(SyncHash.entity, SyncHash.uid, SyncHash.column).in_(chunk)))
    kid = str(bundle.manifest.get("hash_key_id", ""))[:16]
    session.execute(table_of(SyncHash).insert(), [
        {"entity": t, "uid": u, "column": c, "digest": h, "key_id": kid, "origin": bundle.peer_code}
        for (t, u, c), h in latest.items()])


def import_bundle(ws: Workspace, path: Path | str, dry_run: bool = False,
                  progress: ProgressFn = no_progress) -> ImportResult:
    """Check the bundle; with ``dry_run`` say what it would change, else apply it as a whole."""
    user = ws.require("staff", "导入数据包")
    path = Path(path)
    sealed = _read_file(path)
    with ws.unit() as session:
        bundle = _open(ws, session, sealed)
        peer = session.get(SyncPeer, bundle.peer_code)
        assert peer is not None
        if _already(bundle, peer):
            return _result(bundle, {}, False, True,
                           f"这个数据包（第 {bundle.manifest['seq']} 号）或更新的数据包已经导入过，没有任何改动。")
        kinds = _plan(session, bundle, progress)
        if dry_run:
            session.rollback()  # the keys made on first use are kept by the next real call
            return _result(bundle, kinds, False, False, "")
        if bundle.attachments:
            _write_attachments(ws, bundle.attachments)  # content-addressed: harmless if we roll back
        try:
            _apply(session, bundle, peer, progress)
            m = bundle.manifest
            counts = {k: vars(v) for k, v in kinds.items()}
            session.add(SyncBundle(
                direction="in", peer_code=peer.code, seq=m["seq"], user=user.username,
                journal_lo=m["journal"]["lo"], journal_hi=m["journal"]["hi"],
                records=sum(len(v) for v in bundle.records.values()),
                counts=json.dumps(counts, ensure_ascii=False), size=bundle.size, sha256=bundle.sha,
                hash_key_id=str(m.get("hash_key_id", ""))[:16], file_name=path.name[:255]))
            record_event(session, "bundle_import", "sync_peer", peer.code,
                         {"from": peer.code, "seq": m["seq"], "file": path.name,
                          "counts": counts})
            session.flush()
        except IntegrityError as exc:
            raise UserError(
                "数据包里的记录与本站点已有的记录冲突（唯一字段重复或引用了不存在的记录），没有导入任何内容。"
            ) from exc
        except DataError as exc:
            raise UserError("数据包里有数据库不接受的值，没有导入任何内容。") from exc
        return _result(bundle, kinds, True, False, "")


def last_received(ws: Workspace) -> datetime | None:
    with ws.read() as session:
        return session.scalar(select(func.max(SyncPeer.last_received_at)))
