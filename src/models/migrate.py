"""Schema versions: upgrade to the newest, refuse a database from a newer Yichao."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from yichao.models.errors import UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine | None = None) -> Config:
    # alembic only when migrating: start-up stays light
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


# Both are read once per process: Alembic loads every migration file to answer (about 100 ms,
# paid by every bundle export and import before; 600 bundles in the district's year)
@lru_cache(maxsize=1)
def head_revisions() -> frozenset[str]:
    # alembic only when migrating: start-up stays light
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    # alembic only when migrating: start-up stays light
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


_REVISION = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:: [^=]+)? = (.+)$", re.M)


@lru_cache(maxsize=1)
def shipped_heads() -> frozenset[str]:
    """The heads, read from the migration files as text: start-up need not import Alembic
    (about 100 ms) just to learn that the schema is already current."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = _REVISION.search(source)
        if found:
            revisions.add(found.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions - parents)


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if "alembic_version" not in inspect(conn).get_table_names():
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


def needs_upgrade(engine: Engine) -> bool:
    current = current_revisions(engine)
    if current and current == set(shipped_heads()):
        return False  # the common case, decided without Alembic
    check_not_newer(current)
    return current != head_revisions()


def check_not_newer(current: set[str]) -> None:
    unknown = current - known_revisions()
    if unknown:
        raise UserError("这个数据库来自更新版本的益巢，请先升级本程序再打开它。")


def upgrade(engine: Engine) -> None:
    """Bring the schema to every head (module branches are applied together)."""
    # alembic only when migrating: start-up stays light
    from alembic import command

    cfg = alembic_config(engine)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # a batch migration copies a table and drops the old one: with foreign keys on, SQLite
            # refuses to drop a table other rows point to (a community residents live in). Off for
            # the migration (the pragma only works outside a transaction), checked before commit.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()  # ends SQLAlchemy's autobegun (empty) transaction
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("数据库升级后有记录指向不存在的记录，升级已撤销。")
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
