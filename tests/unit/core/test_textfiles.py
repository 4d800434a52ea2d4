"""Password files and small lists as Windows tools write them (issue 20 point 2)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from yichao.app.core import UserError, read_lines, read_password_file, read_text_file


def _write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "pw.txt"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        b"secret123\n",                                          # Linux echo
        b"secret123",                                            # no line end
        b"secret123\r\n",                                        # Notepad, CRLF
        codecs.BOM_UTF8 + b"secret123\r\n",                      # Notepad "UTF-8 with BOM"
        codecs.BOM_UTF16_LE + "secret123\r\n".encode("utf-16-le"),  # PowerShell 5: echo 'x' > f
        codecs.BOM_UTF16_BE + "secret123\r\n".encode("utf-16-be"),
        b"'secret123' \r\n",                                     # cmd.exe: echo 'secret123' > pw.txt
        b'"secret123" \r\n',                                     # cmd.exe with double quotes
        b"  secret123  \n\nsecond line\n",                       # surrounding spaces, more lines
        b"secret123 \r\n",                                       # cmd.exe: echo secret123 > pw.txt
        codecs.BOM_UTF16_LE + "'secret123'\r\n".encode("utf-16-le"),  # PowerShell 5: echo "'secret123'" > f
        codecs.BOM_UTF8 + b'"secret123"\r\n',                    # PowerShell 5: Out-File -Encoding utf8
    ],
    ids=["lf", "bare", "crlf", "utf8-bom", "utf16le-bom", "utf16be-bom", "cmd-single", "cmd-double", "spaces",
         "cmd-unquoted", "ps-quotes-utf16", "ps-quotes-utf8-bom"],
)
def test_every_windows_way_of_writing_a_password_reads_the_same(tmp_path: Path, data: bytes) -> None:
    assert read_password_file(_write(tmp_path, data)) == "secret123"


def test_chinese_password_in_utf8_utf16_and_a_chinese_console(tmp_path: Path) -> None:
    for data in ("密码 一二三\r\n".encode(), codecs.BOM_UTF16_LE + "密码 一二三".encode("utf-16-le"),
                 "密码 一二三\r\n".encode("gbk")):
        assert read_password_file(_write(tmp_path, data)) == "密码 一二三"  # inner space kept


@pytest.mark.parametrize("data", [b"", b"\r\n", b"   \n", codecs.BOM_UTF8, b"''\r\n"])
def test_an_empty_first_line_is_refused_with_a_sentence(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UserError, match="第一行是空的"):
        read_password_file(_write(tmp_path, data))


def test_missing_binary_and_folder_are_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="无法读取密码文件"):
        read_password_file(tmp_path / "nope.txt")
    with pytest.raises(UserError, match="不是文本文件"):
        read_password_file(_write(tmp_path, b"\xff\xfe\x00\xd8"))  # UTF-16 BOM, lone surrogate
    with pytest.raises(UserError, match="文件夹"):
        read_password_file(tmp_path)


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * (2 * 1024 * 1024))
    with pytest.raises(UserError, match="太大"):
        read_text_file(path, "评分文件")


def test_lists_skip_blank_lines_and_comments_and_lose_their_bom(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "# 对象清单\r\nabc  \r\n\r\n  def\r\n".encode("utf-16-le"))
    assert read_lines(path) == ["abc", "def"]


def test_the_old_import_path_still_works() -> None:
    from yichao.app.cli.common import read_password_file as old

    assert old is read_password_file
