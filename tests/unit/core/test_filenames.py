"""File names from hostile titles (issue 20 point 5): every name works on Windows."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yichao.app.core import safe_filename

FORBIDDEN = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}


def _windows_accepts(name: str) -> bool:
    base = name.split(".")[0].rstrip(" ").upper()
    return (bool(name) and not FORBIDDEN.search(name) and not name.endswith((".", " "))
            and base not in RESERVED and len(name) <= 255)


@pytest.mark.parametrize(
    "title, suffix, expected",
    [
        ("社区微创投：关爱老人？", ".pdf", "社区微创投：关爱老人？.pdf"),
        ('a/b\\c:d*e?f"g<h>i|j', ".pdf", "a／b＼c：d＊e？f＂g＜h＞i｜j.pdf"),
        ("名称\t带\n控制\x00字符", "", "名称 带 控制 字符"),
        ("结尾有点和空格. . ", ".pdf", "结尾有点和空格.pdf"),
        ("CON", ".pdf", "_CON.pdf"),
        ("com1.txt", "", "_com1.txt"),
        ("nul ", ".xlsx", "_nul.xlsx"),
        ("LPT9", "", "_LPT9"),
        ("CONSOLE", ".pdf", "CONSOLE.pdf"),
        ("", ".pdf", "未命名.pdf"),
        ("...", ".pdf", "未命名.pdf"),
        ("报告.pdf", ".pdf", "报告.pdf"),  # the suffix is not doubled
    ],
)
def test_hostile_titles(title: str, suffix: str, expected: str) -> None:
    assert safe_filename(title, suffix) == expected
    assert _windows_accepts(safe_filename(title, suffix))


def test_a_long_title_is_shortened_and_keeps_its_suffix() -> None:
    name = safe_filename("关于" + "社区" * 300 + "的项目", "结项报告.pdf"[-4:])
    assert name.endswith(".pdf") and len(name) == 80 + 4


@given(st.text(max_size=400), st.sampled_from(["", ".pdf", ".xlsx", "pdf", ".p:df"]))
def test_any_text_makes_a_name_windows_accepts(title: str, suffix: str) -> None:
    assert _windows_accepts(safe_filename(title, suffix))


@pytest.mark.parametrize("title", ["交流会" * 120, "a:b" * 200, "CON", "", "路演. . "])
def test_fixed_words_and_the_suffix_survive_a_long_title(title: str) -> None:
    """A roadshow of 300 characters: "评分表.xlsx" stays at the end (the extension was lost before)."""
    name = safe_filename(title, ".xlsx", tail="评分表")
    assert name.endswith("评分表.xlsx") and len(name) <= 80 + 5
    assert _windows_accepts(name)


@given(st.text(max_size=400), st.text(max_size=60))
def test_any_text_with_any_tail_makes_a_name_windows_accepts(title: str, tail: str) -> None:
    assert _windows_accepts(safe_filename(title, ".pdf", tail=tail))
