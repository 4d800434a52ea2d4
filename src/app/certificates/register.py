"""The certificate register: issue (with a serial never reused), reprint, revoke, verify, list.

Issuing and printing happen in one unit of work: serials are allocated, the rows and their print
records written, the pages drawn into a temporary file, and only when every page is drawn is the file
moved into place and the transaction committed. A cancelled or failed run leaves no register entry
and no half-written PDF.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yichao.app.certificates.certificates import PrintOptions, compose
from yichao.app.certificates.labels import STATUS_LABELS
from yichao.app.certificates.layouts import default_layout, load_layout
from yichao.app.certificates.subjects import KINDS, Subject, kind_spec
from yichao.app.certificates.verification import derive_code, display_code, qr_payload, site_key
from yichao.app.core.errors import NotFound, UserError
from yichao.app.core.levels import offers
from yichao.app.core.pinyin import initials
from yichao.app.core.progress import CancelToken, ProgressFn, no_progress
from yichao.app.core.staff import staff_label, staff_names_in
from yichao.app.core.workspace import Workspace
from yichao.models.base import new_uids, utcnow
from yichao.models.certificate import Certificate, CertificatePrint
from yichao.models.journal import bulk_insert

# the register's content JSON (json.dumps(content, ensure_ascii=False, default=str)), one encoder for a batch
_CONTENT_ENCODER = json.JSONEncoder(ensure_ascii=False, default=str)


@dataclass(frozen=True)
class CertificateRow:
    uid: str
    serial: str
    kind: str
    kind_label: str
    title: str
    recipient: str
    subject_type: str
    subject_uid: str
    issued_on: date
    issuer: str
    issued_by: str
    code: str  # as printed: ABCD-2345
    status: str
    print_count: int
    revoked_on: date | None
    revoked_reason: str
    origin: str
    content: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def certificate_row(c: Certificate) -> CertificateRow:
    return CertificateRow(c.uid, c.serial, c.kind, KINDS[c.kind].label if c.kind in KINDS else c.kind, c.title,
                          c.recipient, c.subject_type, c.subject_uid, c.issued_on, c.issuer, c.issued_by,
                          display_code(c.code), c.status, c.print_count, c.revoked_on, c.revoked_reason, c.origin,
                          json.loads(c.content or "{}"))


# -- site settings ------------------------------------------------------------------------------
def serial_prefix(ws: Workspace) -> str:
    """``DL`` for 甸柳街道: the setting ``certificate_prefix`` or the initials of the site's name."""
    configured = str(ws.settings.get("certificate_prefix") or "").strip().upper()
    if configured:
        return configured
    name = ws.site.name
    for suffix in ("街道办事处", "办事处", "街道", "社区", "区"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return (initials(name).upper() or ws.site.code[-3:])[:6]


def center_name(ws: Workspace) -> str:
    return str(ws.settings.get("certificate_center") or f"{ws.site.name}社会组织孵化中心")


def issuer_name(ws: Workspace) -> str:
    return str(ws.settings.get("certificate_issuer") or center_name(ws))


def print_options(ws: Workspace, kind: str, layout: str | None = None, preprinted: bool | None = None) -> PrintOptions:
    """The layout and paper mode chosen (or this PC's defaults), with the seal and logo images."""
    s = ws.settings
    images = Path(ws.data_dir) / "printing"
    seal, logo = images / "seal.png", images / "logo.png"
    return PrintOptions(
        layout=load_layout(layout or default_layout(kind)),
        preprinted=bool(s.get("certificate_preprinted") if preprinted is None else preprinted),
        offset_x_mm=float(s.get("certificate_offset_x_mm") or 0.0),
        offset_y_mm=float(s.get("certificate_offset_y_mm") or 0.0),
        seal=seal if seal.exists() else None, logo=logo if logo.exists() else None,
    )


# -- serials ------------------------------------------------------------------------------------
def next_seq(session: Session, origin: str, kind: str, year: int) -> int:
    """One past the highest sequence ever used (revoked and tombstoned ones count: never reused)."""
    used = session.scalar(select(func.max(Certificate.seq)).where(
        Certificate.origin == origin, Certificate.kind == kind, Certificate.year == year))
    return (used or 0) + 1


def make_serial(prefix: str, kind: str, year: int, seq: int) -> str:
    return f"{prefix}-{year}-{KINDS[kind].code}-{seq:04d}"


# -- issuing ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Issued:
    """One page of a print run: the certificate and whether this print is a reprint."""

    row: CertificateRow
    reprint: bool


def existing_valid(session: Session, kind: str, dedupe_keys: Iterable[str]) -> dict[str, Certificate]:
    """The valid certificate of ``kind`` held under each of ``dedupe_keys``, if any.

    Looked up by the keys alone, kind and status sorted out here: given "deleted = 0" or "kind = ?"
    as well, SQLite prefers those indexes and reads the whole register for every 500 keys.
    """
    keys = list(dedupe_keys)
    found: dict[str, Certificate] = {}
    for start in range(0, len(keys), 500):
        stmt = select(Certificate).where(Certificate.dedupe_key.in_(keys[start:start + 500]))
        for c in session.scalars(stmt):
            if c.kind == kind and c.status == "valid" and not c.deleted:
                found.setdefault(c.dedupe_key, c)
    return found


def issue_in_session(ws: Workspace, session: Session, subjects: list[Subject], options: PrintOptions,
                     issued_on: date | None = None, progress: ProgressFn = no_progress,
                     cancel: CancelToken | None = None) -> list[Issued]:
    """Register ``subjects`` (new serials, or reprints of a valid identical certificate) in ``session``."""
    if not subjects:
        return []
    kind = subjects[0].kind
    if any(s.kind != kind for s in subjects):
        raise UserError("一批证书只能是同一种类。")
    user = ws.user.username if ws.user else ""
    origin, today = ws.site.code, issued_on or date.today()
    key = site_key(ws)
    assert key is not None
    prefix, issuer, center = serial_prefix(ws), issuer_name(ws), center_name(ws)
    existing = existing_valid(session, kind, {s.dedupe_key for s in subjects})
    seq = next_seq(session, origin, kind, today.year)
    new_rows: list[dict[str, Any]] = []
    prints: list[dict[str, Any]] = []
    result: list[Issued] = []
    seen: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    uids = new_uids(2 * len(subjects))  # a certificate and a print row each, at most
    for n, subject in enumerate(subjects):
        if cancel is not None and n % 50 == 0:
            cancel.check()
        old = existing.get(subject.dedupe_key)
        if old is not None or subject.dedupe_key in seen:
            if old is not None:
                old.print_count += 1
                row = certificate_row(old)
            else:
                row = _row_from_values(*seen[subject.dedupe_key])
            prints.append(_print_row(next(uids), row.uid, user, True, options, "同一对象已有有效证书"))
            result.append(Issued(row, True))
            continue
        serial = make_serial(prefix, kind, today.year, seq)
        code = derive_code(key, serial, kind, subject.recipient, today.isoformat(), subject.uid)
        content = compose(subject, serial=serial, code_display=display_code(code), qr_payload=qr_payload(serial, code),
                          issuer=issuer, center=center, issued_on=today)
        values = {
            "uid": next(uids), "serial": serial, "kind": kind, "year": today.year, "seq": seq,
            "subject_type": subject.subject_type, "subject_uid": subject.uid, "dedupe_key": subject.dedupe_key,
            "recipient": subject.recipient, "title": content["title"], "issued_on": today, "issuer": issuer,
            "issued_by": user, "content": _CONTENT_ENCODER.encode(content), "code": code,
            "status": "valid", "revoked_on": None, "revoked_reason": "", "revoked_by": "", "print_count": 1,
            "origin": origin,
        }
        seq += 1
        seen[subject.dedupe_key] = (values, content)
        new_rows.append(values)
        prints.append(_print_row(next(uids), values["uid"], user, False, options, ""))
        result.append(Issued(_row_from_values(values, content), False))
        progress(n + 1, len(subjects))
    session.flush()
    bulk_insert(session, Certificate, new_rows)
    bulk_insert(session, CertificatePrint, prints)
    return result


def _row_from_values(v: dict[str, Any], content: dict[str, Any]) -> CertificateRow:
    """The register row of values just inserted; ``content`` is the dict ``v["content"]`` was written from."""
    return CertificateRow(v["uid"], v["serial"], v["kind"], KINDS[v["kind"]].label, v["title"], v["recipient"],
                          v["subject_type"], v["subject_uid"], v["issued_on"], v["issuer"], v["issued_by"],
                          display_code(v["code"]), v["status"], v["print_count"], None, "", v["origin"], content)


def _print_row(uid: str, cert_uid: str, user: str, reprint: bool, options: PrintOptions, reason: str) -> dict[str, Any]:
    return {"uid": uid, "certificate_uid": cert_uid, "printed_at": utcnow(), "printed_by": user, "reprint": reprint,
            "layout": options.layout.name, "preprinted": options.preprinted, "reason": reason}


# -- reprint and revoke ---------------------------------------------------------------------------
def _live(session: Session, uid: str) -> Certificate:
    cert = session.get(Certificate, uid)
    if cert is None or cert.deleted:
        cert = session.scalars(select(Certificate).where(Certificate.serial == uid.strip())).first()
    if cert is None or cert.deleted:
        raise NotFound("找不到这张证书。")
    return cert


def reprint_in_session(ws: Workspace, session: Session, uids: list[str], options: PrintOptions,
                       reason: str = "") -> list[Issued]:
    """Record a reprint (补打) of valid certificates; the same serial, code and words."""
    user = ws.user.username if ws.user else ""
    result = []
    for uid in uids:
        cert = _live(session, uid)
        if cert.status != "valid":
            raise UserError(f"证书 {cert.serial} 已作废，不能补打。")
        if cert.origin != ws.site.code:
            raise UserError(f"证书 {cert.serial} 由站点 {cert.origin} 签发，只能由该站点补打。")
        cert.print_count += 1
        session.add(CertificatePrint(certificate_uid=cert.uid, printed_by=user, reprint=True,
                                     layout=options.layout.name, preprinted=options.preprinted, reason=reason.strip()))
        result.append(Issued(certificate_row(cert), True))
    session.flush()
    return result


def revoke_certificate(ws: Workspace, uid: str, reason: str, on: date | None = None) -> CertificateRow:
    """Revoke (作废) a certificate with a reason; its serial stays used and verification fails."""
    ws.require("staff", "作废证书")
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise UserError("请填写作废原因。")
    with ws.unit() as session:
        cert = _live(session, uid)
        if cert.status == "revoked":
            raise UserError(f"证书 {cert.serial} 已经作废。")
        cert.status = "revoked"
        cert.revoked_on = on or date.today()
        cert.revoked_reason = reason
        cert.revoked_by = ws.user.username if ws.user else ""
        session.flush()
        return certificate_row(cert)


def get_certificate(ws: Workspace, uid_or_serial: str) -> CertificateRow:
    with ws.read() as session:
        return certificate_row(_live(session, uid_or_serial))


@dataclass(frozen=True)
class PrintRecord:
    printed_at: Any
    printed_by: str
    reprint: bool
    layout: str
    preprinted: bool
    reason: str


def print_history(ws: Workspace, uid: str) -> list[PrintRecord]:
    """Every printing of a certificate, in words: who by display name, the layout as "A4 横版"."""
    with ws.read() as session:
        staff = staff_names_in(session)
        stmt = (
            select(CertificatePrint)
            .where(CertificatePrint.certificate_uid == uid)
            .order_by(CertificatePrint.printed_at)
        )
        return [PrintRecord(p.printed_at, staff_label(staff, p.printed_by), p.reprint, _layout_label(p.layout),
                            p.preprinted, p.reason)
                for p in session.scalars(stmt)]


def _layout_label(name: str) -> str:
    try:
        return load_layout(name).label
    except UserError:
        return ""


def find_by_code(session: Session, code: str) -> Certificate | None:
    return session.scalars(select(Certificate).where(Certificate.code == code)).first()


def kinds(site_role: str = "") -> list[tuple[str, str]]:
    """(kind, label) for choosers; with ``site_role``, only the kinds that level may issue (a
    community office: certificates about persons, the volunteer service record)."""
    return [(k, spec.label) for k, spec in KINDS.items()
            if not site_role or spec.subject_type == "person" or offers(site_role, "org_certificates")]


__all__ = ["CertificateRow", "Issued", "certificate_row", "get_certificate", "issue_in_session", "kind_spec",
           "print_history", "print_options", "reprint_in_session", "revoke_certificate", "serial_prefix"]
