"""The certificate register: serials never reused, reprints, revocation, verification, batches."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from yichao.app.certificates import lookup, subjects
from yichao.app.certificates.batch import print_certificates, reprint_certificates
from yichao.app.certificates.lookup import (
    CertificateFilter,
    candidates,
    certificate_rows,
    count_certificates,
    query_certificates,
    verify_certificate,
)
from yichao.app.certificates.register import get_certificate, print_history, revoke_certificate
from yichao.app.core.errors import PermissionDenied, UserError
from yichao.app.core.progress import Cancelled, CancelToken
from yichao.app.core.workspace import CurrentUser
from yichao.app.roadshow.awards import AwardSubject
from yichao.models.certificate import Certificate, CertificatePrint
from yichao.models.journal import JournalEntry
from yichao.models.organization import Organization
from yichao.models.person import Person

YEAR = date.today().year


def make_org(ws, name="夕阳情艺术团", stage="nursery", credit_code=None):
    with ws.unit() as s:
        org = Organization(name=name, stage=stage, credit_code=credit_code)
        s.add(org)
        s.flush()
        return org.uid


def make_volunteer(ws, name="王秀英", volunteer=True):
    with ws.unit() as s:
        p = Person(name=name, is_volunteer=volunteer, volunteer_number="V001000123" if volunteer else "")
        s.add(p)
        s.flush()
        return p.uid


def issue(ws, kind, uid, tmp_path, name="c.pdf", **kw):
    return print_certificates(ws, kind, [uid], tmp_path / name, **kw)


def test_serials_per_kind_and_year_and_content_snapshot(workspace, tmp_path):
    a, b = make_org(workspace, "夕阳情艺术团"), make_org(workspace, "邻里守望队")
    first = issue(workspace, "entry", a, tmp_path).pages[0].row
    second = issue(workspace, "entry", b, tmp_path).pages[0].row
    grad_org = make_org(workspace, "甸柳红帆志愿服务中心", stage="graduated")
    grad = issue(workspace, "graduation", grad_org, tmp_path).pages[0].row
    assert first.serial == f"DL-{YEAR}-RZ-0001"
    assert second.serial == f"DL-{YEAR}-RZ-0002"
    assert grad.serial == f"DL-{YEAR}-CK-0001"
    assert first.content["recipient_name"] == "夕阳情艺术团"
    assert "夕阳情艺术团" in first.content["body"] and "苗圃培育" in first.content["body"]
    assert first.content["date"].startswith("二〇")
    with workspace.read() as s:
        ops = {
            (e.entity, e.op) for e in s.scalars(select(JournalEntry).where(JournalEntry.entity.like("certificate%")))
        }
    assert ("certificate", "insert") in ops and ("certificate_print", "insert") in ops


def test_serial_never_reused_after_revocation(workspace, tmp_path):
    a, b = make_org(workspace, "甲队"), make_org(workspace, "乙队")
    row = issue(workspace, "entry", a, tmp_path).pages[0].row
    revoked = revoke_certificate(workspace, row.uid, "名称登记有误")
    assert revoked.status == "revoked" and revoked.revoked_reason == "名称登记有误"
    again = issue(workspace, "entry", a, tmp_path).pages[0]
    assert not again.reprint  # the revoked one does not count: a fresh certificate
    assert again.row.serial == f"DL-{YEAR}-RZ-0002"
    assert issue(workspace, "entry", b, tmp_path).pages[0].row.serial == f"DL-{YEAR}-RZ-0003"


def test_same_subject_again_is_a_reprint_of_the_valid_certificate(workspace, tmp_path):
    a = make_org(workspace)
    first = issue(workspace, "entry", a, tmp_path).pages[0]
    second = issue(workspace, "entry", a, tmp_path, "again.pdf").pages[0]
    assert second.reprint and second.row.serial == first.row.serial and second.row.print_count == 2
    explicit = reprint_certificates(workspace, [first.row.uid], tmp_path / "r.pdf", reason="污损").pages[0]
    assert explicit.reprint and explicit.row.print_count == 3
    history = print_history(workspace, first.row.uid)
    assert [h.reprint for h in history] == [False, True, True]
    assert history[-1].reason == "污损"
    with workspace.read() as s:
        assert s.scalar(select(Certificate.print_count).where(Certificate.uid == first.row.uid)) == 3
        assert len(list(s.scalars(select(CertificatePrint)))) == 3


def test_revoked_certificate_cannot_be_reprinted_or_revoked_twice(workspace, tmp_path):
    row = issue(workspace, "entry", make_org(workspace), tmp_path).pages[0].row
    with pytest.raises(UserError, match="原因"):
        revoke_certificate(workspace, row.uid, " ")
    revoke_certificate(workspace, row.uid, "组织已注销")
    with pytest.raises(UserError, match="已作废"):
        reprint_certificates(workspace, [row.uid], tmp_path / "r.pdf")
    with pytest.raises(UserError, match="已经作废"):
        revoke_certificate(workspace, row.uid, "再次")
    assert not (tmp_path / "r.pdf").exists()


def test_viewer_cannot_issue_or_revoke_but_can_verify(workspace, tmp_path):
    row = issue(workspace, "entry", make_org(workspace), tmp_path).pages[0].row
    workspace.user = CurrentUser("guest", "viewer")
    with pytest.raises(PermissionDenied):
        issue(workspace, "entry", make_org(workspace, "丙队"), tmp_path, "v.pdf")
    with pytest.raises(PermissionDenied):
        revoke_certificate(workspace, row.uid, "不该作废")
    assert verify_certificate(workspace, row.code).valid


def test_verification_valid_revoked_unknown_tampered(workspace, tmp_path):
    row = issue(workspace, "entry", make_org(workspace), tmp_path).pages[0].row
    verdict = verify_certificate(workspace, row.code.lower())
    assert verdict.valid and verdict.key_checked and verdict.certificate.serial == row.serial
    assert verify_certificate(workspace, row.content["qr"]).valid  # the QR text works too
    assert verify_certificate(workspace, row.code.replace("0", "O").replace("-", " ")).valid
    bad = "2222-2222" if row.code != "2222-2222" else "3333-3333"
    assert not verify_certificate(workspace, bad).valid
    with pytest.raises(UserError, match="不是有效的验证码"):
        verify_certificate(workspace, "12")
    with workspace.unit() as s:  # someone edits the register by hand
        s.get(Certificate, row.uid).recipient = "冒名团队"
    tampered = verify_certificate(workspace, row.code)
    assert not tampered.valid and "不符" in tampered.message
    with workspace.unit() as s:
        s.get(Certificate, row.uid).recipient = row.recipient
    revoke_certificate(workspace, row.uid, "组织已注销")
    revoked = verify_certificate(workspace, row.code)
    assert not revoked.valid and "作废" in revoked.message and "组织已注销" in revoked.message


def test_code_depends_on_the_site_key(workspace, make_workspace, tmp_path):
    other = make_workspace(folder="other")
    a = issue(workspace, "entry", make_org(workspace), tmp_path, "a.pdf").pages[0].row
    b = issue(other, "entry", make_org(other), tmp_path, "b.pdf").pages[0].row
    assert a.serial == b.serial and a.code != b.code
    assert (workspace.data_dir / "keys" / "certificate.key").exists()


def test_graduation_needs_a_graduated_org_and_uses_the_stage_date(workspace, tmp_path):
    uid = make_org(workspace, stage="accelerating")
    with pytest.raises(UserError, match="还没有出壳"):
        issue(workspace, "graduation", uid, tmp_path)
    with workspace.unit() as s:
        s.get(Organization, uid).stage = "graduated"
    row = issue(workspace, "graduation", uid, tmp_path).pages[0].row
    assert row.content["facts"]["graduated_on"] == date.today().isoformat()
    assert "正式出壳" in row.content["body"]


def test_rating_from_option_and_refused_without_rating(workspace, tmp_path):
    uid = make_org(workspace, stage="scaling")
    if subjects._latest_rating(workspace, uid) is None:
        with pytest.raises(UserError, match="评估结果"):
            issue(workspace, "rating", uid, tmp_path)
    with pytest.raises(UserError, match="1 到 5"):
        issue(workspace, "rating", uid, tmp_path, extra={"stars": 7})
    row = issue(workspace, "rating", uid, tmp_path, extra={"stars": 4}).pages[0].row
    assert row.serial == f"DL-{YEAR}-XJ-0001"
    assert "四星级" in row.content["body"] and row.title == "星级评定证书"


def test_volunteer_needs_hours_and_a_volunteer(workspace, tmp_path, monkeypatch):
    uid = make_volunteer(workspace)
    not_volunteer = make_volunteer(workspace, "李强", volunteer=False)
    with pytest.raises(UserError, match="不是登记的志愿者"):
        issue(workspace, "volunteer", not_volunteer, tmp_path, extra={"hours": 5})
    monkeypatch.setattr(subjects, "volunteer_hours", lambda ws, person_uid: 320.5)
    row = issue(workspace, "volunteer", uid, tmp_path).pages[0].row
    assert row.serial == f"DL-{YEAR}-ZY-0001"
    assert "320.5小时" in row.content["body"] and "二星级" in row.content["body"]
    assert "V001000123" in row.content["body"]


def _award(project_uid: str, project: str, award: str, roadshow_uid: str, roadshow: str) -> AwardSubject:
    return AwardSubject(project_uid, project, "甸柳青少年成长服务社", 1, f"{roadshow}{award}", award, 90.0,
                        roadshow_uid, roadshow, date(2026, 5, 20), "2026年公益创投")


def test_award_from_the_roadshow_result(workspace, tmp_path, monkeypatch):
    award = _award("p1", "四点半课堂", "一等奖", "r1", "2026年甸柳街道公益创投大赛")
    monkeypatch.setattr(subjects, "project_award_subject", lambda ws, uid: award if uid == "p1" else None)
    row = issue(workspace, "award", "p1", tmp_path).pages[0].row
    assert row.recipient == "甸柳青少年成长服务社"
    assert "“四点半课堂”项目在2026年甸柳街道公益创投大赛中荣获一等奖" in row.content["body"]
    with pytest.raises(UserError, match="没有路演获奖记录"):
        issue(workspace, "award", "p2", tmp_path)


def test_batch_cancel_leaves_nothing_and_progress_reaches_the_end(workspace, tmp_path):
    uids = [make_org(workspace, f"测试团队{n:02d}") for n in range(30)]
    token = CancelToken()
    token.cancel()
    out = tmp_path / "batch.pdf"
    with pytest.raises(Cancelled):
        print_certificates(workspace, "entry", uids, out, cancel=token)
    assert count_certificates(workspace) == 0 and not out.exists()
    assert not list(tmp_path.glob(".*part"))
    seen = []
    result = print_certificates(workspace, "entry", uids, out, progress=lambda d, t: seen.append((d, t)))
    assert result.new_count == 30 and out.exists()
    assert seen[-1][0] == seen[-1][1] and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))
    assert [p.row.serial for p in result.pages][-1] == f"DL-{YEAR}-RZ-0030"


def test_lists_filters_and_candidates(workspace, tmp_path):
    a = make_org(workspace, "夕阳情艺术团")
    g = make_org(workspace, "红帆服务中心", stage="graduated")
    issue(workspace, "entry", a, tmp_path)
    row = issue(workspace, "graduation", g, tmp_path).pages[0].row
    revoke_certificate(workspace, row.uid, "测试作废")
    rows = list(certificate_rows(workspace))
    assert {r["kind"] for r in rows} == {"entry", "graduation"}
    assert all({"uid", "serial", "kind", "recipient", "status"} <= set(r) for r in rows)
    assert count_certificates(workspace, CertificateFilter(status="revoked")) == 1
    assert [r.recipient for r in query_certificates(workspace, CertificateFilter(text="夕阳"))] == ["夕阳情艺术团"]
    assert query_certificates(workspace, CertificateFilter(text=row.serial))[0].uid == row.uid
    assert get_certificate(workspace, row.serial).uid == row.uid
    assert [c.uid for c in candidates(workspace, "graduation", year=date.today().year)] == [g]
    assert candidates(workspace, "graduation", year=1999) == []


def test_unknown_subject_and_bad_output(workspace, tmp_path):
    with pytest.raises(UserError, match="找不到这个组织"):
        issue(workspace, "entry", "no-such-uid", tmp_path)
    with pytest.raises(UserError, match=".pdf"):
        print_certificates(workspace, "entry", [make_org(workspace)], tmp_path / "x.txt")
    with pytest.raises(UserError, match="没有“diploma”"):
        print_certificates(workspace, "diploma", ["x"], tmp_path / "x.pdf")
    assert count_certificates(workspace) == 0


def test_check_reports_a_tampered_register(workspace, tmp_path):
    from yichao.app.certificates.integrity import check_register

    row = issue(workspace, "entry", make_org(workspace), tmp_path).pages[0].row
    assert check_register(workspace) == []
    with workspace.unit() as s:
        s.get(Certificate, row.uid).recipient = "冒名团队"
    problems = check_register(workspace)
    assert len(problems) == 1 and row.serial in problems[0]
    (workspace.data_dir / "keys" / "certificate.key").unlink()
    assert any("没有证书密钥" in p for p in check_register(workspace))


def test_award_candidates_of_one_roadshow(workspace, monkeypatch):
    winners = [_award("p1", "四点半课堂", "第一名", "r1", "春季路演"),
               _award("p2", "助老食堂", "第二名", "r2", "秋季路演")]
    monkeypatch.setattr(lookup, "award_winners", lambda ws: winners)
    assert [c.uid for c in candidates(workspace, "award")] == ["p1", "p2"]
    assert [c.uid for c in candidates(workspace, "award", roadshow_uid="r2")] == ["p2"]
    assert candidates(workspace, "award", text="食堂")[0].detail == "秋季路演第二名"


def test_batch_lookups_skip_tombstones_other_kinds_and_revoked(workspace, tmp_path):
    """The batch queries select by uid or dedupe key alone and sort the rest out in Python."""
    gone = make_org(workspace, "已注销的组织")
    with workspace.unit() as s:
        s.get(Organization, gone).deleted = True
    with pytest.raises(UserError, match="找不到这个组织"):
        issue(workspace, "entry", gone, tmp_path)
    uid = make_org(workspace, "夕阳红合唱团", stage="graduated")
    graduation = issue(workspace, "graduation", uid, tmp_path, "g.pdf").pages[0].row
    # the same organization and key, another kind: a new entry certificate, not a reprint of the graduation
    entry = issue(workspace, "entry", uid, tmp_path, "e.pdf").pages[0]
    assert not entry.reprint and entry.row.kind == "entry" and entry.row.serial != graduation.serial
    revoke_certificate(workspace, entry.row.uid, "信息有误")
    again = issue(workspace, "entry", uid, tmp_path, "e2.pdf").pages[0]
    assert not again.reprint and again.row.serial != entry.row.serial  # a revoked one is not reprinted
    assert issue(workspace, "entry", uid, tmp_path, "e3.pdf").pages[0].reprint


def test_batch_identities_are_version_4_uuids(workspace, tmp_path):
    import uuid

    uids = [make_org(workspace, f"组织{n}") for n in range(3)]
    result = print_certificates(workspace, "entry", uids, tmp_path / "b.pdf")
    assert print_certificates(workspace, "entry", uids[:1], tmp_path / "c.pdf").pages[0].reprint
    with workspace.read() as s:
        identities = [c.uid for c in s.scalars(select(Certificate))] + [
            p.uid for p in s.scalars(select(CertificatePrint))
        ]
    assert len(identities) == 3 + 4 == len(set(identities))
    assert {p.row.uid for p in result.pages} <= set(identities)
    for text in identities:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122
