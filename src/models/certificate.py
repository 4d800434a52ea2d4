"""The certificate register (证书登记簿): every certificate issued, every print, every revocation.

A certificate keeps a snapshot of exactly what was printed (``content``, JSON), so a reprint years
later shows the same words and the verification code can be re-checked against the record.
Serial numbers (``DL-2026-CK-0001``) are allocated per site, kind and year from the highest
sequence ever used; nothing is hard-deleted, so a serial is never reused.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from yichao.models.base import Base, SyncMixin, UTCDateTime, utcnow

CERTIFICATE_KINDS = ("entry", "graduation", "rating", "volunteer", "award")
CERTIFICATE_STATUSES = ("valid", "revoked")


class Certificate(SyncMixin, Base):
    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("origin", "serial", name="uq_certificate_origin_serial"),
        UniqueConstraint("origin", "kind", "year", "seq", name="uq_certificate_origin_kind_year_seq"),
    )

    serial: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    seq: Mapped[int] = mapped_column(Integer)
    subject_type: Mapped[str] = mapped_column(String(16))  # organization | person | project
    subject_uid: Mapped[str] = mapped_column(String(36), index=True)
    # what makes two issues "the same certificate" (e.g. organization + rating year); see subjects
    dedupe_key: Mapped[str] = mapped_column(String(120), default="", index=True)
    recipient: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date, index=True)
    issuer: Mapped[str] = mapped_column(String(120))
    issued_by: Mapped[str] = mapped_column(String(64), default="")
    content: Mapped[str] = mapped_column(Text)  # JSON: every text printed on the certificate
    code: Mapped[str] = mapped_column(String(16), unique=True)  # verification code, no hyphen
    status: Mapped[str] = mapped_column(String(12), default="valid", index=True)
    revoked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_by: Mapped[str] = mapped_column(String(64), default="")
    print_count: Mapped[int] = mapped_column(Integer, default=0)


class CertificatePrint(SyncMixin, Base):
    """One print of a certificate: the first issue, or a reprint (补打), with layout and paper mode."""

    __tablename__ = "certificate_print"

    certificate_uid: Mapped[str] = mapped_column(ForeignKey("certificate.uid"), index=True)
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    printed_by: Mapped[str] = mapped_column(String(64), default="")
    reprint: Mapped[bool] = mapped_column(default=False)
    layout: Mapped[str] = mapped_column(String(40), default="")
    preprinted: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
