"""`yichao list KIND` without --json is for a clerk: Chinese headings, Chinese values, the uid a
command such as `passbook open --holder` needs, and a sentence when there is nothing to list."""

from __future__ import annotations

import json
from pathlib import Path

from yichao.app.cli import main
from yichao.app.orgs import OrgInput, create_org
from yichao.app.people import PersonInput, create_person


def _signed_in(workspace, tmp_path: Path) -> list[str]:
    folder = workspace.data_dir
    workspace.close()
    pw = tmp_path / "pw.txt"
    pw.write_text("secret123\n", encoding="utf-8")
    return ["--data-dir", str(folder), "--user", "admin", "--password-file", str(pw)]


def test_the_table_speaks_chinese_and_shows_the_uid(workspace, tmp_path, capsys):
    create_person(workspace, PersonInput(name="王秀英", gender="female", is_volunteer=True))
    create_org(workspace, OrgInput(name="夕阳红\t艺术团"))  # a tab typed into a name keeps its column
    args = _signed_in(workspace, tmp_path)
    capsys.readouterr()

    assert main([*args, "list", "people", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out.splitlines()[0])
    assert stored["gender"] == "female" and stored["volunteer"] is True  # scripts keep the codes

    assert main([*args, "list", "people"]) == 0
    heading, row = capsys.readouterr().out.splitlines()
    assert heading.split("\t")[:3] == ["编号", "姓名", "性别"]
    cells = dict(zip(heading.split("\t"), row.split("\t"), strict=True))
    assert cells["编号"] == stored["uid"] and cells["性别"] == "女" and cells["志愿者"] == "是"

    assert main([*args, "list", "orgs"]) == 0
    heading, row = capsys.readouterr().out.splitlines()
    cells = dict(zip(heading.split("\t"), row.split("\t"), strict=True))
    assert cells["组织名称"] == "夕阳红 艺术团" and cells["阶段"] == "苗圃培育"


def test_nothing_to_list_is_said(workspace, tmp_path, capsys):
    args = _signed_in(workspace, tmp_path)
    capsys.readouterr()
    assert main([*args, "list", "passbooks"]) == 0
    assert capsys.readouterr().out.strip() == "没有记录。"
