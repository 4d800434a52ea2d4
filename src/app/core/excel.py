"""Reading the spreadsheets street offices really have, and writing tidy exports.

Real files have a title row or two above the header, merged cells, full-width digits typed by a
Chinese input method, trailing spaces, codes that Excel turned into numbers (``1.2E+17``: the last
digits are gone), blank rows, a 合计 row at the end, and sometimes are a CSV or an old .xls renamed
to .xlsx. :func:`read_table` copes with all of that and returns every data row with its sheet row
number, so an import can say "第 12 行：..." about exactly the row the clerk sees in Excel.

openpyxl is imported lazily (never at start-up, DESIGN.md section 8).
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from yichao.app.core.errors import UserError
from yichao.app.core.file_ops import remove_quietly, replace_with_retry
from yichao.models.identifiers import IdentifierError

__all__ = [
    "SheetRow", "Table", "Column", "cell_text", "normalize_header", "guess_mapping",
    "find_header_row", "read_rows", "read_table", "parse_date", "write_xlsx", "ImportReport",
    "rejection_lines",
]

# Full-width digits and letters (from input methods) to ASCII; full-width punctuation such as the
# （） in organization names is kept, because it is correct Chinese typography.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)}
_FULLWIDTH |= {cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)}
_FULLWIDTH |= {0x3000: 0x20, 0xA0: 0x20}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_SPACES = re.compile(r"\s+")
_TOTAL_WORDS = ("合计", "总计", "小计", "共计")
_HEADER_NOISE = re.compile(r"[\s*＊:：_\-—]|[（(][^）)]*[）)]")
MAX_HEADER_SCAN = 20
# bounded work on any file (issue 18 point 2): a 5 KB sheet must not grow into gigabytes
MAX_ROWS = 200_000  # rows of one sheet, blank ones included
MAX_COLS = 200  # columns that may hold data
MAX_MERGES = 20_000
MAX_CELLS = 10_000_000  # cells read or filled in by merges, empty ones included
MAX_INFLATED = 512 * 1024 * 1024  # bytes of one member of the .xlsx once unpacked
MAX_RATIO = 200  # unpacked / packed, for members over RATIO_FLOOR
RATIO_FLOOR = 8 * 1024 * 1024
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)"')


@dataclass(frozen=True)
class SheetRow:
    """One non-blank row of a sheet: its 1-based row number in Excel and its cells as text."""

    number: int
    cells: tuple[str, ...]

    def get(self, index: int) -> str:
        return self.cells[index] if 0 <= index < len(self.cells) else ""


@dataclass(frozen=True)
class Table:
    """The data part of a sheet: header, data rows, and rows left out with the reason."""

    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    skipped: tuple[tuple[int, str], ...] = ()
    mapping: Mapping[int, str] = field(default_factory=dict)

    def records(self, mapping: Mapping[int, str] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
        """(row number, {field key: text}) per data row, through a column -> field mapping."""
        use = self.mapping if mapping is None else mapping
        for row in self.rows:
            yield row.number, {key: row.get(col) for col, key in use.items()}


@dataclass(frozen=True)
class Column:
    """An export column: field key, header text and width in characters."""

    key: str
    header: str
    width: float = 14


# ---------------------------------------------------------------------------------- cell values

def clean_text(text: str) -> str:
    """Full-width digits/letters to ASCII, invisible characters gone, spaces collapsed, trimmed."""
    text = text.translate(_FULLWIDTH).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def cell_text(value: Any) -> str:
    """A cell as the text the clerk meant.

    Integral numbers lose their ``.0``; a number of 16 or more digits stored as a float has already
    lost digits in Excel, so it comes back in Excel's own ``1.2E+17`` notation, which the
    identifier validators reject with a sentence saying why. Dates become ``YYYY-MM-DD``.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15G}"
    return clean_text(str(value))


def normalize_header(text: str) -> str:
    """A header cell reduced for matching: no spaces, marks (*), colons or bracketed notes."""
    return _HEADER_NOISE.sub("", clean_text(text)).lower()


def parse_date(text: str, what: str = "日期") -> date | None:
    """A date as clerks type it: 2024-05-01, 2024/5/1, 2024.5.1, 2024年5月1日, 20240501, or an
    Excel serial number; empty gives None; anything else is an IdentifierError naming ``what``."""
    s = clean_text(text)
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", s)
    if not m:
        m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise IdentifierError(f"{what} “{s}” 不是有效日期。") from None
    if re.fullmatch(r"\d{5}(\.0+)?", s) and 20000 <= float(s) <= 80000:
        return date(1899, 12, 30) + timedelta(days=int(float(s)))
    raise IdentifierError(f"{what} “{s}” 无法识别，请写成 2024-05-01 的形式。")


# ---------------------------------------------------------------------------------- opening files

def _refuse_non_xlsx(path: Path) -> None:
    """Raise one clear sentence for a missing, CSV, old .xls or corrupt file."""
    if not path.exists():
        raise UserError(f"找不到文件 {path}。")
    if not path.is_file():
        raise UserError(f"{path} 不是一个文件。")
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        raise UserError(f"文件 {path.name} 是空的。")
    if zipfile.is_zipfile(path):
        _refuse_bomb(path)
        return
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UserError(f"文件 {path.name} 是旧版 Excel 97-2003（.xls）或加了密码的表格，"
                        "请在 Excel 中另存为不加密的 .xlsx 后再导入。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(sep in text for sep in (",", "\t", "，")) and "\x00" not in text:
            raise UserError(f"文件 {path.name} 其实是 CSV 文本文件，不是 Excel 表格，"
                            "请在 Excel 中打开并另存为 .xlsx 后再导入。")
    raise UserError(f"文件 {path.name} 已损坏或不是 Excel 表格（.xlsx），无法读取。")


def _too_big(path: Path) -> UserError:
    return UserError(f"文件 {path.name} 解压后过大（超过 {MAX_INFLATED // 1024 // 1024} MB 或压缩比异常），"
                     "不像是正常的表格，没有读取。")


def _refuse_bomb(path: Path) -> None:
    """Sizes from the zip's directory: nothing is inflated yet. (zipfile never inflates a member
    past the size its directory states, so these limits hold while reading.)"""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError(f"文件 {path.name} 已损坏或不是 Excel 表格（.xlsx），无法读取。") from exc
    if len(infos) > 10_000:
        raise _too_big(path)
    for info in infos:
        if info.file_size > MAX_INFLATED or (
                info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise _too_big(path)
    if sum(i.file_size for i in infos) > 2 * MAX_INFLATED:
        raise _too_big(path)


def _merged_ranges(workbook: Any, worksheet: Any) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of every merged range; read-only sheets do not parse
    them, so the <mergeCell> elements are found in the sheet's XML, streamed a piece at a time."""
    # openpyxl on first use, never at start-up (DESIGN.md section 8)
    from openpyxl.utils.cell import range_boundaries

    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if not path or archive is None:
        return []
    found = []
    tail = b""
    try:
        with archive.open(path) as fh:
            while piece := fh.read(1024 * 1024):
                chunk = tail + piece
                cut = chunk.rfind(b"<")  # a tag cut in two is looked at with the next piece
                cut = cut if cut > len(chunk) - 512 else len(chunk)
                for ref in _MERGE.findall(chunk[:cut]):
                    min_col, min_row, max_col, max_row = range_boundaries(ref.decode().upper())
                    if min_col and min_row and max_col and max_row:  # always, for refs of this pattern
                        found.append((min_row, min_col, max_row, max_col))
                    if len(found) > MAX_MERGES:
                        raise UserError(f"表格里的合并单元格超过 {MAX_MERGES} 处，不像是正常的表格，没有读取。")
                tail = chunk[cut:]
    except KeyError:
        return []
    except (ValueError, TypeError) as exc:
        raise UserError("表格里的合并单元格写法无法识别，文件可能已损坏。") from exc
    return found


def read_rows(path: str | Path, sheet: str | None = None) -> tuple[str, list[SheetRow]]:
    """(sheet name, every non-blank row with its number); merged cells carry the merged value
    in every cell they cover. Raises UserError for anything that is not a readable .xlsx."""
    path = Path(path)
    _refuse_non_xlsx(path)
    with open(path, "rb") as handle:  # ours, so a half-read workbook never leaves the file open
        return _read_sheet(handle, path, sheet)


def _read_sheet(handle: Any, path: Path, sheet: str | None) -> tuple[str, list[SheetRow]]:
    # openpyxl on first use, never at start-up (DESIGN.md section 8)
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, ValueError,
            TypeError, EOFError, SyntaxError, zlib.error, NotImplementedError, RuntimeError, IndexError,
            AttributeError, struct.error) as exc:
        raise UserError(f"文件 {path.name} 已损坏或不是 Excel 表格（.xlsx），无法读取。") from exc
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise UserError(f"文件 {path.name} 里没有名为 “{sheet}” 的工作表。")
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        merges = _merged_ranges(workbook, worksheet)
        worksheet.reset_dimensions()  # some writers record wrong dimensions; read what is there
        grid: dict[int, list[str]] = {}
        budget = MAX_CELLS
        try:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                budget -= len(values)
                if budget < 0:
                    raise UserError(f"文件过大：超过 {MAX_CELLS} 个单元格。请分成几个文件导入。")
                if number > MAX_ROWS:
                    raise UserError(f"文件过大：超过 {MAX_ROWS} 行。请分成几个文件导入。")
                if len(values) > MAX_COLS and any(v not in (None, "") for v in values[MAX_COLS:]):
                    raise UserError(f"文件过大：超过 {MAX_COLS} 列。请只保留要导入的列。")
                cells = [cell_text(v) for v in values[:MAX_COLS]]
                while cells and not cells[-1]:
                    cells.pop()
                if cells:
                    grid[number] = cells
        except UserError:
            raise
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError, OSError, EOFError,
                SyntaxError, zlib.error, NotImplementedError, RuntimeError, IndexError, struct.error) as exc:
            # SyntaxError: the XML parser's ParseError (a control character, a cut file)
            raise UserError(f"文件 {path.name} 已损坏，无法读完。") from exc
        last_row = max(grid, default=0)
        width = max((len(c) for c in grid.values()), default=0)
        for min_row, min_col, max_row, max_col in merges:
            # a merge reaches no further than the cells that hold data (A2:XFD1048576 is 5 KB)
            max_row, max_col = min(max_row, last_row), min(max_col, width)
            top = grid.get(min_row, [])
            value = top[min_col - 1] if min_col - 1 < len(top) else ""
            if not value:
                continue
            budget -= max(0, max_row - min_row + 1) * max(0, max_col - min_col + 1)
            if budget < 0:
                raise UserError(f"文件过大：合并单元格覆盖超过 {MAX_CELLS} 个单元格。")
            for r in range(min_row, max_row + 1):
                cells = grid.setdefault(r, [])
                if len(cells) < max_col:
                    cells.extend([""] * (max_col - len(cells)))
                for c in range(min_col - 1, max_col):
                    if not cells[c]:
                        cells[c] = value
        return worksheet.title, [SheetRow(n, tuple(grid[n])) for n in sorted(grid)]
    finally:
        workbook.close()


# ---------------------------------------------------------------------------------- headers

def _match_score(header: str, alias: str) -> int:
    """3 for an exact match, 2 when the alias is inside the header, 1 the other way round."""
    if not header or not alias:
        return 0
    if header == alias:
        return 3
    if alias in header:
        return 2
    if header in alias and len(header) >= 2:
        return 1
    return 0


def guess_mapping(headers: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> dict[int, str]:
    """Column index -> field key, guessed from Chinese header variants.

    ``aliases`` maps each field key to its header names (``{"name": ["名称", "组织名称"]}``).
    Exact matches win over partial ones, longer aliases over shorter; each field and each column
    is used at most once.
    """
    norm_headers = [normalize_header(h) for h in headers]
    candidates: list[tuple[int, int, int, str]] = []
    for key, names in aliases.items():
        for alias in [key, *names]:
            a = normalize_header(alias)
            for col, h in enumerate(norm_headers):
                score = _match_score(h, a)
                if score:
                    candidates.append((score, len(a), -col, key))
    candidates.sort(reverse=True)
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for _score, _length, neg_col, key in candidates:
        col = -neg_col
        if key in used or col in mapping:
            continue
        mapping[col] = key
        used.add(key)
    return dict(sorted(mapping.items()))


def find_header_row(rows: Sequence[SheetRow], aliases: Mapping[str, Sequence[str]] | None = None) -> int:
    """Index (into ``rows``) of the header row among the first rows.

    With aliases: the row that maps the most fields (title rows above it map none). Without: the
    first row with at least two distinct non-empty cells (a merged title has one value).
    """
    scan = rows[:MAX_HEADER_SCAN]
    if aliases:
        best, best_count = -1, 0
        for i, row in enumerate(scan):
            count = len(guess_mapping(row.cells, aliases))
            if count > best_count:
                best, best_count = i, count
        if best >= 0:
            return best
    for i, row in enumerate(scan):
        if len({c for c in row.cells if c}) >= 2:
            return i
    return 0


def _is_total_row(row: SheetRow) -> bool:
    first = next((c for c in row.cells if c), "")
    return first.replace(" ", "").startswith(_TOTAL_WORDS)


def read_table(
    path: str | Path,
    aliases: Mapping[str, Sequence[str]] | None = None,
    sheet: str | None = None,
) -> Table:
    """The header and data rows of a messy sheet.

    Title rows above the header and blank rows are dropped; a 合计/总计 row ends the data (notes
    under it such as 填表人 are left out too), and every left-out row below the header is listed
    in ``skipped`` with the reason. ``mapping`` holds the guessed column -> field mapping.
    """
    name, rows = read_rows(path, sheet)
    if not rows:
        raise UserError(f"文件 {Path(path).name} 的工作表 “{name}” 是空的。")
    h = find_header_row(rows, aliases)
    header = rows[h]
    width = max(len(r.cells) for r in rows)
    headers = tuple(header.cells) + ("",) * (width - len(header.cells))
    data: list[SheetRow] = []
    skipped: list[tuple[int, str]] = []
    ended = False
    for row in rows[h + 1:]:
        if ended:
            skipped.append((row.number, "合计行之后的说明"))
        elif _is_total_row(row):
            skipped.append((row.number, "合计行"))
            ended = True
        elif list(row.cells) == list(headers[:len(row.cells)]):
            skipped.append((row.number, "重复的表头"))
        else:
            data.append(row)
    mapping = guess_mapping(headers, aliases) if aliases else {}
    return Table(name, header.number, headers, tuple(data), tuple(skipped), mapping)


# ---------------------------------------------------------------------------------- writing

def write_xlsx(
    path: str | Path,
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any] | Sequence[Any]],
    *,
    sheet_title: str = "Sheet1",
    title: str | None = None,
) -> int:
    """Write an export: optional title line, bold frozen header, column widths, text kept as text.

    Rows are dicts keyed by column key or sequences in column order. Text that starts with ``=``
    is stored as text, never as a formula. Written to a temporary file first, so a failure leaves
    no half file. Returns the number of data rows.
    """
    # openpyxl on first use, never at start-up (DESIGN.md section 8)
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    for i, col in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = col.width
    header_row = 2 if title else 1
    sheet.freeze_panes = f"A{header_row + 1}"  # before the first append: views stream first
    if title:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True, size=14)
        sheet.append([cell])
    bold = Font(bold=True)
    centre = Alignment(horizontal="center", vertical="center")
    header_cells = []
    for col in columns:
        cell = WriteOnlyCell(sheet, value=col.header)
        cell.font, cell.alignment = bold, centre
        header_cells.append(cell)
    sheet.append(header_cells)
    count = 0
    keys = [c.key for c in columns]
    for row in rows:
        values = [row.get(k) for k in keys] if isinstance(row, Mapping) else list(row)
        out: list[Any] = []
        for v in values:
            if isinstance(v, str) and v.startswith("="):
                cell = WriteOnlyCell(sheet, value=v)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(v)
        sheet.append(out)
        count += 1
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(tmp)
        replace_with_retry(tmp, path)  # antivirus holds a file just written for a moment (Windows)
    except OSError as exc:
        remove_quietly(tmp)
        raise UserError(f"无法写入 {path}（{exc.strerror or exc}），文件可能正在被 Excel 打开。") from exc
    except UserError as exc:  # still held after waiting: most often the same file open in Excel
        remove_quietly(tmp)
        raise UserError(f"{exc.message}如果 {path.name} 正在 Excel 里打开，请先关闭它再导出。") from exc
    return count


# ---------------------------------------------------------------------------------- import reports

@dataclass(frozen=True)
class ImportReport:
    """What an Excel import found and did; shared by every ``xlsx import`` kind.

    ``rejected`` lists (sheet row number, reason) for every refused row, ``warnings`` what was
    imported with a 待补 mark. An importer applies nothing when ``dry_run`` is set, or when any row
    is rejected and ``skip_invalid`` is not. :mod:`yichao.app.core.import_report` words it.
    """

    total: int
    valid: int
    applied: int
    rejected: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    dry_run: bool = False
    # what a real roster lacks: imported, the record marked 待补 (never blocks the import)
    warnings: tuple[tuple[int, str], ...] = ()
    # communities the file names that the site lacks (core.community_match.NewCommunity)
    new_communities: tuple[Any, ...] = ()
    communities_added: bool = False  # they are (dry run: would be) created with the rows

    @property
    def refused(self) -> bool:
        """True when rejected rows stopped the whole import."""
        return bool(self.rejected) and self.applied == 0 and not self.dry_run


def rejection_lines(report: ImportReport) -> list[str]:
    """``第 N 行：reason`` for every rejected row, in sheet order."""
    return [f"第{row}行：{reason}" for row, reason in sorted(report.rejected)]
