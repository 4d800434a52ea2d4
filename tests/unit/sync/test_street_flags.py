"""What the district's 各街道 table says beside a street's figures (issue 14, point 5): a street
with no bundle yet, a refused bundle, open conflicts and held records are flagged, never shown as a
plain row of zeros; and a site set up today is not told it is overdue for an exchange."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.sync.support import move, pair, reseal, resign, unseal, zip_members
from tests.unit.sync.test_merge import CODE, add_org
from yichao.app.core.errors import UserError
from yichao.app.core.status import exchange_due, status_info
from yichao.app.sync import bundle_format as bf
from yichao.app.sync import decide_conflict, list_conflicts, street_flags
from yichao.app.sync.importer import import_bundle
from yichao.ui.pages.sync.keys import totals_rows

MISSING = "00000000-0000-4000-8000-000000000000"  # a category the district never had


def test_streets_are_flagged_until_their_figures_mean_something(make_workspace, tmp_path):
    a = make_workspace("street", "370102001", "甸柳街道", "370102")
    b = make_workspace("street", "370102002", "姚家街道", "370102")
    d = make_workspace("district", "370102", "历下区", "")
    pair(a, d, tmp_path)
    pair(b, d, tmp_path)
    flags = street_flags(d)
    assert flags == {a.site.code: "尚未收到数据包", b.site.code: "尚未收到数据包"}
    _, rows = totals_rows(d)
    assert {r[0]: r[2] for r in rows if r[1]} == {"甸柳街道": "尚未收到数据包", "姚家街道": "尚未收到数据包"}

    add_org(a, "山泉志愿服务中心", CODE)
    add_org(b, "山泉志愿服务中心", CODE)
    move(a, d, tmp_path)
    assert a.site.code not in street_flags(d)  # one good bundle: its figures stand on their own

    bad = move(b, d, tmp_path, apply=False)
    bad.write_bytes(bad.read_bytes()[:-40])  # cut short on the USB stick
    with pytest.raises(UserError):
        import_bundle(d, bad)
    assert street_flags(d)[b.site.code].startswith("最近的数据包被拒绝：")

    move(b, d, tmp_path)  # the next bundle overlaps 甸柳街道's organization
    flags = street_flags(d)
    assert flags == {a.site.code: "1 处数据冲突待处理", b.site.code: "1 处数据冲突待处理"}
    decide_conflict(d, list_conflicts(d)[0].id, "link")
    assert street_flags(d) == {}
    _, rows = totals_rows(d)
    assert {r[0]: r[2] for r in rows if r[1]} == {"甸柳街道": "正常", "姚家街道": "正常"}

    # a record referring to something the district lacks is held, and the street is flagged
    add_org(b, "姚家书画社")
    path = move(b, d, tmp_path, apply=False)
    header, plain = unseal(path.read_bytes(), d)
    manifest, members = zip_members(plain)
    lines = members[bf.CHANGES].splitlines()
    lines[-1] = lines[-1].replace(b'"category_uid":null', b'"category_uid":"' + MISSING.encode() + b'"')
    assert MISSING.encode() in lines[-1]
    members[bf.CHANGES] = b"\n".join(lines) + b"\n"
    path.write_bytes(reseal(resign(manifest, members, b), header, d))
    import_bundle(d, path)
    assert street_flags(d)[b.site.code] == "1 条记录暂存"


def test_a_new_site_is_not_overdue_and_an_old_silent_one_is(workspace):
    info = status_info(workspace)
    assert info.last_exchange is None and info.exchange_due is False  # set up just now
    now = datetime.now(UTC)
    assert exchange_due(None, now - timedelta(days=2), now) is False
    assert exchange_due(None, now - timedelta(days=31), now) is True  # set up a month ago, never exchanged
    assert exchange_due(now - timedelta(days=31), now - timedelta(days=400), now) is True
    assert exchange_due(now - timedelta(days=3), now - timedelta(days=400), now) is False
