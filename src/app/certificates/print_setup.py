"""This PC's certificate printing setup: paper mode, calibration, seal and logo images, wording.

Settings live in the data folder's settings.json (per PC, like the passbook printer's offset); the
seal and logo are copied into ``printing/`` of the data folder so the original may be moved.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from yichao.app.certificates.register import center_name, issuer_name, serial_prefix
from yichao.app.core.errors import UserError
from yichao.app.core.maintenance import store_settings
from yichao.app.core.workspace import Workspace
from yichao.app.pdf.document import check_image

IMAGES = ("seal", "logo")
MAX_OFFSET_MM = 30.0


@dataclass(frozen=True)
class PrintSetup:
    preprinted: bool
    offset_x_mm: float
    offset_y_mm: float
    prefix: str
    issuer: str
    center: str
    seal: Path | None
    logo: Path | None


def image_path(ws: Workspace, which: str) -> Path:
    return Path(ws.data_dir) / "printing" / f"{which}.png"


def get_setup(ws: Workspace) -> PrintSetup:
    s = ws.settings
    seal, logo = image_path(ws, "seal"), image_path(ws, "logo")
    return PrintSetup(bool(s.get("certificate_preprinted")), float(s.get("certificate_offset_x_mm") or 0.0),
                      float(s.get("certificate_offset_y_mm") or 0.0), serial_prefix(ws), issuer_name(ws),
                      center_name(ws), seal if seal.exists() else None, logo if logo.exists() else None)


def save_setup(ws: Workspace, *, preprinted: bool, offset_x_mm: float, offset_y_mm: float, prefix: str,
               issuer: str, center: str) -> PrintSetup:
    """Validate everything, then store it; nothing is stored when one value is refused."""
    ws.require("admin", "修改证书打印设置")
    prefix = prefix.strip().upper()
    if not prefix or not prefix.isascii() or not prefix.isalnum() or len(prefix) > 6:
        raise UserError("编号前缀应为 1 到 6 位字母或数字，如 DL。")
    for value, label in ((offset_x_mm, "水平"), (offset_y_mm, "垂直")):
        if not abs(value) <= MAX_OFFSET_MM:  # also refuses NaN
            raise UserError(f"{label}校准偏移不能超过 {MAX_OFFSET_MM:g} 毫米。")
    if not issuer.strip() or not center.strip():
        raise UserError("签发单位和孵化中心名称不能为空。")
    values = {"certificate_preprinted": bool(preprinted), "certificate_offset_x_mm": round(float(offset_x_mm), 1),
              "certificate_offset_y_mm": round(float(offset_y_mm), 1), "certificate_prefix": prefix,
              "certificate_issuer": issuer.strip(), "certificate_center": center.strip()}

    store_settings(ws, values)
    return get_setup(ws)


def set_image(ws: Workspace, which: str, source: Path | None) -> PrintSetup:
    """Use ``source`` (PNG/JPG) as the seal or logo; ``None`` removes it."""
    ws.require("admin", "修改证书打印设置")
    if which not in IMAGES:
        raise UserError("只能设置印章或标志图片。")
    target = image_path(ws, which)
    if source is None:
        target.unlink(missing_ok=True)
        return get_setup(ws)
    source = Path(source)
    if not source.is_file():
        raise UserError(f"找不到图片文件 {source}。")
    check_image(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)  # one file name; reportlab reads the picture by content, not extension
    return get_setup(ws)


def output_folder(ws: Workspace) -> Path:
    """Where the GUI writes the PDFs it previews (the user saves a copy where they like)."""
    folder = Path(ws.data_dir) / "printing" / "out"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
