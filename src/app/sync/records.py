"""Which records travel and how a record becomes JSON and back, checked column by column.

Generic over the models: every class with the sync mixin travels unless it says
``__synced__ = False``. Values are checked against the column's type, length and nullability
before anything is written, so a bundle with a wrong value is refused with a sentence instead of
failing half-way in the database.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, String, Text
from sqlalchemy.types import JSON, TypeDecorator, TypeEngine

from yichao.models.base import table_of
from yichao.models.journal import journaled_models, to_jsonable
from yichao.models.registry import import_all
from yichao.models.sealed_column import PREFIX as SEALED_PREFIX
from yichao.models.sealed_column import SealedString

# Columns that describe the receiving site itself and take a fixed value on arrival (a site row
# received from a peer is never this site's own). A model may add its own with the same attribute.
LOCAL_COLUMNS: dict[str, dict[str, Any]] = {"site": {"is_local": False}}
SYNC_COLUMNS = ("uid", "origin", "rev", "updated_at", "deleted")


def printable(text: object, limit: int = 40) -> str:
    """Untrusted text fit for a one-line message: no control characters, not too long."""
    return "".join(c if c.isprintable() else "?" for c in str(text)[:limit])


class RecordError(ValueError):
    """A received value does not fit its column; the message is a Chinese clause."""


@dataclass(frozen=True)
class ColumnCodec:
    name: str
    decode: Callable[[Any], Any]
    nullable: bool
    has_default: bool
    # what :func:`decode_records` checks a whole column against: "bool", "int" (``limit``: the
    # bits), "str" (``limit``: the length, 0 for none), "datetime", or "other" (``decode`` per value)
    kind: str = "other"
    limit: int = 0


@dataclass(frozen=True)
class TableCodec:
    name: str
    model: type
    columns: tuple[ColumnCodec, ...]
    private: tuple[str, ...]  # never leave the site in full (unless the district's policy asks)
    local: dict[str, Any]  # fixed on arrival
    foreign_keys: tuple[tuple[str, str], ...]  # (column, referred table)
    column_names: tuple[str, ...] = ()
    # columns whose values are not JSON as they are (dates, decimals, bytes)
    converted: tuple[str, ...] = ()
    name_set: frozenset[str] = frozenset()  # column_names, for checking a received record's keys


def _base_type(t: TypeEngine[Any]) -> TypeEngine[Any]:
    while isinstance(t, TypeDecorator):
        t = t.impl_instance if hasattr(t, "impl_instance") else t.impl  # type: ignore[assignment]
    return t


def _kind(t: TypeEngine[Any]) -> tuple[str, int]:
    """The column's kind and limit for :func:`decode_records`, as :func:`_decoder` checks it."""
    base = _base_type(t)
    if isinstance(t, SealedString):
        return "sealed", getattr(base, "length", None) or 0
    if isinstance(base, Boolean):
        return "bool", 0
    if isinstance(base, Integer):
        return "int", 63 if isinstance(base, BigInteger) else 31
    if isinstance(base, (String, Text)) and not isinstance(base, JSON):
        return "str", getattr(base, "length", None) or 0
    if isinstance(base, DateTime):
        return "datetime", 0
    return "other", 0


def _decoder(t: TypeEngine[Any], column: str) -> Callable[[Any], Any]:
    if isinstance(t, SealedString):
        return _sealed_decoder(_plain_decoder(t, column), column)
    return _plain_decoder(t, column)


def _sealed_decoder(plain: Callable[[Any], Any], column: str) -> Callable[[Any], Any]:
    """A sealed column's value travels in clear: one in the stored (sealed) form would be stored as
    it is and could never be opened here, breaking every list that shows the column."""
    def dec(v: Any) -> Any:
        if isinstance(v, str) and v.startswith(SEALED_PREFIX):
            raise RecordError(f"字段 {column} 的值不是明文（以 {SEALED_PREFIX} 开头）")
        return plain(v)
    return dec


def _plain_decoder(t: TypeEngine[Any], column: str) -> Callable[[Any], Any]:
    base = _base_type(t)

    def fail(v: Any) -> RecordError:
        return RecordError(f"字段 {column} 的值 {str(v)[:40]!r} 类型不对")

    if isinstance(base, Boolean):
        def dec(v: Any) -> Any:
            if isinstance(v, bool):
                return v
            raise fail(v)
    elif isinstance(base, Integer):
        bits = 63 if isinstance(base, BigInteger) else 31

        def dec(v: Any) -> Any:
            if isinstance(v, int) and not isinstance(v, bool) and -2**bits <= v < 2**bits:
                return v
            raise fail(v)
    elif isinstance(base, (String, Text)) and not isinstance(base, JSON):
        length = getattr(base, "length", None)

        def dec(v: Any) -> Any:
            if not isinstance(v, str) or "\x00" in v or (length and len(v) > length):
                raise fail(v)
            return v
    elif isinstance(base, DateTime):
        def dec(v: Any) -> Any:
            try:
                d = datetime.fromisoformat(v)
            except (TypeError, ValueError):
                raise fail(v) from None
            return d if d.tzinfo else d.replace(tzinfo=UTC)
    elif isinstance(base, Date):
        def dec(v: Any) -> Any:
            try:
                return date.fromisoformat(v)
            except (TypeError, ValueError):
                raise fail(v) from None
    elif isinstance(base, Numeric) and not isinstance(base, Float):
        def dec(v: Any) -> Any:
            try:
                d = Decimal(str(v)) if isinstance(v, (str, int)) and not isinstance(v, bool) else None
            except InvalidOperation:
                d = None
            if d is None or not d.is_finite():
                raise fail(v)
            return d
    elif isinstance(base, Float):
        def dec(v: Any) -> Any:
            if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) != float("inf"):
                return float(v)
            raise fail(v)
    elif isinstance(base, LargeBinary):
        def dec(v: Any) -> Any:
            try:
                return bytes.fromhex(v)
            except (TypeError, ValueError):
                raise fail(v) from None
    else:  # JSON and anything else: any JSON value
        def dec(v: Any) -> Any:
            return v
    return dec


@lru_cache(maxsize=1)
def table_codecs() -> dict[str, TableCodec]:
    """Every synced table, in dependency order (parents before children)."""
    import_all()
    out: dict[str, TableCodec] = {}
    for model in journaled_models():
        if getattr(model, "__synced__", True) is False:
            continue
        table = table_of(model)
        cols = tuple(
            ColumnCodec(c.name, _decoder(c.type, c.name), bool(c.nullable),
                        c.default is not None or c.server_default is not None, *_kind(c.type))
            for c in table.columns
        )
        fks = tuple((fk.parent.name, fk.column.table.name) for fk in table.foreign_keys)
        local = dict(LOCAL_COLUMNS.get(table.name, {}))
        local.update(getattr(model, "__sync_local_columns__", {}))
        plain = (Boolean, Integer, String, Text, Float)
        converted = tuple(c.name for c in table.columns if not isinstance(_base_type(c.type), plain)
                          or isinstance(_base_type(c.type), JSON))
        out[table.name] = TableCodec(table.name, model, cols,
                                     tuple(getattr(model, "__journal_exclude__", ())), local, fks,
                                     tuple(c.name for c in cols), converted, frozenset(c.name for c in cols))
    return out


def encode_row(codec: TableCodec, row: Any) -> dict[str, Any]:
    """A database row (mapping by column name) as JSON-ready values."""
    out = {name: row[name] for name in codec.column_names}
    for name in codec.converted:
        out[name] = to_jsonable(out[name])
    return out


def decode_record(codec: TableCodec, data: Any) -> dict[str, Any]:
    """A received record as column values; :class:`RecordError` names the first wrong field."""
    if not isinstance(data, dict):
        raise RecordError("记录不是一个对象")
    if len(data) > len(codec.column_names) or not data.keys() <= codec.name_set:
        unknown = sorted(set(data) - codec.name_set)
        raise RecordError(f"表 {codec.name} 没有字段 {printable(unknown[0]) if unknown else '?'}")
    out: dict[str, Any] = {}
    for col in codec.columns:
        if col.name not in data:
            if col.name in SYNC_COLUMNS:
                raise RecordError(f"缺少字段 {col.name}")
            if not col.nullable:
                raise RecordError(f"缺少字段 {col.name}")
            out[col.name] = None
            continue
        value = data[col.name]
        if value is None:
            if not col.nullable:
                raise RecordError(f"字段 {col.name} 不能为空")
            out[col.name] = None
        else:
            out[col.name] = col.decode(value)
    if len(out["uid"]) != 36 or out["rev"] < 1:
        raise RecordError("记录标识或修订号无效")
    out.update(codec.local)
    return out


_NONE = type(None)


def decode_records(codec: TableCodec, datas: list[Any]) -> list[dict[str, Any]] | None:
    """Many received records at once, the same rows :func:`decode_record` gives them, or None.

    Checked column by column with C-level passes (the types of a column as one set, its longest
    text, its smallest and largest number) instead of a Python call per value. None means "not
    here": a record that fails a check, or lacks a column (the sender left it out), goes to
    :func:`decode_record` one at a time, which names the first wrong field."""
    names = codec.column_names
    if not datas or not all(type(d) is dict and d.keys() == codec.name_set for d in datas):
        return None
    decoded: list[Any] = []
    for col, values in zip(codec.columns, zip(*map(itemgetter(*names), datas))):  # column by column
        got = _decode_column(col, values)
        if got is None:
            return None
        decoded.append(got)
    uids, revs = decoded[names.index("uid")], decoded[names.index("rev")]
    if set(map(len, uids)) != {36} or min(revs) < 1:  # both required: never None here
        return None
    rows = [dict(zip(names, values)) for values in zip(*decoded)]
    if codec.local:
        for row in rows:
            row.update(codec.local)
    return rows


def _decode_column(col: ColumnCodec, values: tuple[Any, ...]) -> tuple[Any, ...] | list[Any] | None:
    """One column's values decoded (None: a value fails, or a null where none may be)."""
    types = set(map(type, values))
    if _NONE in types:
        if not col.nullable or col.name in SYNC_COLUMNS:
            return None
        types.discard(_NONE)
        given = [v for v in values if v is not None]
    else:
        given = list(values)
    if not given:
        return values
    kind = col.kind
    if kind == "bool":
        return values if types == {bool} else None
    if kind == "int":
        bound = 2**col.limit
        return values if types == {int} and -bound <= min(given) and max(given) < bound else None
    if kind in ("str", "sealed"):
        if types != {str} or "\x00" in "".join(given) or (col.limit and max(map(len, given)) > col.limit):
            return None
        if kind == "sealed" and any(v.startswith(SEALED_PREFIX) for v in given):
            return None  # decode_record names it
        return values
    try:
        if kind == "datetime" and types == {str}:
            parsed = iter([d if d.tzinfo else d.replace(tzinfo=UTC) for d in map(datetime.fromisoformat, given)])
        else:
            parsed = iter(list(map(col.decode, given)))
    except (TypeError, ValueError):  # RecordError is a ValueError
        return None
    return [None if v is None else next(parsed) for v in values] if len(given) < len(values) else list(parsed)


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
