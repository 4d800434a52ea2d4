"""Folder names Windows allows and URLs do not (issue 20): ``#`` (a user name such as ``Office#2``),
``%41``, spaces and Chinese in the data folder's path. Opening, backing up and restoring work there;
before, ``%41`` became ``A`` (no database) and ``#`` cut the path (every backup refused)."""

from __future__ import annotations

from pathlib import Path

import pytest

from yichao.app.core import maintenance
from yichao.app.core.backup import integrity_problem
from yichao.app.core.communities import add_community, list_communities
from yichao.app.core.setup import initialize
from yichao.app.core.workspace import CurrentUser, open_workspace


@pytest.mark.parametrize("name", ["资料#2", "50%41 折", "张 三"])
def test_a_data_folder_with_odd_characters_opens_backs_up_and_restores(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name / "益巢"
    ws = initialize(folder, "street", "370102001", "甸柳街道", "admin", "secret123", "370102", "历下区")
    ws.user = CurrentUser("admin", "admin", "管理员")
    try:
        add_community(ws, "燕山社区")
        backup = maintenance.make_backup(ws)
        assert integrity_problem(backup) is None
        add_community(ws, "千佛山社区")
        plan = maintenance.restore_plan(ws, backup)
        assert plan.current_readable and plan.dropped_total >= 1
        maintenance.restore_backup(ws, backup)
    finally:
        ws.close()
    assert (folder / "yichao.db").exists()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no database made at a decoded path
    again = open_workspace(folder)
    try:
        assert [c.name for c in list_communities(again)] == ["燕山社区"]
    finally:
        again.close()
