"""`yichao check` for organization files finds broken residency and lifecycle data."""

from __future__ import annotations

import random

from yichao.app.core.check import run_checks
from yichao.app.core.communities import add_community
from yichao.app.demo.orgs import make_orgs
from yichao.app.orgs.profile import OrgInput, create_org
from yichao.app.orgs.stage import start_residency
from yichao.models.organization import Organization


def _orgs_result(ws):
    return next(r for r in run_checks(ws) if r.name == "组织档案")


def test_demo_data_passes_and_broken_data_is_reported(workspace) -> None:
    community = add_community(workspace, "甸柳第一社区")
    with workspace.unit() as session:
        make_orgs(session, random.Random(5), 80, [community.uid], "370102", "370102", activities=2)
    assert _orgs_result(workspace).problems == []
    a = create_org(workspace, OrgInput(name="甲队"))
    b = create_org(workspace, OrgInput(name="乙队"))
    start_residency(workspace, a.uid, "Z-01", a.stage_since)
    with workspace.unit() as session:  # what a bad bundle or a hand edit could leave behind
        org = session.get(Organization, b.uid)
        org.resident, org.workstation, org.stage = True, "Z-01", "graduated"
    problems = _orgs_result(workspace).problems
    assert any("Z-01" in p for p in problems)
    assert any("仍登记为入驻" in p for p in problems)
    assert any("阶段历程" in p for p in problems)
