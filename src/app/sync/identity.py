"""How the district tells that records of two streets are one resident: the one place to change.

The policy (``privacy.py``, README "Privacy"): a street's bundle to its district carries residents'
full identity numbers, and nothing that protects a number travels: no mask-plus-hash, no hash key.
The receiver computes each resident's match key itself (:func:`stamp_person_keys`): a keyed digest
under a key derived from its own data key (``keys/data.key``, which never leaves the data folder
and is not in the database), kept in :class:`SyncHash`. Two records are one person when their
match keys are equal, so a resident registered in two streets is found even after the second
record's number gave way to the unique index. A copied database holds the digests but no key to
test a guessed number (a birth date) against them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.models.base import table_of
from yichao.models.bulk import select_in
from yichao.models.sealed_column import match_digest, match_digester
from yichao.models.sync import SyncHash

PERSON, ID_COLUMN = "person", "id_number"
PURPOSE = b"person.id_number"


def person_key(session: Session, number: str) -> str:
    """The match key of an identity number at this site (see the module's docstring)."""
    return match_digest(session.get_bind().dialect, number.strip().upper(), PURPOSE)


def stamp_person_keys(session: Session, records: dict[str, list[dict[str, Any]]]) -> None:
    """Give every received resident with a number its match key (``row["__hashes__"]``), computed
    here; whatever digest a sender put in its bundle is dropped."""
    rows = records.get(PERSON, ())
    if not rows:
        return
    digest = match_digester(session.get_bind().dialect, PURPOSE)  # person_key, the key found once
    for row in rows:
        row.pop("__hashes__", None)
        number = row.get(ID_COLUMN)
        if isinstance(number, str) and number:
            row["__hashes__"] = {ID_COLUMN: digest(number.strip().upper())}


def incoming_person_keys(hashes: Iterable[tuple[str, str, str, str]]) -> dict[str, str]:
    """uid -> match key for the people of a bundle (from its ``(entity, uid, column, digest)``)."""
    return {u: h for t, u, c, h in hashes if t == PERSON and c == ID_COLUMN}


def stored_person_keys(session: Session, keys: Iterable[str] | None = None,
                       uids: Iterable[str] | None = None) -> dict[str, str]:
    """uid -> match key of the people this site already holds (all, or those with the given keys
    or uids)."""
    stmt = select(SyncHash.uid, SyncHash.digest).where(SyncHash.entity == PERSON, SyncHash.column == ID_COLUMN)
    if keys is None and uids is None:
        return dict(session.execute(stmt).all())
    out: dict[str, str] = {}
    table, kind = table_of(SyncHash), {"entity": PERSON, "column": ID_COLUMN}
    for values, col in ((sorted(set(keys or ())), "digest"), (sorted(set(uids or ())), "uid")):
        out.update(select_in(session, table, ("uid", "digest"), col, values, kind))  # a bundle's worth
    return out
