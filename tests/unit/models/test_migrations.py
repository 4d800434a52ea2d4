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


def test_a_street_database_with_residents_in_communities_upgrades(tmp_path):
    """Batch migrations copy and drop tables other rows point to: foreign keys are off while they run
    (SQLite refused to drop ``community`` under a resident), checked and on again afterwards."""
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for rev in ("0003_needs", "0005_projects"):  # what a street had before 0011_community
            command.upgrade(cfg, rev)
    with engine.begin() as conn:
        conn.execute(text("insert into community (uid, origin, rev, updated_at, deleted, code, name, site_code)"
                          " values ('c1', 'S', 1, '2026-01-01', 0, '', '甲社区', 'S')"))
        conn.execute(text("insert into person (uid, origin, rev, updated_at, deleted, name, name_initials, gender,"
                          " id_masked, phone, community_uid, building, unit, room, household_head, is_volunteer,"
                          " volunteer_number, skills, offers, notes) values ('p1', 'S', 1, '2026-01-01', 0, '张三',"
                          " 'zs', '', '', '', 'c1', '', '', '', 0, 0, '', '', '', '')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("select community_uid from person").scalar() == "c1"
        assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
    assert not migrate.needs_upgrade(engine)


def test_a_subsidys_one_date_goes_to_the_column_its_status_says(tmp_path):
    """0017: the one date an approved subsidy had is its approval date, a paid one's its payment date."""
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        for rev in ("0002_orgs", "0015_import_memory"):
            command.upgrade(cfg, rev)
    with engine.begin() as conn:
        # an organization as 0002 made it: every required column filled by its type
        org = {"uid": "o1", "origin": "S", "name": "夕阳红"}
        for _cid, name, kind, notnull, _default, _pk in conn.exec_driver_sql("pragma table_info(organization)"):
            if notnull and name not in org:
                org[name] = 0 if kind.upper() in ("INTEGER", "BOOLEAN", "FLOAT") else (
                    "2026-01-01" if kind.upper() in ("DATE", "DATETIME") else "")
        conn.execute(text(f"insert into organization ({', '.join(org)}) values ({', '.join(':' + k for k in org)})"),
                     org)
        for uid, status, on in (("s1", "applied", "2026-03-01"), ("s2", "approved", "2026-04-02"),
                                ("s3", "paid", "2026-05-03"), ("s4", "cancelled", None)):
            conn.execute(text("insert into org_subsidy (uid, origin, rev, updated_at, deleted, org_uid, subsidy_kind,"
                              " year, amount_fen, status, \"on\", notes) values (:uid, 'S', 1, '2026-01-01', 0, 'o1',"
                              " 'activity', 2026, 100, :status, :on, '')"), {"uid": uid, "status": status, "on": on})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = {r[0]: r[1:] for r in conn.exec_driver_sql(
            'select uid, "on", approved_on, paid_on from org_subsidy order by uid')}
    engine.dispose()
    assert rows == {"s1": ("2026-03-01", None, None), "s2": ("2026-04-02", "2026-04-02", None),
                    "s3": ("2026-05-03", None, "2026-05-03"), "s4": (None, None, None)}
