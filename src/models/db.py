"""Engine and session factory: SQLite (WAL, foreign keys on) by default, any SQLAlchemy URL at scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DB_FILENAME = "yichao.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).as_posix()}"


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
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas if wal else _sqlite_pragmas_no_wal)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)
