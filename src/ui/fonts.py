"""The interface font: the system's own Chinese UI font where there is one (hinted, sharp on a
Windows screen), the shipped WenQuanYi Micro Hei only where there is none, so Chinese never shows
as boxes. PDFs always embed the shipped font (``yichao.app.pdf``), whatever the screen uses."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from yichao.resources import CJK_FONT_PATH

log = logging.getLogger(__name__)

# Chinese Windows has the first two (Vista and later) and SimSun (every version); the others are
# the macOS and Linux equivalents. Every one of them covers Simplified Chinese.
SYSTEM_UI_FAMILIES: tuple[str, ...] = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun",
)


def system_cjk_family(candidates: tuple[str, ...] = SYSTEM_UI_FAMILIES) -> str | None:
    """The first of ``candidates`` installed on this PC, or None."""
    for family in candidates:
        if QFontDatabase.hasFamily(family):
            return family
    return None


def install_cjk_font(app: QApplication, candidates: tuple[str, ...] = SYSTEM_UI_FAMILIES) -> str:
    """Make a Chinese font the application font; returns its family name.

    Loading the shipped font reads a 5 MB file, so it is done only when the system has none.
    """
    family = system_cjk_family(candidates) or _add_bundled_font()
    if family is None:
        return app.font().family()
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    return family


def _add_bundled_font() -> str | None:
    font_id = QFontDatabase.addApplicationFont(str(CJK_FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("could not load the CJK font %s", CJK_FONT_PATH)
        return None
    return families[0]
