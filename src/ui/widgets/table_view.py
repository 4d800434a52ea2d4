"""A QTableView set up for big paged models: fixed row height, interactive columns, SQL sorting."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table_view(parent: QWidget | None = None, column_widths: list[int] | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    vheader = view.verticalHeader()
    vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vheader.setDefaultSectionSize(26)
    vheader.hide()
    hheader = view.horizontalHeader()
    hheader.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hheader.setStretchLastSection(True)
    hheader.setHighlightSections(False)
    view._column_widths = column_widths or []  # type: ignore[attr-defined]
    return view


def apply_column_widths(view: QTableView, widths: list[int]) -> None:
    """Set widths after the model is attached (never ResizeToContents on a big table)."""
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
