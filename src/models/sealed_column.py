"""Identity numbers encrypted at rest (issue 18 point 5): a column type that seals its values.

Values are sealed with AES-SIV, which is deterministic: the same number always gives the same
ciphertext, so ``Person.id_number == number``, ``IN`` lists and the unique index keep working on
the sealed values (SQLAlchemy seals the compared literal the same way), while the database file
alone reveals no number. The key belongs to the data folder (``yichao.app.core.datakey``) and is
attached to the engine's dialect when a workspace opens, so two workspaces in one process (a
street and its district in a test) each use their own.

The same key, never the database, keys the digest two records of one resident share
(:func:`match_digest`): a copied database holds no key to test guesses of a number against.

Stored form: ``"e1:" + base64(SIV tag + ciphertext)``; a value without the prefix is an old clear
value (before migration ``0016_sealed_ids`` ran) and is read as it is.
"""

from __future__ import annotations

import base64
import hmac
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy import String, text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from yichao.models.errors import UserError

PREFIX = "e1:"
KEY_ATTRIBUTE = "yichao_data_key"
_NO_KEY = "身份证号码的加密密钥不可用（数据文件夹的 keys/data.key），无法保存或读取身份证号码。"


def attach_key(dialect: Dialect, key: bytes | Callable[[], bytes | None]) -> None:
    """Seal and open this engine's identity numbers with ``key`` (64 bytes, AES-256-SIV), or with
    what ``key()`` returns when first needed (a shared database: the key is in its vault, opened
    after the schema is current and this PC is authorized)."""
    setattr(dialect, KEY_ATTRIBUTE, key)


def attached_key(dialect: Dialect) -> bytes | None:
    """The key attached to ``dialect`` (None when there is none yet)."""
    key = getattr(dialect, KEY_ATTRIBUTE, None)
    if callable(key):
        key = key()
    return key or None


def seal_clear_numbers(conn: Any, key: bytes, chunk: int = 5000) -> int:
    """Seal the identity numbers still stored in clear and fill their suffixes; how many."""
    rows = conn.execute(text(
        f"SELECT uid, id_number FROM person WHERE id_number IS NOT NULL AND id_number NOT LIKE '{PREFIX}%'")).all()
    updates = [{"uid": uid, "n": seal_value(key, number, b"person.id_number"), "s": number[-4:].upper()}
               for uid, number in rows]
    for i in range(0, len(updates), chunk):
        conn.execute(text("UPDATE person SET id_number = :n, id_suffix = :s WHERE uid = :uid"),
                     updates[i:i + chunk])
    return len(updates)


@lru_cache(maxsize=8)
def _siv(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESSIV  # lazy: not at start-up

    return AESSIV(key)


def _key(dialect: Dialect) -> bytes:
    key = attached_key(dialect)
    if not key:
        raise UserError(_NO_KEY)
    return key


def match_digest(dialect: Dialect, value: str, purpose: bytes) -> str:
    """A keyed digest of ``value`` that only this data folder can compute (HMAC-SHA256 under a key
    derived from the data key, bound to ``purpose``): equal values give equal digests."""
    return keyed_digest(_key(dialect), value, purpose)


def keyed_digest(key: bytes, value: str, purpose: bytes) -> str:
    """:func:`match_digest` under a given data key (a key being imported)."""
    return hmac.digest(_match_key(key, purpose), value.encode(), "sha256").hex()


def match_digester(dialect: Dialect, purpose: bytes) -> Callable[[str], str]:
    """:func:`match_digest` for many values (a bundle's residents): the key is looked up once."""
    key = _match_key(_key(dialect), purpose)
    digest = hmac.digest
    return lambda value: digest(key, value.encode(), "sha256").hex()


@lru_cache(maxsize=16)
def _match_key(key: bytes, purpose: bytes) -> bytes:
    """The key of one purpose's digests, derived once (a bundle's residents are digested by the
    hundred thousand)."""
    return hmac.digest(key, b"yichao match digest " + purpose, "sha256")


def seal_value(key: bytes, value: str, purpose: bytes) -> str:
    return PREFIX + base64.b64encode(_siv(key).encrypt(value.encode(), [purpose])).decode()


def open_value(key: bytes, value: str, purpose: bytes) -> str:
    from cryptography.exceptions import InvalidTag  # lazy: cryptography is kept out of start-up

    try:
        return _siv(key).decrypt(base64.b64decode(value[len(PREFIX):]), [purpose]).decode()
    except (InvalidTag, ValueError) as exc:
        raise UserError("身份证号码无法解密：这个数据库不是用本数据文件夹的密钥加密的。如果是从重装 Windows 之前的备份"
                        "恢复的，请用管理员账号导入当时导出的身份证号码密钥（yichao keys import-data-key）。") from exc


class SealedString(TypeDecorator[str]):
    """A short text column stored sealed; ``purpose`` binds a value to its column."""

    impl = String(64)
    cache_ok = True

    def __init__(self, purpose: str, length: int = 64) -> None:
        super().__init__(length)
        self.purpose = purpose.encode()

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None or value == "" or (isinstance(value, str) and value.startswith(PREFIX)):
            return value
        return seal_value(_key(dialect), str(value), self.purpose)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            return open_value(_key(dialect), value, self.purpose)
        return value
