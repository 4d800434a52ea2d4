"""Export: every own change the recipient has not acknowledged, signed and sealed to it.

Cumulative until acknowledged: the bundle holds the current state of every record of this site's
origin changed after the last journal id the recipient confirmed, so a lost bundle is healed by
the next. The database is committed (sequence number, history, journal event) before the file is
written, so a number is never reused for different content.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import RowMapping, func, select
from sqlalchemy.orm import Session

from yichao.app.core import blob_file
from yichao.app.core.atomic import write_atomic
from yichao.app.core.errors import UserError
from yichao.app.core.progress import ProgressFn, no_progress
from yichao.app.core.workspace import Workspace
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import crypto, privacy, relay, sideways
from yichao.app.sync.conflicts import notices_for
from yichao.app.sync.held import missing_requests
from yichao.app.sync.keys import local_keys
from yichao.app.sync.records import TableCodec, canonical_json, encode_row, table_codecs
from yichao.app.sync.relay import relayed_to
from yichao.models import migrate
from yichao.models.base import utcnow
from yichao.models.db import JOURNAL_LOCK, locked
from yichao.models.journal import CHANGE_OPS, JournalEntry, record_event
from yichao.models.sync import SyncBundle, SyncPeer

CHUNK = 500
MAX_ATTACHMENT = 200 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    path: Path
    to_code: str
    to_name: str
    seq: int
    records: int
    counts: dict[str, int]
    size: int


def _chunks(items: list[Any], n: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class _Reach:
    """Which records the recipient can hold: none that points at a third site's record.

    A district's rating of street B's organization must not go to street A (A lacks the
    organization, so the foreign key would fail); records pointing at such a record neither.
    Records a street relays to its office (the district's: relay.py; its other offices' passbooks,
    as ``sideways.Gate`` lets them: sideways.py) count as the sender's; an office's street holds
    the records of the office's siblings (they came from it).
    """

    def __init__(self, session: Session, me: str, to: str, relayed: tuple[str, ...] = (),
                 gate: sideways.Gate | None = None, theirs: Callable[[str], bool] = lambda origin: False) -> None:
        self.session, self.me, self.to, self.theirs = session, me, to, theirs
        self.gate = gate or sideways.Gate(session, ())
        self.sent = (me, *relayed)
        self.codecs = table_codecs()
        self.ok: dict[str, set[str]] = defaultdict(set)
        self.blocked: dict[str, set[str]] = defaultdict(set)

    def keep(self, codec: TableCodec, rows: list[Any]) -> list[Any]:
        for col, ref in codec.foreign_keys:
            self._resolve(ref, {r[col] for r in rows if r[col]})
        kept = []
        for r in rows:
            if any(r[col] and r[col] in self.blocked[ref] for col, ref in codec.foreign_keys):
                self.blocked[codec.name].add(r["uid"])
            else:
                self.ok[codec.name].add(r["uid"])
                kept.append(r)
        return kept

    def _resolve(self, table: str, uids: set[str]) -> None:
        unknown = uids - self.ok[table] - self.blocked[table]
        if not unknown:
            return
        codec = self.codecs.get(table)
        if codec is None:  # a table that never travels: the recipient cannot have the record
            self.blocked[table] |= unknown
            return
        t = codec.model.__table__  # type: ignore[attr-defined]
        found: list[RowMapping] = []
        for chunk in _chunks(sorted(unknown)):
            found += self.session.execute(select(t).where(t.c.uid.in_(chunk))).mappings().all()
        self.blocked[table] |= unknown - {r["uid"] for r in found}
        passable = {r["uid"] for r in self.gate.keep(table, found)}  # a sibling office's: passbooks only
        own = []
        for r in found:
            if r["origin"] == self.to or self.theirs(r["origin"]):  # the recipient has it
                self.ok[table].add(r["uid"])
            elif r["origin"] in self.sent and r["uid"] in passable:
                self.ok[table].add(r["uid"])  # provisionally: breaks cycles
                own.append(r)
            else:
                self.blocked[table].add(r["uid"])
        if own:
            for r in own:
                self.ok[table].discard(r["uid"])
            self.keep(codec, own)


def _changed(session: Session, origins: tuple[str, ...], after: int, upto: int,
             first: dict[tuple[str, str], int] | None = None) -> dict[str, list[str]]:
    """Records of ``origins`` (ours, and those we relay) changed in the journal range, per table,
    in first-change order (``first`` gets each one's first journal id in the range)."""
    names = list(table_codecs())
    rows = session.execute(
        select(JournalEntry.entity, JournalEntry.uid, func.min(JournalEntry.id).label("first"))
        .where(JournalEntry.id > after, JournalEntry.id <= upto, JournalEntry.origin.in_(origins),
               JournalEntry.op.in_(CHANGE_OPS), JournalEntry.entity.in_(names))
        .group_by(JournalEntry.entity, JournalEntry.uid)
        .order_by("first")
    ).all()
    out: dict[str, list[str]] = defaultdict(list)
    for entity, uid, at in rows:
        out[entity].append(uid)
        if first is not None:
            first[(entity, uid)] = at
    return out


def _asked(session: Session, me: str, peer: SyncPeer, relayed: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Records to send whatever was acknowledged: those the peer asked for again (with the records
    of ours or its own they refer to), and, when it lost its own, every record of its origin we hold."""
    codecs = table_codecs()
    try:
        asked = json.loads(peer.resend or "{}").get("missing", {})
    except (ValueError, AttributeError):
        asked = {}
    out: dict[str, list[str]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    todo = [(t, u) for t, uids in asked.items() if t in codecs for u in uids]
    while todo:
        by_table: dict[str, list[str]] = defaultdict(list)
        for t, u in todo:
            if (t, u) not in seen:
                seen.add((t, u))
                by_table[t].append(u)
        todo = []
        for t, uids in by_table.items():
            codec = codecs[t]
            table = codec.model.__table__  # type: ignore[attr-defined]
            for chunk in _chunks(uids):
                for r in session.execute(select(table).where(table.c.uid.in_(chunk))).mappings():
                    if r["origin"] not in (me, peer.code, *relayed):
                        continue
                    out[t].append(r["uid"])
                    todo += [(ref, r[col]) for col, ref in codec.foreign_keys if r[col] and ref in codecs]
    if peer.give_back:
        for t, codec in codecs.items():
            table = codec.model.__table__  # type: ignore[attr-defined]
            have = set(out.get(t, ()))
            out[t] += [u for u in session.scalars(select(table.c.uid).where(table.c.origin == peer.code))
                       if u not in have]
    return {t: out[t] for t in codecs if out.get(t)}


def build_bundle(ws: Workspace, session: Session, peer: SyncPeer,
                 progress: ProgressFn = no_progress) -> tuple[bytes, dict[str, Any]]:
    """The sealed bundle for ``peer`` and its manifest (no state is changed here but what a street
    says it passed on of its offices' records, kept with the bundle in the caller's transaction)."""
    site = ws.site
    keys = local_keys(session)
    # every transaction that drew a journal id before this one reads it has committed (they share
    # the journal lock while they write): no change below ``hi`` can appear later and be skipped
    with locked(session, JOURNAL_LOCK, session_level=True):
        hi = session.scalar(select(func.max(JournalEntry.id))) or 0
    lo = relay.resend_from(session, site, peer)  # an office: until the district has them too
    relayed = relayed_to(site, peer.code, peer.role)  # downwards: the district's to an office
    up = relay.relayed_up(session, site, peer.code)  # upwards: the offices' to the district
    side = sideways.siblings_of(session, site, peer.code, peer.role)  # sideways: the other offices' passbooks
    passing = (*relayed, *up, *side)
    first: dict[tuple[str, str], int] = {}
    changed = _changed(session, (site.code, *passing), lo, hi, first)
    for name, asked in _asked(session, site.code, peer, passing).items():  # resend requests and give-back
        have = set(changed.get(name, ()))
        changed[name] = [*changed.get(name, ()), *(u for u in asked if u not in have)]
    for name, needed in sideways.holders_needed(session, changed, side).items():
        have = set(changed.get(name, ()))
        changed[name] = [*changed.get(name, ()), *(u for u in needed if u not in have)]
    total = sum(len(v) for v in changed.values())
    full = privacy.sends_full(site, peer)
    gate = sideways.Gate(session, side)
    reach = _Reach(session, site.code, peer.code, passing, gate,
                   lambda origin: sideways.street_holds(site, peer.code, origin))
    sign = crypto.signer(keys.pair) if relay.signs_records(site, peer.code) else None
    sent: dict[str, set[str]] = defaultdict(set)  # office -> keys its relayed records are signed with
    short: set[str] = set()  # offices with a record that cannot go up yet (no signature kept)
    lines: list[str] = []
    counts: dict[str, int] = {}
    shas: set[str] = set()
    upto = hi  # the journal id up to which the bundle holds every change (ours and passed on)
    done = 0
    for name, codec in table_codecs().items():
        uids = changed.get(name)
        if not uids:
            continue
        t = codec.model.__table__  # type: ignore[attr-defined]
        for chunk in _chunks(uids):
            # by primary key only: with "origin = ?" SQLite may pick the origin index and scan
            rows = gate.keep(name, [r for r in session.execute(select(t).where(t.c.uid.in_(chunk))).mappings()
                                    if r["origin"] in (site.code, peer.code, *passing)])
            order = {u: i for i, u in enumerate(chunk)}
            rows = sorted(reach.keep(codec, list(rows)), key=lambda r: order[r["uid"]])
            # an office's record goes on as it signed it: up to the district, or sideways to an office
            as_signed = (*up, *side) if not codec.private else up
            seals = (relay.seals_of(session, name, [r["uid"] for r in rows if r["origin"] in as_signed])
                     if as_signed else {})
            n = 0
            for r in rows:
                data = encode_row(codec, r)
                if "sha256" in data and isinstance(data["sha256"], str) and len(data["sha256"]) == 64:
                    shas.add(data["sha256"])
                if r["origin"] in as_signed:  # an office's record: its own signed bytes, or not yet
                    seal = seals.get(r["uid"])
                    if seal is None or seal.rev != r["rev"]:
                        short.add(r["origin"])  # the bundle then stops short of it: sent again later
                        upto = min(upto, first.get((name, r["uid"]), upto + 1) - 1)
                        continue
                    sent[r["origin"]].add(seal.signer)
                    lines.append(relay.relayed_line(seal))
                    n += 1
                    continue
                if codec.private and (r["origin"] in relayed or r["origin"] in side
                                      or (r["origin"] == site.code and not full)):
                    for c in codec.private:  # downwards: the number stays here (privacy.py)
                        data[c] = None
                if sign is not None and r["origin"] == site.code:
                    lines.append(relay.signed_line(sign, name, data))
                else:
                    lines.append(canonical_json({"t": name, "d": data}))
                n += 1
            counts[name] = counts.get(name, 0) + n
            done += len(chunk)
            progress(done, total)
    members: dict[str, bytes] = {bf.CHANGES: ("\n".join(lines) + ("\n" if lines else "")).encode()}
    for sha in sorted(shas):
        path = blob_file(ws, session, sha)  # on a shared database: whichever PC received it
        if path is not None and path.stat().st_size <= MAX_ATTACHMENT:
            content = path.read_bytes()
            if bf.sha256(content) == sha:
                members[f"attachments/{sha}"] = content
    last_in = session.scalars(
        select(SyncBundle.hash_key_id).where(SyncBundle.direction == "in", SyncBundle.peer_code == peer.code)
        .order_by(SyncBundle.id.desc())).first()
    members[bf.ACK] = canonical_json(
        {"seq": peer.in_seq, "journal_hi": peer.in_journal_hi, "hash_key_id": last_in or "",
         # what we hold from the peer and lack the records for; whether we lost ours it holds;
         # requests about its records (a district asking a street to correct)
         "missing": missing_requests(session, peer.code), "ask_all": bool(peer.ask_all),
         "notices": notices_for(session, peer.code) if site.role == "district" else [],
         **relay.ack_entries(session, site, peer)}).encode()
    manifest: dict[str, Any] = {
        "format": bf.FORMAT, "format_version": bf.FORMAT_VERSION,
        "schema": sorted(migrate.head_revisions()),
        "from": site.code, "from_name": site.name, "from_role": site.role,
        "to": peer.code, "seq": peer.out_seq + 1, "created_at": utcnow().isoformat(),
        "journal": {"lo": lo + 1, "hi": upto}, "counts": counts, "records": sum(counts.values()),
        "hash_key_id": "", "give_back": bool(peer.give_back),  # no digests travel (privacy.py)
    }
    # what this bundle holds of identity numbers, stated where the signature covers it
    manifest["policy"] = {"identity": privacy.POLICY if full else "withheld"}
    if site.role == "street" and peer.code == site.parent_code:  # the offices' keys, vouched for by our signature
        manifest["relay"] = relay.manifest_entries(session, site, sent, short)
    if side:  # the other offices' keys, for the office to check their records with
        manifest["siblings"] = sideways.manifest_entries(session, side, sent)
    plain = bf.build_zip(manifest, lambda b: crypto.sign(keys.pair, b), members)
    sealed = crypto.seal(plain, bytes.fromhex(peer.box_public),
                         {"to": peer.code, "from": site.code,
                          "recipient_key": peer.fingerprint.replace(" ", "")})
    return sealed, manifest


def export_bundle(ws: Workspace, to_code: str, path: Path | str,
                  progress: ProgressFn = no_progress) -> ExportResult:
    """Write the bundle for site ``to_code`` to ``path`` and remember it as sent."""
    user = ws.require("staff", "导出数据包")
    to_code = to_code.strip()
    path = Path(path)
    if path.is_dir():
        path = path / f"{ws.site.code}-to-{to_code}.ycb"
    if not path.parent.is_dir():
        raise UserError(f"文件夹 {path.parent} 不存在，请换一个保存位置。")
    with ws.unit() as session:
        # the peer's row locked: two PCs exporting to one site at once number their bundles in turn
        peer = session.get(SyncPeer, to_code, with_for_update=True)
        if peer is None:
            raise UserError(f"尚未信任站点 {to_code} 的密钥，请先导入对方的密钥文件并核对指纹（yichao keys trust）。")
        sealed, manifest = build_bundle(ws, session, peer, progress)
        peer.out_seq = manifest["seq"]
        if peer.give_back and not peer.give_back_seq:
            peer.give_back_seq = manifest["seq"]
        peer.last_sent_at = utcnow()
        session.add(SyncBundle(
            direction="out", peer_code=peer.code, seq=manifest["seq"], user=user.username,
            journal_lo=manifest["journal"]["lo"], journal_hi=manifest["journal"]["hi"],
            records=manifest["records"], counts=json.dumps(manifest["counts"], ensure_ascii=False),
            size=len(sealed), sha256=bf.sha256(sealed), hash_key_id=manifest["hash_key_id"],
            file_name=path.name[:255]))
        record_event(session, "bundle_export", "sync_peer", peer.code,
                     {"to": peer.code, "seq": manifest["seq"], "records": manifest["records"],
                      "file": path.name})
        name = peer.name
        # inside the transaction: a stick that fills up leaves no file and no bundle number used
        write_atomic(path, sealed)
    return ExportResult(path, to_code, name, manifest["seq"], manifest["records"], manifest["counts"], len(sealed))
