"""The messy-spreadsheet reader and the export writer (yichao.app.core.excel)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from yichao.app.core.errors import UserError
from yichao.app.core.excel import (
    Column,
    cell_text,
    find_header_row,
    guess_mapping,
    parse_date,
    read_rows,
    read_table,
    write_xlsx,
)
from yichao.models.identifiers import IdentifierError, validate_credit_code

ALIASES = {
    "name": ["名称", "组织名称", "社会组织名称"],
    "credit_code": ["统一社会信用代码", "信用代码"],
    "leader": ["负责人", "法定代表人"],
    "phone": ["联系电话", "电话", "手机"],
    "community": ["所属社区", "社区"],
}


def _messy(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "组织名单"
    ws["A1"] = "甸柳街道社会组织名单（2024年）"
    ws.merge_cells("A1:E1")
    ws["A2"] = "填报单位：甸柳街道  "
    ws.append([])  # row 3 blank
    ws.append(["序号", "*组织名称 ", "统一社会信用代码", "负责人", "联系电话（手机）", "所属社区"])  # row 4
    ws.append([1, "夕阳情艺术团  ", "５２３７０１０２ＭＪ１２３４５６７８", "张三", 13812345678.0, "甸柳一居"])  # 5
    ws.append([2, "邻里互助队", 1.2e17, "李四", "0531-86012345", None])  # 6: community merged from 5
    ws.merge_cells("F5:F6")
    ws.append([None, None, None, None, None, None])  # 7 blank
    ws.append([3, "阳光 助老队 ", "", "王五", "１３９００００００００", "甸柳二居"])  # 8
    ws.append(["合计", "3个", None, None, None, None])  # 9
    ws.append(["填表人：赵六"])  # 10
    wb.save(path)
    return path


def test_cell_text_handles_numbers_dates_and_widths() -> None:
    assert cell_text(13812345678.0) == "13812345678"
    assert cell_text(1.2e17) == "1.2E+17"
    assert cell_text(370102199001011234.0) == "3.70102199001011E+17"
    assert cell_text(12.5) == "12.5"
    assert cell_text(datetime(2024, 5, 1)) == "2024-05-01"
    assert cell_text("  夕阳\u3000情  艺术团 ") == "夕阳 情 艺术团"
    assert cell_text("１２３ＡＢｃ（筹）") == "123ABc（筹）"
    assert cell_text(None) == "" and cell_text(True) == "是"


def test_excel_float_code_is_rejected_with_reason() -> None:
    with pytest.raises(IdentifierError, match="科学计数法"):
        validate_credit_code(cell_text(1.2e17))


def test_read_table_messy_sheet(tmp_path: Path) -> None:
    table = read_table(_messy(tmp_path / "orgs.xlsx"), ALIASES)
    assert table.sheet == "组织名单"
    assert table.header_row == 4
    assert table.mapping == {1: "name", 2: "credit_code", 3: "leader", 4: "phone", 5: "community"}
    records = list(table.records())
    assert [n for n, _ in records] == [5, 6, 8]
    first, second, third = (r for _, r in records)
    assert first["name"] == "夕阳情艺术团"
    assert first["credit_code"] == "52370102MJ12345678"
    assert first["phone"] == "13812345678"
    assert second["community"] == "甸柳一居"  # merged down
    assert second["credit_code"] == "1.2E+17"
    assert third["phone"] == "13900000000"
    assert third["name"] == "阳光 助老队"
    assert table.skipped == ((9, "合计行"), (10, "合计行之后的说明"))


def test_read_rows_fills_merged_title(tmp_path: Path) -> None:
    name, rows = read_rows(_messy(tmp_path / "m.xlsx"))
    assert rows[0].number == 1 and rows[0].cells[:5] == ("甸柳街道社会组织名单（2024年）",) * 5
    assert 3 not in [r.number for r in rows]


def test_guess_mapping_prefers_exact_and_uses_each_field_once() -> None:
    headers = ["社区", "组织名称", "名称简称", "负责人电话", "联系电话", "法定代表人"]
    mapping = guess_mapping(headers, ALIASES)
    assert mapping[1] == "name"
    assert mapping[4] == "phone"
    assert mapping[0] == "community"
    assert mapping[5] == "leader"
    assert list(mapping.values()).count("phone") == 1


def test_find_header_row_without_aliases_skips_merged_title() -> None:
    from yichao.app.core.excel import SheetRow

    rows = [SheetRow(1, ("标题", "标题", "标题")), SheetRow(2, ("名称", "电话"))]
    assert find_header_row(rows) == 1


def test_csv_renamed_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "list.xlsx"
    f.write_text("名称,负责人\n夕阳情,张三\n", encoding="gbk")
    with pytest.raises(UserError, match="CSV"):
        read_rows(f)


def test_corrupt_and_xls_and_missing_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    with pytest.raises(UserError, match="损坏"):
        read_rows(bad)
    xls = tmp_path / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(UserError, match="xls"):
        read_rows(xls)
    zipped = tmp_path / "notexcel.xlsx"
    import zipfile

    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(UserError, match="损坏|不是 Excel"):
        read_rows(zipped)
    with pytest.raises(UserError, match="找不到"):
        read_rows(tmp_path / "nope.xlsx")


def test_parse_date_variants() -> None:
    assert parse_date("2024-05-01") == date(2024, 5, 1)
    assert parse_date("2024/5/1") == date(2024, 5, 1)
    assert parse_date("2024年5月1日") == date(2024, 5, 1)
    assert parse_date("20240501") == date(2024, 5, 1)
    assert parse_date("45413") == date(2024, 5, 1)
    assert parse_date(" ") is None
    with pytest.raises(IdentifierError, match="成立日期"):
        parse_date("去年", "成立日期")
    with pytest.raises(IdentifierError, match="不是有效日期"):
        parse_date("2024-02-30")


def test_write_xlsx_roundtrip_keeps_text_and_widths(tmp_path: Path) -> None:
    out = tmp_path / "out" / "export.xlsx"
    cols = [Column("name", "名称", 30), Column("code", "统一社会信用代码", 22), Column("n", "人数", 8)]
    n = write_xlsx(out, cols, [{"name": "=1+1", "code": "52370102MJ12345678", "n": 12},
                               ["夕阳情", "000123", 3]], title="组织名单")
    assert n == 2
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws["A1"].value == "组织名单"
    assert [c.value for c in ws[2]] == ["名称", "统一社会信用代码", "人数"]
    assert ws["A3"].value == "=1+1" and ws["A3"].data_type == "s"
    assert ws["B4"].value == "000123"
    assert ws.column_dimensions["A"].width == 30
    assert ws.freeze_panes == "A3"
    table = read_table(out, {"name": ["名称"], "code": ["信用代码"], "n": ["人数"]})
    assert [r for _, r in table.records()][1] == {"name": "夕阳情", "code": "000123", "n": "3"}
    assert not list(out.parent.glob("*.part"))
