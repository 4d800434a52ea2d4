"""File names a roadshow's name makes (issue 20 point 5): sanitised, shortened, extension kept."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from tests.unit.projects.test_flow import make_program, make_project
from yichao.app.projects.flow import advance
from yichao.app.roadshow.setup import CriterionSpec, add_entries, create_roadshow
from yichao.ui.launch import make_application
from yichao.ui.pages.projects.roadshow import RoadshowTab

HOSTILE = 'CON: 2026春季"公益"路演? <第一场> | ' + "社区微创投" * 40 + ". . "


def test_a_hostile_roadshow_name_makes_file_names_windows_accepts(qtbot, workspace, monkeypatch):
    make_application()
    program = make_program(workspace, budget=1_000_000_00)
    uid = make_project(workspace, program, title="P1")
    advance(workspace, uid, "screened", date(2026, 4, 1))
    r = create_roadshow(workspace, HOSTILE, date(2026, 4, 10), "会议室", [CriterionSpec("需求", 1.0, 10)], ["甲"],
                        program)
    add_entries(workspace, r.uid, [uid])
    tab = RoadshowTab(workspace)
    qtbot.addWidget(tab)
    assert tab.roadshow_uid == r.uid  # the only roadshow is selected
    assert tab.grid is not None and len(tab.grid.roadshow.name) > 200
    offered: list[str] = []
    monkeypatch.setattr(tab, "ask_save", lambda caption, name, pattern: offered.append(name))
    tab.actions_.blank_sheet()
    tab.actions_.export_scores()
    assert len(offered) == 2
    assert offered[0].endswith("评分表.xlsx") and offered[1].endswith("评分汇总.xlsx")
    for name in offered:
        assert name.endswith(".xlsx") and len(name) <= 90
        assert not re.search(r'[\\/:*?"<>|]', name) and name.split(".")[0].strip().upper() != "CON"
        assert Path(name).name == name
