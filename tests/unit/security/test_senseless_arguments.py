"""Arguments that make no sense are refused before anything is written (issue 18 point 7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from yichao.app.certificates.batch import print_certificates
from yichao.app.core.errors import UserError
from yichao.app.passbook import accounts as pb
from yichao.app.passbook.expiry import expire_points
from yichao.app.pdf.fonts import missing_glyphs
from yichao.app.people.residents import PersonInput, create_person
from yichao.models.certificate import Certificate
from yichao.models.organization import Organization
from yichao.models.passbook import LedgerEntry
from yichao.models.text import clean_line


@pytest.fixture
def book(workspace):
    holder = create_person(workspace, PersonInput(name="李秀英"))
    row = pb.open_passbook(workspace, holder.uid)
    pb.deposit(workspace, row.number, 50, "清扫楼道")
    return row


def _entries(ws) -> int:
    with ws.read() as s:
        return s.scalar(select(func.count()).select_from(LedgerEntry))


@pytest.mark.parametrize("years", [-1, 0, 51, 10**6])
def test_expiry_years_out_of_range_are_refused(workspace, book, years):
    before = _entries(workspace)
    with pytest.raises(UserError, match="1 到 50 年"):
        expire_points(workspace, years=years)
    assert _entries(workspace) == before


def test_expiry_dated_in_the_future_is_refused(workspace, book):
    before = _entries(workspace)
    with pytest.raises(UserError, match="还没有到"):
        expire_points(workspace, as_of=date.today() + timedelta(days=1), years=2)
    with pytest.raises(UserError, match="还没有到"):
        expire_points(workspace, as_of=date(2099, 12, 31), years=2)
    assert _entries(workspace) == before


@pytest.mark.parametrize("hours", [float("inf"), float("-inf"), float("nan"), float("1e309"), 1e12, -1])
def test_non_finite_or_absurd_hours_are_refused_with_a_sentence(workspace, book, hours):
    before = _entries(workspace)
    with pytest.raises(UserError, match="服务时长"):
        pb.deposit(workspace, book.number, 5, "服务", hours=hours)
    assert _entries(workspace) == before


@pytest.mark.parametrize("points", [0, -5, 10**12, 2.5, True])
def test_absurd_points_are_refused(workspace, book, points):
    with pytest.raises(UserError, match="积分"):
        pb.deposit(workspace, book.number, points, "服务")


def test_bidi_overrides_and_control_characters_are_cleaned_from_names(workspace):
    sneaky = "王\u202e伟\u200b\u2066明\u2069\x07\u00ad"
    person = create_person(workspace, PersonInput(name=sneaky))
    assert person.name.replace(" ", "") == "王伟明"
    with workspace.unit() as s:
        org = Organization(name="夕阳\u202d红\ufeff艺术团")
        s.add(org)
        s.flush()
        assert org.name == "夕阳红艺术团"
    assert clean_line("e\u0301") == "é" and clean_line("plain") == "plain"
    assert clean_line("a\tb\nc") == "a b c"


def test_rare_characters_the_font_lacks_are_reported_before_a_certificate_prints(workspace, tmp_path):
    rare = "\U0002A6A5"  # an extension-B character the shipped font has no outline for
    assert missing_glyphs(f"李{rare}明") == rare and missing_glyphs("李明 ABC·") == ""
    with workspace.unit() as s:
        org = Organization(name=f"{rare}社区服务队", stage="nursery")
        s.add(org)
        s.flush()
        uid = org.uid
    out = tmp_path / "c.pdf"
    with pytest.raises(UserError, match="U\\+2A6A5"):
        print_certificates(workspace, "entry", [uid], out)
    assert not out.exists()
    with workspace.read() as s:  # nothing registered, no serial burnt
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0
