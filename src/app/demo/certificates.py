"""Demo step: a certificate register with a history: issues of every kind, a reprint, a revocation.

Runs after the organizations, passbook and projects steps; kinds whose module is not there yet are
left out. Certificates go through the same print service the GUI uses (the PDFs are thrown away).
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from yichao.app.certificates import candidates, print_certificates, reprint_certificates, revoke_certificate
from yichao.app.core import USER_ERRORS
from yichao.app.demo import DemoContext
from yichao.app.orgs import STAGE_LABELS
from yichao.models.organization import Organization

if TYPE_CHECKING:
    from yichao.app.core import Workspace


def _orgs(ws: Workspace, stages: tuple[str, ...], limit: int) -> list[str]:
    with ws.read() as session:
        stmt = (select(Organization.uid).where(Organization.deleted.is_(False), Organization.stage.in_(stages))
                .order_by(Organization.name_initials).limit(limit))
        return list(session.scalars(stmt))


def _issue(ws: Workspace, kind: str, uids: list[str], folder: Path, on: date, extra: dict[str, Any] | None = None,
           want: int = 1000) -> list:
    """Issue what can be issued; a subject the rules refuse (no hours, no award) is skipped."""
    pages: list = []
    for uid in uids:
        if len(pages) >= want:
            break
        try:
            result = print_certificates(ws, kind, [uid], folder / f"{kind}.pdf", issued_on=on, extra=extra)
        except USER_ERRORS:
            continue
        pages.extend(result.pages)
    return pages


def run(ws: Workspace, ctx: DemoContext) -> str:
    ws.require("staff", "生成演示数据")
    today = date.today()
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(dir=ctx.scratch) as tmp:  # inside the shadow folder
        folder = Path(tmp)
        entry = _issue(ws, "entry", _orgs(ws, ("nursery", "accelerating", "scaling"), 6), folder,
                       today - timedelta(days=120))
        graduation = _issue(ws, "graduation", _orgs(ws, ("graduated",), 4), folder, today - timedelta(days=40))
        rated = _orgs(ws, ("scaling", "graduated"), 3)
        rating = _issue(ws, "rating", rated[:1], folder, today - timedelta(days=30))  # a recorded rating, if any
        rating += _issue(ws, "rating", rated[1:], folder, today - timedelta(days=30), {"stars": 4})
        volunteers = ctx.made.get("volunteer_uids") or [c.uid for c in candidates(ws, "volunteer", limit=40)]
        volunteer = _issue(ws, "volunteer", list(volunteers[:60]), folder, today - timedelta(days=7), want=8)
        award = [p for c in candidates(ws, "award", limit=5)
                 for p in _issue(ws, "award", [c.uid], folder, today - timedelta(days=14))]
        for kind, pages in (
            ("入驻", entry),
            (STAGE_LABELS["graduated"], graduation),
            ("星级", rating),
            ("志愿服务", volunteer),
            ("荣誉", award),
        ):
            counts[kind] = len(pages)
        issued = entry + graduation + rating + volunteer + award
        notes = []
        if len(issued) >= 2:
            reprint_certificates(ws, [issued[0].row.uid], folder / "reprint.pdf", reason="原证书污损，申请补打")
            notes.append(f"补打 {issued[0].row.serial}")
            revoke_certificate(ws, issued[-1].row.uid, "获证信息登记有误，已收回", today - timedelta(days=3))
            notes.append(f"作废 {issued[-1].row.serial}")
    made = "，".join(f"{k} {v} 张" for k, v in counts.items() if v) or "没有可签发证书的对象"
    ctx.made["certificate_uids"] = [p.row.uid for p in issued]
    return f"证书：{made}" + (f"（{'，'.join(notes)}）" if notes else "")
