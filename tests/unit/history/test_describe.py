"""The change logs speak a clerk's language: every field named, codes and references in words."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.history.words import leaks, schema_words
from yichao.app.core import JournalFilter, UserError, create_user, login, sign_out, unlock, unlock_user, update_settings
from yichao.app.core.communities import add_community
from yichao.app.core.workspace import CLI_USER, CurrentUser
from yichao.app.history import FIELD_LABELS, HIDDEN, described_journal, entity_choices, user_choices
from yichao.app.history.fields import ENTITY_LABELS
from yichao.app.orgs.lookups import list_lookups
from yichao.app.orgs.profile import OrgInput, create_org, update_org
from yichao.app.orgs.stage import change_stage, stage_history
from yichao.models.base import Base
from yichao.models.registry import import_all


def test_every_journaled_column_has_a_chinese_name() -> None:
    """A new column must be named in history.fields (or declared bookkeeping) before it is journaled."""
    import_all()
    missing = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not getattr(cls, "__journaled__", False):
            continue
        table = cls.__tablename__
        if table not in ENTITY_LABELS:
            missing.append(table)
        hidden = set(getattr(cls, "__journal_exclude__", ())) | HIDDEN
        missing += [f"{table}.{a.key}" for a in mapper.column_attrs
                    if a.key not in hidden and a.key not in FIELD_LABELS.get(table, {})]
    assert missing == []


def _org_story(ws):
    community = add_community(ws, "甸柳第一社区")
    category = list_lookups(ws, "category")[0].uid
    domain = list_lookups(ws, "domain")[0].uid
    org = create_org(ws, OrgInput("百合邻里互助会", kind="filed_community_org", filing_number="LX2024001",
                                  community_uid=community.uid, leader="王芳", phone="13800000000"))
    update_org(ws, org.uid, OrgInput("百合邻里互助会", kind="filed_community_org", filing_number="LX2024001",
                                     community_uid=community.uid, leader="王芳", phone="13800000000",
                                     category_uid=category, domain_uids=[domain], notes="新增备注"))
    change_stage(ws, org.uid, "accelerating", date.today(), "年度评估通过")
    return org


def test_an_organizations_changes_read_in_words(workspace) -> None:
    org = _org_story(workspace)
    entries = described_journal(workspace, JournalFilter(uid=org.uid))
    update = next(e for e in entries if e.op == "update" and any(c.field == "类别" for c in e.changes))
    assert update.kind == "社会组织" and update.record == "百合邻里互助会" and update.action == "修改"
    by_field = {c.field: c for c in update.changes}
    assert by_field["类别"].before == "" and by_field["类别"].after  # a category's name, not its uid
    assert by_field["服务领域"].after and "-" not in by_field["服务领域"].after
    insert = next(e for e in entries if e.op == "insert")
    assert "组织类型：社区社会组织" in insert.summary() and "所属社区：甸柳第一社区" in insert.summary()
    words = schema_words()
    for entry in entries:
        for text in (entry.user, entry.action, entry.kind, entry.record, entry.summary()):
            assert leaks(text, words) == [], text


def test_staff_by_display_name_and_the_command_line_as_such(workspace) -> None:
    workspace.user = CLI_USER
    org = _org_story(workspace)
    entries = described_journal(workspace, JournalFilter(uid=org.uid))
    assert {e.user for e in entries} == {"命令行"}
    assert stage_history(workspace, org.uid)[-1].by_user == "命令行"
    workspace.user = CurrentUser("admin", "admin", "管理员")
    assert ("cli", "命令行") in user_choices(workspace)


def test_staff_in_events_by_display_name(workspace) -> None:
    """Who lifted a lock-out and who signed out: by the name staff know them by, never the login name."""
    create_user(workspace, "wangli", "secret123", "staff", "王丽")
    unlock_user(workspace, "wangli")  # by the administrator (管理员)
    unlock(workspace, "wangli", by="本机命令行")  # `yichao users unlock` on the PC itself
    workspace.user = CurrentUser("wangli", "staff", "王丽")
    sign_out(workspace)
    workspace.user = CurrentUser("admin", "admin", "管理员")
    entries = described_journal(workspace, JournalFilter(ops=("unlock", "logout")))
    by_gui, by_pc = (e for e in reversed(entries) if e.op == "unlock")
    assert "经办人：管理员" in by_gui.summary() and "经办人：本机命令行" in by_pc.summary()
    assert "其他信息" not in by_gui.summary() and "admin" not in by_gui.summary()
    logout = next(e for e in entries if e.op == "logout")
    assert logout.user == "王丽" and logout.record == "王丽"


def test_events_read_in_words(workspace) -> None:
    with pytest.raises(UserError, match="密码不正确"):
        login(workspace, "admin", "wrong-password")
    update_settings(workspace, {"backup_keep": 5})
    entries = described_journal(workspace, JournalFilter(ops=("login_failed", "settings")))
    failed = next(e for e in entries if e.op == "login_failed")
    assert failed.action == "登录失败" and "原因：密码错误" in failed.summary()
    setting = next(e for e in entries if e.op == "settings")
    assert setting.record == "保留的自动备份份数"
    words = schema_words()
    for entry in entries:
        assert leaks(" ".join((entry.user, entry.kind, entry.record, entry.summary())), words) == []
    assert all(label and leaks(label, words) == [] for _table, label in entity_choices(workspace))


def test_a_whole_demo_street_journal_has_no_database_words(workspace) -> None:
    """Every entry the demo writes (all kinds of record, bundle exchange, keys) in words."""
    from yichao.app.demo import run_demo

    workspace.user = CLI_USER
    run_demo(workspace, residents=60, seed=7)
    words = schema_words()
    entries = described_journal(workspace, JournalFilter(), 0, 100_000)
    assert len(entries) > 1000
    seen_kinds = set()
    for entry in entries:
        seen_kinds.add(entry.kind)
        texts = [entry.user, entry.action, entry.kind, entry.record]
        texts += [t for c in entry.changes for t in (c.field, c.before, c.after)]
        for text in texts:
            assert leaks(text, words) == [], (entry.kind, entry.record, text)
        assert entry.record, (entry.kind, entry.op)
    assert {"社会组织", "居民", "爱心存折", "项目", "评分单", "证书"} <= seen_kinds
