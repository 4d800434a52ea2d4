"""One money parser for every amount: forgiving where the meaning is plain, a sentence where not."""

from __future__ import annotations

import pytest

from yichao.app.core.errors import UserError
from yichao.app.core.money import chinese_number, format_yuan, parse_yuan, plain_yuan


@pytest.mark.parametrize("typed, fen", [
    ("5000", 500000), ("5000元", 500000), ("¥5,000", 500000), ("￥5，000.5", 500050), ("５０００", 500000),
    ("1.2万", 1200000), ("0.05", 5), (3000, 300000), (0.1, 10), (" 12 元 ", 1200),
])
def test_what_clerks_type(typed, fen):
    assert parse_yuan(typed) == fen


@pytest.mark.parametrize("typed, says", [
    ("五千", "应写成 5000"), ("一万二", "应写成 12000"), ("三千五百", "应写成 3500"), ("两百五十", "应写成 250"),
    ("3000.555", "最多两位小数"), ("-5", "负数"), ("abc", "不是金额"), ("", "请填写"),
])
def test_refused_with_one_sentence_naming_the_field(typed, says):
    with pytest.raises(UserError, match=says) as caught:
        parse_yuan(typed, "立项金额")
    assert "立项金额" in str(caught.value)


def test_chinese_numbers_and_shown_forms():
    assert chinese_number("五千") == 5000 and chinese_number("十") == 10 and chinese_number("五五") is None
    assert chinese_number("hello") is None
    assert format_yuan(1234560) == "12,345.60" and format_yuan(-5) == "-0.05"
    assert plain_yuan(1234560) == "12345.6" and plain_yuan(500000) == "5000" and plain_yuan(5) == "0.05"
