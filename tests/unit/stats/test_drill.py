"""The list behind each 工作台 figure holds exactly what the figure counts."""

from __future__ import annotations

from yichao.app.core.workspace import CLI_USER
from yichao.app.stats import dashboard_data, drill_down
from yichao.app.stats.drill import DRILLS


def test_every_card_and_todo_drills_to_what_it_counts(workspace) -> None:
    from yichao.app.demo import run_demo

    workspace.user = CLI_USER
    run_demo(workspace, residents=60, seed=5)
    data = dashboard_data(workspace)
    checked = 0
    for item in (*data.cards, *data.todos):
        if item.key == "bundle_overdue" or item.key.startswith("first_"):  # open a page, not records
            continue
        assert item.key in DRILLS, f"{item.key} opens nothing"
        drill = drill_down(workspace, item.key)
        count = item.count if hasattr(item, "count") else item.value
        if drill.uids is None:  # the whole list
            continue
        assert drill.caption.startswith("工作台：")
        if drill.exact and item.key != "needs_median_days":
            assert len(drill.uids) == count, item.key
            checked += 1
        elif count:
            assert drill.uids, item.key  # something to open whenever the figure is not zero
    assert checked >= 8
    overdue = drill_down(workspace, "needs_overdue", "逾期需求 6 件")
    assert overdue.page == "residents" and overdue.target == "needs" and overdue.caption == "工作台：逾期需求 6 件"
