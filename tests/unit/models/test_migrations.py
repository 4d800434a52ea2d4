"""The migrations build exactly the schema the models declare, and newer databases are refused."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from yichao.app.core.errors import UserError
from yichao.models import migrate
from yichao.models.base import Base
from yichao.models.db import make_engine
from yichao.models.registry import import_all


def test_migrated_schema_matches_models(tmp_path):
    import_all()
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_database_from_newer_version_is_refused(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM alembic_version"))  # several heads: one row each
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES ('9999_future')"))
    with pytest.raises(UserError, match="更新版本"):
        migrate.needs_upgrade(engine)
    engine.dispose()


def test_heads_read_from_the_files_match_alembic():
    assert set(migrate.shipped_heads()) == migrate.head_revisions()
