"""Spreadsheets are read in bounded memory (issue 18 point 2): bombs and broken files are one sentence."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from yichao.app.core import excel
from yichao.app.core.errors import UserError

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(path: Path, rows: int = 3) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["甸柳第一社区 居民花名册"])
    ws.append(["姓名", "社区"])
    for i in range(rows):
        ws.append([f"居民{i}", "甸柳第一社区"])
    wb.save(path)
    return path


def _rewrite(path: Path, change) -> Path:
    """The same .xlsx with the sheet's XML replaced by ``change(xml)`` (bytes or an iterable of bytes)."""
    out = path.with_name("changed-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != SHEET:
                dst.writestr(info, data)
                continue
            new = change(data)
            with dst.open(SHEET, "w", force_zip64=True) as fh:
                for piece in ([new] if isinstance(new, bytes) else new):
                    fh.write(piece)
    return out


def _bounded(fn):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = fn()
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1024**2
        tracemalloc.stop()
    return result, seconds, peak


def test_a_merge_to_the_end_of_the_sheet_is_clipped_to_the_used_range(tmp_path):
    def merge_everything(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/>'
                                            b"</mergeCells>")

    path = _rewrite(_workbook(tmp_path / "m.xlsx"), merge_everything)
    assert path.stat().st_size < 10_000
    (name, rows), seconds, peak = _bounded(lambda: excel.read_rows(path))
    assert [r.number for r in rows] == [1, 2, 3, 4, 5] and rows[-1].cells == ("居民2", "甸柳第一社区")
    assert seconds < 2 and peak < 50, (seconds, peak)


def test_a_sheet_that_inflates_far_is_refused_from_the_directory(tmp_path):
    def padded(xml: bytes):
        head, tail = xml.split(b"<sheetData>", 1)
        yield head + b"<sheetData>"
        for _ in range(40):
            yield b" " * (1024 * 1024)  # 40 MB of blanks, a few hundred kilobytes packed
        yield tail

    path = _rewrite(_workbook(tmp_path / "big.xlsx"), padded)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UserError, match="解压后过大"):
        excel.read_rows(path)


def test_too_many_rows_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setattr(excel, "MAX_ROWS", 500)
    path = _workbook(tmp_path / "rows.xlsx", rows=600)
    with pytest.raises(UserError, match="文件过大：超过 500 行"):
        excel.read_rows(path)


def test_data_beyond_the_column_limit_is_refused(tmp_path):
    def far_cell(xml: bytes) -> bytes:
        return xml.replace(b"</row>", b'<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>', 1)

    path = _rewrite(_workbook(tmp_path / "wide.xlsx"), far_cell)
    with pytest.raises(UserError, match="超过 200 列"):
        excel.read_rows(path)


@pytest.mark.parametrize("damage", ["flip", "control", "cut"])
def test_broken_sheets_are_one_sentence(tmp_path, damage):
    path = _workbook(tmp_path / "b.xlsx", rows=50)
    if damage == "control":
        path = _rewrite(path, lambda xml: xml.replace("居民1".encode(), "居\x01民".encode(), 1))
    elif damage == "cut":
        path = _rewrite(path, lambda xml: xml[: len(xml) // 2])
    else:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(SHEET)
        raw = bytearray(path.read_bytes())
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
        for at in range(start + 10, start + info.compress_size - 4, 7):
            raw[at] ^= 0x5A  # the sheet's deflate stream is garbage now
        path.write_bytes(bytes(raw))
    with pytest.raises(UserError) as caught:
        excel.read_table(path)
    message = caught.value.message
    assert "\n" not in message and ("损坏" in message or "无法" in message), message
