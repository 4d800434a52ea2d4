"""`yichao keys export-data-key` / `import-data-key`: the identity numbers' key kept off the PC and
brought back when the folder's own key cannot be read any more (a new Windows account)."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

from yichao.app.core import datakey, login
from yichao.app.core.workspace import open_workspace
from yichao.app.people.residents import PersonInput, create_person, reveal_id_number
from yichao.models.identifiers import make_id_number

from .cli import yichao

NUMBER = make_id_number("370102", date(1971, 5, 6), 88)


def _one_line(r) -> str:
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("yichao: "), r.stderr
    return lines[0]


def test_export_and_import_of_the_data_key_through_the_command(tmp_path: Path):
    folder, pw, pp, wrong = tmp_path / "street", tmp_path / "pw.txt", tmp_path / "pass.txt", tmp_path / "wrong.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    pp.write_text("红旗渠 1960 春天\n", encoding="utf-8")
    wrong.write_text("something else entirely\n", encoding="utf-8")
    r = yichao("init", "--role", "street", "--code", "370102001", "--name", "甸柳街道", "--parent-code", "370102",
               "--parent-name", "历下区", "--admin", "admin", "--password-file", str(pw), data_dir=folder)
    assert r.returncode == 0, r.stderr
    ws = open_workspace(folder)
    try:
        ws.user = login(ws, "admin", "secret123")
        uid = create_person(ws, PersonInput(name="王秀英", id_number=NUMBER)).uid
    finally:
        ws.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    key_file = usb / "甸柳街道-身份证号码密钥.ykey"

    r = yichao("keys", "export-data-key", str(key_file), data_dir=folder)  # no passphrase file: usage
    assert r.returncode == 2 and "--passphrase-file" in r.stderr
    r = yichao("keys", "export-data-key", str(key_file), "--passphrase-file", str(pp), data_dir=folder, sign_in=False)
    assert "登录" in _one_line(r) and not key_file.exists()
    r = yichao("keys", "export-data-key", str(key_file), "--passphrase-file", str(pp), data_dir=folder)
    assert r.returncode == 0 and key_file.exists(), r.stderr

    # Windows reinstalled: the folder's key is another account's DPAPI blob, unreadable here
    datakey.key_path(folder).write_bytes(b"dpapi:" + base64.b64encode(b"another account" * 4))
    assert "import-data-key" in _one_line(yichao("list", "people", data_dir=folder))
    before = datakey.key_path(folder).read_bytes()
    r = yichao("keys", "import-data-key", str(key_file), "--passphrase-file", str(wrong), data_dir=folder)
    assert "口令不对" in _one_line(r) and datakey.key_path(folder).read_bytes() == before

    r = yichao("keys", "import-data-key", str(key_file), "--passphrase-file", str(pp), data_dir=folder)
    assert r.returncode == 0, r.stderr
    assert "都能读取" in r.stdout and "data-replaced-" in r.stdout
    assert yichao("list", "people", data_dir=folder).returncode == 0
    ws = open_workspace(folder)
    try:
        ws.user = login(ws, "admin", "secret123")
        assert reveal_id_number(ws, uid) == NUMBER
    finally:
        ws.close()
