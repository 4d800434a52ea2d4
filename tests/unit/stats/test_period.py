"""Periods: parsing, bounds in Beijing time, previous and trailing months."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from yichao.app.core.errors import UserError
from yichao.app.stats.period import Period, current, parse_period


def test_parse_each_form():
    assert parse_period("2026-10") == Period("month", 2026, 10)
    assert parse_period("2026-Q4") == Period("quarter", 2026, 4)
    assert parse_period("2026q2") == Period("quarter", 2026, 2)
    assert parse_period("2026") == Period("year", 2026, 1)
    assert parse_period("2026-3", "month").code == "2026-03"


@pytest.mark.parametrize("text,kind", [("2026-13", None), ("2026-00", "month"), ("2026", "month"),
                                       ("26-10", None), ("2026-10", "year"), ("2026-Q5", None)])
def test_bad_periods_are_refused_with_a_sentence(text, kind):
    with pytest.raises(UserError) as info:
        parse_period(text, kind)
    assert str(info.value).endswith("。")


def test_month_bounds_follow_beijing_time():
    p = Period("month", 2026, 10)
    assert (p.start, p.end) == (date(2026, 10, 1), date(2026, 11, 1))
    assert p.start_utc == datetime(2026, 9, 30, 16, 0, tzinfo=UTC)
    assert p.end_utc == datetime(2026, 10, 31, 16, 0, tzinfo=UTC)
    # 2026-10-31 20:00 UTC is already November in Beijing
    assert current("month", datetime(2026, 10, 31, 20, 0, tzinfo=UTC)) == Period("month", 2026, 11)


def test_quarter_and_year_months_previous_and_trailing():
    q = Period("quarter", 2026, 1)
    assert [m.code for m in q.months()] == ["2026-01", "2026-02", "2026-03"]
    assert q.previous() == Period("quarter", 2025, 4)
    assert Period("month", 2026, 1).previous() == Period("month", 2025, 12)
    assert Period("year", 2026).previous() == Period("year", 2025)
    trail = Period("month", 2026, 3).trailing_months(12)
    assert trail[0].code == "2025-04" and trail[-1].code == "2026-03" and len(trail) == 12
    assert Period("year", 2026).end == date(2027, 1, 1)
    assert q.label == "2026年第一季度" and Period("month", 2026, 10).label == "2026年10月"
