"""Values as well as columns: mapping a spreadsheet's own words onto the program's fixed lists.

A street's needs list says 助老服务 where Yichao says 助老, its roster says 社团 for 社会团体. Every
column with a fixed list of values is declared by its importer as a :class:`FixedList`; after the
column mapping, :func:`value_questions` lists the distinct values of the file that are not on the list,
each with a proposed program value (a built-in synonym, a near match, or the list's 其他), which the
clerk confirms or changes once for all rows. :func:`apply_value_map` then rewrites those cells before
the importer's own row checks, so a value nobody mapped still fails there as a row error.

A value map is ``{column header as in the file: {value in the file: program value}}``; the CLI's
``--map COLUMN=FROM:TO`` builds one with :func:`parse_map_options`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from yichao.app.core.errors import UserError
from yichao.app.core.excel import SheetRow, Table, clean_text, normalize_header

ValueMap = Mapping[str, Mapping[str, str]]
_MULTI_SPLIT = re.compile(r"[、,，;；/／|\s]+")


@dataclass(frozen=True)
class FixedList:
    """A field whose cells must be one of ``values`` (the words the importer accepts)."""

    field: str
    label: str
    values: tuple[str, ...]
    synonyms: Mapping[str, str] = dataclass_field(default_factory=dict)  # proposed, confirmed by the clerk
    accepted: frozenset[str] = frozenset()  # other words the importer itself understands: never asked
    other: str | None = None  # the catch-all value, when the list has one
    multi: bool = False  # a cell may hold several values (服务领域: 为老、文体)
    blank_ok: bool = True


@dataclass(frozen=True)
class ValueQuestion:
    """One distinct value of one column that the program's list lacks."""

    column: str  # the header as the file has it
    field: str
    label: str
    value: str
    rows: int
    proposal: str | None
    choices: tuple[str, ...]


def propose(value: str, fixed: FixedList) -> str | None:
    """The program value a clerk most likely meant: a synonym, the value with a suffix such as 服务
    or 类 dropped, a near match, else the list's 其他 (None when there is no such value)."""
    if value in fixed.values:
        return value
    if value in fixed.synonyms:
        return fixed.synonyms[value]
    contained = [v for v in fixed.values if v != fixed.other and len(v) >= 2 and (v in value or value in v)]
    if len(contained) == 1:
        return contained[0]
    close = difflib.get_close_matches(value, [v for v in fixed.values if v != fixed.other], n=1, cutoff=0.5)
    if close:
        return close[0]
    return fixed.other


def _columns(table: Table, lists: Sequence[FixedList]) -> list[tuple[int, FixedList]]:
    by_field = {f.field: f for f in lists}
    return [(col, by_field[key]) for col, key in sorted(table.mapping.items()) if key in by_field]


def split_cell(text: str, fixed: FixedList) -> list[str]:
    """The values of one cell: one, or several for a multi-value column."""
    text = clean_text(text)
    if not text:
        return []
    return [p for p in _MULTI_SPLIT.split(text) if p] if fixed.multi else [text]


def _by_plain_header(value_map: ValueMap) -> dict[str, dict[str, str]]:
    """The map keyed by normalised header: 需求类别* in next month's file is 需求类别 of this one."""
    out: dict[str, dict[str, str]] = {}
    for column, mapped in value_map.items():
        out.setdefault(normalize_header(column), {}).update(mapped)
    return out


def _header(table: Table, col: int) -> str:
    return clean_text(table.headers[col]) if col < len(table.headers) else ""


def value_questions(table: Table, lists: Sequence[FixedList], known: ValueMap | None = None) -> list[ValueQuestion]:
    """Every distinct value of a fixed-list column that neither the list nor ``known`` covers."""
    known = _by_plain_header(known or {})
    out: list[ValueQuestion] = []
    for col, fixed in _columns(table, lists):
        header = _header(table, col)
        mapped = known.get(normalize_header(header), {})
        counts: Counter[str] = Counter()
        for row in table.rows:
            for part in split_cell(row.get(col), fixed):
                if part not in fixed.values and part not in fixed.accepted and part not in mapped:
                    counts[part] += 1
        order = {value: i for i, value in enumerate(counts)}  # first appearance in the file
        for value, rows in sorted(counts.items(), key=lambda item: (-item[1], order[item[0]])):
            out.append(ValueQuestion(header, fixed.field, fixed.label, value, rows, propose(value, fixed),
                                     fixed.values))
    return out


def apply_value_map(table: Table, lists: Sequence[FixedList], value_map: ValueMap | None) -> Table:
    """The table with every mapped value of a fixed-list column replaced by its program value."""
    if not value_map:
        return table
    plain = _by_plain_header(value_map)
    columns = [(col, fixed, mapped) for col, fixed in _columns(table, lists)
               if (mapped := plain.get(normalize_header(_header(table, col)), {}))]
    if not columns:
        return table
    rows: list[SheetRow] = []
    for row in table.rows:
        cells = list(row.cells)
        for col, fixed, mapped in columns:
            if col >= len(cells):
                continue
            parts = split_cell(cells[col], fixed)
            if any(p in mapped for p in parts):
                cells[col] = "、".join(mapped.get(p, p) for p in parts)
        rows.append(SheetRow(row.number, tuple(cells)))
    return replace(table, rows=tuple(rows))


def check_value_map(value_map: ValueMap, table: Table, lists: Sequence[FixedList]) -> None:
    """Refuse a mapping onto a value the program's list lacks, or for a column the file lacks."""
    fixed_by_header = {_header(table, col): fixed for col, fixed in _columns(table, lists)}
    plain = {normalize_header(h): h for h in fixed_by_header}
    for column, mapped in value_map.items():
        fixed = fixed_by_header.get(column) or fixed_by_header.get(plain.get(normalize_header(column), ""))
        if fixed is None:
            raise UserError(f"文件里没有名为“{column}”的固定取值栏，无法映射它的值。")
        for source, target in mapped.items():
            if target not in fixed.values:
                raise UserError(f"“{column}”的“{source}”不能映射为“{target}”：{fixed.label}只能是"
                                f"{'、'.join(fixed.values)}。")


def normalise_map_columns(value_map: ValueMap, table: Table, lists: Sequence[FixedList]) -> dict[str, dict[str, str]]:
    """The map keyed by the file's exact headers (``--map 需求类别=…`` for a header 需求类别*)."""
    headers = {normalize_header(_header(table, col)): _header(table, col) for col, _f in _columns(table, lists)}
    out: dict[str, dict[str, str]] = {}
    for column, mapped in value_map.items():
        key = headers.get(normalize_header(column), column)
        out.setdefault(key, {}).update(mapped)
    return out


def parse_map_options(items: Sequence[str]) -> dict[str, dict[str, str]]:
    """``["需求类别=助老服务:助老", ...]`` -> ``{"需求类别": {"助老服务": "助老"}}``."""
    out: dict[str, dict[str, str]] = {}
    for item in items:
        column, sep, pair = item.partition("=")
        source, sep2, target = pair.partition(":")
        if not sep or not sep2 or not column.strip() or not source.strip() or not target.strip():
            raise UserError(f"--map “{item}” 应写成 栏名=文件里的值:程序里的值，例如 需求类别=助老服务:助老。")
        out.setdefault(column.strip(), {})[clean_text(source)] = clean_text(target)
    return out


def unmapped_hint(question: ValueQuestion) -> str:
    """The row-error hint a CLI user can act on."""
    proposal = question.proposal or question.choices[0]
    return f"可用 --map {question.column}={question.value}:{proposal} 指定对应的值"
