"""`yichao check` for the certificate register: codes match the site key, print counts add up."""

from __future__ import annotations

from sqlalchemy import func, select

from yichao.app.certificates.verification import derive_code, site_key
from yichao.app.core.check import register
from yichao.app.core.workspace import Workspace
from yichao.models.certificate import Certificate, CertificatePrint


@register("证书登记簿")
def check_register(ws: Workspace) -> list[str]:
    problems: list[str] = []
    key = site_key(ws, create=False)
    with ws.read() as session:
        prints = dict(session.execute(
            select(CertificatePrint.certificate_uid, func.count(CertificatePrint.uid))
            .where(CertificatePrint.deleted.is_(False)).group_by(CertificatePrint.certificate_uid)).all())
        local = select(Certificate).where(Certificate.origin == ws.site.code).execution_options(yield_per=1000)
        for cert in session.scalars(local):
            if key is not None and derive_code(key, cert.serial, cert.kind, cert.recipient,
                                               cert.issued_on.isoformat(), cert.subject_uid) != cert.code:
                problems.append(f"证书 {cert.serial} 的登记内容与验证码不符，可能被改动过。")
            if prints.get(cert.uid, 0) != cert.print_count:
                problems.append(
                    f"证书 {cert.serial} 记录打印 {cert.print_count} 次，打印记录却有 {prints.get(cert.uid, 0)} 条。"
                )
        if key is None and session.scalar(
            select(func.count(Certificate.uid)).where(Certificate.origin == ws.site.code)
        ):
            problems.append("本站签发过证书，但数据文件夹里没有证书密钥（keys/certificate.key），验证码无法复核；请从备份恢复。")
    return problems
