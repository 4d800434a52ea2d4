"""Demo step: one exchange with a stand-in district, so the 数据同步 page has something to show.

A throw-away district is set up in a temporary folder; the two sites trust each other's keys, the
street sends its bundle, the district answers with a district-level record and its
acknowledgement. The district's folder is deleted afterwards; the street keeps the history, the
trusted key and the received record (trust the real district's key to exchange for real).
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from yichao.app.demo import DemoContext
from yichao.models.journal import bulk_apply
from yichao.models.organization import Organization

if TYPE_CHECKING:
    from yichao.app.core import Workspace


def run(ws: Workspace, ctx: DemoContext) -> str:
    from yichao.app.core import CLI_USER, initialize
    from yichao.app.sync import export_bundle, export_key_file, import_bundle, trust_key_file

    ws.require("staff", "生成演示数据")
    site = ws.site
    if site.role != "street":
        return "数据同步：区级站点不生成演示交换。"
    if ws.user is None or ws.user.role != "admin":
        return "数据同步：信任密钥需要管理员，跳过演示交换。"
    code = site.parent_code or site.code[:6]
    with tempfile.TemporaryDirectory(prefix="yichao-demo-district-") as tmp:
        root = Path(tmp)
        district = initialize(root / "district", "district", code, "历下区", "admin", secrets.token_urlsafe(12))
        try:
            district.user = CLI_USER
            seeded: dict[str, set[str]] = {}
            _seed_district(ws, district, code, seeded)
            export_key_file(ws, root / "street.key")
            export_key_file(district, root / "district.key")
            trust_key_file(district, root / "street.key")
            trust_key_file(ws, root / "district.key")
            sent = export_bundle(ws, code, root / "to-district.ycb")
            import_bundle(district, root / "to-district.ycb")
            _seed_district(ws, district, code, seeded)
            with district.unit() as session:
                session.add(Organization(name="历下区社会组织联合会", short_name="区社联", kind="association",
                                         stage="scaling", leader="区民政局"))
            export_bundle(district, site.code, root / "to-street.ycb")
            back = import_bundle(ws, root / "to-street.ycb")
        finally:
            district.close()
    return (f"数据同步：向区里发出第 {sent.seq} 号数据包（{sent.records} 条记录），"
            f"收到区里的第 {back.seq} 号数据包和回执。")


def _seed_district(street: Workspace, district: Workspace, code: str, seeded: dict[str, set[str]]) -> None:
    """Give the stand-in district the district records earlier demo steps put at the street
    (catalog items, ratings), as if it had written them itself. Called twice: before the street's
    bundle arrives only records that point at nothing of the street's, afterwards the rest."""
    from yichao.app.sync import table_codecs

    with street.read() as src, district.unit() as dst:
        dst.info["sync_apply"] = True
        for codec in table_codecs().values():
            t = codec.model.__table__  # type: ignore[attr-defined]
            done = seeded.setdefault(codec.name, set())
            rows = []
            for r in src.execute(select(t).where(t.c.origin == code)).mappings():
                free = all(not r[col] or r[col] in seeded.get(ref, ()) for col, ref in codec.foreign_keys)
                if r["uid"] not in done and (free or seeded.get("__second__")):
                    rows.append({**r, **codec.local})
                    done.add(r["uid"])
            bulk_apply(dst, codec.model, rows, [])
    seeded["__second__"] = {"yes"}
