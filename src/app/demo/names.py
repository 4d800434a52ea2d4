"""Plausible Chinese names, addresses and phone numbers for demo data."""

from __future__ import annotations

import random
from datetime import date, timedelta

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红梅建国建华志强文博思雨子涵浩然欣怡梓轩"
    "雅琴淑珍凤兰海燕晓东春生秋菊德明振华国庆丽华金凤玉兰文静佳怡俊杰宇航晨曦嘉怡梦瑶"
)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.7:
        given += rng.choice(GIVEN_CHARS)
    return rng.choice(SURNAMES) + given


def birth_date(rng: random.Random, youngest: int = 18, oldest: int = 90, today: date | None = None) -> date:
    today = today or date(2026, 11, 1)
    days = rng.randint(youngest * 365, oldest * 365)
    return today - timedelta(days=days)


def mobile(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + "".join(str(rng.randint(0, 9)) for _ in range(9))


COMMUNITY_NAMES = ("甸柳第一社区", "甸柳第二社区", "燕山社区", "文化东路社区", "山大路社区", "和平路社区",
                   "姚家社区", "千佛山社区")
