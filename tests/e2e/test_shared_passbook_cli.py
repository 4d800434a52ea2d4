"""One passbook at the street and at a community office through the installed command (issue 17
point 3): the street sets the office's redemption limit, the office is refused beyond it with one
sentence, a double redemption is listed at the street and settled with a reversal."""

from __future__ import annotations

import json
from pathlib import Path

from yichao.app.core import CurrentUser, open_workspace
from yichao.app.passbook import open_passbook
from yichao.app.people import PersonInput, create_person

from .cli import init_street, yichao

STREET, OFFICE = "370102001", "370102001003"


def _ok(r) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def _one_sentence(r, words: str) -> None:
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert words in r.stderr, r.stderr


def _move(src: Path, src_code: str, dst: Path, dst_code: str, folder: Path) -> None:
    path = folder / f"{src_code}-{dst_code}-{len(list(folder.glob('*.ycb')))}.ycb"
    _ok(yichao("bundle", "export", "--to", dst_code, str(path), data_dir=src))
    _ok(yichao("bundle", "import", str(path), data_dir=dst))


def _balance(folder: Path, number: str) -> dict:
    return json.loads(_ok(yichao("passbook", "show", number, "--json", data_dir=folder)))


def test_limit_refusal_overdraw_and_settlement_through_the_command(tmp_path):
    street, office = tmp_path / "street", tmp_path / "office"
    pw = init_street(street)
    _ok(yichao("init", "--role", "community", "--code", OFFICE, "--name", "甸柳新村社区储蓄所", "--parent-code", STREET,
               "--parent-name", "甸柳街道", "--admin", "admin", "--password-file", str(pw), data_dir=office))
    for folder in (street, office):
        _ok(yichao("keys", "export", str(tmp_path / f"{folder.name}.key"), data_dir=folder))
    _ok(yichao("keys", "trust", str(tmp_path / "office.key"), data_dir=street))
    _ok(yichao("keys", "trust", str(tmp_path / "street.key"), data_dir=office))
    ws = open_workspace(street)
    try:
        ws.user = CurrentUser("admin", "admin")
        number = open_passbook(ws, create_person(ws, PersonInput(name="孙丽", is_volunteer=True)).uid).number
    finally:
        ws.close()
    _ok(yichao("passbook", "deposit", number, "--points", "100", "--memo", "开户存入", data_dir=street))
    assert "每本存折 50 分" in _ok(yichao("passbook", "limit", OFFICE, "--points", "50", data_dir=street))
    _one_sentence(yichao("passbook", "limit", "370102002001", "--points", "50", data_dir=street), "不是本街道")
    _move(street, STREET, office, OFFICE, tmp_path)
    _one_sentence(yichao("passbook", "limit", OFFICE, "--points", "500", data_dir=office), "由街道设定")
    assert [json.loads(x) for x in _ok(yichao("passbook", "limits", "--json", data_dir=office)).splitlines()] == [
        {"office": OFFICE, "name": "甸柳新村社区储蓄所", "points": 50}]
    _ok(yichao("passbook", "redeem", number, "--points", "30", "--memo", "兑换大米", data_dir=office))
    _one_sentence(yichao("passbook", "redeem", number, "--points", "30", "--memo", "兑换食用油", data_dir=office),
                  "离线支取限额")
    assert _balance(office, number)["balance"] == 70  # the refusal wrote nothing
    # meanwhile the street, not knowing, spends 80 of the same points
    _ok(yichao("passbook", "redeem", number, "--points", "80", "--memo", "兑换被子", data_dir=street))
    _move(office, OFFICE, street, STREET, tmp_path)
    shown = _balance(street, number)
    assert (shown["balance"], shown["overdrawn"]) == (-10, True)
    (case,) = [json.loads(x) for x in _ok(yichao("passbook", "overdraws", "--json", data_dir=street)).splitlines()]
    assert (case["number"], case["balance_found"], case["status"]) == (number, -10, "open")
    _one_sentence(yichao("passbook", "redeem", number, "--points", "1", "--memo", "再兑换", data_dir=street),
                  "须由街道冲正")
    seq = next(e["seq"] for e in shown["entries"] if e["memo"] == "兑换被子")
    assert "已冲正结清" in _ok(yichao("passbook", "settle", str(case["id"]), "--seq", str(seq), data_dir=street))
    assert _ok(yichao("passbook", "overdraws", "--json", data_dir=street)) == ""
    _move(street, STREET, office, OFFICE, tmp_path)
    at_office, at_street = _balance(office, number), _balance(street, number)
    assert (at_office["balance"], at_office["overdrawn"]) == (70, False)
    strip = ("volunteer_hours", "stars")  # the same ledger on both counters
    assert {k: v for k, v in at_office.items() if k not in strip} == {k: v for k, v in at_street.items()
                                                                      if k not in strip}


def test_a_book_issued_at_one_office_is_used_at_another_through_the_command(tmp_path):
    """Sideways through the street: office A's book is found at office B by its number, both write
    on it, and after the bundles have gone round every counter shows the same passbook."""
    street, a, b = tmp_path / "street", tmp_path / "a", tmp_path / "b"
    pw = init_street(street)
    offices = {a: (OFFICE, "甸柳新村社区储蓄所"), b: ("370102001004", "燕子山社区储蓄所")}
    for folder, (code, name) in offices.items():
        _ok(yichao("init", "--role", "community", "--code", code, "--name", name, "--parent-code", STREET,
                   "--parent-name", "甸柳街道", "--admin", "admin", "--password-file", str(pw), data_dir=folder))
    for folder in (street, a, b):
        _ok(yichao("keys", "export", str(tmp_path / f"{folder.name}.key"), data_dir=folder))
    for folder in (a, b):
        _ok(yichao("keys", "trust", str(tmp_path / f"{folder.name}.key"), data_dir=street))
        _ok(yichao("keys", "trust", str(tmp_path / "street.key"), data_dir=folder))
    ws = open_workspace(a)
    try:
        ws.user = CurrentUser("admin", "admin")
        number = open_passbook(ws, create_person(ws, PersonInput(name="孙丽", is_volunteer=True)).uid).number
    finally:
        ws.close()
    _ok(yichao("passbook", "deposit", number, "--points", "60", "--memo", "开户存入", data_dir=a))
    _one_sentence(yichao("passbook", "show", number, data_dir=b), number)  # B does not know it yet
    _move(a, OFFICE, street, STREET, tmp_path)
    _move(street, STREET, b, "370102001004", tmp_path)
    _ok(yichao("passbook", "redeem", number, "--points", "25", "--memo", "兑换大米", data_dir=b))
    _ok(yichao("passbook", "deposit", number, "--points", "5", "--memo", "签到", data_dir=a))
    for _ in range(2):
        for folder, (code, _name) in offices.items():
            _move(folder, code, street, STREET, tmp_path)
        for folder, (code, _name) in offices.items():
            _move(street, STREET, folder, code, tmp_path)
    shown = [_balance(folder, number) for folder in (street, a, b)]
    assert shown[0]["balance"] == 40
    strip = ("volunteer_hours", "stars")
    assert all({k: v for k, v in s.items() if k not in strip} == {k: v for k, v in shown[0].items()
                                                                    if k not in strip} for s in shown)
