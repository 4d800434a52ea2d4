"""The identity numbers' key kept outside the PC: wrapped with a passphrase (issue 18 point 5).

On Windows ``keys/data.key`` is protected with DPAPI for one Windows account, so reinstalling
Windows loses it, and with it every identity number in every backup. The administrator therefore
keeps an export: the 64-byte key sealed with AES-256-GCM under a key derived from a passphrase
with scrypt (``cryptography``), in a small JSON file. The header (format, site, scrypt
parameters, salt) is the associated data, so changing any byte of the file makes it unreadable;
a separate check value derived from the passphrase tells a wrong passphrase from a changed file.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from yichao.app.core.errors import UserError

FORMAT = "yichao-data-key"
VERSION = 1
MIN_PASSPHRASE = 10
_N, _R, _P = 2**15, 8, 1  # 32 MiB and about 0.1 s per guess
MAX_FILE = 16 * 1024
_CHECK = b"yichao data key passphrase check"
NOT_A_KEY_FILE = "这不是益巢的身份证号码密钥备份文件，或者文件已损坏。"
WRONG_PASSPHRASE = "密钥备份文件的口令不对，没有导入任何内容。"
TAMPERED = "密钥备份文件已被改动或损坏（口令正确，但内容通不过校验），没有导入任何内容。"


@dataclass(frozen=True)
class WrappedKey:
    """What an export file holds once opened: the key and the site it belongs to."""

    key: bytes
    site_code: str
    site_name: str
    made_at: str


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError(f"密钥备份的口令至少需要 {MIN_PASSPHRASE} 个字符（它是拿到文件的人唯一要猜的东西）。")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """(sealing key, check key) from the passphrase."""
    # cryptography only when a key file is made or opened: the start-up path stays light
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    out = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return out[:32], out[32:]


def _header_bytes(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def wrap_key(key: bytes, passphrase: str, site_code: str, site_name: str, made_at: str) -> bytes:
    """The export file's bytes for ``key`` (see the module's docstring)."""
    # cryptography only when a key file is made or opened: the start-up path stays light
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": FORMAT, "version": VERSION, "site": site_code, "site_name": site_name,
              "made_at": made_at, "kdf": {"name": "scrypt", "n": _N, "r": _R, "p": _P, "salt": salt.hex()}}
    seal_key, check_key = _derive(passphrase, salt, _N, _R, _P)
    sealed = AESGCM(seal_key).encrypt(nonce, key, _header_bytes(header))
    doc = dict(header, nonce=nonce.hex(), sealed=base64.b64encode(sealed).decode("ascii"),
               check=hmac.new(check_key, _CHECK, hashlib.sha256).hexdigest())
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _parse(data: bytes) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header (as signed) and the rest of an export file, or one sentence."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise ValueError("format")
        kdf = doc["kdf"]
        header = {k: doc[k] for k in ("format", "version", "site", "site_name", "made_at", "kdf")}
        if (doc["version"] != VERSION or not isinstance(kdf, dict) or kdf.get("name") != "scrypt"
                or not all(isinstance(kdf.get(k), int) and not isinstance(kdf.get(k), bool) for k in "nrp")
                or not all(isinstance(header[k], str) for k in ("site", "site_name", "made_at"))):
            raise ValueError("header")
        if not (2**14 <= kdf["n"] <= 2**20 and kdf["n"] & (kdf["n"] - 1) == 0 and 1 <= kdf["r"] <= 16
                and 1 <= kdf["p"] <= 4):  # bounded: a crafted file cannot make us spend gigabytes
            raise ValueError("kdf")
        rest = {"salt": bytes.fromhex(kdf["salt"]), "nonce": bytes.fromhex(doc["nonce"]),
                "sealed": base64.b64decode(doc["sealed"], validate=True), "check": bytes.fromhex(doc["check"])}
        if len(rest["nonce"]) != 12 or len(rest["salt"]) < 16:
            raise ValueError("nonce")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UserError(NOT_A_KEY_FILE) from exc
    return header, rest


def unwrap_key(data: bytes, passphrase: str) -> WrappedKey:
    """Open an export file: a wrong passphrase and a changed file are each one sentence."""
    # cryptography only when a key file is made or opened: the start-up path stays light
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) > MAX_FILE:
        raise UserError(NOT_A_KEY_FILE)
    header, rest = _parse(data)
    kdf = header["kdf"]
    seal_key, check_key = _derive(passphrase, rest["salt"], kdf["n"], kdf["r"], kdf["p"])
    if not hmac.compare_digest(hmac.new(check_key, _CHECK, hashlib.sha256).digest(), rest["check"]):
        raise UserError(WRONG_PASSPHRASE)
    try:
        key = AESGCM(seal_key).decrypt(rest["nonce"], rest["sealed"], _header_bytes(header))
    except InvalidTag as exc:
        raise UserError(TAMPERED) from exc
    if len(key) != 64:
        raise UserError(TAMPERED)
    return WrappedKey(key, header["site"], header["site_name"], header["made_at"])
