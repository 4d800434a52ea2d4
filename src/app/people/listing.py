"""Rows for `yichao list`: JSON-ready dicts, never a full identity number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yichao.app.core.communities import community_names
from yichao.app.core.workspace import Workspace
from yichao.app.people.residents import count_people, query_people

PAGE = 5000


def people_rows(ws: Workspace) -> Iterator[dict[str, Any]]:
    names = community_names(ws)
    total = count_people(ws)
    for offset in range(0, total, PAGE):
        for p in query_people(ws, offset=offset, limit=PAGE):
            yield {
                "uid": p.uid, "name": p.name, "gender": p.gender, "id_number": p.id_masked,
                "phone": p.phone, "community": names.get(p.community_uid or "", ""),
                "volunteer": p.is_volunteer,
            }
