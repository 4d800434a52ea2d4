"""The status bar's last exchange: the newest bundle sent or received, found without walking the
journal (it is read on the main window's first paint, before the clerk can do anything)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from yichao.app.core.status import last_exchange
from yichao.app.stats.fig_sync import bundle_overdue
from yichao.app.stats.period import china_today
from yichao.app.stats.scope import ALL
from yichao.models.journal import JournalEntry, record_event


def _journal(ws, ops: list[str]) -> None:
    with ws.unit() as session:
        for op in ops:
            record_event(session, op)


def test_the_newest_exchange_of_either_kind_is_shown(workspace):
    assert last_exchange(workspace) is None  # a site that never exchanged
    _journal(workspace, ["bundle_export", "login"] * 3 + ["bundle_import"] + ["login"] * 50)
    with workspace.read() as session:
        newest = session.query(JournalEntry).filter(JournalEntry.op == "bundle_import").one()
    assert last_exchange(workspace) == newest.at


def _readers():
    """The two readers of the last exchange: the status bar's and the dashboard's to-do."""
    def dashboard(ws):
        with ws.read() as session:
            return bundle_overdue(session, ALL, china_today(None))

    return [last_exchange, dashboard]


@pytest.mark.parametrize("reader", _readers(), ids=["status bar", "dashboard to-do"])
def test_the_last_exchange_is_read_through_the_operation_index(workspace, reader):
    # a site's journal as PRAGMA optimize leaves it: many rows, few operations, statistics taken
    _journal(workspace, ["bundle_export"] + ["insert", "update"] * 1500)
    with workspace.engine.begin() as conn:
        conn.execute(text("ANALYZE journal"))
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "journal" in statement:
            statements.append((statement, parameters))

    engine = workspace.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        reader(workspace)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    assert statements
    with engine.connect() as conn:
        for statement, parameters in statements:
            plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
            assert not any(d.startswith("SCAN journal") for d in plan), (statement, plan)
    assert any("ix_journal_op" in d for d in plan), plan
