"""Reading a bundle's members into checked records: every value fits its column before a write.

A record that is neither the sender's nor the receiver's own (given back), appears twice, names
an unknown table or carries a value its column cannot hold refuses the whole bundle with the line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from yichao.app.core.errors import UserError
from yichao.app.sync.records import RecordError, decode_record, decode_records, printable, table_codecs
from yichao.app.sync.relay import Signers


def int_field(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value >= 2**31:
        raise UserError(f"数据包清单里的{what}无效，已拒绝导入。")
    return value


BATCH = 2000  # records decoded column by column at a time


def parse_changes(lines: Iterable[bytes], sender: str, me: str = "", relayed: tuple[str, ...] = (),
                  signers: Signers | None = None) -> dict[str, list[dict[str, Any]]]:
    """Records of the sender, of ours that it gives back (we asked, or it saw our key change), and
    of the origins it relays to us (an office's street: its district's, relay.py). Records of an
    origin in ``signers`` (an office's, at its street and at the district) must each carry its
    valid signature, or the bundle is refused.

    ``lines`` are the member's lines as bytes, read one at a time (the member is never whole in
    memory); a line ends at a newline only, so a text holding U+2028 stays one record.

    Lines are taken :data:`BATCH` at a time, their records decoded table by table, column by
    column (:func:`decode_records`); a batch with anything that does not pass goes line by line
    through :func:`_parse_lines`, the reference, which refuses at the first wrong line or takes
    what the batch path left to it (a record without every column, a signed office record)."""
    read = _Reading(sender, {sender, me, *relayed}, signers)
    batch: list[tuple[int, bytes]] = []
    for n, raw in enumerate(lines, 1):
        if not raw or raw.isspace():
            continue
        batch.append((n, raw))
        if len(batch) == BATCH:
            _parse_batch(batch, read)
            batch = []
    if batch:
        _parse_batch(batch, read)
    return read.out


class _Reading:
    """What the batches share: whose records are taken, the uids seen so far, the records."""

    def __init__(self, sender: str, allowed: set[str], signers: Signers | None) -> None:
        self.sender, self.allowed, self.signers = sender, allowed, signers
        self.seen: set[str] = set()
        self.out: dict[str, list[dict[str, Any]]] = {}


_scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]  # json.loads without its per-call layers


def _parse_batch(batch: list[tuple[int, bytes]], read: _Reading) -> None:
    """One batch into ``read``, all of it or (through the reference) up to a refusal."""
    codecs = table_codecs()
    by_table: dict[str, list[Any]] = {}
    try:
        for _, raw in batch:
            line = raw.decode("utf-8")
            item, end = _scan(line, 0)
            table = item.get("t") if type(item) is dict else None
            if end != len(line) or type(table) is not str or table not in codecs or "p" in item:
                raise ValueError("to the reference")
            by_table.setdefault(table, []).append(item.get("d"))
    except (ValueError, StopIteration, RecursionError):  # UnicodeDecodeError is a ValueError
        return _parse_lines(batch, read)
    decoded = {table: decode_records(codecs[table], datas) for table, datas in by_table.items()}
    rows = [r for got in decoded.values() if got is not None for r in got]
    uids = [r["uid"] for r in rows]
    origins = {r["origin"] for r in rows}
    signed = read.signers is not None and any(o in read.signers for o in origins)  # checked one by one
    if (None in decoded.values() or not origins <= read.allowed or signed or len(set(uids)) != len(uids)
            or not read.seen.isdisjoint(uids)):
        return _parse_lines(batch, read)
    read.seen.update(uids)
    for table, got in decoded.items():
        read.out.setdefault(table, []).extend(got or ())
    return None


def _parse_lines(batch: list[tuple[int, bytes]], read: _Reading) -> None:
    """The batch line by line: each record checked on its own, the first wrong line refused."""
    codecs = table_codecs()
    signers, seen, out = read.signers, read.seen, read.out
    for n, raw in batch:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UserError("数据包的变更文件编码错误，已拒绝导入。") from exc
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise RecordError("不是一个对象")
            table = item.get("t")
            if not isinstance(table, str) or table not in codecs:
                raise RecordError(f"未知的记录类型 {printable(table)}")
            codec = codecs[table]
            row = decode_record(codec, item.get("d"))
            priv = item.get("p", {})
            if not isinstance(priv, dict) or set(priv) - set(codec.private):
                raise RecordError("隐私字段无效")
            for col, p in priv.items():
                if not isinstance(p, dict) or not isinstance(p.get("hmac"), str) or len(p["hmac"]) != 64:
                    raise RecordError("隐私字段无效")
                row.setdefault("__hashes__", {})[col] = p["hmac"]
        except (ValueError, RecursionError) as exc:
            raise UserError(f"数据包第 {n} 条变更无效（{exc}），已拒绝导入。") from exc
        if signers is not None and row["origin"] in signers:
            signers.check(n, table, item, row)
        elif row["origin"] not in read.allowed:
            raise UserError(f"数据包第 {n} 条变更不属于发送站点 {read.sender}，已拒绝导入。")
        if row["uid"] in seen:
            raise UserError(f"数据包里同一条记录出现了两次（第 {n} 条），已拒绝导入。")
        seen.add(row["uid"])
        out.setdefault(table, []).append(row)


def parse_hashes(data: bytes, records: dict[str, list[dict[str, Any]]]) -> list[tuple[str, str, str, str]]:
    codecs = table_codecs()
    out = []
    try:
        for line in data.decode("utf-8").splitlines():
            if not line:
                continue
            item = json.loads(line)
            t, u, c, h = item["t"], item["u"], item["c"], item["h"]
            if (t not in codecs or c not in codecs[t].private or not isinstance(u, str) or len(u) != 36
                    or not isinstance(h, str) or len(h) != 64):
                raise ValueError
            out.append((t, u, c, h))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise UserError("数据包的身份号码摘要文件已损坏，已拒绝导入。") from exc
    for table, rows in records.items():
        for row in rows:
            for col, digest in row.get("__hashes__", {}).items():
                out.append((table, row["uid"], col, digest))
    return out
