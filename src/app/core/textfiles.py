"""Small text files a clerk makes by hand on Windows: password files, lists, scores.

Notepad may put a byte-order mark in front; PowerShell 5's ``echo x > f`` writes UTF-16 with a BOM;
cmd.exe's ``echo 'x' > f`` keeps the quotes and the space before ``>`` and ends the line with CRLF;
a Chinese cmd.exe writes in the console code page (GBK). Every such file reads as the text the
clerk meant, or is refused with one sentence.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from yichao.app.core.errors import UserError

MAX_SMALL_TEXT = 1024 * 1024  # a hand-made list or a password: far below a megabyte

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes) -> str | None:
    """The text of ``data``: by its BOM, else UTF-8, else GBK (a Chinese console); None if neither fits."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
    for encoding in ("utf-8", "gbk"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def read_text_file(path: str | Path, what: str = "文件", limit: int = MAX_SMALL_TEXT) -> str:
    """The whole text of a small file the user names, whatever Windows tool wrote it.

    ``what`` names the file in the sentence of a refusal (e.g. "密码文件").
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise UserError(f"{what} {path} 是一个文件夹，不是文件。")
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise UserError(f"无法读取{what} {path}：{exc.strerror or exc}。") from exc
    if len(data) > limit:
        raise UserError(f"{what} {path} 太大（超过 {limit // 1024} KB），不像是手写的文本文件。")
    text = decode_text(data)
    if text is None:
        raise UserError(f"{what} {path} 不是文本文件（应为 UTF-8 或 UTF-16 编码）。")
    return text


def clean_line(line: str) -> str:
    """A line as meant: no line end, no surrounding spaces, no one pair of quotes around it
    (cmd.exe's ``echo 'x' > f`` and ``echo "x" > f`` keep them)."""
    line = line.strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "'\"":
        line = line[1:-1].strip()
    return line


def read_password_file(path: str | Path) -> str:
    """The password in the first line of ``path``, cleaned as :func:`clean_line` says.

    A password can therefore not begin or end with a space, nor be wrapped in one pair of quotes;
    the set-up and the sign-in read it the same way, so what was set is what signs in.
    """
    text = read_text_file(path, "密码文件", limit=64 * 1024)
    lines = text.splitlines()
    password = clean_line(lines[0]) if lines else ""
    if not password:
        raise UserError(f"密码文件 {path} 的第一行是空的。")
    return password


def read_lines(path: str | Path, what: str = "文件") -> list[str]:
    """The non-empty, non-comment (#) lines of a small list file, each cleaned."""
    lines = (clean_line(line) for line in read_text_file(path, what).splitlines())
    return [line for line in lines if line and not line.startswith("#")]
