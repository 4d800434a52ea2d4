"""Many rows in few round trips, below the Core statement machinery (issue 19 point 6).

``session.execute(table.insert(), rows)`` costs SQLAlchemy a compiled parameter set per row (about
half of a 200,000-record import went there, DESIGN.md section 8). These helpers take rows keyed by
column name, run each column's bind processor once per value (the same conversion Core does:
time zones, dates as SQLite text, ...), and hand the driver plain tuples in pages:

- SQLite: one ``executemany`` per page;
- PostgreSQL: inserts by ``COPY ... FROM STDIN`` (one stream per page), updates by ``executemany``,
  which psycopg 3 sends in one pipeline.

They run on the session's connection, inside its transaction, and a driver error comes back as
SQLAlchemy's (``IntegrityError``, ``DataError``), as from ``session.execute``. Missing columns take
the column's Python-side default, as a Core insert would; columns with neither a value nor a Python
default are left to the database (server default or NULL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session

PAGE = 5000  # rows per driver call: bounded memory, few round trips

_Proc = Callable[[Any], Any]


def _processor(column: Column[Any], dialect: Dialect) -> _Proc | None:
    """The column's bind processor for this very dialect: a sealed column's processor reads the
    key attached to its engine's dialect (two workspaces in one process, two keys), so it is
    never shared across engines (SQLAlchemy memoizes the type's dialect implementation itself)."""
    return column.type.dialect_impl(dialect).bind_processor(dialect)


class RowContext:
    """What a context-sensitive column default (one computed from the row's other values) asks
    of SQLAlchemy's execution context."""

    def __init__(self, row: dict[str, Any]) -> None:
        self._row = row

    def get_current_parameters(self, isolate_multiinsert_groups: bool = True) -> dict[str, Any]:
        return self._row


def _placeholders(dialect: Dialect, count: int) -> list[str]:
    style = dialect.paramstyle
    if style == "qmark":
        return ["?"] * count
    if style in ("format", "pyformat"):
        return ["%s"] * count
    if style == "numeric":
        return [f":{i + 1}" for i in range(count)]
    if style == "numeric_dollar":
        return [f"${i + 1}" for i in range(count)]
    raise NotImplementedError(f"paramstyle {style}")


def _by_keys(rows: Sequence[dict[str, Any]]) -> Iterator[tuple[tuple[str, ...], list[dict[str, Any]]]]:
    """Rows grouped by their set of keys (nearly always one group), in first-seen order."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        groups.setdefault(tuple(row), []).append(row)
    yield from groups.items()


# values equal to the previous one give the same stored value (times are stored in UTC): converted once
_SAME_WHEN_EQUAL = frozenset({datetime, date, bool, int, str})


def _convert(values: Sequence[Any], proc: _Proc) -> list[Any]:
    """One column's values through its processor; a run of equal values (one ``now`` for a
    whole batch) is converted once."""
    out: list[Any] = []
    last: Any = _convert  # matches nothing
    done: Any = None
    for v in values:
        if v is None:
            out.append(None)
            continue
        if v is not last and not (type(v) is type(last) and type(v) in _SAME_WHEN_EQUAL and v == last):
            last, done = v, proc(v)
        out.append(done)
    return out


def _tuples(rows: Sequence[dict[str, Any]], keys: Sequence[str], procs: Sequence[_Proc | None]) -> list[tuple]:
    """Rows as tuples in ``keys`` order, each value through its column's processor (column by
    column: the rows are transposed, converted where a column needs it, and transposed back)."""
    if len(keys) == 1:
        get1 = itemgetter(keys[0])
        values: list[tuple] = [(get1(r),) for r in rows]
    else:
        get = itemgetter(*keys)
        values = [get(r) for r in rows]
    conv = [(i, p) for i, p in enumerate(procs) if p is not None]
    if not conv or not values:
        return values
    columns: list[Sequence[Any]] = list(zip(*values))
    for i, p in conv:
        columns[i] = _convert(columns[i], p)
    return list(zip(*columns))


def _defaults(table: Table, keys: Sequence[str]) -> dict[str, Any]:
    """Python-side defaults of the columns the rows lack: name -> scalar or callable."""
    out: dict[str, Any] = {}
    for c in table.columns:
        d = c.default
        if c.name in keys or d is None or not (d.is_scalar or d.is_callable):
            continue
        out[c.name] = d.arg  # type: ignore[attr-defined]
    return out


def _wrap(conn: Connection, sql: str, exc: Exception) -> StatementError:
    dialect = conn.dialect
    return DBAPIError.instance(sql, None, exc, dialect.loaded_dbapi.Error,
                               hide_parameters=True, dialect=dialect)


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """INSERT ``rows`` (dicts by column name) into ``table``; returns how many."""
    if not rows:
        return 0
    conn = session.connection()
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    for keys, group in _by_keys(rows):
        defaults = _defaults(table, keys)
        if defaults:  # fill them in, as Core does for a column missing from the parameters
            filled = []
            for r in group:
                r = dict(r)
                for name, d in defaults.items():
                    r[name] = d(RowContext(r)) if callable(d) else d
                filled.append(r)
            group, keys = filled, (*keys, *defaults)
        columns = [table.c[k] for k in keys]
        procs = [_processor(c, dialect) for c in columns]
        names = ", ".join(prep.quote(c.name) for c in columns)
        if dialect.name == "postgresql":
            sql = f"COPY {prep.format_table(table)} ({names}) FROM STDIN"
            for i in range(0, len(group), PAGE):
                values = _tuples(group[i:i + PAGE], keys, procs)
                try:
                    with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
                        with cur.copy(sql) as copy:
                            for v in values:
                                copy.write_row(v)
                except conn.dialect.loaded_dbapi.Error as exc:
                    raise _wrap(conn, sql, exc) from exc
            continue
        sql = (f"INSERT INTO {prep.format_table(table)} ({names}) "
               f"VALUES ({', '.join(_placeholders(dialect, len(keys)))})")
        for i in range(0, len(group), PAGE):
            conn.exec_driver_sql(sql, _tuples(group[i:i + PAGE], keys, procs))
    return len(rows)


def update_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]], key: str = "uid") -> int:
    """UPDATE ``table`` from ``rows`` (dicts by column name), each matched by its ``key`` column,
    setting the other columns it carries; returns how many rows were given."""
    if not rows:
        return 0
    conn = session.connection()
    dialect = conn.dialect
    prep = dialect.identifier_preparer
    for keys, group in _by_keys(rows):
        sets = [k for k in keys if k != key]
        if not sets:
            continue
        order = [*sets, key]
        columns = [table.c[k] for k in order]
        procs = [_processor(c, dialect) for c in columns]
        marks = _placeholders(dialect, len(order))
        sql = (f"UPDATE {prep.format_table(table)} SET "
               f"{', '.join(f'{prep.quote(c.name)} = {m}' for c, m in zip(columns[:-1], marks))} "
               f"WHERE {prep.quote(table.c[key].name)} = {marks[-1]}")
        for i in range(0, len(group), PAGE):
            conn.exec_driver_sql(sql, _tuples(group[i:i + PAGE], order, procs))
    return len(rows)
