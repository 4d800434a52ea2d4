"""Full-pinyin sort keys: 陈 < 程 < 崔, filled on every path a record is written by, and by the
migration for records a database already has."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text

from yichao.app.core.communities import add_community
from yichao.app.orgs.profile import OrgInput, create_org, update_org
from yichao.app.orgs.query import OrgFilter, query_orgs
from yichao.app.people.residents import PeopleFilter, PersonInput, create_person, query_people
from yichao.models import migrate
from yichao.models.db import make_engine
from yichao.models.journal import bulk_apply, bulk_insert
from yichao.models.organization import Organization
from yichao.models.person import Person
from yichao.models.sort_key import KEY_LENGTH, SURNAMES, _char, _join, pinyin_key


def test_keys_are_full_toneless_pinyin() -> None:
    assert pinyin_key("陈建国", person=True) == "chen jian guo"
    assert pinyin_key("重庆路社区") == "chong qing lu she qu"  # read as phrases
    assert pinyin_key("A栋2号楼（志愿）队") == "a dong 2 hao lou zhi yuan dui"
    assert pinyin_key("单田芳", person=True) == "shan tian fang"  # a surname reads as one
    assert pinyin_key("曾国藩", person=True) == "zeng guo fan"
    assert pinyin_key("") == "" and pinyin_key(None) == ""


def test_people_and_orgs_sort_by_full_pinyin_and_initials_still_find_them(workspace) -> None:
    for name in ("崔丽", "程小红", "陈建国", "曹操", "陈晨"):
        create_person(workspace, PersonInput(name))
    assert [p.name for p in query_people(workspace)] == ["曹操", "陈晨", "陈建国", "程小红", "崔丽"]
    assert [p.name for p in query_people(workspace, PeopleFilter(text="cjg"))] == ["陈建国"]
    for name in ("翠湖舞蹈队", "成人合唱团", "晨练队"):
        create_org(workspace, OrgInput(name=name))
    assert [o.name for o in query_orgs(workspace)] == ["晨练队", "成人合唱团", "翠湖舞蹈队"]
    assert [o.name for o in query_orgs(workspace, OrgFilter(text="crh"))] == ["成人合唱团"]


def test_a_rename_moves_the_key_and_the_journal_shows_only_the_name(workspace) -> None:
    org = create_org(workspace, OrgInput(name="晨练队"))
    update_org(workspace, org.uid, OrgInput(name="崔家晨练队"))
    with workspace.read() as s:
        assert s.get(Organization, org.uid).name_sort == "cui jia chen lian dui"


def test_bulk_rows_and_records_received_from_another_site_get_keys(workspace) -> None:
    with workspace.unit() as s:
        bulk_insert(s, Person, [{"name": "程小红", "name_initials": "cxh"}])
    with workspace.unit() as s:
        s.info["sync_apply"] = True
        received = {"uid": "d0000000-0000-4000-8000-000000000001", "origin": "370102", "rev": 3,
                    "updated_at": datetime(2026, 1, 1, tzinfo=UTC), "deleted": False, "name": "崔丽",
                    "name_initials": "cl",
                    "name_sort": "", "id_masked": "", "gender": "", "phone": "", "building": "", "unit": "",
                    "room": "", "household_head": False, "is_volunteer": False, "volunteer_number": "",
                    "skills": "", "offers": "", "notes": ""}
        bulk_apply(s, Person, [received], [])
    with workspace.read() as s:
        keys = dict(s.execute(select(Person.name, Person.name_sort)).all())
    assert keys == {"程小红": "cheng xiao hong", "崔丽": "cui li"}


def test_the_migration_fills_keys_of_existing_records(tmp_path) -> None:
    from alembic import command

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:  # the database as the release before this one left it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003_needs")
        command.upgrade(cfg, "0005_projects")
    with engine.begin() as conn:
        for uid, name in (("p1", "单田芳"), ("p2", "陈建国")):
            conn.execute(text("INSERT INTO person (uid, origin, rev, updated_at, deleted, name, name_initials, "
                              "gender, id_masked, phone, building, unit, room, household_head, is_volunteer, "
                              "volunteer_number, skills, offers, notes) VALUES (:u, 's', 1, '2026-01-01', 0, :n, "
                              "'', '', '', '', '', '', '', 0, 0, '', '', '', '')"), {"u": uid, "n": name})
    migrate.upgrade(engine)
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT name, name_sort FROM person")).all())
    engine.dispose()
    assert keys == {"单田芳": "shan tian fang", "陈建国": "chen jian guo"}


def test_community_keys(workspace) -> None:
    add_community(workspace, "重庆路社区")
    from yichao.models.site import Community

    with workspace.read() as s:
        assert s.scalars(select(Community.name_sort)).one() == "chong qing lu she qu"


def reference_join(syllables: list[str]) -> str:
    """The first, step-by-step version of the join: the faster one must give the same keys."""
    out: list[str] = []
    glued = False
    for s in syllables:
        single = len(s) == 1 and s.isascii()
        if not s or not s.isalnum():
            glued = False
            continue
        if single and glued:
            out[-1] += s.lower()
        else:
            out.append(s.lower())
        glued = single
    return " ".join(out)[:KEY_LENGTH]


def reference_person_key(text: str) -> str:
    name = "".join(text.split())
    for surname in (name[:2], name[:1]):
        if surname in SURNAMES and len(name) > len(surname):
            return reference_join([*SURNAMES[surname].split(), *(_char(c) for c in name[len(surname):])])
    return reference_join([_char(c) for c in name])


# syllables as pypinyin and names give them: words, single letters and digits, marks, wide forms
SYLLABLES = st.sampled_from(["", "a", "B", "7", "-", " ", "chen", "lü", "ü", "Ａ", "１", "·", "İ", "x1", "a b", "e"])
NAME_CHARS = st.sampled_from(list("陈单曾尉迟万俟阿鹅A b9 -·Ａ１（）İé\t") + ["尉迟", "万俟"])


@given(st.lists(SYLLABLES, max_size=12))
def test_the_join_is_the_step_by_step_one(syllables: list[str]) -> None:
    assert _join(syllables) == reference_join(syllables)
    assert _join(syllables * 30) == reference_join(syllables * 30)  # cut at the key's length alike


@given(st.lists(NAME_CHARS, max_size=10).map("".join))
def test_person_keys_are_the_step_by_step_ones(name: str) -> None:
    assert pinyin_key(name, person=True) == reference_person_key(name)
    assert pinyin_key(name * 40, person=True) == reference_person_key(name * 40)
