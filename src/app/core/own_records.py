"""Add or change a record this site owns: the one shape of every simple "save" service."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from yichao.app.core.errors import NotFound, UserError
from yichao.models.base import SyncMixin

T = TypeVar("T", bound=SyncMixin)


def save_own(session: Session, model: type[T], uid: str | None, values: dict[str, Any], site: str, *,
             missing: str, foreign: str) -> T:
    """A new record from ``values`` when ``uid`` is None, else the record updated with them.

    ``missing`` is the sentence for an unknown or deleted uid; ``foreign`` the one for a record
    another site owns (single writer: the district's rules and catalog are read-only at a street).
    """
    if uid is None:
        record = model(**values)
        session.add(record)
    else:
        found = session.get(model, uid)
        if found is None or found.deleted:
            raise NotFound(missing)
        record = found
        if record.origin != site:
            raise UserError(foreign)
        for key, value in values.items():
            setattr(record, key, value)
    session.flush()
    return record
