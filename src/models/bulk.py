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

A big write on SQLite (a bundle of 200,000 changes) also gets :func:`big_write`: a page cache that
holds the indexes it grows (with the default 2 MB every insert at a random place in an index reads
and spills pages), and the secondary indexes of a table that at least doubles dropped before and
built again after, in the same transaction (one sort instead of as many inserts at random places).
While such a write builds its rows, :func:`paused_gc` keeps the cyclic garbage collector out.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from operator import add, itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session

PAGE = 5000  # rows per driver call: bounded memory, few round trips
BIG = 20_000  # rows from which a write on SQLite is a big one (big_write)
BIG_CACHE_KIB = 256 * 1024  # its page cache: what the indexes of a few hundred thousand records take

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


def _tuples(rows: Sequence[dict[str, Any]], plain: Sequence[str], converted: Sequence[str],
            procs: Sequence[_Proc | None]) -> list[tuple]:
    """Rows as tuples: the ``plain`` columns' values as they are (one C-level pick per row), then
    the ``converted`` columns' values through their processors (``procs``; None: as they are),
    column by column."""
    if len(plain) > 1:
        values: list[tuple] = list(map(itemgetter(*plain), rows))
    elif plain:
        key = plain[0]
        values = [(r[key],) for r in rows]
    else:
        values = [()] * len(rows)
    if not converted:
        return values
    columns = [[r[k] for r in rows] for k in converted]
    columns = [_convert(c, p) if p is not None else c for c, p in zip(columns, procs)]
    return list(map(add, values, zip(*columns)))


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


def _arranged(conn: Connection, table: Table, keys: Sequence[str],
              last: str | None = None) -> tuple[list[str], list[str], list[_Proc | None]]:
    """How rows carrying ``keys`` are sent (the one set-up of inserts and updates): the columns
    whose values go as they are, then those a bind processor of this connection's dialect
    converts, with those processors; ``last`` (an update's key) at the very end."""
    procs = {k: _processor(table.c[k], conn.dialect) for k in keys}
    plain = [k for k in keys if procs[k] is None and k != last]
    converted = [k for k in keys if procs[k] is not None and k != last]
    if last is not None:
        converted.append(last)
    return plain, converted, [procs[k] for k in converted]


def _names(conn: Connection, table: Table, keys: Sequence[str]) -> list[str]:
    quote = conn.dialect.identifier_preparer.quote
    return [quote(table.c[k].name) for k in keys]


def _pages(rows: Sequence[dict[str, Any]], plain: Sequence[str], converted: Sequence[str],
           procs: Sequence[_Proc | None]) -> Iterator[list[tuple]]:
    """The rows as driver tuples, ``PAGE`` at a time."""
    for i in range(0, len(rows), PAGE):
        yield _tuples(rows[i:i + PAGE], plain, converted, procs)


def _with_defaults(table: Table, keys: tuple[str, ...],
                   rows: list[dict[str, Any]]) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """Rows with the Python-side defaults of the columns they lack, as Core fills them in."""
    defaults = _defaults(table, keys)
    if not defaults:
        return keys, rows
    filled = []
    for r in rows:
        r = dict(r)
        for name, d in defaults.items():
            r[name] = d(RowContext(r)) if callable(d) else d
        filled.append(r)
    return (*keys, *defaults), filled


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """INSERT ``rows`` (dicts by column name) into ``table``; returns how many."""
    if not rows:
        return 0
    conn = session.connection()
    for keys, group in _by_keys(rows):
        keys, group = _with_defaults(table, keys, group)
        plain, converted, procs = _arranged(conn, table, keys)
        _insert_pages(conn, table, [*plain, *converted], _pages(group, plain, converted, procs))
    return len(rows)


def insert_values(session: Session, table: Table, columns: Sequence[str], values: Sequence[tuple]) -> int:
    """INSERT rows given as tuples of ``columns``' values as stored (see :func:`stored_values`):
    for a caller that builds its rows itself (the journal's), no dict per row; returns how many."""
    if values:
        pages = (list(values[i:i + PAGE]) for i in range(0, len(values), PAGE))
        _insert_pages(session.connection(), table, columns, pages)
    return len(values)


def _insert_pages(conn: Connection, table: Table, columns: Sequence[str], pages: Iterable[list[tuple]]) -> None:
    """Pages of driver tuples of ``columns`` into ``table``: COPY on PostgreSQL, else executemany."""
    dialect = conn.dialect
    target = dialect.identifier_preparer.format_table(table)
    names = _names(conn, table, columns)
    if dialect.name == "postgresql":
        sql = f"COPY {target} ({', '.join(names)}) FROM STDIN"
        for values in pages:
            try:
                with conn.connection.driver_connection.cursor() as cur:  # type: ignore[union-attr]
                    with cur.copy(sql) as copy:
                        for v in values:
                            copy.write_row(v)
            except dialect.loaded_dbapi.Error as exc:
                raise _wrap(conn, sql, exc) from exc
        return
    sql = f"INSERT INTO {target} ({', '.join(names)}) VALUES ({', '.join(_placeholders(dialect, len(names)))})"
    for values in pages:
        conn.exec_driver_sql(sql, values)


def update_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]], key: str = "uid") -> int:
    """UPDATE ``table`` from ``rows`` (dicts by column name), each matched by its ``key`` column,
    setting the other columns it carries; returns how many rows were given."""
    if not rows:
        return 0
    conn = session.connection()
    dialect = conn.dialect
    target = dialect.identifier_preparer.format_table(table)
    for keys, group in _by_keys(rows):
        sets = [k for k in keys if k != key]
        if not sets:
            continue
        plain, converted, procs = _arranged(conn, table, [*sets, key], last=key)
        names = _names(conn, table, [*plain, *converted])
        marks = _placeholders(dialect, len(names))
        sql = (f"UPDATE {target} SET {', '.join(f'{n} = {m}' for n, m in zip(names[:-1], marks))} "
               f"WHERE {names[-1]} = {marks[-1]}")
        for values in _pages(group, plain, converted, procs):
            conn.exec_driver_sql(sql, values)
    return len(rows)


IN_PAGE = 500  # keys per IN list of a look-up


def stored_values(session: Session, column: Column[Any], values: Sequence[Any]) -> list[Any]:
    """``values`` as the column stores them on this connection (its bind processor: a sealed
    column's ciphertext, a time in UTC), for :func:`select_in` and :func:`delete_in`."""
    proc = _processor(column, session.connection().dialect)
    return list(values) if proc is None else _convert(values, proc)


def _where(conn: Connection, table: Table, equal: Mapping[str, Any], key: str, count: int) -> tuple[str, list[Any]]:
    """``a = ? AND ... AND key IN (?, ...)`` for ``count`` keys, with the fixed values converted."""
    names = _names(conn, table, [*equal, key])
    marks = _placeholders(conn.dialect, len(equal) + count)
    fixed = [v if (p := _processor(table.c[k], conn.dialect)) is None else p(v) for k, v in equal.items()]
    tests = [f"{n} = {m}" for n, m in zip(names[:-1], marks)]
    tests.append(f"{names[-1]} IN ({', '.join(marks[len(equal):])})")
    return " AND ".join(tests), fixed


def select_in(session: Session, table: Table, columns: Sequence[str], key: str, values: Sequence[Any],
              equal: Mapping[str, Any] | None = None) -> Iterator[tuple[Any, ...]]:
    """The ``columns`` of the rows of ``table`` whose ``key`` is among ``values`` (as stored: see
    :func:`stored_values`) and whose other columns equal ``equal``, :data:`IN_PAGE` keys a query.

    Values come back as the driver gives them (no result conversion: a sealed column's stored
    text, SQLite's 0 and 1 for booleans): a look-up of a bundle's 200,000 keys runs without the
    statement machinery of 400 Core queries."""
    conn = session.connection()
    target = conn.dialect.identifier_preparer.format_table(table)
    cols = ", ".join(_names(conn, table, columns))
    equal = equal or {}
    for i in range(0, len(values), IN_PAGE):
        page = values[i:i + IN_PAGE]
        where, fixed = _where(conn, table, equal, key, len(page))
        yield from conn.exec_driver_sql(f"SELECT {cols} FROM {target} WHERE {where}", (*fixed, *page)).all()


def delete_in(session: Session, table: Table, key: str, values: Sequence[Any],
              equal: Mapping[str, Any] | None = None) -> None:
    """DELETE the rows of ``table`` whose ``key`` is among ``values`` (as stored) and whose other
    columns equal ``equal``, :data:`IN_PAGE` keys a statement."""
    conn = session.connection()
    target = conn.dialect.identifier_preparer.format_table(table)
    equal = equal or {}
    for i in range(0, len(values), IN_PAGE):
        page = values[i:i + IN_PAGE]
        where, fixed = _where(conn, table, equal, key, len(page))
        conn.exec_driver_sql(f"DELETE FROM {target} WHERE {where}", (*fixed, *page))


@contextmanager
def big_write(session: Session, rows: int, growth: Mapping[Table, int]) -> Iterator[None]:
    """Around a write of ``rows`` rows on SQLite, from :data:`BIG` rows on: a page cache of
    :data:`BIG_CACHE_KIB` for this connection (set back after), and the secondary indexes of each
    table in ``growth`` (table -> rows it gets) that at least doubles dropped, then built again,
    in the transaction. An error inside leaves them dropped: the transaction must then be rolled
    back (which brings them back), as every unit of work does on an error.

    Not on a database server: there other PCs read the tables meanwhile, and a dropped index
    would lock them out."""
    conn = session.connection()
    if conn.dialect.name != "sqlite" or rows < BIG:
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BIG_CACHE_KIB}")
    try:
        dropped = [ix for t, n in growth.items() if n and _doubles(conn, t, n) for ix in t.indexes if not ix.unique]
        if dropped and not conn.connection.driver_connection.in_transaction:  # type: ignore[union-attr]
            # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE: a DROP INDEX
            # before the first of them would be committed at once, and a rollback could not undo it
            conn.exec_driver_sql("BEGIN")
        for ix in dropped:
            ix.drop(conn)
        yield
        for ix in dropped:
            ix.create(conn)
    finally:
        with suppress(DBAPIError):  # a connection that failed must not hide why
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (and resumed after, if it ran before).

    A big write holds a few dicts and tuples per row, hundreds of thousands of them, none of them
    garbage: each full pass of the collector walks them all, and the passes come more often the
    more is allocated (a fifth of a 200,000-change import went there). Reference counting still
    frees everything as usual; only cycles wait for the collector's next pass."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _doubles(conn: Connection, table: Table, rows: int) -> bool:
    """At least as many new rows as the table holds (by its largest rowid: no count of the table)."""
    prep = conn.dialect.identifier_preparer
    held = conn.exec_driver_sql(f"SELECT max(rowid) FROM {prep.format_table(table)}").scalar()
    return rows >= int(held or 0)
