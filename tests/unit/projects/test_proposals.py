"""The six-step proposal loop and turning an adopted proposal into a project."""

from __future__ import annotations

import importlib
from datetime import date

import pytest

from tests.unit.projects.test_flow import make_org
from yichao.app.core.errors import UserError
from yichao.app.projects.proposals import (
    count_proposals,
    create_proposal,
    get_proposal,
    query_proposals,
    record_step,
    to_project,
)
from yichao.app.projects.records import ProjectInput, get_project


def test_steps_in_order_with_dates(workspace):
    p = create_proposal(workspace, "加装楼道扶手", "居民王阿姨", date(2026, 3, 1), summary="老楼没有扶手")
    assert p.next_step == "deliberate" and p.steps[0].step == "collect"
    with pytest.raises(UserError, match="不能跳到“形成”"):
        record_step(workspace, p.uid, "adopt", date(2026, 3, 5), "居民代表", "通过")
    with pytest.raises(UserError, match="早于"):
        record_step(workspace, p.uid, "deliberate", date(2026, 2, 5), "居民代表", "通过")
    with pytest.raises(UserError, match="参与人员"):
        record_step(workspace, p.uid, "deliberate", date(2026, 3, 5), "", "通过")
    with pytest.raises(UserError, match="形成"):
        to_project(workspace, p.uid, ProjectInput(make_org(workspace), "扶手", 1000_00))
    days = iter(range(5, 30, 4))
    for step in ("deliberate", "adopt", "execute", "evaluate", "publicize"):
        p = record_step(workspace, p.uid, step, date(2026, 3, next(days)), "居民议事会 12 人", f"{step} 决定")
    assert p.outcome == "done" and p.next_step is None and len(p.steps) == 6
    with pytest.raises(UserError, match="已公示"):
        record_step(workspace, p.uid, "publicize", date(2026, 4, 1), "x", "y")


def test_dropped_at_deliberation(workspace):
    p = create_proposal(workspace, "建停车场", "居民", date(2026, 3, 1))
    record_step(workspace, p.uid, "deliberate", date(2026, 3, 2), "议事会", "同意")
    with pytest.raises(UserError, match="只有在审议时"):
        record_step(workspace, p.uid, "adopt", date(2026, 3, 3), "议事会", "x", adopted=False)
    q = create_proposal(workspace, "拆围墙", "居民", date(2026, 3, 1))
    q = record_step(workspace, q.uid, "deliberate", date(2026, 3, 2), "议事会", "场地不允许", adopted=False)
    assert q.outcome == "dropped" and q.next_step is None
    assert count_proposals(workspace) == 2 and count_proposals(workspace, "dropped") == 1
    assert len(query_proposals(workspace, limit=1)) == 1


def test_adopted_proposal_becomes_a_project_once(workspace):
    p = create_proposal(workspace, "四点半课堂", "社区妈妈", date(2026, 3, 1))
    record_step(workspace, p.uid, "deliberate", date(2026, 3, 2), "议事会", "同意")
    record_step(workspace, p.uid, "adopt", date(2026, 3, 3), "议事会", "形成方案")
    org = make_org(workspace)
    project = to_project(workspace, p.uid, ProjectInput(org, "四点半课堂", 8000_00, applied_on=date(2026, 3, 4)))
    assert get_project(workspace, project.uid).proposal_uid == p.uid
    assert get_proposal(workspace, p.uid).project_uid == project.uid
    with pytest.raises(UserError, match="已经转为项目"):
        to_project(workspace, p.uid, ProjectInput(org, "四点半课堂", 8000_00))


def test_step_attachments_use_the_shared_store(workspace, tmp_path):
    importlib.import_module("yichao.app.core.attachments")
    from yichao.app.core.attachments import list_attachments

    minutes = tmp_path / "议事会纪要.txt"
    minutes.write_text("同意加装扶手", encoding="utf-8")
    p = create_proposal(workspace, "加装扶手", "王阿姨", date(2026, 3, 1))
    p = record_step(workspace, p.uid, "deliberate", date(2026, 3, 2), "议事会", "同意", attachments=[minutes])
    files = list_attachments(workspace, p.steps[1].uid)
    assert [f.filename for f in files] == ["议事会纪要.txt"]
