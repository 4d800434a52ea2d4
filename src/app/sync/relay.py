"""The street between its district and its community savings offices (issue 17 point 2).

A bundle carries the records of its sender (single writer, DESIGN.md section 3); an office exchanges
only with its street, so the street passes records on, each keeping its origin.

Downwards: the street's bundles to an office carry the district's records; they stay read-only at
the office, held at the street until the office acknowledges, and an office takes records of the
district's origin from its own street only.

Upwards, checkably: an office signs each of its records (Ed25519 over ``record_bytes``) in its
bundles to the street. The street checks the signatures, keeps each record's signed form as
received (:class:`SyncSeal`) and relays those exact bytes with the signature in its bundles to the
district; the street's signed manifest vouches for its offices' public keys (``relay``: code, name,
keys, and ``hi``, see below). The district checks every relayed record against the office's key:
a record the street changed, or made up, refuses the whole bundle with one sentence.

Acknowledged end to end: ``hi`` in the street's manifest is the office's journal position up to
which every office record is in this bundle or already acknowledged by the district (it only
advances when none of that office's records waits at the street, held or without its signature).
The district echoes it in its acknowledgement (``relayed``), the street passes it to the office
(``final``), and the office keeps sending every record after it: a record stops being resent only
when the district has it, and a stick lost on either leg heals with the next bundle.

Sideways, between the street's offices (their passbooks only): ``sideways.py``, on the same
signatures and the same ``vouched`` manifest check.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from yichao.app.core.errors import UserError
from yichao.app.core.workspace import SiteInfo
from yichao.app.sync import crypto
from yichao.app.sync.labels import kind_label
from yichao.app.sync.records import canonical_json, printable
from yichao.models.sync import SyncHeld, SyncPeer, SyncRelay, SyncSeal

DISTRICT_DIGITS, STREET_DIGITS, OFFICE_DIGITS = 6, 9, 12
DOMAIN = b"yichao-record-v1\n"  # what a record signature is for: never a manifest's
CHUNK = 500
MAX_KEYS = 8  # public keys vouched for one office (a reinstalled office signed with a new one)


def is_office_of(street: SiteInfo, code: str, role: str) -> bool:
    """Whether site ``code`` (of ``role``, as its key file says) is a community office of ``street``."""
    return (street.role == "street" and role == "community" and len(code) == OFFICE_DIGITS
            and code.startswith(street.code))


def relayed_to(site: SiteInfo, peer_code: str, peer_role: str) -> tuple[str, ...]:
    """Origins besides our own that our bundles to the peer carry downwards: a street's offices get
    its district's."""
    if site.parent_code and is_office_of(site, peer_code, peer_role):
        return (site.parent_code,)
    return ()


def relayed_from(site: SiteInfo, sender: str) -> tuple[str, ...]:
    """Origins besides the sender's that we take from it downwards: an office takes its district's
    records from its street (a street's code begins with its district's six digits)."""
    if site.role == "community" and sender == site.parent_code and len(sender) == STREET_DIGITS:
        return (sender[:DISTRICT_DIGITS],)
    return ()


def offices(session: Session, site: SiteInfo) -> list[SyncPeer]:
    """The community offices of this street whose keys it trusts."""
    if site.role != "street":
        return []
    return [p for p in session.scalars(select(SyncPeer).order_by(SyncPeer.code))
            if is_office_of(site, p.code, p.role)]


def relayed_up(session: Session, site: SiteInfo, peer_code: str) -> tuple[str, ...]:
    """Origins besides our own that our bundles to ``peer_code`` carry upwards: a street's offices'
    go to its district."""
    if site.role == "street" and site.parent_code and peer_code == site.parent_code:
        return tuple(p.code for p in offices(session, site))
    return ()


def signs_records(site: SiteInfo, peer_code: str) -> bool:
    """Whether our own records carry our signature each: an office's, to its street (relayed on)."""
    return site.role == "community" and peer_code == site.parent_code


def record_bytes(table: str, data: Any) -> bytes:
    """What an office signs for one record: its table and values as canonical JSON."""
    return DOMAIN + canonical_json({"t": table, "d": data}).encode()


def signed_line(sign: Any, table: str, data: dict[str, Any]) -> str:
    """A line of ``changes.jsonl`` carrying the record and the sender's signature over it."""
    return canonical_json({"t": table, "d": data, "sig": sign(record_bytes(table, data)).hex()})


# -- the receiving side ----------------------------------------------------------------------------
class Signers:
    """Origins whose records must each carry a valid signature, and the keys that may have made it.

    ``seals`` collects what a street keeps to relay: (table, uid) -> origin, rev, signed item, sig, key.
    """

    def __init__(self, keys: Mapping[str, list[bytes]], keep: bool, tables: frozenset[str] | None = None,
                 unsigned: frozenset[str] = frozenset()) -> None:
        self.keys = {origin: [(k.hex(), crypto.verifier(k)) for k in ks] for origin, ks in keys.items()}
        self.keep = keep
        # the only tables taken from these origins (None: any), and those that come unsigned
        # (sideways.py: a sibling office's passbooks, and their holder without the identity number)
        self.tables, self.unsigned = tables, unsigned
        self.seals: dict[tuple[str, str], tuple[str, int, str, str, str]] = {}

    def __contains__(self, origin: object) -> bool:
        return origin in self.keys

    @property
    def origins(self) -> tuple[str, ...]:
        return tuple(self.keys)

    def check(self, n: int, table: str, item: dict[str, Any], row: dict[str, Any]) -> None:
        """Refuse the bundle unless line ``n``'s record is signed by one of its origin's keys."""
        origin = row["origin"]
        if self.tables is not None and table not in self.tables:
            raise UserError(f"数据包第 {n} 条变更是社区储蓄所 {printable(origin, 12)} 的{kind_label(table)}记录，"
                            "街道只应转交其他储蓄所的存折记录，已拒绝导入。")
        if table in self.unsigned:
            return
        sig = item.get("sig")
        try:
            signature = bytes.fromhex(sig) if isinstance(sig, str) and len(sig) == 128 else b""
        except ValueError:
            signature = b""
        data = record_bytes(table, item.get("d"))
        for key_hex, check in self.keys[origin]:
            if signature and check(signature, data):
                if self.keep:
                    self.seals[(table, row["uid"])] = (origin, row["rev"], data[len(DOMAIN):].decode(),
                                                       str(sig), key_hex)
                return
        raise UserError(f"数据包第 {n} 条变更是社区储蓄所 {printable(origin, 12)} 的记录，但它的签名与该站点的密钥不符"
                        "（记录在转交途中被改动过，或不是该站点做的），已拒绝导入。")


def signers_for(session: Session, site: SiteInfo, peer: SyncPeer, manifest: dict[str, Any]) -> Signers:
    """Whose records in the peer's bundle must be signed record by record, and with which keys.

    A street takes its office's records signed with the office's own (trusted) key; a district
    takes a street's offices' records signed with the keys the street's signed manifest vouches for."""
    if is_office_of(site, peer.code, peer.role):
        return Signers({peer.code: [bytes.fromhex(peer.sign_public)]}, keep=True)
    if site.role == "district" and peer.role == "street":
        return Signers({code: keys for code, (_, keys, _) in vouched(manifest, peer.code).items()}, keep=False)
    return Signers({}, keep=False)


def vouched(manifest: dict[str, Any], street: str, field: str = "relay") -> dict[str, tuple[str, list[bytes], int]]:
    """The street's offices as its signed manifest states them: code -> (name, keys, hi) (``hi``
    only in ``relay``, to the district; ``siblings``, to an office, has none)."""
    relay = manifest.get(field, {})
    bad = UserError("数据包清单里的社区储蓄所信息无效，已拒绝导入。")
    if not isinstance(relay, dict) or len(relay) > 1000:
        raise bad
    out: dict[str, tuple[str, list[bytes], int]] = {}
    for code, entry in relay.items():
        if (not isinstance(code, str) or len(code) != OFFICE_DIGITS or not code.isdigit()
                or not code.startswith(street) or not isinstance(entry, dict)):
            raise bad
        keys, hi, name = entry.get("keys"), entry.get("hi", None if field == "relay" else 0), entry.get("name", "")
        if (not isinstance(keys, list) or not 1 <= len(keys) <= MAX_KEYS or not isinstance(name, str)
                or not isinstance(hi, int) or isinstance(hi, bool) or not 0 <= hi < 2**31):
            raise bad
        try:
            raw = [bytes.fromhex(k) for k in keys if isinstance(k, str)]
        except ValueError as exc:
            raise bad from exc
        if len(raw) != len(keys) or any(len(k) != 32 for k in raw):
            raise bad
        out[code] = (printable(name, 100), raw, hi)
    return out


def read_ack(ack: dict[str, Any]) -> dict[str, Any]:
    """The relay part of a received acknowledgement, checked (``ValueError`` when malformed)."""
    relayed = ack.get("relayed", {})
    final = ack.get("final")
    if not isinstance(relayed, dict) or len(relayed) > 1000:
        raise ValueError("relayed")
    out: dict[str, int] = {}
    for code, hi in relayed.items():
        if not isinstance(code, str) or not isinstance(hi, int) or isinstance(hi, bool) or not 0 <= hi < 2**31:
            raise ValueError("relayed")
        out[code[:12]] = hi
    if final is not None and (not isinstance(final, int) or isinstance(final, bool) or not 0 <= final < 2**31):
        raise ValueError("final")
    return {"relayed": out, "final": final}


def _row(session: Session, origin: str, via: str) -> SyncRelay:
    row = session.get(SyncRelay, origin)
    if row is None:
        row = SyncRelay(origin=origin, via=via, name="", keys="[]", passed_hi=0, final_hi=None)
        session.add(row)
    row.via = via
    return row


def take(session: Session, site: SiteInfo, peer: SyncPeer, manifest: dict[str, Any], ack: dict[str, Any],
         signers: Signers, complete: bool) -> None:
    """After an import applied: keep the offices' signed records (a street), what a street says it
    passed on (a district; only when no earlier bundle of it is missing here), and the district's
    acknowledgement on its way down (a street, then an office)."""
    if signers.keep:
        store_seals(session, signers.seals)
    if site.role == "district" and peer.role == "street" and complete:
        for code, (name, keys, hi) in vouched(manifest, peer.code).items():
            row = _row(session, code, peer.code)
            row.name, row.passed_hi = name, hi
            known = json.loads(row.keys or "[]")
            row.keys = json.dumps([*known, *(k.hex() for k in keys if k.hex() not in known)][-MAX_KEYS:])
    relay = ack["relay"]
    if site.role == "street" and peer.code == site.parent_code:
        mine = {p.code for p in offices(session, site)}
        for code, hi in relay["relayed"].items():
            if code in mine:  # going back means the district lost some: the office sends them again
                _row(session, code, peer.code).final_hi = hi
    if site.role == "community" and peer.code == site.parent_code:
        _row(session, site.code, peer.code).final_hi = relay["final"]


def store_seals(session: Session, seals: Mapping[tuple[str, str], tuple[str, int, str, str, str]]) -> None:
    """Keep each office record's newest signed form (an older revision never replaces a newer)."""
    keys = sorted(seals)
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i:i + CHUNK]
        have = {(s.entity, s.uid): s for s in session.scalars(
            select(SyncSeal).where(tuple_(SyncSeal.entity, SyncSeal.uid).in_(chunk)))}
        for key in chunk:
            origin, rev, item, sig, signer = seals[key]
            old = have.get(key)
            if old is None:
                session.add(SyncSeal(entity=key[0], uid=key[1], origin=origin, rev=rev, item=item, sig=sig,
                                     signer=signer))
            elif rev >= old.rev:
                old.origin, old.rev, old.item, old.sig, old.signer = origin, rev, item, sig, signer


# -- the sending side ------------------------------------------------------------------------------
def resend_from(session: Session, site: SiteInfo, peer: SyncPeer) -> int:
    """Our journal id after which a bundle to ``peer`` holds every own change: what the peer
    confirmed, and for an office's street also what the district confirmed through it."""
    lo = peer.acked_journal_id
    if site.role == "community" and peer.code == site.parent_code:
        row = session.get(SyncRelay, site.code)
        if row is not None and row.final_hi is not None:
            lo = min(lo, row.final_hi)
    return lo


def seals_of(session: Session, table: str, uids: list[str]) -> dict[str, SyncSeal]:
    return {s.uid: s for s in session.scalars(select(SyncSeal).where(SyncSeal.entity == table,
                                                                      SyncSeal.uid.in_(uids)))}


def relayed_line(seal: SyncSeal) -> str:
    """The office's record exactly as it signed it, with its signature."""
    return '{"sig":"' + seal.sig + '",' + seal.item[1:]


def manifest_entries(session: Session, site: SiteInfo, sent: Mapping[str, set[str]], short: set[str]
                     ) -> dict[str, dict[str, Any]]:
    """What a street's bundle to its district says of each office: name, the keys its records in
    this bundle were signed with, and ``hi`` (see the module's docstring), remembered as passed on.

    ``sent``: office -> keys of its records in the bundle; ``short``: offices some of whose
    records in the range could not go (no signature kept yet)."""
    out: dict[str, dict[str, Any]] = {}
    waiting = set(session.scalars(select(SyncHeld.origin).distinct()))
    for p in offices(session, site):
        row = _row(session, p.code, site.parent_code)
        if p.code not in short and p.code not in waiting:
            row.passed_hi = p.in_journal_hi  # every office record up to it is here or at the district
        keys = sorted({p.sign_public, *sent.get(p.code, set())})
        out[p.code] = {"name": p.name, "keys": keys, "hi": row.passed_hi}
    return out


def ack_entries(session: Session, site: SiteInfo, peer: SyncPeer) -> dict[str, Any]:
    """The relay part of our acknowledgement to ``peer``: a district tells a street how far each of
    its offices' records arrived; a street with a district tells an office how far the district
    confirmed its records (nothing when the street relays nowhere: then it is the last stop)."""
    if site.role == "district" and peer.role == "street":
        return {"relayed": {r.origin: r.passed_hi for r in session.scalars(
            select(SyncRelay).where(SyncRelay.via == peer.code).order_by(SyncRelay.origin))}}
    relays = bool(site.parent_code) and session.get(SyncPeer, site.parent_code) is not None
    if is_office_of(site, peer.code, peer.role) and relays:
        row = session.get(SyncRelay, peer.code)
        return {"final": (row.final_hi or 0) if row is not None else 0}
    return {}
