"""Project and need titles sort by full pinyin (陈 < 程 < 崔), initials still find them, records
received from the district get keys too, and the migration fills the keys of existing records."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text

from yichao.app.needs import NeedInput, NeedsFilter, create_need, query_needs
from yichao.app.orgs import OrgInput, create_org
from yichao.app.projects import ProjectInput, apply_project, query_projects
from yichao.models import migrate
from yichao.models.db import make_engine
from yichao.models.journal import bulk_apply
from yichao.models.need import Need

TITLES = ("崔家巷助老餐桌", "程家庄儿童乐园", "陈年旧物改造", "曹庄读书会", "晨光健步走")
IN_PINYIN = ["曹庄读书会", "晨光健步走", "陈年旧物改造", "程家庄儿童乐园", "崔家巷助老餐桌"]


def test_needs_sort_by_full_pinyin_and_initials_still_find_them(workspace) -> None:
    for title in TITLES:
        create_need(workspace, NeedInput(title))
    assert [n.title for n in query_needs(workspace, sort="title")] == IN_PINYIN
    assert [n.title for n in query_needs(workspace, sort="title", descending=True)] == IN_PINYIN[::-1]
    assert [n.title for n in query_needs(workspace, NeedsFilter(text="cjzet"))] == ["程家庄儿童乐园"]


def test_projects_sort_by_full_pinyin_and_initials_still_find_them(workspace) -> None:
    org = create_org(workspace, OrgInput(name="百合邻里互助会"))
    for title in TITLES:
        apply_project(workspace, ProjectInput(org.uid, title, 100_00))
    assert [p.title for p in query_projects(workspace, sort_key="title", descending=False)] == IN_PINYIN
    assert [p.title for p in query_projects(workspace, sort_key="title", search="cjzet")] == ["程家庄儿童乐园"]


def test_needs_received_from_another_site_get_keys(workspace) -> None:
    with workspace.unit() as s:
        s.info["sync_apply"] = True
        received = {"uid": "d0000000-0000-4000-8000-000000000002", "origin": "370102", "rev": 1,
                    "updated_at": datetime(2026, 1, 1, tzinfo=UTC), "deleted": False, "title": "崔家巷助老餐桌",
                    "title_initials": "cjxzlcz", "title_sort": "", "description": "", "category": "助老",
                    "community_uid": None, "requester_uid": None, "urgency": "normal", "due_date": None,
                    "reward_points": 0, "status": "draft", "status_at": None, "claimant_kind": "",
                    "claimant_uid": None, "claimant_name": "", "satisfaction": None, "review_comment": ""}
        bulk_apply(s, Need, [received], [])
    with workspace.read() as s:
        assert s.scalars(select(Need.title_sort)).one() == "cui jia xiang zhu lao can zhuo"


def test_the_migration_fills_title_keys_of_existing_records(tmp_path) -> None:
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:  # the tables as the release before this one left them
        cfg.attributes["connection"] = conn
        for rev in ("0003_needs", "0005_projects"):
            command.upgrade(cfg, rev)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO need (uid, origin, rev, updated_at, deleted, title, title_initials, "
                          "description, category, urgency, reward_points, status, claimant_kind, claimant_name, "
                          "review_comment) VALUES ('n1', 's', 1, '2026-01-01', 0, '程家庄儿童乐园', '', '', '儿童', "
                          "'normal', 0, 'draft', '', '', '')"))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT title, title_sort FROM need")).all())
    engine.dispose()
    assert keys == {"程家庄儿童乐园": "cheng jia zhuang er tong le yuan"}
