"""Every refusal is one sentence and changes nothing: recipient, trust, tamper, format, zip tricks."""

from __future__ import annotations

import io
import json
import random
import zipfile

import pytest
from sqlalchemy import func, select

from tests.unit.sync.support import add_people, move, pair, raw_zip, reseal, resign, unseal, zip_members
from yichao.app.core.errors import UserError
from yichao.app.sync import bundle_format as bf
from yichao.app.sync.canonical import canonical_lines
from yichao.app.sync.importer import import_bundle
from yichao.models.journal import JournalEntry

STREET_A = ("street", "370102001", "甸柳街道", "370102")
STREET_B = ("street", "370102002", "姚家街道", "370102")
DISTRICT = ("district", "370102", "历下区", "")


@pytest.fixture
def world(make_workspace, tmp_path):
    a = make_workspace(*STREET_A)
    b = make_workspace(*STREET_B)
    d = make_workspace(*DISTRICT)
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    add_people(a, 8, random.Random(7))
    path = move(a, d, tmp_path, apply=False)
    return a, b, d, path


def _state(ws):
    with ws.read() as s:
        return canonical_lines(ws), s.scalar(select(func.count()).select_from(JournalEntry))


def refused(ws, path, match):
    before = _state(ws)
    with pytest.raises(UserError, match=match) as info:
        import_bundle(ws, path)
    assert "\n" not in info.value.message and info.value.message.endswith("。")
    assert _state(ws) == before
    return info.value.message


def _write(tmp_path, data, name="forged.ycb"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_bundle_for_another_site(world):
    a, b, d, path = world
    refused(b, path, "是发给站点 370102 的")


def test_untrusted_sender(world, make_workspace, tmp_path):
    a, b, d, _ = world
    c = make_workspace("street", "370102003", "大明湖街道", "370102")
    c.user = a.user
    from yichao.app.sync.keys import export_key_file, trust_key_file

    export_key_file(d, tmp_path / "d2.key")
    trust_key_file(c, tmp_path / "d2.key")  # c knows d, d never trusted c
    path = move(c, d, tmp_path, apply=False)
    refused(d, path, "尚未信任站点 370102003")


def test_flipped_byte_and_truncation(world, tmp_path):
    a, b, d, path = world
    data = bytearray(path.read_bytes())
    for pos in (3, 10, len(data) // 2, len(data) - 1):
        bad = bytearray(data)
        bad[pos] ^= 0x40
        refused(d, _write(tmp_path, bytes(bad)), "数据包")
    refused(d, _write(tmp_path, bytes(data[: len(data) // 2])), "改动或截断|不完整")
    refused(d, _write(tmp_path, bytes(data[:5])), "不是益巢数据包|不完整")
    refused(d, _write(tmp_path, b""), "不是益巢数据包")


def test_unknown_envelope_version(world, tmp_path):
    a, b, d, path = world
    data = b"YCB\x03" + path.read_bytes()[4:]
    refused(d, _write(tmp_path, data), "格式版本")
    old = b"YCB\x01" + path.read_bytes()[4:]  # the old format unpacked everything before the signature
    refused(d, _write(tmp_path, old), "旧版益巢")


def _forge(a, d, path, tmp_path, mutate):
    header, plain = unseal(path.read_bytes(), d)
    manifest, members = zip_members(plain)
    mutate(manifest, members)
    return _write(tmp_path, reseal(resign(manifest, members, a), header, d))


def test_unknown_manifest_format_and_newer_schema(world, tmp_path):
    a, b, d, path = world
    refused(d, _forge(a, d, path, tmp_path, lambda m, _: m.update(format_version=2)), "格式版本")
    refused(d, _forge(a, d, path, tmp_path, lambda m, _: m["schema"].append("9999_future")), "更新版本")


def test_signature_by_another_key(world, tmp_path):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    manifest, members = zip_members(plain)
    forged = reseal(resign(manifest, members, b), header, d)  # b signs a's manifest
    refused(d, _write(tmp_path, forged), "签名")


def test_content_changed_after_signing(world, tmp_path):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        entries = [(n, zf.read(n)) for n in zf.namelist()]
    entries = [(n, data.replace(b"\"rev\":1", b"\"rev\":9") if n == bf.CHANGES else data) for n, data in entries]
    refused(d, _write(tmp_path, reseal(raw_zip(entries), header, d)), "校验值不符")


def test_valid_signature_over_bad_records(world, tmp_path):
    a, b, d, path = world

    def other_origin(m, members):
        members[bf.CHANGES] = members[bf.CHANGES].replace(b"\"origin\":\"370102001\"", b"\"origin\":\"370102002\"", 1)

    def wrong_type(m, members):
        members[bf.CHANGES] = members[bf.CHANGES].replace(b"\"rev\":1", b"\"rev\":\"x\"", 1)

    def dropped_line(m, members):
        members[bf.CHANGES] = b"\n".join(members[bf.CHANGES].splitlines()[1:]) + b"\n"

    def duplicated_line(m, members):
        lines = members[bf.CHANGES].splitlines()
        members[bf.CHANGES] = b"\n".join([*lines, lines[-1]]) + b"\n"
        m["counts"]["person"] += 1

    def unknown_table(m, members):
        members[bf.CHANGES] += b"{\"t\":\"user_account\",\"d\":{}}\n"

    def too_long(m, members):
        members[bf.CHANGES] = members[bf.CHANGES].replace(b"\"name\":\"", b"\"name\":\"" + "长".encode() * 200, 1)

    refused(d, _forge(a, d, path, tmp_path, other_origin), "不属于发送站点")
    refused(d, _forge(a, d, path, tmp_path, wrong_type), "变更无效")
    refused(d, _forge(a, d, path, tmp_path, dropped_line), "记录数与清单不符")
    refused(d, _forge(a, d, path, tmp_path, duplicated_line), "出现了两次")
    refused(d, _forge(a, d, path, tmp_path, unknown_table), "未知的记录类型")
    refused(d, _forge(a, d, path, tmp_path, too_long), "变更无效")


@pytest.mark.parametrize(
    "name", ["../../evil.txt", "/etc/cron.d/x", "attachments/../../x", "a\\..\\b", "changes.jsonl/"]
)
def test_zip_slip_names_refused_before_anything_is_written(world, tmp_path, name):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        entries = [(n, zf.read(n)) for n in zf.namelist()]
    forged = reseal(raw_zip([*entries, (name, b"pwned")]), header, d)
    msg = refused(d, _write(tmp_path, forged), "不允许的文件名")
    assert not (d.data_dir / "evil.txt").exists() and "pwned" not in msg


def test_duplicate_members_and_missing_members(world, tmp_path):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        entries = [(n, zf.read(n)) for n in zf.namelist()]
    with pytest.warns(UserWarning):  # zipfile warns about the duplicate name it is asked to write
        dup = raw_zip([*entries, entries[0]])
    refused(d, _write(tmp_path, reseal(dup, header, d)), "出现了两次")
    missing = [(n, x) for n, x in entries if n != bf.CHANGES]
    refused(d, _write(tmp_path, reseal(raw_zip(missing), header, d)), "缺少文件")
    no_manifest = [(n, x) for n, x in entries if n != bf.MANIFEST]
    refused(d, _write(tmp_path, reseal(raw_zip(no_manifest), header, d)), "缺少清单或签名")


def test_decompression_bomb(world, tmp_path):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    with zipfile.ZipFile(io.BytesIO(plain)) as zf:
        entries = [(n, zf.read(n)) for n in zf.namelist() if n != bf.CHANGES]
    bomb = raw_zip([*entries, (bf.CHANGES, b"\0" * (40 * 1024 * 1024))])
    refused(d, _write(tmp_path, reseal(bomb, header, d)), "压缩炸弹")


def test_lying_directory_size(world, tmp_path):
    a, b, d, path = world
    header, plain = unseal(path.read_bytes(), d)
    data = bytearray(plain)
    # the central directory entry of the first member: its uncompressed size field, halved
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x05\x06"))
    first = data.find(b"PK\x01\x02")
    size = int.from_bytes(data[first + 24:first + 28], "little")
    data[first + 24:first + 28] = (size // 2).to_bytes(4, "little")
    assert cd > 0
    refused(d, _write(tmp_path, reseal(bytes(data), header, d)), "数据包")


def test_refused_import_journals_nothing_and_a_good_one_then_applies(world):
    a, b, d, path = world
    result = import_bundle(d, path)
    assert result.applied and result.kinds["person"].new == 8
    assert json.loads(json.dumps(result.from_code)) == a.site.code
