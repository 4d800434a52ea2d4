"""Remembering what a clerk confirmed for a spreadsheet layout, so the next import of the same
template (next month's roster, say) maps its columns and values without asking again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from sqlalchemy import select

from yichao.app.core.excel import Table, clean_text, normalize_header
from yichao.app.core.value_map import (
    FixedList,
    ValueMap,
    ValueQuestion,
    apply_value_map,
    check_value_map,
    normalise_map_columns,
    split_cell,
    unmapped_hint,
    value_questions,
)
from yichao.app.core.workspace import Workspace
from yichao.models.base import utcnow
from yichao.models.import_memory import ImportMemory
from yichao.models.journal import record_event


def layout_key(headers: Sequence[str]) -> str:
    """The same template gives the same key, whatever spaces, marks (*) or notes its headers carry."""
    return hashlib.sha256("\x1f".join(normalize_header(h) for h in headers).encode("utf-8")).hexdigest()


def recall(ws: Workspace, kind: str, headers: Sequence[str]) -> tuple[dict[int, str] | None, dict[str, dict[str, str]]]:
    """(column mapping or None, value map) remembered for this kind of import and layout."""
    with ws.read() as session:
        found = session.scalar(select(ImportMemory).where(ImportMemory.kind == kind,
                                                          ImportMemory.layout_key == layout_key(headers)))
        if found is None:
            return None, {}
        columns = {int(k): v for k, v in json.loads(found.columns or "{}").items()}
        return (columns or None), json.loads(found.value_map or "{}")


def remember(ws: Workspace, kind: str, headers: Sequence[str], columns: Mapping[int, str],
             value_map: Mapping[str, Mapping[str, str]]) -> None:
    """Keep the confirmed mapping of this layout (merged into what was kept before); journaled."""
    key = layout_key(headers)
    with ws.unit() as session:
        found = session.scalar(select(ImportMemory).where(ImportMemory.kind == kind, ImportMemory.layout_key == key))
        if found is None:
            found = ImportMemory(kind=kind, layout_key=key, headers="", columns="{}", value_map="{}")
            session.add(found)
        merged: dict[str, dict[str, str]] = json.loads(found.value_map or "{}")
        for column, mapped in value_map.items():
            merged.setdefault(column, {}).update(mapped)
        found.headers = json.dumps(list(headers), ensure_ascii=False)
        found.columns = json.dumps({str(k): v for k, v in sorted(columns.items())}, ensure_ascii=False)
        found.value_map = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        found.updated_at = utcnow()
        session.flush()
        record_event(session, "import_mapping", "import_memory", str(found.id),
                     {"kind": kind, "values": sum(len(m) for m in value_map.values())})


def merged_map(remembered: ValueMap, given: ValueMap | None) -> dict[str, dict[str, str]]:
    """What this import uses: the remembered map, with what the clerk gave now taking precedence."""
    out = {column: dict(mapped) for column, mapped in remembered.items()}
    for column, mapped in (given or {}).items():
        out.setdefault(column, {}).update(mapped)
    return out


def mapped_table(ws: Workspace, kind: str, table: Table, lists: Sequence[FixedList],
                 value_map: ValueMap | None = None) -> tuple[Table, dict[str, dict[str, str]]]:
    """The table an importer checks: remembered and given value maps applied to the fixed-list
    columns; with the map it used, to remember once the import is done."""
    given = normalise_map_columns(value_map or {}, table, lists)
    check_value_map(given, table, lists)
    _columns, remembered = recall(ws, kind, table.headers)
    used = merged_map(remembered, given)
    return apply_value_map(table, lists, used), used


def questions_for(ws: Workspace, kind: str, table: Table, lists: Sequence[FixedList]) -> list[ValueQuestion]:
    """The values a clerk must still map for this file (none when the layout's mapping is remembered)."""
    _columns, remembered = recall(ws, kind, table.headers)
    return value_questions(table, lists, remembered)


def annotate_rejections(rejected: Sequence[tuple[int, str]], table: Table,
                        lists: Sequence[FixedList]) -> list[tuple[int, str]]:
    """Row errors caused by a value off a fixed list get the `--map` that would fix them."""
    hints: dict[int, list[str]] = {}
    questions = {(q.column, q.value): q for q in value_questions(table, lists)}
    if not questions:
        return list(rejected)
    by_field = {f.field: f for f in lists}
    for row in table.rows:
        for col, key in table.mapping.items():
            fixed = by_field.get(key)
            if fixed is None:
                continue
            header = clean_text(table.headers[col]) if col < len(table.headers) else ""
            for part in split_cell(row.get(col), fixed):
                question = questions.get((header, part))
                if question is not None:
                    hints.setdefault(row.number, []).append(unmapped_hint(question))
    return [(row, f"{reason}（{'；'.join(hints[row])}）" if row in hints else reason) for row, reason in rejected]
