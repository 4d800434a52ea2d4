"""Reading the register: verification, paged lists for the GUI, rows for `yichao list`, batch candidates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, or_, select

from yichao.app.certificates.register import CertificateRow, certificate_row, find_by_code
from yichao.app.certificates.subjects import KINDS, _stage_dates
from yichao.app.certificates.verification import derive_code, display_code, normalize_code, site_key
from yichao.app.core.workspace import Workspace
from yichao.app.orgs import STAGE_LABELS
from yichao.app.roadshow import award_winners
from yichao.models.certificate import Certificate
from yichao.models.organization import Organization
from yichao.models.person import Person


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking a code: ``valid`` and one sentence; the certificate when found."""

    valid: bool
    message: str
    certificate: CertificateRow | None = None
    key_checked: bool = False


def verify_certificate(ws: Workspace, text: str) -> Verdict:
    """Check a typed or scanned code offline against the register (and the site key, where held)."""
    ws.require("viewer", "核验证书")
    code = normalize_code(text)
    with ws.read() as session:
        cert = find_by_code(session, code)
        if cert is None or cert.deleted:
            return Verdict(False, f"没有找到验证码为 {display_code(code)} 的证书，这张证书不是本站签发的或验证码有误。")
        row = certificate_row(cert)
        key_checked = False
        if cert.origin == ws.site.code:
            key = site_key(ws, create=False)
            if key is not None:
                expected = derive_code(key, cert.serial, cert.kind, cert.recipient, cert.issued_on.isoformat(),
                                       cert.subject_uid)
                if expected != cert.code:
                    return Verdict(False, f"证书 {cert.serial} 的登记内容与验证码不符，可能被改动过，请核查。", row)
                key_checked = True
        if cert.status == "revoked":
            when = cert.revoked_on.isoformat() if cert.revoked_on else ""
            reason = cert.revoked_reason.rstrip("。") + "。"
            return Verdict(False, f"证书 {cert.serial} 已于 {when} 作废：{reason}", row, key_checked)
        return Verdict(True, f"证书有效：{row.kind_label} {cert.serial}，颁发给“{cert.recipient}”，"
                             f"{cert.issued_on.isoformat()} 由 {cert.issuer} 签发。", row, key_checked)


@dataclass(frozen=True)
class CertificateFilter:
    text: str = ""
    kind: str = ""
    status: str = ""
    year: int | None = None
    origin: str = ""  # a district: only the certificates of this street


SORTABLE = {"serial": Certificate.serial, "kind": Certificate.kind, "recipient": Certificate.recipient,
            "issued_on": Certificate.issued_on, "status": Certificate.status, "print_count": Certificate.print_count,
            "origin": Certificate.origin}


def _filtered(stmt: Select[Any], flt: CertificateFilter) -> Select[Any]:
    stmt = stmt.where(Certificate.deleted.is_(False))
    text = flt.text.strip()
    if text:
        code = text.upper().replace("-", "")
        stmt = stmt.where(or_(Certificate.recipient.like(f"%{text}%"), Certificate.serial.like(f"%{text.upper()}%"),
                              Certificate.code == code))
    if flt.kind:
        stmt = stmt.where(Certificate.kind == flt.kind)
    if flt.status:
        stmt = stmt.where(Certificate.status == flt.status)
    if flt.year:
        stmt = stmt.where(Certificate.year == flt.year)
    if flt.origin:
        stmt = stmt.where(Certificate.origin == flt.origin)
    return stmt


def count_certificates(ws: Workspace, flt: CertificateFilter = CertificateFilter()) -> int:
    with ws.read() as session:
        return session.scalar(_filtered(select(func.count(Certificate.uid)), flt)) or 0


def query_certificates(ws: Workspace, flt: CertificateFilter = CertificateFilter(), offset: int = 0,
                       limit: int = 200, sort: str = "issued_on", descending: bool = True) -> list[CertificateRow]:
    column = SORTABLE.get(sort, Certificate.issued_on)
    order = column.desc() if descending else column.asc()
    stmt = _filtered(select(Certificate), flt).order_by(order, Certificate.serial.desc()).offset(offset).limit(limit)
    with ws.read() as session:
        return [certificate_row(c) for c in session.scalars(stmt)]


def certificate_rows(ws: Workspace) -> Iterator[dict[str, Any]]:
    """`yichao list certificates`: one dict per certificate, oldest serial first."""
    total = count_certificates(ws)
    for offset in range(0, total, 2000):
        for r in query_certificates(ws, offset=offset, limit=2000, sort="serial", descending=False):
            yield {"uid": r.uid, "serial": r.serial, "kind": r.kind, "recipient": r.recipient,
                   "status": r.status, "issued_on": r.issued_on.isoformat(), "code": r.code,
                   "prints": r.print_count, "subject_uid": r.subject_uid, "revoked_reason": r.revoked_reason}


@dataclass(frozen=True)
class Candidate:
    uid: str
    name: str
    detail: str


def candidates(ws: Workspace, kind: str, text: str = "", year: int | None = None, limit: int = 500,
               roadshow_uid: str = "") -> list[Candidate]:
    """Who can receive a certificate of ``kind`` (graduates of a year, volunteers, a roadshow's winners)."""
    text = text.strip()
    if KINDS[kind].subject_type == "organization":
        with ws.read() as session:
            stmt = select(Organization).where(Organization.deleted.is_(False)).order_by(Organization.name_sort)
            if kind == "graduation":
                stmt = stmt.where(Organization.stage == "graduated")
            elif kind == "entry":
                stmt = stmt.where(Organization.stage != "exited")
            if text:
                stmt = stmt.where(
                    or_(Organization.name.like(f"%{text}%"), Organization.name_initials.like(f"{text.lower()}%"))
                )
            orgs = [(o.uid, o.name, o.stage) for o in session.scalars(stmt.limit(limit if not year else 100_000))]
        dates = _stage_dates(ws, [o[0] for o in orgs], "graduated") if year and kind == "graduation" else {}
        found = []
        for uid, name, stage in orgs:
            if year and kind == "graduation":
                on = dates.get(uid)
                if on is None or on.year != year:
                    continue
            found.append(Candidate(uid, name, STAGE_LABELS.get(stage, stage)))
        return found[:limit]
    if kind == "volunteer":
        with ws.read() as session:
            people = select(Person).where(Person.deleted.is_(False), Person.is_volunteer.is_(True))
            if text:
                people = people.where(or_(Person.name.like(f"{text}%"), Person.name_initials.like(f"{text.lower()}%"),
                                          Person.volunteer_number.like(f"%{text}%")))
            people = people.order_by(Person.name_sort).limit(limit)
            return [Candidate(p.uid, p.name, p.volunteer_number) for p in session.scalars(people)]
    rows = [Candidate(w.project_uid, w.project_name, w.award) for w in award_winners(ws)
            if not roadshow_uid or w.roadshow_uid == roadshow_uid]
    return [r for r in rows if not text or text in r.name][:limit]
