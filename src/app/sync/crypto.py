"""The cryptography of a bundle: Ed25519 signatures and X25519 + ChaCha20-Poly1305 sealing.

Imported only when a bundle or key is handled (``cryptography`` is kept out of start-up).
The sealed file (:func:`seal`) is a clear header (recipient, sender, the ephemeral public key, the
nonce prefix), the signed manifest in its own small sealed block, then the zip in sealed chunks; the
header is authenticated as associated data of every block, so changing any byte makes it unreadable.
Sealing needs only the recipient's public key, so decrypting proves nothing about the sender: the
receiver checks the manifest's signature before it reads the body (:class:`SealedReader`).
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from yichao.app.core.errors import UserError

MAGIC = b"YCB\x02"
HKDF_INFO = b"yichao bundle v1"
ALG = "X25519-HKDF-SHA256-ChaCha20Poly1305-chunked"
MAX_HEADER = 4096
MAX_MANIFEST = 4 * 1024 * 1024
CHUNK = 1024 * 1024  # plaintext bytes per sealed chunk of the body
MANIFEST_COUNTER = 0xFFFFFFFF  # the nonce counter of the manifest block (chunks count from 0)
UNREADABLE = "数据包无法解密：文件已被改动或截断，或者不是用本站点当前的密钥加密的。"
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


def verifier(sign_public: bytes) -> Any:
    """``check(signature, data) -> bool`` for one public key, the key parsed once (many records)."""
    key = Ed25519PublicKey.from_public_bytes(sign_public)

    def check(signature: bytes, data: bytes) -> bool:
        try:
            key.verify(signature, data)
            return True
        except (InvalidSignature, ValueError):
            return False
    return check


def signer(keys: KeyPair) -> Any:
    """``sign(data) -> bytes`` with this site's key, parsed once (many records)."""
    return Ed25519PrivateKey.from_private_bytes(keys.sign_private).sign


def _derive(shared: bytes, eph_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_public + recipient_public,
                info=HKDF_INFO).derive(shared)


def _manifest_of(plain_zip: bytes) -> tuple[bytes, bytes]:
    """The signed manifest and its signature, taken from the zip being sealed (empty if absent)."""
    try:
        with zipfile.ZipFile(io.BytesIO(plain_zip)) as zf:
            names = set(zf.namelist())
            manifest = zf.read("manifest.json") if "manifest.json" in names else b""
            signature = zf.read("manifest.sig") if "manifest.sig" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error,
            struct.error):
        return b"", b""
    return manifest[:MAX_MANIFEST], signature[:1024]


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + counter.to_bytes(4, "big")


def seal(plain: bytes, recipient_box_public: bytes, header: dict[str, Any]) -> bytes:
    """Encrypt the bundle zip ``plain`` to the recipient with a fresh ephemeral X25519 key.

    Layout: ``MAGIC | u16 n | header | u32 m | sealed(manifest, signature) | sealed chunks``. The
    signed manifest travels first in its own small sealed block, so a receiver checks the sender's
    signature after reading a few kilobytes and before it touches the rest; the zip follows in
    sealed chunks of :data:`CHUNK` bytes (the last one marked as last: truncation is detected).
    """
    eph = X25519PrivateKey.generate()
    eph_public = eph.public_key().public_bytes(RAW, RAW_PUB)
    key = _derive(eph.exchange(X25519PublicKey.from_public_bytes(recipient_box_public)),
                  eph_public, recipient_box_public)
    prefix8 = os.urandom(8)
    head = dict(header, eph=eph_public.hex(), nonce=prefix8.hex(), alg=ALG, chunk=CHUNK)
    head_bytes = json.dumps(head, sort_keys=True, ensure_ascii=False).encode()
    prefix = MAGIC + len(head_bytes).to_bytes(2, "big") + head_bytes
    aead = ChaCha20Poly1305(key)
    manifest, signature = _manifest_of(plain)
    block = aead.encrypt(_nonce(prefix8, MANIFEST_COUNTER),
                         len(manifest).to_bytes(4, "big") + manifest + signature, prefix)
    parts = [prefix, len(block).to_bytes(4, "big"), block]
    count = max(1, -(-len(plain) // CHUNK))
    for i in range(count):
        piece = plain[i * CHUNK:(i + 1) * CHUNK]
        parts.append(aead.encrypt(_nonce(prefix8, i), piece, _chunk_aad(prefix, i, i == count - 1)))
    return b"".join(parts)


def _chunk_aad(prefix: bytes, index: int, last: bool) -> bytes:
    return hashlib.sha256(prefix).digest() + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


def read_header(sealed: bytes) -> tuple[dict[str, Any], int]:
    """The clear header of a sealed bundle and where the sealed manifest block starts."""
    if len(sealed) < 6 or sealed[:3] != MAGIC[:3]:
        raise UserError("这不是益巢数据包文件（.ycb），或者文件已损坏。")
    if sealed[:4] != MAGIC:
        if sealed[3:4] < MAGIC[3:4]:
            raise UserError("这个数据包是旧版益巢导出的（格式不能先核对签名），请对方升级益巢后重新导出。")
        raise UserError("这个数据包的格式版本本程序不认识，请先升级益巢。")
    size = int.from_bytes(sealed[4:6], "big")
    if size > MAX_HEADER or len(sealed) < 6 + size:
        raise UserError("数据包文件不完整（可能复制时被截断），请重新导出。")
    try:
        head = json.loads(sealed[6:6 + size].decode())
        if not isinstance(head, dict):
            raise ValueError
    except ValueError as exc:
        raise UserError("数据包文件头已损坏，请重新导出。") from exc
    return head, 6 + size


class SealedReader:
    """Reads a sealed bundle from a file in bounded steps: header, signed manifest, then the body.

    Nothing but the header and the small manifest block is read before the caller has checked the
    signature; the body is decrypted chunk by chunk into a file, never whole into memory.
    """

    def __init__(self, fh: BinaryIO, box_private: bytes) -> None:
        self._fh = fh
        self._digest = hashlib.sha256()
        self.size = 0
        first = self._read(6, exact=False)
        if len(first) == 6 and first[:4] == MAGIC:
            first += self._read(min(int.from_bytes(first[4:6], "big"), MAX_HEADER + 1), exact=False)
        self.head, start = read_header(first)
        self._prefix = first[:start]
        try:
            eph_public = bytes.fromhex(str(self.head["eph"]))
            self._prefix8 = bytes.fromhex(str(self.head["nonce"]))
            priv = X25519PrivateKey.from_private_bytes(box_private)
            own_public = priv.public_key().public_bytes(RAW, RAW_PUB)
            key = _derive(priv.exchange(X25519PublicKey.from_public_bytes(eph_public)), eph_public, own_public)
            if len(self._prefix8) != 8 or self.head.get("chunk") != CHUNK:
                raise ValueError("nonce or chunk")
        except (KeyError, ValueError, TypeError) as exc:
            raise UserError(UNREADABLE) from exc
        self._aead = ChaCha20Poly1305(key)

    def _read(self, n: int, exact: bool = True) -> bytes:
        data = self._fh.read(n)
        if exact and len(data) != n:
            raise UserError("数据包文件不完整（可能复制时被截断），请重新导出。")
        self._digest.update(data)
        self.size += len(data)
        return data

    def manifest(self) -> tuple[bytes, bytes]:
        """The signed manifest's bytes and its signature (bounded: at most a few megabytes read)."""
        n = int.from_bytes(self._read(4), "big")
        if not 16 <= n <= MAX_MANIFEST + 1024 + 20:
            raise UserError(UNREADABLE)
        try:
            block = self._aead.decrypt(_nonce(self._prefix8, MANIFEST_COUNTER), self._read(n), self._prefix)
        except InvalidTag as exc:
            raise UserError(UNREADABLE) from exc
        m = int.from_bytes(block[:4], "big")
        if len(block) < 4 + m:
            raise UserError(UNREADABLE)
        return block[4:4 + m], block[4 + m:]

    def body_into(self, out: BinaryIO, limit: int) -> int:
        """Decrypt the chunks into ``out``; refuses more than ``limit`` bytes, a gap or a cut."""
        written = index = 0
        while True:
            sealed = self._fh.read(CHUNK + 16)
            self._digest.update(sealed)
            self.size += len(sealed)
            if len(sealed) < 16:
                raise UserError("数据包文件不完整（可能复制时被截断），请重新导出。")
            # a full-size chunk is a middle one, unless only the mark of the last one fits it
            plain = self._open_chunk(index, sealed, False) if len(sealed) == CHUNK + 16 else None
            last = plain is None
            if last:
                plain = self._open_chunk(index, sealed, True)
                if plain is None:
                    raise UserError(UNREADABLE)
            assert plain is not None
            written += len(plain)
            if written > limit:
                raise UserError("数据包的内容比清单所说的大，数据包被改动过，已拒绝导入。")
            out.write(plain)
            index += 1
            if last:
                if self._fh.read(1):
                    raise UserError("数据包末尾有多余的内容，数据包被改动过，已拒绝导入。")
                return written

    def _open_chunk(self, index: int, sealed: bytes, last: bool) -> bytes | None:
        try:
            return self._aead.decrypt(_nonce(self._prefix8, index), sealed, _chunk_aad(self._prefix, index, last))
        except InvalidTag:
            return None

    @property
    def sha256(self) -> str:
        """The SHA-256 of everything read so far (the whole file once the body is read)."""
        return self._digest.hexdigest()


def open_sealed(sealed: bytes, box_private: bytes) -> tuple[dict[str, Any], bytes]:
    """Decrypt a whole sealed bundle held in memory (tests, tools); the importer streams instead."""
    reader = SealedReader(io.BufferedReader(io.BytesIO(sealed)), box_private)
    reader.manifest()
    out = io.BytesIO()
    reader.body_into(out, len(sealed))
    return reader.head, out.getvalue()


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
