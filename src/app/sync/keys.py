"""Key exchange, once per pair of sites: export this site's key file, trust a peer's.

A key file is public (two public keys, the site's code and name); what makes it trustworthy is the
fingerprint, compared over the phone before ``trust``. The private keys stay in this site's
database (and its backups); on a district's shared database sealed in its vault (issue 19).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.app.core.atomic import write_atomic
from yichao.app.core.errors import UserError
from yichao.app.core.vault import VAULT_MARK, session_secret, store_secret
from yichao.app.core.workspace import Workspace
from yichao.app.sync import crypto
from yichao.models.journal import record_event
from yichao.models.sync import SyncKey, SyncPeer

KEY_FORMAT = "yichao-site-key"
KEY_VERSION = 1
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class SiteKey:
    """A site's public identity as a key file carries it."""

    code: str
    name: str
    role: str
    sign_public: bytes
    box_public: bytes

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.sign_public, self.box_public)


@dataclass(frozen=True)
class PeerRow:
    code: str
    name: str
    role: str
    fingerprint: str
    trusted_at: datetime
    out_seq: int
    in_seq: int
    last_sent_at: datetime | None
    last_received_at: datetime | None


@dataclass(frozen=True)
class LocalKeys:
    pair: crypto.KeyPair
    hash_key: bytes


def local_keys(session: Session) -> LocalKeys:
    """This site's keys, made on first use (in the caller's transaction).

    On a district's shared database the private keys are sealed in the database's vault (issue 19:
    every authorized PC opens the same streets' bundles); the ``sync_key`` row then holds only
    the mark ``vault``."""
    row = session.scalars(select(SyncKey).order_by(SyncKey.id)).first()
    shared = session.info.get("vault") is not None
    if row is None:
        pair = crypto.new_keypair()
        hash_key = os.urandom(32)
        if shared:
            vault_key = session.info["vault"]
            store_secret(session, vault_key, "sync_sign", pair.sign_private)
            store_secret(session, vault_key, "sync_box", pair.box_private)
            store_secret(session, vault_key, "sync_hash", hash_key)
            row = SyncKey(id=1, sign_private=VAULT_MARK, box_private=VAULT_MARK, hash_key=VAULT_MARK)
        else:
            row = SyncKey(id=1, sign_private=pair.sign_private.hex(), box_private=pair.box_private.hex(),
                          hash_key=hash_key.hex())
        session.add(row)
        session.flush()
    if row.sign_private == VAULT_MARK:
        sign, box, hashed = (session_secret(session, n) for n in ("sync_sign", "sync_box", "sync_hash"))
        if sign is None or box is None or hashed is None:
            raise UserError("本站点的同步密钥保存在区级数据库里，这台电脑没有获得授权，"
                            "无法使用（请运行 yichao join）。")
        return LocalKeys(crypto.KeyPair(sign, box), hashed)
    return LocalKeys(crypto.KeyPair(bytes.fromhex(row.sign_private), bytes.fromhex(row.box_private)),
                     bytes.fromhex(row.hash_key))


def own_key(ws: Workspace) -> SiteKey:
    """This site's public key (made now if the site has none yet)."""
    with ws.unit() as session:
        pair = local_keys(session).pair
    site = ws.site
    return SiteKey(site.code, site.name, site.role, pair.sign_public, pair.box_public)


def export_key_file(ws: Workspace, path: Path) -> SiteKey:
    """Write this site's key file for the peer; returns it (with the fingerprint to read out)."""
    ws.require("staff", "导出本站点密钥")
    key = own_key(ws)
    doc = {"format": KEY_FORMAT, "version": KEY_VERSION, "site": key.code, "name": key.name,
           "role": key.role, "sign": key.sign_public.hex(), "box": key.box_public.hex(),
           "fingerprint": key.fingerprint}
    write_atomic(Path(path), json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"))  # a full stick: a sentence
    return key


def read_key_file(path: Path) -> SiteKey:
    """Parse and check a key file; one sentence for anything wrong."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise UserError(f"{path.name} 太大，不是益巢的密钥文件。")
        doc = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UserError(f"无法读取密钥文件 {path}：{exc.strerror or exc}。") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(f"{path.name} 不是益巢的密钥文件。") from exc
    if not isinstance(doc, dict) or doc.get("format") != KEY_FORMAT:
        raise UserError(f"{path.name} 不是益巢的密钥文件。")
    if doc.get("version") != KEY_VERSION:
        raise UserError(f"密钥文件 {path.name} 的格式版本本程序不认识，请先升级益巢。")
    try:
        code, name, role = str(doc["site"]), str(doc.get("name", "")), str(doc.get("role", ""))
        sign_public, box_public = bytes.fromhex(doc["sign"]), bytes.fromhex(doc["box"])
    except (KeyError, ValueError, TypeError) as exc:
        raise UserError(f"密钥文件 {path.name} 内容不完整或已损坏。") from exc
    if len(sign_public) != 32 or len(box_public) != 32 or not code.isdigit() or len(code) > 12:
        raise UserError(f"密钥文件 {path.name} 内容不完整或已损坏。")
    key = SiteKey(code, name[:100], role[:12], sign_public, box_public)
    if doc.get("fingerprint") not in (None, key.fingerprint):
        raise UserError(f"密钥文件 {path.name} 的指纹与内容不符，文件可能被改动过。")
    return key


def trust_key_file(ws: Workspace, path: Path, replace: bool = False) -> SiteKey:
    """Trust a peer's key file; returns it.

    A different key for a site already trusted is refused with both fingerprints unless
    ``replace`` is given (the other site was set up again, as confirmed over the phone): then the
    exchange with it starts afresh and the replacement is journaled."""
    ws.require("admin", "信任其他站点的密钥")
    key = read_key_file(path)
    if key.code == ws.site.code:
        raise UserError("这是本站点自己的密钥文件，请导入对方站点的密钥文件。")
    user = ws.user.username if ws.user else ""
    with ws.unit() as session:
        peer = session.get(SyncPeer, key.code)
        replaced = peer is not None and peer.fingerprint != key.fingerprint
        if replaced and not replace:
            assert peer is not None
            raise UserError(
                f"已信任的站点 {peer.name}（{peer.code}）的密钥指纹是 {peer.fingerprint}，这个密钥文件的指纹是 "
                f"{key.fingerprint}，两者不同；请先与对方电话核对新指纹，确认对方站点重新安装过后再选择替换"
                f"（命令行加 --replace）。")
        old = peer.fingerprint if peer is not None else ""
        if peer is None:
            peer = SyncPeer(code=key.code, out_seq=0, acked_journal_id=0, acked_seq=0, in_seq=0,
                            in_journal_hi=0, policy="{}", hash_key="", acked_hash_key_id="")
            session.add(peer)
        if replaced:  # a new key: the site was set up again, so start the exchange afresh
            peer.in_seq = peer.in_journal_hi = peer.acked_journal_id = peer.acked_seq = 0
            peer.acked_hash_key_id, peer.in_created_at, peer.resend = "", "", "{}"
            peer.last_refusal, peer.last_refusal_at = "", None
        elif peer.fingerprint == key.fingerprint and peer.name == key.name:
            return key  # trusted already: nothing changes, nothing to journal
        peer.name, peer.role = key.name, key.role
        peer.sign_public, peer.box_public = key.sign_public.hex(), key.box_public.hex()
        peer.fingerprint, peer.trusted_by = key.fingerprint, user
        peer.trusted_at = datetime.now().astimezone()
        record_event(session, "key_replace" if replaced else "key_trust", "sync_peer", key.code,
                     {"site": key.code, "name": key.name, "fingerprint": key.fingerprint,
                      "replaced": replaced, "old_fingerprint": old})
    return key


def trusted_fingerprint(ws: Workspace, code: str) -> str:
    """The fingerprint trusted for site ``code`` now ("" if none): the GUI compares before replacing."""
    with ws.read() as session:
        peer = session.get(SyncPeer, code)
        return peer.fingerprint if peer is not None else ""


def list_peers(ws: Workspace) -> list[PeerRow]:
    ws.require("viewer", "查看同步站点")
    with ws.read() as session:
        return [PeerRow(p.code, p.name, p.role, p.fingerprint, p.trusted_at, p.out_seq, p.in_seq,
                        p.last_sent_at, p.last_received_at)
                for p in session.scalars(select(SyncPeer).order_by(SyncPeer.code))]
