"""How the district tells that records of two streets are one resident: the one place to change.

Today a person's identity number travels as a keyed hash (HMAC with the district-wide key, see
``privacy.protect``) and is stored in :class:`SyncHash`; two records are one person when their
digests are equal. If the security work replaces the hash (issue 18), only these two functions
change: the conflict finder and the district's views call nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from yichao.models.sync import SyncHash

PERSON, ID_COLUMN = "person", "id_number"
CHUNK = 500


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
    for values, col in ((sorted(set(keys or ())), SyncHash.digest), (sorted(set(uids or ())), SyncHash.uid)):
        for i in range(0, len(values), CHUNK):
            out.update(session.execute(stmt.where(col.in_(values[i:i + CHUNK]))).all())
    return out
