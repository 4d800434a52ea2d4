"""Verification codes: 8 characters derived from the certificate and a secret key of the site.

The code is an HMAC-SHA256 of what identifies the certificate (serial, kind, recipient, date, subject),
keyed with 32 random bytes kept in the data folder (``keys/certificate.key``; on a district's shared
database sealed in the database, so every authorized PC holds it), written in Crockford's
base-32 (no I, L, O, U: nothing to misread on paper). Checking needs no network: the code finds the
register entry, and on the issuing site the key re-derives the code from the recorded data, so an
edited register entry or an invented code does not pass.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from functools import lru_cache
from pathlib import Path

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import replace_with_retry
from yichao.app.core.vault import CERTIFICATE
from yichao.app.core.workspace import Workspace

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8
KEY_FILE = Path("keys") / "certificate.key"
QR_PREFIX = "YC"
_SHIFTS = tuple(range(5 * (CODE_LENGTH - 1), -1, -5))  # most significant 5 bits first
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def key_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEY_FILE


def site_key(ws: Workspace, *, create: bool = True) -> bytes | None:
    """The site's certificate key: on a district's shared database the one sealed in it (the same on
    every authorized PC, issue 19), else the data folder's, made on first use."""
    shared = ws.secret(CERTIFICATE)
    if shared is not None:
        return shared
    return folder_key(ws.data_dir, create=create)


def folder_key(data_dir: Path, *, create: bool = True) -> bytes | None:
    """The certificate key kept in this PC's data folder (a site whose database only it uses)."""
    path = key_path(data_dir)
    if path.exists():
        try:
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
        except (OSError, ValueError) as exc:
            raise UserError(f"证书密钥文件 {path} 已损坏，请从备份恢复。") from exc
    if not create:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(secrets.token_hex(32), encoding="ascii")
    os.chmod(tmp, 0o600)
    replace_with_retry(tmp, path)  # antivirus holds a file just written for a moment (Windows)
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


@lru_cache(maxsize=4)
def _keyed(key: bytes) -> hmac.HMAC:
    """An HMAC-SHA256 already keyed: a copy per certificate skips setting the key up a thousand times."""
    return hmac.new(key, digestmod=hashlib.sha256)


def derive_code(key: bytes, serial: str, kind: str, recipient: str, issued_on: str, subject_uid: str) -> str:
    """The 8-character code of one certificate (stored without the hyphen)."""
    message = "\x1f".join((serial, kind, recipient, issued_on, subject_uid)).encode("utf-8")
    mac = _keyed(key).copy()
    mac.update(message)
    number = int.from_bytes(mac.digest()[:5], "big")  # 40 bits -> 8 base-32 characters
    return "".join([ALPHABET[number >> shift & 31] for shift in _SHIFTS])


def display_code(code: str) -> str:
    """``ABCD2345`` -> ``ABCD-2345`` as printed."""
    return f"{code[:4]}-{code[4:]}"


def qr_payload(serial: str, code: str) -> str:
    """What the QR code holds: upper-case and ``:-`` only, so it stays a small alphanumeric QR."""
    return f"{QR_PREFIX}:{serial}:{code}"


def normalize_code(text: str) -> str:
    """What a person typed or scanned -> the stored code; refuses text that cannot be a code."""
    raw = (text or "").strip().upper()
    if raw.startswith(f"{QR_PREFIX}:") and raw.count(":") >= 2:
        raw = raw.rsplit(":", 1)[1]
    cleaned = re.sub(r"[\s\-–—_]", "", raw).translate(_CONFUSABLE)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise UserError(f"“{text.strip()}”不是有效的验证码格式，验证码是 8 位字母和数字，如 ABCD-2345。")
    return cleaned
