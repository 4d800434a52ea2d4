"""Sync bookkeeping: this site's keys, trusted peers, bundle history, received hashes.

None of these tables is synced or journaled: they describe the exchange itself, are local to one
site, and would make no sense at another. Bundle exchanges reach the journal as events
(``bundle_export`` / ``bundle_import``) through :func:`yichao.models.journal.record_event`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, UTCDateTime, utcnow


class SyncKey(Base):
    """This site's key pairs: Ed25519 signs manifests, X25519 opens bundles sent to us.

    ``hash_key`` is no longer used: identity numbers are matched with a key derived from the data
    folder's key (``yichao.app.sync.identity``), and no site sends another a key (issue 18).
    """

    __tablename__ = "sync_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sign_private: Mapped[str] = mapped_column(String(64))  # hex of the raw 32-byte key
    box_private: Mapped[str] = mapped_column(String(64))
    hash_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncPeer(Base):
    """A site whose key file was trusted here, and where the exchange with it stands.

    Sequence numbers and journal ids: ``out_seq`` is the last bundle number sent to the peer;
    ``acked_journal_id`` the highest of *our* journal ids the peer has confirmed (a bundle to it
    holds every own change after that: cumulative until acknowledged); ``in_seq`` and
    ``in_journal_hi`` the same for what we applied from the peer, echoed back as our acknowledgement.
    """

    __tablename__ = "sync_peer"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(12), default="")
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    trusted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    trusted_by: Mapped[str] = mapped_column(String(64), default="")
    out_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_journal_id: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    in_seq: Mapped[int] = mapped_column(Integer, default=0)
    in_journal_hi: Mapped[int] = mapped_column(Integer, default=0)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # unused since issue 18 (the policy is written in privacy.py; no hash key or digest travels);
    # kept so older databases need no table rebuild, hash_key emptied by migration 0016
    policy: Mapped[str] = mapped_column(Text, default="{}")
    hash_key: Mapped[str] = mapped_column(String(64), default="")
    acked_hash_key_id: Mapped[str] = mapped_column(String(16), default="")
    # the manifest time of the last bundle applied from the peer: a bundle whose number is not newer
    # but whose time is comes from a peer restored from a backup, and is applied
    in_created_at: Mapped[str] = mapped_column(String(40), default="")
    # what the peer asked us to send again (JSON {"missing": {entity: [uid]}}, replaced by each
    # bundle from it), and whether it asked for every record of its own that we hold
    resend: Mapped[str] = mapped_column(Text, default="{}")
    give_back: Mapped[bool] = mapped_column(Boolean, default=False)
    give_back_seq: Mapped[int] = mapped_column(Integer, default=0)  # first bundle that carried it
    # we lost records of ours the peer holds (restored from a backup): ask it for them back
    ask_all: Mapped[bool] = mapped_column(Boolean, default=False)
    # the last refusal of one of its bundles (one sentence), cleared by the next bundle applied
    last_refusal: Mapped[str] = mapped_column(Text, default="")
    last_refusal_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SyncBundle(Base):
    """One bundle sent or received (the history the sync page lists)."""

    __tablename__ = "sync_bundle"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    direction: Mapped[str] = mapped_column(String(4), index=True)  # out | in
    peer_code: Mapped[str] = mapped_column(String(12), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[str] = mapped_column(String(64), default="")
    journal_lo: Mapped[int] = mapped_column(Integer, default=0)
    journal_hi: Mapped[int] = mapped_column(Integer, default=0)
    records: Mapped[int] = mapped_column(Integer, default=0)
    # JSON: per kind {"new": n, "changed": n, "deleted": n, "unchanged": n} (in) or {kind: n} (out)
    counts: Mapped[str] = mapped_column(Text, default="{}")
    size: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    hash_key_id: Mapped[str] = mapped_column(String(16), default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")


class SyncHash(Base):
    """The keyed hash of a private column of a received record (e.g. a person's identity number).

    The district compares these across streets to find one resident known to two streets, without
    ever holding the number itself.
    """

    __tablename__ = "sync_hash"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    column: Mapped[str] = mapped_column(String(64), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), index=True)
    key_id: Mapped[str] = mapped_column(String(16), default="")
    origin: Mapped[str] = mapped_column(String(12), default="", index=True)


class SyncHeld(Base):
    """A received record kept aside (quarantined) because it cannot be stored yet.

    It refers to a record this site lacks (``missing_entity``/``missing_uid``, asked for again in
    the next bundle to the sender), or repeats a key that must stay unique. It is retried after
    every import and applied as soon as it fits; a newer revision replaces it.
    """

    __tablename__ = "sync_held"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    peer_code: Mapped[str] = mapped_column(String(12), index=True)
    origin: Mapped[str] = mapped_column(String(12), default="")
    rev: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[str] = mapped_column(Text, default="{}")  # the record as received (JSON)
    reason: Mapped[str] = mapped_column(Text, default="")  # one Chinese sentence
    missing_entity: Mapped[str] = mapped_column(String(64), default="")
    missing_uid: Mapped[str] = mapped_column(String(36), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncConflict(Base):
    """Records of different sites (or of one site set up twice) that share a natural key.

    One row per kind and key, however many records share it: the conflicts page lists each once.
    ``status``: open, linked (one real organization or person), apart (different ones that happen
    to share the key), ask (the district asked the street(s) to correct their record).
    """

    __tablename__ = "sync_conflict"
    __table_args__ = (UniqueConstraint("entity", "match_key", name="uq_sync_conflict_entity_match_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(64))
    key_name: Mapped[str] = mapped_column(String(32))  # which natural key (Chinese label)
    match_key: Mapped[str] = mapped_column(String(128))  # the value compared (a digest for people)
    shown_key: Mapped[str] = mapped_column(String(64), default="")  # as a clerk may see it (masked)
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncNotice(Base):
    """A request from the parent site about one of our records ("请更正"), received in its bundle."""

    __tablename__ = "sync_notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peer_code: Mapped[str] = mapped_column(String(12), index=True)
    key: Mapped[str] = mapped_column(String(80))  # the sender's id of the request (entity:conflict id)
    entity: Mapped[str] = mapped_column(String(64), default="")
    uids: Mapped[str] = mapped_column(Text, default="[]")  # our records concerned (JSON list)
    text: Mapped[str] = mapped_column(Text, default="")
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SyncSeal(Base):
    """A community office's signature over one of its records, kept by its street to pass upwards.

    ``item`` is the record exactly as the office signed it (canonical JSON of table and values), so
    the street relays the office's own bytes and the district checks them with the office's key
    (``yichao.app.sync.relay``); only the newest revision of a record is kept.
    """

    __tablename__ = "sync_seal"

    entity: Mapped[str] = mapped_column(String(64), primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin: Mapped[str] = mapped_column(String(12), index=True)
    rev: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(Text)
    sig: Mapped[str] = mapped_column(String(128))  # hex of the Ed25519 signature
    signer: Mapped[str] = mapped_column(String(64))  # hex of the office's public key that made it


class SyncRelay(Base):
    """Where the records of a site two levels apart stand on their way to the district (issue 17).

    One row per origin: at a community office its own (``final_hi``: the highest of our journal ids
    the district has confirmed, reported by the street; None while the street relays nowhere); at a
    street one per office (``passed_hi``: the office's journal position the street last told the
    district it had passed on; ``final_hi``: the district's confirmation of it); at a district one
    per office seen through a street (``passed_hi``: received; ``keys``: the office's public keys
    as the street's signed bundle vouched for them).
    """

    __tablename__ = "sync_relay"

    origin: Mapped[str] = mapped_column(String(12), primary_key=True)
    via: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(100), default="")
    keys: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of hex Ed25519 public keys
    passed_hi: Mapped[int] = mapped_column(Integer, default=0)
    final_hi: Mapped[int | None] = mapped_column(Integer, nullable=True)
