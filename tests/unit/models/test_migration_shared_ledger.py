"""0025: a passbook ledger written before several counters keeps its order (origin_seq from seq),
and a merged negative balance or a second counter's line at the same place can be stored."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from yichao.models import migrate
from yichao.models.db import make_engine


def _row(conn, table: str, values: dict) -> None:
    """A row as the older schema takes it: every required column filled by its type."""
    row = dict(values)
    for _cid, name, kind, notnull, _default, _pk in conn.exec_driver_sql(f"pragma table_info({table})"):
        if notnull and name not in row:
            row[name] = 0 if kind.upper() in ("INTEGER", "BOOLEAN", "FLOAT") else (
                "2026-01-01" if kind.upper() in ("DATE", "DATETIME") else "")
    names = ", ".join(f'"{k}"' for k in row)
    conn.execute(text(f"insert into {table} ({names}) values ({', '.join(':' + k for k in row)})"), row)


def test_an_existing_ledger_keeps_its_order_and_merged_states_fit(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = migrate.alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0021_attachment_blob")  # every head before 0025
    with engine.begin() as conn:
        _row(conn, "person", {"uid": "p1", "origin": "S", "name": "孙丽"})
        _row(conn, "passbook", {"uid": "b1", "origin": "S", "number": "S-000001", "site_code": "S", "seq": 1,
                                "holder_uid": "p1", "status": "active", "next_page": 1, "next_line": 1})
        for seq in (1, 2, 3):
            _row(conn, "passbook_entry", {"uid": f"e{seq}", "origin": "S", "passbook_uid": "b1", "seq": seq,
                                          "kind": "deposit", "memo": "x", "points": 10, "balance_after": 10 * seq})
    migrate.upgrade(engine)
    with engine.begin() as conn:
        assert dict(conn.exec_driver_sql("select uid, origin_seq from passbook_entry").all()) == {
            "e1": 1, "e2": 2, "e3": 3}
        conn.exec_driver_sql("update passbook set balance = -30 where uid = 'b1'")  # a merged overdraw
        _row(conn, "passbook_entry", {"uid": "o1", "origin": "O", "passbook_uid": "b1", "seq": 3, "kind": "redeem",
                                      "memo": "x", "points": -60, "balance_after": -30})
        for origin in ("S", "O"):  # two counters printed the same place offline
            _row(conn, "passbook_printed_line", {"uid": f"l{origin}", "origin": origin, "passbook_uid": "b1",
                                                 "page": 1, "line": 1})
    assert not migrate.needs_upgrade(engine)
    engine.dispose()
