"""The cryptography of a bundle: Ed25519 signatures and X25519 + ChaCha20-Poly1305 sealing.

Imported only when a bundle or key is handled (``cryptography`` is kept out of start-up).
The sealed file is ``MAGIC | header length | header JSON | ciphertext``; the header (recipient,
sender, the recipient key's fingerprint, the ephemeral public key, the nonce) is authenticated as
associated data, so changing any byte of the file makes it unreadable.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from yichao.app.core.errors import UserError

MAGIC = b"YCB\x01"
HKDF_INFO = b"yichao bundle v1"
MAX_HEADER = 4096
RAW = serialization.Encoding.Raw
RAW_PUB = serialization.PublicFormat.Raw
RAW_PRIV = serialization.PrivateFormat.Raw
NO_ENC = serialization.NoEncryption()


@dataclass(frozen=True)
class KeyPair:
    """This site's private keys (raw bytes)."""

    sign_private: bytes
    box_private: bytes

    @property
    def sign_public(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).public_key().public_bytes(RAW, RAW_PUB)

    @property
    def box_public(self) -> bytes:
        return X25519PrivateKey.from_private_bytes(self.box_private).public_key().public_bytes(RAW, RAW_PUB)


def new_keypair() -> KeyPair:
    sign = Ed25519PrivateKey.generate().private_bytes(RAW, RAW_PRIV, NO_ENC)
    box = X25519PrivateKey.generate().private_bytes(RAW, RAW_PRIV, NO_ENC)
    return KeyPair(sign, box)


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """32 hex digits in groups of four: short enough to read out over the phone."""
    digest = hashlib.sha256(b"yichao-key" + sign_public + box_public).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def sign(keys: KeyPair, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(keys.sign_private).sign(data)


def verify(sign_public: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


def _derive(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_public + recipient_public,
                info=HKDF_INFO).derive(shared)


def seal(plain: bytes, recipient_box_public: bytes, header: dict[str, Any]) -> bytes:
    """Encrypt ``plain`` to the recipient with a fresh ephemeral X25519 key."""
    eph = X25519PrivateKey.generate()
    eph_public = eph.public_key().public_bytes(RAW, RAW_PUB)
    key = _derive(eph.exchange(X25519PublicKey.from_public_bytes(recipient_box_public)),
                  eph_public, recipient_box_public)
    nonce = os.urandom(12)
    head = dict(header, eph=eph_public.hex(), nonce=nonce.hex(), alg="X25519-HKDF-SHA256-ChaCha20Poly1305")
    head_bytes = json.dumps(head, sort_keys=True, ensure_ascii=False).encode()
    prefix = MAGIC + len(head_bytes).to_bytes(2, "big") + head_bytes
    return prefix + ChaCha20Poly1305(key).encrypt(nonce, plain, prefix)


def read_header(sealed: bytes) -> tuple[dict[str, Any], int]:
    """The clear header of a sealed bundle and where the ciphertext starts."""
    if len(sealed) < 6 or sealed[:3] != MAGIC[:3]:
        raise UserError("这不是益巢数据包文件（.ycb），或者文件已损坏。")
    if sealed[:4] != MAGIC:
        raise UserError("这个数据包的格式版本本程序不认识，请先升级益巢。")
    size = int.from_bytes(sealed[4:6], "big")
    if size > MAX_HEADER or len(sealed) < 6 + size + 16:
        raise UserError("数据包文件不完整（可能复制时被截断），请重新导出。")
    try:
        head = json.loads(sealed[6:6 + size].decode())
        if not isinstance(head, dict):
            raise ValueError
    except ValueError as exc:
        raise UserError("数据包文件头已损坏，请重新导出。") from exc
    return head, 6 + size


def open_sealed(sealed: bytes, box_private: bytes) -> tuple[dict[str, Any], bytes]:
    """Decrypt; a wrong key, a changed byte or a truncation all fail authentication."""
    head, start = read_header(sealed)
    try:
        eph_public = bytes.fromhex(str(head["eph"]))
        nonce = bytes.fromhex(str(head["nonce"]))
        priv = X25519PrivateKey.from_private_bytes(box_private)
        own_public = priv.public_key().public_bytes(RAW, RAW_PUB)
        key = _derive(priv.exchange(X25519PublicKey.from_public_bytes(eph_public)), eph_public, own_public)
        plain = ChaCha20Poly1305(key).decrypt(nonce, sealed[start:], sealed[:start])
    except (KeyError, ValueError, TypeError, InvalidTag) as exc:
        raise UserError("数据包无法解密：文件已被改动或截断，或者不是用本站点当前的密钥加密的。") from exc
    return head, plain


def hmac_hex(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A short public name of a secret key (which key made a hash), not the key itself."""
    return hashlib.sha256(b"yichao-key-id" + key).hexdigest()[:16]


def pair_secret(box_private: bytes, peer_box_public: bytes, purpose: bytes) -> bytes:
    """A secret both sites of a pair can compute from their static keys (X25519 + HKDF)."""
    shared = X25519PrivateKey.from_private_bytes(box_private).exchange(
        X25519PublicKey.from_public_bytes(peer_box_public))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"yichao " + purpose).derive(shared)
