"""`yichao init --role community` and what the installed command lets a community savings office
(社区储蓄所) do: its counter and printing work, the street's work is one sentence on stderr (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from yichao.app.core import CurrentUser, open_workspace
from yichao.app.passbook import open_passbook
from yichao.app.people import PersonInput, create_person

from .cli import yichao


def _init(folder: Path, *extra: str) -> object:
    pw = folder.parent / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    return yichao("init", "--role", "community", "--code", "370102001003", "--name", "甸柳新村社区储蓄所",
                  "--admin", "admin", "--password-file", str(pw), *extra, data_dir=folder)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """An office set up by the command, with one resident's passbook (opened through the service)."""
    folder = tmp_path_factory.mktemp("e2e-office") / "office"
    r = _init(folder, "--parent-code", "370102001", "--parent-name", "甸柳街道")
    assert r.returncode == 0, r.stderr
    assert "甸柳新村社区储蓄所" in r.stdout
    ws = open_workspace(folder)
    try:
        ws.user = CurrentUser("admin", "admin")
        holder = create_person(ws, PersonInput(name="孙丽", is_volunteer=True))
        number = open_passbook(ws, holder.uid).number
    finally:
        ws.close()
    return folder, number


def _one_sentence(r, words: str) -> None:
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert words in r.stderr, r.stderr


def test_an_office_needs_its_street(tmp_path):
    folder = tmp_path / "office"
    _one_sentence(_init(folder), "所属街道")
    _one_sentence(_init(folder, "--parent-code", "370102002"), "应以上级街道的代码")
    assert not (folder / "yichao.db").exists()


def test_the_counter_and_printing_work_at_an_office(office, tmp_path):
    folder, number = office
    r = yichao("passbook", "deposit", number, "--points", "40", "--memo", "助老服务", data_dir=folder)
    assert r.returncode == 0, r.stderr
    r = yichao("passbook", "redeem", number, "--points", "15", "--memo", "兑换大米", data_dir=folder)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in yichao("list", "passbooks", "--json", data_dir=folder).stdout.splitlines()]
    assert [(row["number"], row["balance"]) for row in rows] == [(number, 25)]
    r = yichao("print", "passbook", number, str(tmp_path / "p.pdf"), "--confirm", data_dir=folder)
    assert r.returncode == 0 and (tmp_path / "p.pdf").stat().st_size > 0, r.stderr
    r = yichao("bundle", "status", data_dir=folder)
    assert r.returncode == 0 and "社区储蓄所" in r.stdout, r.stderr


def test_the_street_s_work_is_refused_at_an_office(office, tmp_path):
    folder, _ = office
    _one_sentence(yichao("demo", "--residents", "10", data_dir=folder), "社区储蓄所不能生成演示数据")
    _one_sentence(yichao("community", "add", "甸柳新村社区", data_dir=folder), "社区名单由街道维护")
    book = tmp_path / "orgs.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["组织名称", "负责人"])
    wb.active.append(["甸柳义工队", "王芳"])
    wb.save(book)
    _one_sentence(yichao("xlsx", "import", "orgs", str(book), data_dir=folder), "社会组织档案由街道孵化中心管理")
    _one_sentence(yichao("print", "certificate", "entry", "--subject", "x", str(tmp_path / "c.pdf"),
                         data_dir=folder), "组织和项目的证书由街道签发")
    assert yichao("list", "orgs", "--json", data_dir=folder).stdout == ""  # nothing was written
