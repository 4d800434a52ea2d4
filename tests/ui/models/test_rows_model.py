"""The one model of short whole lists: object rows through columns, text rows, greyed district rows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from yichao.ui.models.paged_table_model import ROW_ROLE, UID_ROLE, Column
from yichao.ui.models.rows_model import READ_ONLY_COLOR, RowsModel, text_columns

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class Item:
    uid: str
    name: str
    read_only: bool = False


def test_object_rows_read_through_their_columns(qtbot):
    model = RowsModel([Column("name", "名称", lambda r: r.name)])
    model.set_rows([Item("a", "大米"), Item("b", "食用油", read_only=True)])
    assert model.rowCount() == 2 and model.columnCount() == 1
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    assert model.data(model.index(1, 0)) == "食用油"
    assert model.data(model.index(0, 0), UID_ROLE) == "a"
    assert model.data(model.index(1, 0), ROW_ROLE).name == "食用油"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).name() == READ_ONLY_COLOR
    assert model.data(model.index(2, 0)) is None  # past the end: nothing, no IndexError


def test_text_rows_align_their_figures_right(qtbot):
    model = RowsModel(text_columns(["类别", "新增", "修改"], numbers=range(1, 3)))
    model.set_rows([["组织", "1,200", "3"]])
    assert [model.data(model.index(0, c)) for c in range(3)] == ["组织", "1,200", "3"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) != RIGHT
    assert model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == RIGHT


def test_new_columns_come_with_their_rows(qtbot):
    model = RowsModel(text_columns(["字段"]))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.columnCount()))
    model.set_columns(text_columns(["字段", "甸柳街道", "姚家街道"]), [["名称", "山泉", "山泉志愿"]])
    assert resets == [3]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["字段", "甸柳街道", "姚家街道"]
    assert model.data(model.index(0, 2)) == "山泉志愿"
