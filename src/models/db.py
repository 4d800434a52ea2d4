"""Engine and session factory: SQLite (WAL, foreign keys on) by default, any SQLAlchemy URL at scale."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

DB_FILENAME = "yichao.db"

# PostgreSQL advisory lock keys (one number each, "YC" + a small number): the PCs of a district
# take turns on what must not interleave (issue 19 point 3). SQLite serializes writers itself.
MIGRATE_LOCK = 0x5943_0001  # schema upgrades, authorizing the first PC
JOURNAL_LOCK = 0x5943_0002  # shared by every writing transaction; an export waits for them to end
IMPORT_LOCK = 0x5943_0003  # bundle imports apply one at a time
CONNECT_TIMEOUT_S = 10  # an unreachable server answers within this many seconds, not the OS's minutes


def lock_transaction(session: Session, key: int) -> None:
    """Hold a PostgreSQL advisory lock until ``session``'s transaction ends (others wait for it);
    a no-op on other databases."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


@contextmanager
def locked(conn: Session | Connection, key: int, *, shared: bool = False,
           session_level: bool = False) -> Iterator[None]:
    """Hold a PostgreSQL advisory lock for the block: a transaction lock (released at commit or
    rollback, whatever the block does) or, with ``session_level``, until the block ends. A no-op on
    other databases."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name != "postgresql":
        yield
        return
    kind = "_shared" if shared else ""
    if not session_level:
        conn.execute(text(f"SELECT pg_advisory_xact_lock{kind}(:k)"), {"k": key})
        yield
        return
    conn.execute(text(f"SELECT pg_advisory_lock{kind}(:k)"), {"k": key})
    try:
        yield
    finally:
        conn.execute(text(f"SELECT pg_advisory_unlock{kind}(:k)"), {"k": key})
        if isinstance(conn, Connection):
            conn.commit()


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file; a ``%`` in a folder's name stays itself (the URL would decode ``%41``)."""
    return f"sqlite:///{Path(path).as_posix().replace('%', '%25')}"


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_pragmas_no_wal(dbapi_connection: Any, connection_record: Any) -> None:
    """For a database on a network share or a stick, where SQLite's WAL is unsafe: a rollback
    journal, and every commit on the disk before it returns."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=DELETE")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str, *, wal: bool = True, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite connections get foreign keys and WAL (unless ``wal`` is False).

    ``hide_parameters``: an error's text never carries the statement's values (identity numbers).
    """
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("postgresql"):
        kwargs.setdefault("connect_args", {"connect_timeout": CONNECT_TIMEOUT_S})
        kwargs.setdefault("pool_pre_ping", True)  # a PC that slept or lost the network reconnects
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas if wal else _sqlite_pragmas_no_wal)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
