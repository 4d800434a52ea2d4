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
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, DateTime, Float, Integer, LargeBinary, Numeric, String, Text
from sqlalchemy.types import JSON, TypeDecorator, TypeEngine

from yichao.models.base import table_of
from yichao.models.journal import journaled_models, to_jsonable
from yichao.models.registry import import_all

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


def _decoder(t: TypeEngine[Any], column: str) -> Callable[[Any], Any]:
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
                        c.default is not None or c.server_default is not None)
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


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
