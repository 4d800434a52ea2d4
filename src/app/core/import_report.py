"""How a checked or finished ``xlsx import`` reads, the same in the CLI and the GUI: errors and
warnings apart, each with its count, and the communities the file would add, named once."""

from __future__ import annotations

from yichao.app.core.community_match import new_communities_line
from yichao.app.core.excel import ImportReport


def warning_lines(report: ImportReport) -> list[str]:
    """``第 N 行：…`` for every row imported with a 待补 mark, in sheet order."""
    return [f"第{row}行：{text}" for row, text in sorted(report.warnings)]


def communities_line(report: ImportReport) -> str:
    return new_communities_line(tuple(report.new_communities), report.communities_added)


def counts_line(report: ImportReport) -> str:
    """``共 12 行：10 行可以导入，2 行有错误，3 行有提醒（导入后标为待补）。``"""
    text = f"共 {report.total} 行：{report.valid} 行可以导入，{len(report.rejected)} 行有错误"
    if report.warnings:
        text += f"，{len({row for row, _ in report.warnings})} 行有提醒（照常导入，记录标为“待补”）"
    return text + "。"
