"""A district PC revoked while it runs (issue 19, gap C).

PC B is open (joined, an administrator signed in) when PC A revokes it in another process: B's next
changing call is refused with one sentence and writes nothing; B's clerk can still sign out; a
transaction B began before the revocation and commits after it is refused as well.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text

from yichao.app.core import NotAuthorized, add_community, join, list_communities, revoke_pc, sign_out
from yichao.app.core.vault import still_authorized

from .conftest_pg import pg_database  # noqa: F401 - the fixture
from .test_district import district, ok, run  # noqa: F401 - the fixture


def count(url: str, sql: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text(sql)).scalar_one()
    engine.dispose()
    return int(value)


def test_a_running_pc_revoked_elsewhere_is_refused_at_its_next_change(district):  # noqa: F811
    url, a, b = district
    ws = join(b, url, "admin", "secret123")
    try:
        add_community(ws, "甸柳第一社区")  # authorized: the change is stored
        ok(run(a, "pc", "revoke", ws.pc_id))  # on PC A, another process
        journal_rows = count(url, "SELECT count(*) FROM journal")
        with pytest.raises(NotAuthorized) as refused:
            add_community(ws, "甸柳第二社区")
        assert "撤销授权" in refused.value.message and "没有保存" in refused.value.message
        assert ws.revoked == refused.value.message
        assert count(url, "SELECT count(*) FROM community WHERE name = '甸柳第二社区'") == 0
        assert count(url, "SELECT count(*) FROM journal") == journal_rows  # not even a journal row
        assert [c.name for c in list_communities(ws)] == ["甸柳第一社区"]  # reading still works
        sign_out(ws)  # writes nothing, but the clerk is signed out
        assert ws.user is None
    finally:
        ws.close()


def test_a_transaction_open_while_the_pc_is_revoked_does_not_commit(district):  # noqa: F811
    url, a, b = district
    ws = join(b, url, "admin", "secret123")
    other = join(a.parent / "C", url, "admin", "secret123")  # a third PC revokes B, in this process
    try:
        began, revoked = threading.Event(), threading.Event()
        caught: list[BaseException] = []

        def b_changes() -> None:
            try:
                with ws.unit() as session:
                    session.execute(text("UPDATE site SET name = name"))
                    began.set()
                    revoked.wait(60)
            except BaseException as exc:  # noqa: BLE001 - asserted below
                caught.append(exc)

        worker = threading.Thread(target=b_changes)
        worker.start()
        assert began.wait(60)
        revoke_pc(other, ws.pc_id)
        revoked.set()
        worker.join(60)
        assert len(caught) == 1 and isinstance(caught[0], NotAuthorized), caught
        # the check itself: one row read, refused for B, passed for the PC that revoked it
        with other.unit() as session:
            still_authorized(session, other.pc_id)
            with pytest.raises(NotAuthorized):
                still_authorized(session, ws.pc_id)
    finally:
        ws.close()
        other.close()
