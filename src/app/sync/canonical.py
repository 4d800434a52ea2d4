"""A canonical dump of the synced records: what two sites compare to prove they agree.

One line per record, ``table uid JSON``, sorted; columns that are local to a site (``is_local``)
or private (full identity numbers, which never leave the street) are left out, so a street and
its district produce the same lines for the street's records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import select

from yichao.app.core.workspace import Workspace
from yichao.app.sync.records import canonical_json, encode_row, table_codecs


def canonical_lines(ws: Workspace, origins: Iterable[str] | None = None) -> list[str]:
    """Every synced record (of the given origins), canonically encoded and sorted."""
    wanted = set(origins) if origins is not None else None
    lines: list[str] = []
    with ws.read() as session:
        for name, codec in table_codecs().items():
            t = codec.model.__table__  # type: ignore[attr-defined]
            stmt = select(t)
            if wanted is not None:
                stmt = stmt.where(t.c.origin.in_(sorted(wanted)))
            skip = set(codec.private) | set(codec.local)
            for row in session.execute(stmt).mappings():
                data = {k: v for k, v in encode_row(codec, row).items() if k not in skip}
                lines.append(f"{name} {row['uid']} {canonical_json(data)}")
    lines.sort()
    return lines


def canonical_digest(ws: Workspace, origins: Iterable[str] | None = None) -> str:
    h = hashlib.sha256()
    for line in canonical_lines(ws, origins):
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()
