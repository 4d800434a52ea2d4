"""Keeping the identity numbers' key (issue 18 point 5): export wrapped with a passphrase, import
after a reinstall; a wrong passphrase, a changed file, another site's key change nothing."""

from __future__ import annotations

import json
import os
from datetime import date

import pytest
from sqlalchemy import func, select

from yichao.app.core import JournalFilter, datakey
from yichao.app.core.backup import backup_database
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.key_export import NOT_A_KEY_FILE, TAMPERED, WRONG_PASSPHRASE
from yichao.app.core.keys_admin import export_data_key, import_data_key
from yichao.app.core.paths import db_path
from yichao.app.core.restore import KEY_ELSEWHERE, restore_database
from yichao.app.core.workspace import CurrentUser, open_workspace
from yichao.app.history import described_journal
from yichao.app.people.residents import PersonInput, create_person, reveal_id_number
from yichao.models.identifiers import make_id_number
from yichao.models.journal import JournalEntry

NUMBERS = [make_id_number("370102", date(1960 + i, 3, 4 + i), 500 + i) for i in range(6)]
PASS = "红旗渠-1960-春天"


def _journal(ws) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def _people(ws, numbers) -> list[str]:
    return [create_person(ws, PersonInput(name=f"居民{i}", id_number=n)).uid for i, n in enumerate(numbers)]


def test_export_then_import_after_a_reinstall_reads_the_backups_numbers_again(workspace, tmp_path):
    uids = _people(workspace, NUMBERS[:4])
    usb = tmp_path / "usb"
    usb.mkdir()
    export_data_key(workspace, usb / "甸柳-身份证号码密钥.ykey", PASS)
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry).where(JournalEntry.op == "data_key_export")) == 1
    backup = backup_database(db_path(workspace.data_dir), usb)
    old_key = datakey.load_data_key(workspace.data_dir)
    folder, user = workspace.data_dir, workspace.user
    workspace.close()
    # Windows reinstalled: the folder's key is a new one; the backup beside it is sealed with the old
    datakey.store_data_key(folder, os.urandom(datakey.KEY_BYTES))
    for kept in folder.glob("keys/data-replaced-*.key"):
        kept.unlink()
    result = restore_database(folder, backup)
    assert result.warning == KEY_ELSEWHERE and "import-data-key" in result.warning

    ws = open_workspace(folder)
    ws.user = user
    try:
        with pytest.raises(UserError, match="导入"):
            reveal_id_number(ws, uids[0])
        since = _people(ws, NUMBERS[4:])  # made since the reinstall, sealed with the new key
        done = import_data_key(ws, usb / "甸柳-身份证号码密钥.ykey", PASS)
        assert done.changed and done.numbers == 6 and done.resealed == 2 and done.kept is not None
        assert [reveal_id_number(ws, u) for u in uids + since] == NUMBERS
        with ws.read() as s:
            assert s.scalar(select(func.count()).select_from(JournalEntry)
                            .where(JournalEntry.op == "data_key_import")) == 1
        words = {e.action: e.kind for e in described_journal(
            ws, JournalFilter(ops=("data_key_export", "data_key_import")))}  # the 操作日志 says it in words
        assert words == {"导出身份证号码密钥": "身份证号码密钥", "导入身份证号码密钥": "身份证号码密钥"}
        again = import_data_key(ws, usb / "甸柳-身份证号码密钥.ykey", PASS)
        assert not again.changed and "没有改动" in again.message
    finally:
        ws.close()
    assert datakey.load_data_key(folder) == old_key
    ws = open_workspace(folder)  # a later start reads the numbers with the imported key
    ws.user = user
    try:
        assert reveal_id_number(ws, uids[2]) == NUMBERS[2]
    finally:
        ws.close()


def _export(workspace, tmp_path):
    path = tmp_path / "key.ykey"
    export_data_key(workspace, path, PASS)
    return path


def _refused(workspace, path, passphrase, message):
    key_file = datakey.key_path(workspace.data_dir)
    before, journal = key_file.read_bytes(), _journal(workspace)
    with pytest.raises(UserError) as caught:
        import_data_key(workspace, path, passphrase)
    assert caught.value.message == message
    assert key_file.read_bytes() == before and _journal(workspace) == journal
    assert not list(key_file.parent.glob("data-replaced-*"))


def test_a_wrong_passphrase_is_one_sentence_and_changes_nothing(workspace, tmp_path):
    _people(workspace, NUMBERS[:2])
    path = _export(workspace, tmp_path)
    _refused(workspace, path, "not the passphrase", WRONG_PASSPHRASE)


@pytest.mark.parametrize("change", ["sealed", "site", "made_at", "garbage", "truncated"])
def test_a_changed_key_file_is_refused(workspace, tmp_path, change):
    path = _export(workspace, tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    if change == "sealed":
        raw = bytearray(doc["sealed"].encode())
        raw[5] = ord("A") if raw[5] != ord("A") else ord("B")
        doc["sealed"] = raw.decode()
    elif change == "site":  # another site's name on the same key: the header is authenticated
        doc["site_name"] = "姚家街道"
    elif change == "made_at":
        doc["made_at"] = "2020-01-01T00:00:00+00:00"
    if change == "garbage":
        path.write_bytes(os.urandom(300))
    elif change == "truncated":
        path.write_bytes(path.read_bytes()[:120])
    else:
        path.write_text(json.dumps(doc), encoding="utf-8")
    _refused(workspace, path, PASS, NOT_A_KEY_FILE if change in ("garbage", "truncated") else TAMPERED)


def test_another_sites_key_and_a_short_passphrase_and_a_clerk_are_refused(workspace, make_workspace, tmp_path):
    other = make_workspace("street", "370102002", "姚家街道", "370102")
    path = tmp_path / "other.ykey"
    export_data_key(other, path, PASS)
    before = datakey.key_path(workspace.data_dir).read_bytes()
    with pytest.raises(UserError, match="姚家街道.*不是本站点"):
        import_data_key(workspace, path, PASS)
    assert datakey.key_path(workspace.data_dir).read_bytes() == before
    with pytest.raises(UserError, match="至少需要 10 个字符"):
        export_data_key(workspace, tmp_path / "short.ykey", "abc123")
    assert not (tmp_path / "short.ykey").exists()
    workspace.user = CurrentUser("clerk", "staff", "办事员")
    with pytest.raises(PermissionDenied):
        export_data_key(workspace, tmp_path / "clerk.ykey", PASS)
    with pytest.raises(PermissionDenied):
        import_data_key(workspace, path, PASS)
    assert not (tmp_path / "clerk.ykey").exists()


def test_a_key_that_opens_none_of_the_numbers_is_refused(workspace, tmp_path):
    """The same site set up afresh made another key: importing it would leave every number unreadable."""
    _people(workspace, NUMBERS[:3])
    stranger = tmp_path / "stranger.ykey"
    from yichao.app.core.key_export import wrap_key

    stranger.write_bytes(wrap_key(os.urandom(datakey.KEY_BYTES), PASS, workspace.site.code, workspace.site.name,
                                  "2026-01-01T00:00:00+00:00"))
    key_file = datakey.key_path(workspace.data_dir)
    before = key_file.read_bytes()
    with pytest.raises(UserError, match="打不开数据库里的任何一个身份证号码（共 3 个"):
        import_data_key(workspace, stranger, PASS)
    assert key_file.read_bytes() == before
