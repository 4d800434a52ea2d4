"""The journal: audit trail (全过程留痕) and sync outbox, written by a session hook.

Every flush that adds, changes or tombstones a record of a ``SyncMixin`` class writes one
:class:`JournalEntry` per record in the same transaction, so no service can forget it. The hook also
maintains ``rev``, ``updated_at`` and ``origin`` and enforces the single-writer rule.

``session.info`` carries the context: ``site`` (local site code), ``user`` (login name) and, while a
bundle is applied, ``sync_apply=True`` (incoming revisions are stored as they are).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, String, Text, event, inspect, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.types import TypeDecorator

from yichao.models import text as _text  # noqa: F401 - cleans every short text column (bidi, controls)
from yichao.models.base import Base, UTCDateTime, new_uid, table_of, utcnow
from yichao.models.bulk import RowContext, insert_rows, insert_values, stored_values, update_rows
from yichao.models.db import JOURNAL_LOCK
from yichao.models.errors import ForeignRecordError, StaleRecord, UserError
from yichao.models.registry import import_all
from yichao.models.sort_key import fill_rows as fill_sort_keys


class JournalEntry(Base):
    """One change or event. ``id`` is the local sequence: the order of the sync outbox."""

    __tablename__ = "journal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    site: Mapped[str] = mapped_column(String(12), default="")
    user: Mapped[str] = mapped_column(String(64), default="", index=True)
    entity: Mapped[str] = mapped_column(String(64), index=True)
    uid: Mapped[str] = mapped_column(String(36), default="", index=True)
    rev: Mapped[int] = mapped_column(Integer, default=0)
    op: Mapped[str] = mapped_column(String(24), index=True)
    # the record after the change (JSON object), or the event's details
    data: Mapped[str] = mapped_column(Text, default="{}")
    # for updates: the previous values of the changed columns (JSON object)
    before: Mapped[str] = mapped_column(Text, default="{}")
    origin: Mapped[str] = mapped_column(String(12), default="", index=True)
    # the PC that made the change (``site_pc.id``): several district PCs share one database
    pc: Mapped[str] = mapped_column(String(36), default="", server_default="")


# Operations that change records; everything else in the journal is an event (login, reveal, ...).
CHANGE_OPS = ("insert", "update", "delete")


def to_jsonable(value: Any) -> Any:
    """A column value as JSON: dates as ISO text, decimals as text."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def record_dict(obj: Any) -> dict[str, Any]:
    """Column values of a mapped object, JSON-ready, keyed by attribute name.

    Columns a class lists in ``__journal_exclude__`` (password hashes, full identity numbers) never
    reach the journal.
    """
    mapper = inspect(obj).mapper
    hidden = getattr(type(obj), "__journal_exclude__", ())
    return {
        attr.key: to_jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in hidden
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def _is_journaled(obj: Any) -> bool:
    return bool(getattr(type(obj), "__journaled__", False))


def _changed_before(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    derived = getattr(type(obj), "__sort_keys__", {})  # follows its name: not a change of its own
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if attr.key in getattr(type(obj), "__journal_exclude__", ()) or attr.key in derived:
            continue
        if hist.has_changes() and hist.deleted:
            before[attr.key] = to_jsonable(hist.deleted[0])
    return before


def _stamp(session: Session, obj: Any, op: str) -> JournalEntry:
    info = session.info
    site = info.get("site", "")
    if info.get("sync_apply"):
        return JournalEntry(
            site=site, user=info.get("user", ""), entity=type(obj).__tablename__, uid=obj.uid,
            rev=obj.rev, op=op, data=dumps(record_dict(obj)), origin=obj.origin, pc=info.get("pc", ""),
        )
    if op == "insert":
        if not obj.uid:
            obj.uid = new_uid()
        if not obj.origin:
            obj.origin = site
        obj.rev = 1
        before: dict[str, Any] = {}
    else:
        if obj.origin and site and obj.origin != site:
            raise ForeignRecordError(
                f"这条记录属于站点 {obj.origin}，只能由该站点修改。"
            )
        before = _changed_before(obj)
        obj.rev = (obj.rev or 0) + 1
    obj.updated_at = utcnow()
    return JournalEntry(
        site=site, user=info.get("user", ""), entity=type(obj).__tablename__, uid=obj.uid,
        rev=obj.rev, op=op, data=dumps(record_dict(obj)), before=dumps(before), origin=obj.origin,
        pc=info.get("pc", ""),
    )


def hold_journal(session: Session) -> None:
    """Before this transaction writes journal rows on PostgreSQL: share the journal lock until it
    ends, so an export that reads "the last journal id" first waits for every transaction that has
    drawn an id and not yet committed (issue 19 point 3: no change skipped by the sync outbox)."""
    if session.info.get("_journal_held"):
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": JOURNAL_LOCK})
    session.info["_journal_held"] = True


@event.listens_for(Session, "after_transaction_end")
def _journal_released(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the lock ends with the outermost transaction
        session.info.pop("_journal_held", None)


def _check_not_stale(session: Session, changed: list[Any]) -> None:
    """On a database several PCs share: lock the records about to change and refuse when another PC
    changed one since it was read (its rev moved on), rather than overwrite that change and write a
    second journal row with the same rev."""
    if not changed or session.get_bind().dialect.name == "sqlite":
        return
    by_table: dict[Any, dict[str, int]] = {}
    for obj in changed:
        by_table.setdefault(table_of(type(obj)), {})[obj.uid] = obj.rev
    for table, revs in by_table.items():
        uids = list(revs)
        for i in range(0, len(uids), 500):
            stmt = select(table.c.uid, table.c.rev).where(table.c.uid.in_(uids[i:i + 500])).with_for_update()
            for uid, rev in session.execute(stmt):
                if rev != revs[uid]:
                    raise StaleRecord("另一台电脑刚刚修改了同一条记录，这次修改没有保存：请重新打开这条记录后再改。")


def _only_derived(obj: Any) -> bool:
    """Whether every changed column is one the class declares ``__derived__``: a site's own view
    computed from other records (a passbook's totals from its merged ledger), which any site may
    move and which is neither a change of the record nor journaled."""
    derived = getattr(type(obj), "__derived__", ())
    if not derived:
        return False
    state = inspect(obj)
    return all(attr.key in derived for attr in state.mapper.column_attrs
               if state.attrs[attr.key].history.has_changes())


@event.listens_for(Session, "before_flush")
def _journal_before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    """Write a journal row for every new, changed or tombstoned synced record."""
    entries: list[JournalEntry] = []
    for obj in list(session.new):
        if _is_journaled(obj):
            entries.append(_stamp(session, obj, "insert"))
    changed = [obj for obj in list(session.dirty)
               if _is_journaled(obj) and session.is_modified(obj, include_collections=False)
               and not _only_derived(obj)]
    if changed and not session.info.get("sync_apply"):
        _check_not_stale(session, changed)
    for obj in changed:
        state = inspect(obj)
        became_deleted = state.attrs["deleted"].history.added == [True]
        entries.append(_stamp(session, obj, "delete" if became_deleted else "update"))
    for obj in list(session.deleted):
        if _is_journaled(obj):
            raise UserError("同步记录不能被物理删除，只能标记为已删除。")
    if entries or any(isinstance(obj, JournalEntry) for obj in session.new):
        hold_journal(session)
    session.add_all(entries)


def record_event(
    session: Session, op: str, entity: str = "", uid: str = "", detail: dict[str, Any] | None = None
) -> None:
    """Journal an event that is not a record change: login, failed login, refusal, reveal, backup."""
    info = session.info
    session.add(
        JournalEntry(
            site=info.get("site", ""), user=info.get("user", ""), entity=entity, uid=uid, rev=0,
            op=op, data=dumps(detail or {}), origin=info.get("site", ""), pc=info.get("pc", ""),
        )
    )


def _json_default(value: Any) -> Any:
    """What :func:`dumps` does with a value JSON lacks: :func:`to_jsonable`, else its text."""
    if type(value) is datetime or type(value) is date:  # nearly every call: updated_at, dates
        return value.isoformat()
    converted = to_jsonable(value)
    return str(value) if converted is value else converted


# one encoder for every bulk row (json.dumps with options builds a new one per call)
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def _dumps_record(data: dict[str, Any]) -> str:
    """``dumps`` of column values as they are: the encoder converts dates and decimals itself
    (the same text as ``dumps({k: to_jsonable(v)})``, without a Python call per value)."""
    return _RECORD_ENCODER.encode(data)


def bulk_insert(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> int:
    """Insert many new synced records with their journal rows, by Core bulk inserts.

    The fast path for imports, the demo and print runs (DESIGN.md section 8: Core inserts cost 2.5x
    raw sqlite, the ORM's bulk insert 3.7x, ORM objects 21x). Fills uid, origin, rev and updated_at
    like the hook does, and journals each row, in the caller's transaction. Rows are keyed by
    attribute name; a missing or None value of a column with a default takes the default (as an
    ORM insert would), and the journal records what is stored.
    """
    if not rows:
        return 0
    fill_sort_keys(model, rows)
    if session.autoflush:  # as an ORM insert does: rows may refer to records added just before
        session.flush()
    info = session.info
    site, user, now, pc = info.get("site", ""), info.get("user", ""), utcnow(), info.get("pc", "")
    attrs = inspect(model).column_attrs
    columns = [attr.key for attr in attrs]
    hidden = getattr(model, "__journal_exclude__", ())
    scalar_defaults: dict[str, Any] = {}
    callable_defaults: dict[str, Any] = {}
    for attr in attrs:
        default = attr.columns[0].default
        if default is None or attr.key in ("uid", "updated_at"):
            continue
        if default.is_callable:
            callable_defaults[attr.key] = default.arg
        elif default.is_scalar:
            scalar_defaults[attr.key] = default.arg
    template = dict.fromkeys(columns)
    template.update(scalar_defaults)
    journal_columns = [key for key in columns if key not in hidden]
    entity = model.__tablename__
    full_rows: list[dict[str, Any]] = []
    journal_rows: list[dict[str, Any]] = []
    for row in rows:
        full = {**template, **row}
        if None in row.values():  # an explicit None takes the column's default, as in an ORM insert
            for key, value in scalar_defaults.items():
                if full[key] is None:
                    full[key] = value
        for key, make in callable_defaults.items():
            if full[key] is None:
                full[key] = make(RowContext(full))
        if full["uid"] is None:
            full["uid"] = new_uid()
        if full["origin"] is None:
            full["origin"] = site
        full["rev"] = 1
        full["updated_at"] = now
        if full["deleted"] is None:
            full["deleted"] = False
        full_rows.append(full)
        exact = len(full) == len(columns) and not hidden  # no extra keys, nothing to leave out
        journal_rows.append({
            "at": now, "site": site, "user": user, "entity": entity, "uid": full["uid"], "rev": 1, "op": "insert",
            "data": _dumps_record(full if exact else {k: full[k] for k in journal_columns}),
            "before": "{}", "origin": full["origin"], "pc": pc,
        })
    table = table_of(model)
    names = {attr.key: attr.columns[0].key for attr in attrs}
    if any(key != name for key, name in names.items()):  # Core speaks column keys
        full_rows = [{names.get(k, k): v for k, v in full.items()} for full in full_rows]
    hold_journal(session)
    session.execute(table.insert(), full_rows)
    session.execute(table_of(JournalEntry).insert(), journal_rows)
    return len(full_rows)


def bulk_apply(session: Session, model: type[Base], inserts: list[dict[str, Any]],
               updates: list[dict[str, Any]]) -> None:
    """Store incoming revisions (a bundle) as they are, journaled with their origin, by Core.

    The bulk twin of the hook's ``sync_apply`` branch: rows are complete records keyed by column
    name; uid/origin/rev/updated_at are kept as received. An update that sets ``deleted`` is
    journaled as a delete.
    """
    if not inserts and not updates:
        return
    fill_sort_keys(model, inserts)  # the receiver's own keys, whatever the sender's version made
    fill_sort_keys(model, updates)
    table = table_of(model)
    hidden = frozenset(getattr(model, "__journal_exclude__", ()))
    info = session.info
    site, user, pc = info.get("site", ""), info.get("user", ""), info.get("pc", "")
    journal = table_of(JournalEntry)
    at = stored_values(session, journal.c.at, [utcnow()])[0]
    entity = str(table.name)  # a plain str: the driver takes it as it is (not SQLAlchemy's quoted_name)
    times = _time_columns(table)
    entries = []  # the journal's rows as driver tuples of _ENTRY_COLUMNS, built here in one pass
    for op, rows in (("insert", inserts), ("update", updates)):
        for row in rows:
            data = dict(row)  # a copy (a C loop): without the hidden columns, times as text
            for key in hidden:
                data.pop(key, None)
            for key in times:  # as the encoder's default would, without a call back into Python
                value = data.get(key)
                if type(value) is datetime or type(value) is date:
                    data[key] = value.isoformat()
            entries.append((at, site, user, entity, row["uid"], row["rev"],
                            "delete" if op == "update" and row.get("deleted") else op, _dumps_record(data),
                            "{}", row["origin"], pc))
    hold_journal(session)
    insert_rows(session, table, inserts)
    update_rows(session, table, updates)
    insert_values(session, journal, _ENTRY_COLUMNS, entries)


def _time_columns(table: Any) -> tuple[str, ...]:
    """The columns of ``table`` that hold dates or times."""
    out = []
    for c in table.columns:
        kind = c.type
        while isinstance(kind, TypeDecorator):  # UTCDateTime and the like: what they store
            kind = kind.impl_instance
        with suppress(NotImplementedError):  # a type that names no Python type holds no time
            if kind.python_type in (datetime, date):
                out.append(c.key)
    return tuple(out)


# the journal's columns as bulk_apply writes them (``id`` is the database's)
_ENTRY_COLUMNS = ("at", "site", "user", "entity", "uid", "rev", "op", "data", "before", "origin", "pc")


def journaled_models() -> Iterable[type[Base]]:
    """Every mapped class that carries the sync mixin, in table dependency order."""
    import_all()  # a workspace opens with only the models sign-in needs
    by_table = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}
    for table in Base.metadata.sorted_tables:
        cls = by_table.get(table.name)
        if cls is not None and getattr(cls, "__journaled__", False):  # a class, not an object
            yield cls
